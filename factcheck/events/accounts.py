"""What happens to the desk's people and settings: users made and changed, passwords, logins,
API tokens, two-factor sign-in, and the webhooks the desk sends to."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.events import DomainEvent, Record


@dataclass(frozen=True, kw_only=True)
class AccountEvent(DomainEvent):
    """Something done to one user's account (``user_id``, ``name``)."""

    user_id: int
    name: str

    def _detail(self, **more: object) -> dict[str, object]:
        return {"user_id": self.user_id, "name": self.name, **more}

    def record(self) -> Record:
        return Record(detail=self._detail())


@dataclass(frozen=True, kw_only=True)
class UserCreated(AccountEvent):
    action = "user.create"
    role: str

    def record(self) -> Record:
        return Record(to_value=self.role, detail=self._detail())


@dataclass(frozen=True, kw_only=True)
class PasswordChanged(AccountEvent):
    temporary: bool
    logins_ended: int
    tokens_revoked: int

    @property
    def action(self) -> str:  # type: ignore[override]
        return "user.temporary_password" if self.temporary else "user.password"

    def record(self) -> Record:
        return Record(
            to_value=f"{self.logins_ended} logins ended, {self.tokens_revoked} tokens revoked", detail=self._detail()
        )


@dataclass(frozen=True, kw_only=True)
class LoggedOutEverywhere(AccountEvent):
    action = "user.logout_everywhere"
    logins_ended: int
    tokens_revoked: int

    def record(self) -> Record:
        return Record(to_value=f"{self.logins_ended} logins, {self.tokens_revoked} tokens", detail=self._detail())


@dataclass(frozen=True, kw_only=True)
class UserUpdated(AccountEvent):
    """An admin changed a user's role or switched them on or off."""

    action = "user.update"
    before: str  # role/active
    after: str

    def record(self) -> Record:
        return Record(from_value=self.before, to_value=self.after, detail=self._detail())


@dataclass(frozen=True, kw_only=True)
class TokenIssued(AccountEvent):
    action = "token.issue"
    label: str

    def record(self) -> Record:
        return Record(to_value=self.label, detail=self._detail())


@dataclass(frozen=True, kw_only=True)
class TokensRevoked(AccountEvent):
    """Every token of a user revoked at once."""

    action = "token.revoke"
    count: int

    def record(self) -> Record:
        return Record(to_value=str(self.count), detail=self._detail())


@dataclass(frozen=True, kw_only=True)
class TokenRevoked(AccountEvent):
    action = "token.revoke"
    label: str
    token_id: int

    def record(self) -> Record:
        return Record(to_value=self.label, detail=self._detail(token_id=self.token_id))


@dataclass(frozen=True, kw_only=True)
class TwoFactorTurnedOn(AccountEvent):
    action = "user.two_factor_on"

    def record(self) -> Record:
        return Record(detail={"user_id": self.user_id})


@dataclass(frozen=True, kw_only=True)
class RecoveryCodesRenewed(TwoFactorTurnedOn):
    action = "user.recovery_codes"


@dataclass(frozen=True, kw_only=True)
class TwoFactorTurnedOff(TwoFactorTurnedOn):
    action = "user.two_factor_off"


@dataclass(frozen=True, kw_only=True)
class TwoFactorReset(AccountEvent):
    """An admin removed a user's second factor (a lost phone); their logins ended."""

    action = "user.two_factor_reset"
    logins_ended: int

    def record(self) -> Record:
        return Record(to_value=f"{self.logins_ended} logins ended", detail=self._detail())


@dataclass(frozen=True, kw_only=True)
class TwoFactorRolesSet(DomainEvent):
    action = "desk.two_factor_roles"
    before: str
    after: str

    def record(self) -> Record:
        return Record(from_value=self.before or "none", to_value=self.after or "none")


@dataclass(frozen=True, kw_only=True)
class WebhookEvent(DomainEvent):
    webhook_id: int

    def record(self) -> Record:
        return Record(detail={"webhook_id": self.webhook_id})


@dataclass(frozen=True, kw_only=True)
class WebhookRegistered(WebhookEvent):
    action = "webhook.register"
    url: str
    events: list[str]

    def record(self) -> Record:
        return Record(to_value=self.url[:200], detail={"webhook_id": self.webhook_id, "events": self.events})


@dataclass(frozen=True, kw_only=True)
class WebhookRotated(WebhookEvent):
    action = "webhook.rotate"


@dataclass(frozen=True, kw_only=True)
class WebhookSwitched(WebhookEvent):
    action = "webhook.switch"
    active: bool

    def record(self) -> Record:
        return Record(to_value="on" if self.active else "off", detail={"webhook_id": self.webhook_id})


@dataclass(frozen=True, kw_only=True)
class WebhookDeleted(WebhookEvent):
    action = "webhook.delete"
    url: str

    def record(self) -> Record:
        return Record(to_value=self.url[:200], detail={"webhook_id": self.webhook_id})
