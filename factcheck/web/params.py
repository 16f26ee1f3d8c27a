"""Path and query parameter types shared by the API routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

from factcheck.core.schemas import INT_MAX

PathId = Annotated[int, Path(ge=1, le=INT_MAX)]
QueryId = Annotated[int | None, Query(ge=1, le=INT_MAX)]
