"""Courses: the Wagtail content tree, module blocks, and the learner's progress through it."""
