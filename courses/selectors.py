"""Reads for the course pages. Query counts stay flat as courses and modules grow."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from django.db.models import Q, QuerySet

from courses.models import CourseIndexPage, CoursePage, Enrollment, ModulePage, ModuleProgress
from courses.page_cache import remember
from courses.pathway import ModuleState, ModuleStatus, module_states, next_module

if TYPE_CHECKING:
    from django.contrib.auth.base_user import AbstractBaseUser
    from django.contrib.auth.models import AnonymousUser


def catalog_courses(catalog: CourseIndexPage) -> QuerySet[CoursePage]:
    """Live courses of a catalog, with their credit designations, in tree order."""
    return CoursePage.objects.live().public().child_of(catalog).prefetch_related("credit_designations").order_by("path")


def course_modules(course: CoursePage) -> QuerySet[ModulePage]:
    return ModulePage.objects.live().public().child_of(course).order_by("path")


def course_of(module: ModulePage, *, live_only: bool = False) -> CoursePage | None:
    """The course a module belongs to (its parent by the page-type rules)."""
    qs = CoursePage.objects.live().public() if live_only else CoursePage.objects.all()
    return qs.filter(path=module.path[: -ModulePage.steplen]).first()


def course_detail(course: CoursePage, user: AbstractBaseUser | AnonymousUser | None = None) -> dict[str, Any]:
    """The course page: modules, faculty, statements, and the learner's state when signed in."""
    modules = list(course_modules(course).defer("body"))
    designations = list(course.credit_designations.all())
    return {
        "modules": modules,
        "faculty": list(course.faculty.all()),
        "designations": [(d, course.designation_statement(d)) for d in designations],
        "learner": _learner_state(user, course, modules),
    }


def module_detail(module: ModulePage, user: AbstractBaseUser | AnonymousUser | None = None) -> dict[str, Any]:
    """The module's course and its neighbours, and the learner's state when signed in."""
    # Wagtail's routing has loaded the parent already (and its specific page): no query.
    parent = module.get_parent()
    if parent is not None and not isinstance(parent, CoursePage):
        parent = parent.specific
    course = parent if isinstance(parent, CoursePage) else None
    siblings: list[ModulePage] = []
    if course is not None:
        siblings = remember(f"modules:{course.pk}", lambda: list(course_modules(course).defer("body")))
    ids = [m.pk for m in siblings]
    position = ids.index(module.pk) if module.pk in ids else -1
    learner = _learner_state(user, course, siblings, with_attempts=bool(module.quiz)) if course is not None else None
    module_state = next((s for s in learner.modules if s.module.pk == module.pk), None) if learner else None
    return {
        "course": course,
        "modules": siblings,
        "module_number": position + 1 if position >= 0 else None,
        "previous_module": siblings[position - 1] if position > 0 else None,
        "next_module": siblings[position + 1] if 0 <= position < len(siblings) - 1 else None,
        "learner": learner,
        "module_state": module_state,
    }


NEXT_STEP_LABELS = {
    "enroll": "Enroll",
    "disclosures": "Read the disclosures",
    "pretest": "Take the pre-test",
    "posttest": "Pass the post-test",
    "evaluation": "Complete the evaluation",
    "claim": "Claim your credit",
}


@dataclass(frozen=True)
class LearnerCourseState:
    """Where one learner stands in one course."""

    course: CoursePage
    enrollment: Enrollment | None
    acknowledged: bool
    modules: list[ModuleState]
    next_module: ModuleState | None
    # (page id, kind) of each quiz the learner passed, and the kinds of course-level quizzes taken
    passed_quizzes: frozenset[tuple[int, str]] = frozenset()
    taken_quizzes: frozenset[tuple[int, str]] = frozenset()

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

    @property
    def evaluated(self) -> bool:
        return self.enrollment is not None and hasattr(self.enrollment, "evaluation")

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

    @property
    def next_action(self) -> str:
        """The one rule for what comes next; pages and the dashboard show it, none re-derives it."""
        if self.enrollment is None:
            return "enroll"
        if not self.acknowledged:
            return "disclosures"
        if self.has_pretest and not self.pretest_taken and self.modules_complete == 0:
            return "pretest"
        if self.next_module is not None:
            return "module"
        if self.has_posttest and not self.posttest_passed:
            return "posttest"
        if not self.evaluated:
            return "evaluation"
        return "claim"

    @property
    def next_step(self) -> str:
        if self.next_action == "module" and self.next_module is not None:
            verb = "Continue" if self.next_module.status == ModuleStatus.IN_PROGRESS else "Start"
            return f"{verb}: {self.next_module.module.title}"
        return NEXT_STEP_LABELS[self.next_action]

    @property
    def left_for_credit(self) -> list[str]:
        """What the learner still has to do before claiming credit (later steps join as they exist)."""
        left = []
        if self.enrollment is None:
            left.append("Enroll in the course")
        if not self.acknowledged:
            left.append("Acknowledge the faculty disclosures")
        remaining = len(self.modules) - self.modules_complete
        if remaining:
            left.append(f"Complete {remaining} module{'s' if remaining != 1 else ''}")
        if self.has_posttest and not self.posttest_passed:
            left.append("Pass the post-test")
        if not self.evaluated:
            left.append("Complete the evaluation")
        return left


