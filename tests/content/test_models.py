"""The schema itself: strict, documented, and its Text helper."""

import typing

import pytest
from pydantic import BaseModel, ValidationError

from course.content import models


def all_models() -> list[type[BaseModel]]:
    return [
        value
        for value in vars(models).values()
        if isinstance(value, type) and issubclass(value, BaseModel) and value.__module__ == models.__name__
    ]


@pytest.mark.parametrize("model", all_models(), ids=lambda m: m.__name__)
def test_every_field_is_described_and_unknown_fields_are_refused(model):
    if model is models.Text:  # its fields are language codes: `course check` refuses unknown ones
        return
    assert model.model_config.get("extra") == "forbid"
    undocumented = [name for name, field in model.model_fields.items() if not field.description]
    assert undocumented == []


def test_text_falls_back_loudly_to_the_default_language():
    """Only where `course check` already failed (a released language) or for a draft."""
    text = models.Text(fr="Bonjour")
    assert text.get("fr") == "Bonjour"
    assert text.get("en") == "[fr] Bonjour"
    assert text.en is None and text.fr == "Bonjour"
    assert text.missing_languages() == ["en"]


def test_a_text_key_must_look_like_a_language_code():
    with pytest.raises(ValidationError, match="not a language code"):
        models.Text.model_validate({"French": "Bonjour"})


def test_every_activity_type_is_in_the_union():
    members = typing.get_args(typing.get_args(models.Activity)[0])
    tags = [typing.get_args(m.model_fields["type"].annotation)[0] for m in members]
    assert tags == list(models.ACTIVITY_TYPES)


def test_verified_must_be_a_real_year_and_month():
    with pytest.raises(ValidationError, match="must be a year and month"):
        models.Helpline.model_validate(
            {
                "id": "x",
                "name": {"fr": "a"},
                "purpose": {"fr": "a"},
                "contact": {"fr": "a"},
                "who": {"fr": "a"},
                "verified": "2026-13",
            }
        )
