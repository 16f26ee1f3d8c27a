"""Schemathesis against the app's own OpenAPI schema: whatever it sends, no 5xx and no response
that breaks the schema. Each operation gets a bounded number of generated requests."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")
from hypothesis import HealthCheck, given, settings as hypothesis_settings  # noqa: E402
from schemathesis import checks  # noqa: E402

from tests.conftest import make_token, make_user  # noqa: E402

EXAMPLES = 12


def test_no_server_errors_and_responses_match_the_schema(app, client, session):
    token = make_token(session, make_user(session, "fuzz", "admin"))
    auth = {"Authorization": f"Bearer {token}"}
    client.post("/api/v1/articles", headers=auth,
                json={"text": "The Marlow council voted 7-2 on March 3, 2025 to raise water rates by 12 percent.\n"})
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20, "every UI action has its API call"
    failures = []
    for operation in operations:
        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                             suppress_health_check=list(HealthCheck))
        def fuzz(case):
            case.call_and_validate(headers=auth, checks=[checks.not_a_server_error,
                                                          checks.response_schema_conformance])

        try:
            fuzz()
        except (Exception, BaseExceptionGroup) as exc:  # every operation's failure, not just the first
            failures.append(f"{operation.method.upper()} {operation.path}: {str(exc)[:800]}")
    assert not failures, "\n\n".join(failures)
