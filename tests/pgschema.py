"""A fresh PostgreSQL schema per run, for the tests (tests/conftest.py) and the benchmarks
(benchmarks/store_writes.py): nothing here needs pytest."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


@contextmanager
def fresh_schema(base_url: str, prefix: str = "test") -> Iterator[str]:
    """A URL of the database at `base_url` whose connections see only a new, empty schema (its
    search_path); the schema is dropped afterwards, with everything in it."""
    base = make_url(base_url)
    schema = f"{prefix}_{secrets.token_hex(6)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as db:
            db.execute(text(f'CREATE SCHEMA "{schema}"'))
        options = f"{base.query.get('options', '')} -c search_path={schema}".strip()
        yield base.update_query_dict({"options": options}).render_as_string(hide_password=False)
    finally:
        with admin.connect() as db:
            db.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
