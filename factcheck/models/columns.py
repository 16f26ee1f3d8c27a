"""Column types and conventions every table shares: UTC timestamps, constraint names."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import overload

import sqlalchemy as sa
from sqlmodel import SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.types.TypeDecorator):
    """A timestamp that is always timezone-aware UTC in Python, whatever the database keeps.

    SQLite stores no offset and hands back naive datetimes; without this, the API would emit
    timestamps that are not valid RFC 3339 date-times and comparisons would mix naive and aware.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def table_of(model: type[SQLModel]) -> sa.Table:
    """A table model's Core table (for the fast paths that skip the ORM), typed."""
    table = model.__table__  # type: ignore[attr-defined]
    assert isinstance(table, sa.Table)
    return table


def _ts(**kw) -> sa.Column:
    return sa.Column(UTCDateTime(), **kw)


@overload
def as_utc(value: datetime) -> datetime: ...
@overload
def as_utc(value: None) -> None: ...
def as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything factcheck stores is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class StrEnumType(sa.types.TypeDecorator):
    """An enumeration stored as its value, a plain string (portable across SQLite and PostgreSQL,
    migrations stay simple), and read back as the enum member: code and templates compare enums."""

    impl = sa.String
    cache_ok = True

    def __init__(self, enum: type[StrEnum], length: int) -> None:
        super().__init__(length)
        self.enum = enum

    def process_bind_param(self, value, dialect):
        return None if value is None else self.enum(value).value

    def process_result_value(self, value, dialect):
        return None if value is None else self.enum(value)


def enum_column(enum: type[StrEnum], length: int, **kw) -> sa.Column:
    return sa.Column(StrEnumType(enum, length), **kw)
