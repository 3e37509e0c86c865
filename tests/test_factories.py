"""The test builders build rows the project itself would write: constraints hold, and a learner
built ready to claim is what the claim page calls eligible."""

from __future__ import annotations

import pytest

from courses.models import CoursePage
from courses.selectors import learner_course_state
from lms.accounts.models import User
from lms.accounts.validators import npi_is_valid
from quizzes.models import QuizKind
from tests.factories import (
    CertificateFactory,
    ClinicianProfileFactory,
    EnrollmentFactory,
    QuizAttemptFactory,
    modules_of,
    publish,
    quiz_json,
    ready_to_claim,
)


@pytest.mark.parametrize(
    "profession", ["physician", "nurse", "nurse_practitioner", "physician_assistant", "pharmacist"]
)
def test_each_profession_trait_builds_a_profile_the_database_accepts(profession: str, db: None) -> None:
    profile = ClinicianProfileFactory.create(**{profession: True})
    profile.full_clean()
    assert profile.profession == profession
    if profession == "physician":
        assert npi_is_valid(profile.npi) and profile.licence_number
    if profession == "pharmacist":
        assert profile.nabp_eprofile_id and (profile.birth_month, profile.birth_day) == (4, 9)


def test_a_learner_ready_to_claim_is_eligible(learner_ready_to_claim: User, evaluated_course: CoursePage) -> None:
    state = learner_course_state(user=learner_ready_to_claim, course=evaluated_course)
    assert state.left_for_credit == [] and state.eligible


def test_a_learner_ready_to_claim_a_course_with_a_post_test_has_passed_it(evaluated_course: CoursePage) -> None:
    publish(evaluated_course, pretest=quiz_json(3), posttest=quiz_json(3))
    user = ready_to_claim(evaluated_course)
    assert learner_course_state(user=user, course=evaluated_course).left_for_credit == []
    pre, post = user.quiz_attempts.get(kind=QuizKind.PRE), user.quiz_attempts.get(kind=QuizKind.POST)
    assert pre.kind == QuizKind.PRE and pre.passed is False and pre.score == 0  # a baseline; it never blocks
    assert post.kind == QuizKind.POST and post.passed and post.score == 100


def test_a_submitted_attempt_is_graded_from_its_snapshot(course: CoursePage) -> None:
    module = publish(modules_of(course)[0], quiz=quiz_json(3))
    enrollment = EnrollmentFactory.create(course=course, acknowledged=True)
    wrong = QuizAttemptFactory.create(
        enrollment=enrollment, page=module, kind=QuizKind.MODULE, submitted=True, right=False
    )
    assert wrong.question_count == 5 and wrong.score == 0 and wrong.passed is False
    assert wrong.results == dict.fromkeys(wrong.answers, False)


def test_a_certificate_freezes_the_record_of_its_claim(course: CoursePage) -> None:
    certificate = CertificateFactory.create(claim__enrollment__course=course, issued=True)
    assert certificate.record["learner_name"] == certificate.user.clinician_profile.full_name_for_certificate
    assert certificate.record["credit_type"] == certificate.claim.credit_type == "ama_pra_1"
    assert certificate.is_issued and certificate.pdf.name
