"""The work across domains that pages, the API and the command line start, in one object the app
hands to routes (``web.deps.FlowsDep``): a domain's routes start it without importing this layer,
which sits above them."""

from __future__ import annotations

from factcheck.flows import archiving, claims, drafting, verdicts
from factcheck.flows import ingest as ingesting
from factcheck.flows import tips as tip_flows


class Pipeline:
    ingest = staticmethod(ingesting.ingest)
    retry_extraction = staticmethod(ingesting.retry_extraction)
    redraft = staticmethod(drafting.redraft)
    add_claim = staticmethod(claims.add_claim)
    reuse_verdict = staticmethod(verdicts.reuse_verdict)
    tip_ticket = staticmethod(tip_flows.make_ticket)
    archive_article = staticmethod(archiving.archive)
    restore_article = staticmethod(archiving.restore)
    tip_article = staticmethod(tip_flows.ingest_page)
