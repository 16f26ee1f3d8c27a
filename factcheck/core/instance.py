"""Secrets a desk makes for itself: nothing a person would deploy ever signs with a public key.

The cookie-signing key comes from FACTCHECK_SECRET_KEY when that is set; otherwise the first
process to start on a database makes a random one and keeps it in that database, where every
other app process (and the next start) finds it. Whoever can read the database can already read
everything the cookies protect.
"""

from __future__ import annotations

import secrets

import sqlalchemy as sa

from factcheck.core.config import Settings
from factcheck.models import InstanceSecret, utcnow
from factcheck.models.columns import table_of

COOKIE_KEY = "cookie-signing"


def cookie_secret(engine: sa.Engine, settings: Settings) -> str:
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value()
    return _stored(engine, COOKIE_KEY)


def _stored(engine: sa.Engine, name: str) -> str:
    table = table_of(InstanceSecret)
    with engine.begin() as conn:
        found = conn.execute(sa.select(table.c.value).where(table.c.name == name)).scalar()
        if found:
            return str(found)
    try:
        with engine.begin() as conn:
            conn.execute(sa.insert(table).values(name=name, value=secrets.token_urlsafe(48), created_at=utcnow()))
    except sa.exc.IntegrityError:
        pass  # another process made it first: theirs is the one
    with engine.connect() as conn:
        return str(conn.execute(sa.select(table.c.value).where(table.c.name == name)).scalar_one())
