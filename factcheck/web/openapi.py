"""The API's OpenAPI document, with what FastAPI leaves out: every error an operation can answer
(in the shape it really has), the Bearer token it takes, and a /docs page that works under the
desk's own Content-Security-Policy (Swagger UI vendored, started from a file, not inline)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel, Field

SPEC_URL = "/openapi.json"


class ErrorBody(BaseModel):
    code: str = Field(..., examples=["stale_version"], description="Stable, for programs")
    message: str = Field(..., description="For people: what went wrong and what to do")
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorResponse(BaseModel):
    error: ErrorBody


# Which errors which operations can answer, and what each means there.
_ALWAYS = {
    "401": "No API token, or one that is unknown, revoked or whose user is switched off",
    "403": "Your role does not allow this (or a browser write without its X-CSRF-Token header)",
    "422": "The request is not valid; the message says which part and why",
    "503": "More requests at once than the desk takes, or the database is busy, unreachable or full; "
    "nothing was done (see Retry-After when it is given)",
}
_WITH_PATH_ID = {"404": "Nothing has that id"}
_WRITES = {
    "404": "Nothing has an id the request names (in its path or its body)",
    "409": "Someone changed it first (the message names who, `details.current_version` says what "
    "to send), or it clashes with what is there",
    "408": "The body did not arrive in time (FACTCHECK_REQUEST_BODY_SECONDS)",
    "413": "The body is too large",
    "415": "The body is not JSON in UTF-8",
}


def _special(app: FastAPI) -> dict[tuple[str, str], dict[str, str]]:
    settings = app.state.settings
    return {
        ("post", "/api/v1/articles"): {"429": "Too many articles ingested this minute (see Retry-After)"},
        ("post", "/api/v1/factchecks/import"): {
            "413": f"The body is larger than {settings.import_max_bytes:,} bytes (FACTCHECK_IMPORT_MAX_BYTES), "
            "or holds more than 5,000 ClaimReviews",
            "429": f"More than {settings.import_per_minute} imports this minute (see Retry-After)",
        },
        ("post", "/api/v1/drafts/{item_id}/archive"): {
            "429": f"More than {settings.archive_per_minute} pages archived this minute (see Retry-After)"
        },
    }


def _error_response(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}},
    }


def _document(schema: dict, special: dict[tuple[str, str], dict[str, str]]) -> dict:
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas["ErrorResponse"] = ErrorResponse.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(schemas["ErrorResponse"].pop("$defs", {}))
    # FastAPI's own 422 shape is never sent: validation errors come as ErrorResponse too.
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    components["securitySchemes"] = {
        "token": {
            "type": "http",
            "scheme": "bearer",
            "description": "An API token (`factcheck users token NAME`, or POST /api/v1/users/{id}/tokens)",
        }
    }
    schema["security"] = [{"token": []}]
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            errors = dict(_ALWAYS)
            if "{" in path:
                errors.update(_WITH_PATH_ID)
            if method in ("post", "put", "patch"):
                errors.update(_WRITES)
            errors.update(special.get((method, path), {}))
            responses = operation.setdefault("responses", {})
            for status, description in errors.items():
                responses[status] = _error_response(description)
    return schema


def install(app: FastAPI) -> None:
    """The documented schema at /openapi.json and Swagger UI at /docs (the app is built with
    ``docs_url=None, redoc_url=None``)."""

    def openapi() -> dict:
        if app.openapi_schema is None:
            app.openapi_schema = _document(
                get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes),
                _special(app),
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request):
        return request.app.state.templates.TemplateResponse(request, "docs.html", {"spec_url": SPEC_URL})
