from __future__ import annotations

from .pages import CourseFaculty, CourseIndexPage, CoursePage, CreditDesignation, CreditType, HomePage, ModulePage

__all__ = [
    "CourseFaculty",
    "CourseIndexPage",
    "CoursePage",
    "CreditDesignation",
    "CreditType",
    "HomePage",
    "ModulePage",
]
