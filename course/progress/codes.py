"""Random ids and short codes a child can read aloud and type (no 0/O, 1/I/L)."""

from __future__ import annotations

import secrets

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
RESUME_CODE_LENGTH = 6


def new_id() -> str:
    return secrets.token_hex(16)


def new_code(length: int = RESUME_CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(typed: object, length: int = RESUME_CODE_LENGTH) -> str | None:
    """'k7m-q2p ' -> 'K7MQ2P'; None when it cannot be a code (wrong characters or length)."""
    if not isinstance(typed, str) or len(typed) > 20:
        return None
    code = "".join(ch for ch in typed.upper() if ch not in " -")
    if len(code) != length or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def display_code(code: str) -> str:
    """'K7MQ2P' -> 'K7M-Q2P', easier to read out."""
    return f"{code[:3]}-{code[3:]}"
