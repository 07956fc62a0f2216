"""What the tables share: a timezone-aware UTC timestamp column (storage.types.UTCDateTime), and
the CHECK that a column holds one of an enum's values."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import CheckConstraint, Column
from sqlmodel import Field

from storage.types import UTCDateTime


def timestamp(*, nullable: bool = True, index: bool = False) -> Any:
    """A field holding a UTC timestamp; None until it is set."""
    return Field(default=None, sa_column=Column(UTCDateTime(), nullable=nullable, index=index))


def one_of(
    column: str, values: Iterable[str], *, name: str, nullable: bool = False
) -> CheckConstraint:
    """A CHECK that `column` holds one of `values` (or NULL, if allowed), in their order.

    The text is the one the migrations wrote (`role IS NULL OR role IN ('pupil', …)`), so an
    enum keeps its column's constraint as long as its values stay the same.
    """
    listed = ", ".join(f"'{value}'" for value in values)
    allowed = f"{column} IN ({listed})"
    return CheckConstraint(f"{column} IS NULL OR {allowed}" if nullable else allowed, name=name)
