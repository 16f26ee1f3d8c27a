"""/docs in Chromium: Swagger UI drawn from the vendored bundle under the desk's own
Content-Security-Policy: every operation listed, nothing refused, nothing fetched elsewhere."""

from __future__ import annotations


def test_the_api_documentation_draws_every_operation_under_the_csp(page, desk):
    response = page.goto("/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.locator(".opblock").first.wait_for()
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert len(paths) >= 30 and any("/api/v1/tickets/{ticket_id}/state" in p.replace("\u200b", "") for p in paths)
    assert page.get_by_role("button", name="Authorize").count() == 1  # the Bearer token scheme is declared
    refused = [e for e in page.watch.console_errors if "Content Security Policy" in e or "Refused" in e]
    assert refused == [] and page.watch.foreign_requests == []
