"""Teacher sign-ins kept in the store: the cookie holds a random id and a signature made with the
teacher secret, and the store says whether that sign-in still holds. Signing out revokes the row on
every server at once; "sign out everywhere" revokes them all; a new secret invalidates every cookie."""

from __future__ import annotations

import datetime
import secrets

from sqlalchemy import Engine, insert, select, update

from course.classroom import access
from course.progress.store import now
from course.progress.tables import teacher_sign_ins

LIFETIME = datetime.timedelta(seconds=access.COOKIE_SECONDS)


def sign_in(engine: Engine, secret: str) -> str:
    """A new sign-in: the value for the teacher's cookie."""
    sign_in_id = secrets.token_hex(16)
    at = now()
    with engine.begin() as db:
        db.execute(insert(teacher_sign_ins).values(id=sign_in_id, created_at=at, expires_at=at + LIFETIME))
    return f"{sign_in_id}.{access.mac(secret, sign_in_id)}"


def _id_of(secret: str, value: object) -> str | None:
    """The sign-in id a cookie value carries, if its signature is this secret's."""
    if not isinstance(value, str) or value.count(".") != 1:
        return None
    sign_in_id, signature = value.split(".")
    if len(sign_in_id) != 32 or not access.macs_match(signature, access.mac(secret, sign_in_id)):
        return None
    return sign_in_id


def holds(engine: Engine, secret: str, value: object) -> bool:
    """Whether the cookie `value` is a sign-in that has neither expired nor been signed out."""
    sign_in_id = _id_of(secret, value)
    if sign_in_id is None:
        return False
    with engine.connect() as db:
        row = db.execute(
            select(teacher_sign_ins.c.expires_at, teacher_sign_ins.c.revoked_at).where(
                teacher_sign_ins.c.id == sign_in_id
            )
        ).first()
    return row is not None and row.revoked_at is None and row.expires_at > now()


def sign_out(engine: Engine, secret: str, value: object, everywhere: bool = False) -> None:
    """End this sign-in (or, with `everywhere`, every teacher sign-in)."""
    sign_in_id = _id_of(secret, value)
    query = update(teacher_sign_ins).where(teacher_sign_ins.c.revoked_at.is_(None)).values(revoked_at=now())
    if not everywhere:
        if sign_in_id is None:
            return
        query = query.where(teacher_sign_ins.c.id == sign_in_id)
    with engine.begin() as db:
        db.execute(query)
