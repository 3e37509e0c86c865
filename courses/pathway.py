"""Pure rules for a learner's way through a course: which module is open, what comes next, and what
is still missing before credit.

No queries here: selectors load the rows into a LearnerCourseState, these functions decide. Every
page, view, service and template that asks "may the learner do this yet?" or "what is left?" reads
the answer of ``course_steps`` (through ``LearnerCourseState.requirements``); none re-derives it.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse

from courses.models import CoursePage, CreditType, Enrollment, ModulePage, ModuleProgress
from lms.accounts.models import Profession


class ModuleStatus(StrEnum):
    LOCKED = "locked"
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"


STATUS_LABELS = {
    ModuleStatus.LOCKED: "Locked",
    ModuleStatus.NOT_STARTED: "Not started",
    ModuleStatus.IN_PROGRESS: "In progress",
    ModuleStatus.COMPLETE: "Complete",
}


@dataclass(frozen=True)
class ModuleState:
    module: ModulePage
    status: ModuleStatus
    progress: ModuleProgress | None
    locked_by: ModulePage | None  # the first earlier module still to complete

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def is_open(self) -> bool:
        return self.status != ModuleStatus.LOCKED


def module_states(
    modules: list[ModulePage], progress: dict[int, ModuleProgress], *, in_order: bool
) -> list[ModuleState]:
    """Each module's status, in course order. In-order courses lock everything after the first gap."""
    states: list[ModuleState] = []
    first_incomplete: ModulePage | None = None
    for module in modules:
        record = progress.get(module.pk)
        if record is not None and record.completed_at is not None:
            status = ModuleStatus.COMPLETE
        elif in_order and first_incomplete is not None:
            status = ModuleStatus.LOCKED
        elif record is not None:
            status = ModuleStatus.IN_PROGRESS
        else:
            status = ModuleStatus.NOT_STARTED
        locked_by = first_incomplete if status == ModuleStatus.LOCKED else None
        states.append(ModuleState(module=module, status=status, progress=record, locked_by=locked_by))
        if status != ModuleStatus.COMPLETE and first_incomplete is None:
            first_incomplete = module
    return states


def next_module(states: list[ModuleState]) -> ModuleState | None:
    """Where to continue: the module in progress, else the first open module not yet complete."""
    open_incomplete = [s for s in states if s.is_open and s.status != ModuleStatus.COMPLETE]
    seen = [(s.progress.last_seen_at, i) for i, s in enumerate(open_incomplete) if s.progress is not None]
    if seen:
        return open_incomplete[max(seen)[1]]
    return open_incomplete[0] if open_incomplete else None


def seconds_left(progress_seconds: int, minimum_seconds: int) -> int:
    return max(0, minimum_seconds - progress_seconds)