def _course_state(
    course: CoursePage,
    enrollment: Enrollment | None,
    modules: list[ModulePage],
    progress: dict[int, ModuleProgress],
    attempts: list[tuple[int, str, bool | None]] | None = None,
) -> LearnerCourseState:
    states = module_states(modules, progress, in_order=course.modules_in_order)
    attempts = attempts or []
    return LearnerCourseState(
        course=course,
        enrollment=enrollment,
        acknowledged=enrollment is not None and hasattr(enrollment, "acknowledgement"),
        modules=states,
        next_module=next_module(states) if enrollment is not None else None,
        passed_quizzes=frozenset((page_id, kind) for page_id, kind, passed in attempts if passed),
        taken_quizzes=frozenset((page_id, kind) for page_id, kind, _ in attempts),
    )


def _submitted_attempts(enrollment_ids: list[int]) -> dict[int, list[tuple[int, str, bool | None]]]:
    from quizzes.models import AttemptStatus, QuizAttempt

    found: dict[int, list[tuple[int, str, bool | None]]] = {pk: [] for pk in enrollment_ids}
    rows = QuizAttempt.objects.filter(enrollment_id__in=enrollment_ids, status=AttemptStatus.SUBMITTED).values_list(
        "enrollment_id", "page_id", "kind", "passed"
    )
    for enrollment_id, page_id, kind, passed in rows:
        found[enrollment_id].append((page_id, kind, passed))
    return found


def _learner_state(
    user: AbstractBaseUser | AnonymousUser | None,
    course: CoursePage,
    modules: list[ModulePage],
    *,
    with_attempts: bool = True,
) -> LearnerCourseState | None:
    """The learner's state in a course. A module page without a quiz needs no quiz attempts (one query less)."""
    if user is None or not user.is_authenticated:
        return None
    enrollment = (
        Enrollment.objects.select_related("acknowledgement", "evaluation")
        .filter(user_id=cast(int, user.pk), course=course)
        .first()
    )
    progress: dict[int, ModuleProgress] = {}
    attempts: list[tuple[int, str, bool | None]] = []
    if enrollment is not None:
        enrollment.course = course  # already loaded: spare the services a query
        progress = {p.module_id: p for p in enrollment.module_progress.all()}
        if with_attempts:
            attempts = _submitted_attempts([enrollment.pk])[enrollment.pk]
    return _course_state(course, enrollment, modules, progress, attempts)


def learner_course_state(user: AbstractBaseUser | AnonymousUser, course: CoursePage) -> LearnerCourseState:
    """One course for one learner: 4 queries whatever the number of modules (1 when anonymous)."""
    modules = list(course_modules(course).defer("body"))
    return _learner_state(user, course, modules) or _course_state(course, None, modules, {})


def learner_dashboard(user: AbstractBaseUser | AnonymousUser) -> list[LearnerCourseState]:
    """Every course the learner is enrolled in, most recent first: 3 queries whatever their number."""
    enrollments = list(
        Enrollment.objects.filter(user_id=cast(int, user.pk))
        .select_related("course", "acknowledgement", "evaluation")
        .order_by("-enrolled_at")
    )
    if not enrollments:
        return []
    courses = [e.course for e in enrollments]
    children = Q()
    for course in courses:
        children |= Q(path__startswith=course.path, depth=course.depth + 1)
    modules_by_course: dict[int, list[ModulePage]] = {c.pk: [] for c in courses}
    parent_by_prefix = {c.path: c.pk for c in courses}
    for module in ModulePage.objects.live().public().filter(children).defer("body").order_by("path"):
        modules_by_course[parent_by_prefix[module.path[: -ModulePage.steplen]]].append(module)
    progress: dict[int, dict[int, ModuleProgress]] = {e.pk: {} for e in enrollments}
    for record in ModuleProgress.objects.filter(enrollment__in=enrollments):
        progress[record.enrollment_id][record.module_id] = record
    attempts = _submitted_attempts([e.pk for e in enrollments])
    return [
        _course_state(e.course, e, modules_by_course[e.course.pk], progress[e.pk], attempts[e.pk]) for e in enrollments
    ]


def learner_statuses(user: AbstractBaseUser | AnonymousUser) -> dict[int, LearnerCourseState]:
    """For the catalog's status lines, keyed by course id: no queries when anonymous, else 3."""
    if not user.is_authenticated:
        return {}
    return {state.course.pk: state for state in learner_dashboard(user)}
