"""Content schema, YAML loading with located errors, and cross-file checks."""

from course.content.loader import Course, load_course

__all__ = ["Course", "load_course"]
