"""Every table of factcheck, in one package so domains can import each other's models without cycles.

Each area keeps its tables in its own module (``models.tickets``, ``models.drafts``...); they are all
re-exported here, so every table is imported as ``from factcheck.models import X`` and importing this
package registers them all.

Enumerations are stored as their values, plain strings (portable across SQLite and PostgreSQL, and
migrations stay simple), and read back as the enum members (``columns.enum_column``).
"""

from __future__ import annotations

from factcheck.models.accounts import ApiToken, DeskSetting, InstanceSecret, LoginSession, Role, TwoFactor, User
from factcheck.models.articles import Article, ExtractionStatus
from factcheck.models.audit import Event
from factcheck.models.columns import UTCDateTime, as_utc, utcnow  # noqa: I001
from factcheck.models.drafts import DraftingStatus, DraftItem, DraftKind, DraftStatus
from factcheck.models.machine import (  # noqa: E402
    Job,
    JobStatus,
    LlmCacheEntry,
    LlmCall,
    LlmEndpoint,
    RateLimitEntry,
    SearchCacheEntry,
    WorkerBeat,
)
from factcheck.models.matching import ClaimMatch, ClaimVector, FactCheck, MatchKind, MatchStatus  # noqa: E402
from factcheck.models.publishing import RATING_BEST, RATING_WORST, Correction, Publication, Rating  # noqa: E402
from factcheck.models.tickets import (
    DISMISSED,
    ClaimKind,
    DismissReason,
    Note,
    Proposal,
    SavedView,
    Ticket,
    TicketPresence,
    TicketState,
    TicketTally,
    Verdict,
    verdict_of,
)
from factcheck.models.tips import Tip, TipDecision  # noqa: E402
from factcheck.models.webhooks import Webhook, WebhookDelivery  # noqa: E402

__all__ = [
    "ApiToken",
    "Article",
    "DeskSetting",
    "TwoFactor",
    "ClaimKind",
    "ClaimMatch",
    "ClaimVector",
    "Correction",
    "DISMISSED",
    "DismissReason",
    "DraftItem",
    "DraftKind",
    "DraftStatus",
    "DraftingStatus",
    "Event",
    "ExtractionStatus",
    "FactCheck",
    "InstanceSecret",
    "Job",
    "JobStatus",
    "LlmCacheEntry",
    "LlmCall",
    "LlmEndpoint",
    "LoginSession",
    "MatchKind",
    "MatchStatus",
    "Note",
    "Proposal",
    "Publication",
    "RATING_BEST",
    "RATING_WORST",
    "RateLimitEntry",
    "Rating",
    "Tip",
    "TipDecision",
    "Role",
    "SavedView",
    "SearchCacheEntry",
    "Webhook",
    "WebhookDelivery",
    "Ticket",
    "TicketPresence",
    "TicketState",
    "TicketTally",
    "UTCDateTime",
    "User",
    "WorkerBeat",
    "as_utc",
    "utcnow",
    "Verdict",
    "verdict_of",
]
