"""Who may open the teacher pages: a link printed at start, a password hash, or a sign-in allow-list."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Iterable

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from course.settings import variable

COOKIE = "course_teacher"
COOKIE_SECONDS = 12 * 3600  # a school day: the teacher's browser stays signed in, then asks again


def new_token() -> str:
    return secrets.token_urlsafe(24)


def publish_new_token() -> str:
    """A new teacher token for this server when none was set, written into the environment: the Streamlit
    app that `serve` starts in this process, its sign-in routes and the pages all read it through
    settings() (course/settings.py)."""
    token = new_token()
    os.environ[variable("teacher_token")] = token
    return token


def token_matches(given: object, expected: str) -> bool:
    return (
        isinstance(given, str) and bool(expected) and hmac.compare_digest(given.encode(), expected.encode())
    )


def mac(secret: str, message: str) -> str:
    """A signature of `message` that only a holder of `secret` can make."""
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def macs_match(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def hash_password(password: str) -> str:
    """For `python -m course teacher-password`: only this hash goes into the deployment's secrets."""
    return PasswordHasher().hash(password)


def password_matches(password_hash: str, password: object) -> bool:
    if not isinstance(password, str) or not password or not password_hash:
        return False
    try:
        return PasswordHasher().verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def email_allowed(email: object, allowed: Iterable[str]) -> bool:
    """`allowed` holds addresses ('ana@school.fr') or whole domains ('@school.fr')."""
    if not isinstance(email, str) or "@" not in email:
        return False
    email = email.strip().lower()
    for entry in allowed:
        entry = entry.strip().lower()
        if entry and (email == entry or (entry.startswith("@") and email.endswith(entry))):
            return True
    return False
