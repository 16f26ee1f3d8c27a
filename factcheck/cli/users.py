"""Commands for accounts: users, roles, API tokens."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from factcheck.cli.common import actor, unit_of_work
from factcheck.models import Role
from factcheck.users import service as users
from factcheck.users import twofactor as two_factor

app = typer.Typer(help="Manage users and API tokens.", no_args_is_help=True)


PasswordStdin = Annotated[bool, typer.Option("--password-stdin", help="Read the password from standard input.")]


def _password(from_stdin: bool, prompt: str = "Password") -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    return typer.prompt(prompt, hide_input=True, confirmation_prompt=True)


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="User name (no spaces).")],
    role: Annotated[Role, typer.Option(help="reviewer, editor or admin.")] = Role.reviewer,
    password_stdin: PasswordStdin = False,
) -> None:
    """Add a user; the password is asked for, or read from standard input."""
    password = _password(password_stdin)
    with unit_of_work() as session:
        user = users.create_user(session, actor=actor(ctx, session), name=name, role=role, password=password)
        typer.echo(f"Added {user.name} ({user.role}).")


RevokeTokens = Annotated[bool, typer.Option("--revoke-tokens", help="Also revoke every API token of the user.")]


@app.command("update")
def update(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Whose account.")],
    role: Annotated[Role | None, typer.Option(help="A new role.")] = None,
    active: Annotated[bool | None, typer.Option("--active/--inactive", help="Switch the account on or off.")] = None,
) -> None:
    """Change a user's role, or switch them off (which revokes their tokens) or on."""
    with unit_of_work() as session:
        user = users.update_user(
            session, actor=actor(ctx, session), user_id=users.by_name(session, name).id, role=role, active=active
        )
        typer.echo(f"{user.name}: {user.role}, {'active' if user.active else 'switched off'}.")


@app.command("password")
def password(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Whose password.")],
    password_stdin: PasswordStdin = False,
    revoke_tokens: RevokeTokens = False,
) -> None:
    """Set a user's password (a reset: run on the server, no current password asked); every
    login of theirs ends."""
    new = _password(password_stdin, "New password")
    with unit_of_work() as session:
        user = users.change_password(
            session,
            actor=actor(ctx, session),
            user_id=users.by_name(session, name).id,
            new_password=new,
            revoke_tokens=revoke_tokens,
        )
        typer.echo(
            f"New password set for {user.name}; their logins have ended"
            + (" and their API tokens are revoked." if revoke_tokens else ".")
        )


@app.command("logout")
def logout(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Whom to log out.")],
    revoke_tokens: RevokeTokens = False,
) -> None:
    """End every login (browser session) of a user, and with --revoke-tokens their API tokens."""
    with unit_of_work() as session:
        n, revoked = users.end_logins(
            session, actor=actor(ctx, session), user_id=users.by_name(session, name).id, revoke_tokens=revoke_tokens
        )
    typer.echo(f"Ended {n} login(s)" + (f" and revoked {revoked} token(s)." if revoke_tokens else "."))


@app.command("token")
def token(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Whose token.")],
    label: Annotated[str, typer.Option(help="What the token is for.")] = "api",
) -> None:
    """Issue an API token for a user (shown once)."""
    with unit_of_work() as session:
        issued = users.issue_token(
            session, actor=actor(ctx, session), user_id=users.by_name(session, name).id, label=label
        )
    typer.echo(issued.token)


@app.command("revoke")
def revoke(ctx: typer.Context, name: Annotated[str, typer.Argument(help="Whose tokens to revoke.")]) -> None:
    """Revoke every API token of a user."""
    with unit_of_work() as session:
        n = users.revoke_tokens(session, actor=actor(ctx, session), user_id=users.by_name(session, name).id)
    typer.echo(f"Revoked {n} token(s).")


@app.command("two-factor-roles")
def two_factor_roles(
    ctx: typer.Context,
    roles: Annotated[
        list[Role], typer.Argument(help="Roles that must sign in with a second factor (none: nobody).")
    ] = None,  # noqa: B008
) -> None:
    """Require two-factor sign-in of these roles (and of no other)."""
    with unit_of_work() as session:
        kept = two_factor.require_for(session, actor=actor(ctx, session), roles=[r.value for r in roles or []])
    typer.echo(f"Two-factor sign-in is required of: {', '.join(sorted(kept)) or 'nobody'}.")


@app.command("reset-two-factor")
def reset_two_factor(ctx: typer.Context, name: Annotated[str, typer.Argument(help="Whose second factor.")]) -> None:
    """Remove a user's second factor (a lost phone); their logins end."""
    with unit_of_work() as session:
        user = two_factor.reset(session, actor=actor(ctx, session), user_id=users.by_name(session, name).id)
    typer.echo(f"{user.name}'s second factor is removed; their logins have ended.")


@app.command("list")
def list_users(ctx: typer.Context) -> None:
    """List users and their roles."""
    with unit_of_work() as session:
        for u in users.list_users(session, actor=actor(ctx, session)):
            typer.echo(f"{u.name}\t{u.role}" + ("" if u.active else "\tswitched off"))
