"""Teacher sign-ins in the store: a forged, expired or signed-out cookie never holds, on any server."""

import datetime

import pytest
from sqlalchemy import update

from course.classroom import teacher_pass
from course.progress.tables import teacher_sign_ins


@pytest.fixture
def engine(store):
    return store.engine


def test_a_sign_in_holds_until_it_is_signed_out(engine):
    value = teacher_pass.sign_in(engine, "secret")
    other = teacher_pass.sign_in(engine, "secret")
    assert teacher_pass.holds(engine, "secret", value) and teacher_pass.holds(engine, "secret", other)
    teacher_pass.sign_out(engine, "secret", value)
    assert not teacher_pass.holds(engine, "secret", value)  # a copy of the cookie no longer works
    assert teacher_pass.holds(engine, "secret", other)  # another browser stays signed in


def test_signing_out_everywhere_ends_every_sign_in(engine):
    values = [teacher_pass.sign_in(engine, "secret") for _ in range(3)]
    teacher_pass.sign_out(engine, "secret", values[0], everywhere=True)
    assert not any(teacher_pass.holds(engine, "secret", value) for value in values)


def test_a_new_secret_a_forged_or_an_expired_cookie_never_holds(engine):
    value = teacher_pass.sign_in(engine, "secret")
    assert not teacher_pass.holds(engine, "rotated secret", value)
    sign_in_id, signature = value.split(".")
    assert not teacher_pass.holds(engine, "secret", f"{'0' * 32}.{signature}")
    for junk in (None, "", "abc", "1.2.3", f"{sign_in_id}.", "x.y"):
        assert not teacher_pass.holds(engine, "secret", junk)
    with engine.begin() as db:
        db.execute(update(teacher_sign_ins).values(expires_at=datetime.datetime(2000, 1, 1)))
    assert not teacher_pass.holds(engine, "secret", value)
