"""What each choice of an activity says, in one language: the screen, the projector and the print
pack word them the same way."""

from __future__ import annotations

from course.activities.base import ActivityBase
from course.locales import t


def item_labels(activity: ActivityBase, lang: str) -> dict[str, str]:
    """What each option, message, part, item or toggle says, by id ("True" and "False" in the app's
    own words)."""
    return {
        choice.id: choice.text.get(lang) if choice.text else t(f"activity.{choice.id}", lang)
        for choice in activity.choices()
    }
