"""The column every table shares: a timezone-aware UTC timestamp (storage.types.UTCDateTime)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column
from sqlmodel import Field

from storage.types import UTCDateTime


def timestamp(*, nullable: bool = True, index: bool = False) -> Any:
    """A field holding a UTC timestamp; None until it is set."""
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))
