"""The track record in plain text, for the command line (`factcheck eval desk`)."""

from __future__ import annotations

from collections import Counter

from factcheck.trackrecord.service import Producer, TrackRecord


def _rate(value: float | None, word: str) -> str:
    return f"; {word} {value:.0%}" if value is not None else ""


def _drafts(counts: Counter[str]) -> str:
    return (
        f"{counts['approved']} approved, {counts['edited']} edited, {counts['rejected']} rejected, "
        f"{counts['waiting']} waiting, {counts['stale']} stale"
    )


def _producer(p: Producer) -> list[str]:
    out = [f"{p.engine} {p.model}" + (f" (prompt {p.prompt[:12]})" if p.prompt else "")]
    if p.first and p.last:
        out.append(f"  in use {p.first:%Y-%m-%d} to {p.last:%Y-%m-%d}")
    c = p.claims
    if c["found"]:
        reasons = ", ".join(f"{r} {n}" for r, n in sorted(p.dismissed.items()))
        out.append(
            f"  claims    {c['found']} found: {c['kept']} kept ({c['edited']} edited), {c['merged']} merged, "
            f"{c['dismissed']} dismissed{f' ({reasons})' if reasons else ''}; {c['missed']} missed (added by hand)"
            + _rate(p.kept, "kept")
        )
    for name, counts in (("questions", p.questions), ("sources", p.sources)):
        if sum(counts.values()):
            out.append(f"  {name:<9} {_drafts(counts)}" + _rate(p.accepted(counts), "accepted"))
    return out


def lines(found: TrackRecord) -> list[str]:
    out = [] if found.producers else ["No machine work on this desk yet."]
    for p in found.producers:
        out += _producer(p)
    for name, counts in sorted(found.searches.items()):
        out.append(f"search {name}: {_drafts(counts)}")
    for m in found.matches:
        out.append(
            f"matches {m.method}: {m.counts['confirmed']} confirmed, {m.counts['rejected']} rejected, "
            f"{m.counts['linked']} linked and {m.counts['suggested']} suggested not reviewed"
            + _rate(m.confirmed_rate, "confirmed")
        )
    return out
