"""Pieces every domain's request and response schemas share."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

# Database ids and versions are 32-bit integers (PostgreSQL's integer): anything larger is refused
# as invalid input (422) rather than reaching the driver.
INT_MAX = 2_147_483_647
BodyId = Annotated[int, Field(ge=1, le=INT_MAX)]
Version = Annotated[int, Field(ge=1, le=INT_MAX, description="The version you based the change on")]


class Strict(BaseModel):
    """A request body: unknown fields are an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


class Public(BaseModel):
    """A response: read from database rows (or any object with the same attributes)."""

    model_config = ConfigDict(from_attributes=True)
