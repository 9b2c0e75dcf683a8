"""Content schema, YAML loading with located errors, and cross-file checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from course.content.loader import Course, load_course

__all__ = ["Course", "load_course"]


def __getattr__(name: str):
    # Loaded on first use: the activity units import the content's base models, and the loader
    # imports the units back, so this package must not import the loader when it is first entered.
    if name in __all__:
        from course.content import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
