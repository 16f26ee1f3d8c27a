"""What every command shares: one-line errors, the database, who is acting, a unit of work."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

import sqlalchemy as sa
import typer
from pydantic import BaseModel
from sqlmodel import Session

from factcheck.auth.permissions import CONSOLE, Actor
from factcheck.core.config import get_settings
from factcheck.core.db import ensure_migrated, make_engine, session_scope
from factcheck.core.errors import FactcheckError
from factcheck.users import service as users


def fail(message: str, code: int = 1) -> NoReturn:
    """An error is one line on stderr and a non-zero exit status."""
    typer.echo(f"factcheck: {message}", err=True)
    raise typer.Exit(code)


def database() -> sa.Engine:
    """The configured database, refused with what to run when it is not migrated."""
    engine = make_engine(get_settings())
    try:
        ensure_migrated(engine)
    except FactcheckError as exc:
        fail(exc.message)
    return engine


@contextmanager
def unit_of_work(db: sa.Engine | None = None) -> Iterator[Session]:
    """A session whose work is committed if the block succeeds and rolled back otherwise; a
    refusal (a FactcheckError) becomes one line on stderr."""
    try:
        with session_scope(db or database()) as session:
            yield session
    except FactcheckError as exc:
        fail(exc.message)


def actor(ctx: typer.Context, session: Session) -> Actor:
    """The desk user named with --as (their role applies), or the console (the server's operator)."""
    name = (ctx.find_root().obj or {}).get("as")
    return users.by_name(session, name) if name else CONSOLE


def print_json(value: BaseModel | dict | list) -> None:
    if isinstance(value, BaseModel):
        typer.echo(value.model_dump_json(indent=2))
    else:
        typer.echo(json.dumps(value, ensure_ascii=False, indent=2, default=str))
