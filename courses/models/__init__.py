from __future__ import annotations

from .evaluation import EvaluationResponse
from .pages import CourseFaculty, CourseIndexPage, CoursePage, CreditDesignation, CreditType, HomePage, ModulePage
from .progress import DisclosureAcknowledgement, Enrollment, ModuleProgress

__all__ = [
    "EvaluationResponse",
    "DisclosureAcknowledgement",
    "Enrollment",
    "ModuleProgress",
    "CourseFaculty",
    "CourseIndexPage",
    "CoursePage",
    "CreditDesignation",
    "CreditType",
    "HomePage",
    "ModulePage",
]
