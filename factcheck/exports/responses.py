"""A report as an HTTP download: whole when it was built whole, streamed otherwise."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Request
from fastapi.responses import Response, StreamingResponse
from sqlmodel import Session

from factcheck.exports.service import Report

# The HTML report is a standalone file with its own styles; it runs no script at all.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def report_response(request: Request, report: Report) -> Response:
    headers = {
        "Content-Disposition": f'attachment; filename="{report.filename}"',
        "Content-Security-Policy": REPORT_CSP,
    }
    if report.content is not None:
        return Response(report.content, media_type=report.media_type, headers=headers)
    db = request.app.state.db

    def body() -> Iterator[str]:
        # Its own read-only session: the request's session is closed before streaming starts.
        with Session(db) as session:
            yield from report.stream(session)

    return StreamingResponse(body(), media_type=report.media_type, headers=headers)
