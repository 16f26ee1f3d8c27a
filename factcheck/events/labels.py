"""The audit log's actions in words, for the history a person reads on a ticket's page."""

from __future__ import annotations

# The history in words: what a person did, not the audit log's action names.
ACTIONS = {
    "create": "made this ticket",
    "claim.add": "added this claim",
    "claim.edit": "edited the claim",
    "corroborate": "marked it corroborated",
    "dispute": "marked it disputed",
    "reopen": "reopened it",
    "propose": "proposed a verdict",
    "publish": "published the verdict",
    "correction": "corrected the published verdict",
    "dismiss": "dismissed it",
    "restore": "restored it to the queue",
    "merge": "merged it into another ticket",
    "merge.absorbed": "took in a duplicate",
    "assign": "assigned it",
    "note": "added an evidence note",
    "draft": "drafted questions and sources",
    "draft.failed": "could not draft questions and sources",
    "drafts.skipped": "left the drafts (the verdict was already published)",
    "redraft": "drafted questions and sources again",
    "redraft.queued": "asked for new drafts",
    "draft.added": "added a question or source",
    "draft.archived": "archived a source's page",
    "draft.approved": "approved a draft",
    "draft.edited": "edited and approved a draft",
    "draft.rejected": "rejected a draft",
    "search.queued": "asked for a search",
    "search.done": "searched for sources",
    "search.skipped": "skipped a search",
    "match.suggested": "suggested a match",
    "match.linked": "linked a match",
    "match.confirmed": "confirmed a match",
    "match.rejected": "rejected a match",
    "tip.decided": "decided on readers' claims",
    "article.edit": "corrected the article's details",
    "article.archive": "archived the article",
    "article.restore": "restored the archived article",
}


def describe(name: str) -> str:
    return ACTIONS.get(name, name.replace(".", " ").replace("_", " "))