def minutes_phrase(seconds: int) -> str:
    """'about 3 minutes', rounded up, for messages about time left."""
    minutes = max(1, -(-seconds // 60))
    return f"about {minutes} minute{'s' if minutes != 1 else ''}"


# Which credit a profession may claim; everyone else gets a certificate of participation.
CREDIT_TYPE_FOR_PROFESSION = {
    Profession.PHYSICIAN: CreditType.AMA_PRA_1,
    Profession.NURSE: CreditType.ANCC_CONTACT_HOURS,
    Profession.NURSE_PRACTITIONER: CreditType.ANCC_CONTACT_HOURS,
}


def credit_type_for(profession: str) -> str:
    return CREDIT_TYPE_FOR_PROFESSION.get(Profession(profession), CreditType.PARTICIPATION)


class Step(StrEnum):
    """The steps of a course, in the order a learner meets them."""

    ENROLL = "enroll"
    DISCLOSURES = "disclosures"
    PRETEST = "pretest"
    MODULE = "module"
    POSTTEST = "posttest"
    EVALUATION = "evaluation"
    PROFILE = "profile"
    CLAIM = "claim"
    CERTIFICATE = "certificate"  # claimed: the certificate is pending, issued or failed
    CLOSED = "closed"  # outside the activity's dates, or the certificate was revoked: nothing to do


# What each step needs done first. The pre-test never blocks the modules (its score blocks nothing);
# the post-test waits for it too, because it repeats the pre-test's questions: a baseline taken after
# the post-test measures nothing. Claiming needs every requirement.
NEEDS: dict[Step, tuple[Step, ...]] = {
    Step.DISCLOSURES: (Step.ENROLL,),
    Step.PRETEST: (Step.ENROLL, Step.DISCLOSURES),
    Step.MODULE: (Step.ENROLL, Step.DISCLOSURES),
    Step.POSTTEST: (Step.ENROLL, Step.DISCLOSURES, Step.PRETEST, Step.MODULE),
    Step.EVALUATION: (Step.ENROLL, Step.DISCLOSURES, Step.MODULE),
}

# The label of the button that takes the learner to each step (the module step has its own).
STEP_LABELS = {
    Step.ENROLL: "Enroll in this course",
    Step.DISCLOSURES: "Read the disclosures",
    Step.PRETEST: "Take the pre-test",
    Step.POSTTEST: "Take the post-test",
    Step.EVALUATION: "Complete the evaluation",
    Step.PROFILE: "Fill in your profile",
    Step.CLAIM: "Claim credit and get your certificate",
    Step.CERTIFICATE: "View your certificate",
}


@dataclass(frozen=True)
class Requirement:
    """One thing still to do (or in the way) before credit, in the learner's words."""

    step: Step
    text: str


@dataclass(frozen=True)
class LearnerCourseState:
    """Where one learner stands in one course: the rows the rules need, loaded by a selector."""

    course: CoursePage
    enrollment: Enrollment | None
    acknowledged: bool
    modules: list[ModuleState]
    next_module: ModuleState | None
    today: datetime.date
    evaluated: bool = False
    # (page id, kind) of each quiz the learner passed, and of each they submitted at all
    passed_quizzes: frozenset[tuple[int, str]] = frozenset()
    taken_quizzes: frozenset[tuple[int, str]] = frozenset()
    # The learner's profession, or None before the profile is filled in
    profession: str | None = None
    # The credit types the course designates
    credit_types: frozenset[str] = frozenset()
    # The learner's live certificate for the course, and when an earlier one was revoked
    certificate_id: uuid.UUID | None = None
    revoked_on: datetime.date | None = None

    @property
    def has_pretest(self) -> bool:
        return bool(self.course.pretest)

    @property
    def has_posttest(self) -> bool:
        return bool(self.course.posttest) or (self.course.posttest_reuses_pretest and self.has_pretest)

    @property
    def pretest_taken(self) -> bool:
        return (self.course.pk, "pre") in self.taken_quizzes

    @property
    def posttest_passed(self) -> bool:
        return (self.course.pk, "post") in self.passed_quizzes

    def module_quiz_passed(self, module: ModulePage) -> bool:
        return (module.pk, "module") in self.passed_quizzes

    @property
    def modules_complete(self) -> int:
        return sum(1 for s in self.modules if s.status == ModuleStatus.COMPLETE)

    @property
    def percent(self) -> int:
        return round(100 * self.modules_complete / len(self.modules)) if self.modules else 0

    @property
    def all_modules_complete(self) -> bool:
        return bool(self.modules) and self.modules_complete == len(self.modules)

    @cached_property
    def requirements(self) -> list[Requirement]:
        """Everything still missing before credit, in course order (see ``course_steps``)."""
        return course_steps(self)

    @property
    def left_for_credit(self) -> list[str]:
        return [r.text for r in self.requirements]

    @property
    def eligible(self) -> bool:
        """May claim credit now (and has not claimed it yet)."""
        return not self.requirements and self.certificate_id is None

    def missing_before(self, step: Step) -> list[str]:
        """What the learner must do before ``step`` opens; empty when it is open."""
        needs = NEEDS.get(step, tuple(Step))
        return [r.text for r in self.requirements if r.step in needs]

    @property
    def next_action(self) -> Step:
        """The one step a page offers next: the first requirement, else the claim, else the certificate."""
        if self.certificate_id is not None:
            return Step.CERTIFICATE
        if self.enrollment is None:
            return Step.ENROLL
        if not self.requirements:
            return Step.CLAIM
        # The activity's dates and a revocation close the claim, not the course: keep the learner going.
        steps: list[Step] = [r.step for r in self.requirements if r.step != Step.CLOSED] or [Step.CLOSED]
        first = steps[0]
        # The pre-test is the way in only before the first module: once modules are under way it stays
        # on the list for credit, and the next step is where the learner left off.
        if first == Step.PRETEST and self.modules_complete and self.next_module is not None:
            return Step.MODULE
        return first

    @property
    def next_url(self) -> str:
        """Where the next step's button goes ("" when there is nothing to do)."""
        course = self.course
        match self.next_action:
            case Step.MODULE if self.next_module is not None:
                return str(self.next_module.module.url)
            case Step.ENROLL:
                return str(course.url)
            case Step.DISCLOSURES:
                return reverse("courses:disclosures", args=[course.pk])
            case Step.PRETEST:
                return reverse("quizzes:overview", args=[course.pk, "pre"])
            case Step.POSTTEST:
                return reverse("quizzes:overview", args=[course.pk, "post"])
            case Step.EVALUATION:
                return reverse("courses:evaluation", args=[course.pk])
            case Step.PROFILE:
                back = reverse("certificates:claim", args=[course.pk])
                return f"{reverse('accounts:profile')}?{urlencode({'next': back})}"
            case Step.CLAIM:
                return reverse("certificates:claim", args=[course.pk])
            case Step.CERTIFICATE if self.certificate_id is not None:
                return reverse("certificates:status", args=[self.certificate_id])
        return ""

    @property
    def next_step(self) -> str:
        """The next step in words: the module by name, else the label of the step's button."""
        if self.next_action == Step.MODULE and self.next_module is not None:
            verb = "Continue" if self.next_module.status == ModuleStatus.IN_PROGRESS else "Start"
            return f"{verb}: {self.next_module.module.title}"
        return STEP_LABELS.get(self.next_action, "")

    @property
    def next_label(self) -> str:
        """The label of the next step's button."""
        if self.next_action == Step.MODULE and self.next_module is not None:
            if self.next_module.status == ModuleStatus.IN_PROGRESS:
                return "Continue where you left off"
            return "Start the next module"
        return STEP_LABELS.get(self.next_action, "")


def course_steps(state: LearnerCourseState) -> list[Requirement]:
    """The credit-eligibility rule, once: what the learner must still do before claiming credit.

    In course order: inside the activity's dates, not revoked, enrolled, disclosures acknowledged,
    the pre-test taken where the course has one, every module complete, the post-test passed, the
    evaluation submitted, a profile whose profession the course credits.
    """
    course, left = state.course, []
    if state.today < course.release_date:
        left.append(Requirement(Step.CLOSED, f"This activity opens on {course.release_date:%-d %B %Y}."))
    elif state.today > course.expiration_date:
        left.append(
            Requirement(
                Step.CLOSED,
                f"This activity expired on {course.expiration_date:%-d %B %Y}: credit can no longer be claimed.",
            )
        )
    if state.revoked_on is not None and state.certificate_id is None:
        left.append(
            Requirement(
                Step.CLOSED,
                f"Your certificate for this course was revoked on {state.revoked_on:%-d %B %Y}, so credit cannot "
                "be claimed again. Contact the course administrators if you think this is a mistake.",
            )
        )
    if state.enrollment is None:
        left.append(Requirement(Step.ENROLL, "Enroll in the course"))
    if not state.acknowledged:
        left.append(Requirement(Step.DISCLOSURES, "Acknowledge the faculty disclosures"))
    if state.has_pretest and not state.pretest_taken:
        left.append(Requirement(Step.PRETEST, "Take the pre-test"))
    remaining = len(state.modules) - state.modules_complete
    if remaining:
        left.append(Requirement(Step.MODULE, f"Complete {remaining} more module{'s' if remaining != 1 else ''}"))
    if state.has_posttest and not state.posttest_passed:
        left.append(Requirement(Step.POSTTEST, "Pass the post-test"))
    if not state.evaluated:
        left.append(Requirement(Step.EVALUATION, "Complete the course evaluation"))
    if state.profession is None:
        left.append(Requirement(Step.PROFILE, "Fill in your profile (your name as it must appear on the certificate)"))
    elif credit_type_for(state.profession) not in state.credit_types:
        label = Profession(state.profession).label.lower()
        text = f"This course offers no credit for a {label}: check the profession in your profile"
        left.append(Requirement(Step.PROFILE, text))
    return left
