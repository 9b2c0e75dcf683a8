"""What every content model is made of: strict models, stable ids and texts in every language."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

LANGUAGES = ("fr", "en")

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="Stable identifier: lowercase letters, digits and single hyphens.",
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """A text shown to users, in every language the course ships."""

    fr: str | None = Field(None, description="French text.")
    en: str | None = Field(None, description="English text.")

    def get(self, lang: str) -> str:
        """The text in `lang`, or the other language marked as a fallback (never empty)."""
        value = getattr(self, lang, None)
        if value:
            return value
        for other in LANGUAGES:
            fallback = getattr(self, other, None)
            if fallback:
                return f"[{other}] {fallback}"
        return ""

    def missing_languages(self) -> list[str]:
        return [lang for lang in LANGUAGES if not (getattr(self, lang) or "").strip()]
