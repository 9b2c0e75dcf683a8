"""What every content model is made of: strict models, stable ids and texts in every language."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from course import languages

Id = Annotated[
    str,
    Field(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$",
        description="Stable identifier: lowercase letters, digits and single hyphens.",
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(BaseModel):
    """A text shown to users: one entry per language code (`fr: …`, `en: …`), read as `text.fr` or
    `text.get(lang)`. Any code validates here; `course check` refuses a code that is not a registered
    language and reports a missing text (an error for a released language, a warning for a draft)."""

    model_config = ConfigDict(extra="allow", frozen=True)
    __pydantic_extra__: dict[str, str | None]

    @model_validator(mode="before")
    @classmethod
    def _keys_are_language_codes(cls, value: object) -> object:
        if isinstance(value, dict):
            wrong = [key for key in value if not isinstance(key, str) or not languages.CODE.match(key)]
            if wrong:
                raise ValueError(f"{wrong[0]!r} is not a language code: write fr: …, en: …")
        return value

    def __getattr__(self, name: str) -> str | None:
        try:
            return super().__getattr__(name)  # type: ignore[misc]  # pydantic hides it from type checkers
        except AttributeError:
            if name in languages.codes():
                return None  # a registered language this text lacks
            raise

    def value(self, lang: str) -> str | None:
        """The text in `lang` as written, or None."""
        return (self.__pydantic_extra__ or {}).get(lang)

    def written_in(self) -> list[str]:
        """The codes this text is written in."""
        return list(self.__pydantic_extra__ or {})

    def get(self, lang: str) -> str:
        """The text in `lang`. A language without it (a draft: `course check` makes a released one
        complete) gets the default language's text, marked as such."""
        value = self.value(lang)
        if value:
            return value
        fallback = languages.default()
        value = self.value(fallback)
        return f"[{fallback}] {value}" if value else ""

    def missing_languages(self, among: tuple[str, ...] | None = None) -> list[str]:
        """The registered languages (or `among`) this text lacks."""
        return [lang for lang in (among or languages.codes()) if not (self.value(lang) or "").strip()]
