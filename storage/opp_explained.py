"""Who has not been told yet what OPP stands for, and the messages just written for them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from domain.delivery import DeliveryStatus
from storage.models import Delivery, Person


async def fresh_for_untold(
    *, session: AsyncSession, since: datetime, team_id: int | None = None
) -> Sequence[tuple[Delivery, Person]]:
    """Pending deliveries written at or after `since` to a person with an English Teams
    language who has not been told what OPP stands for; oldest first."""
    query = (
        select(Delivery, Person)
        .join(Person, col(Person.id) == col(Delivery.person_id))
        .where(
            Delivery.status == DeliveryStatus.PENDING,
            col(Delivery.created_at) >= since,
            col(Person.opp_explained).is_(False),
            func.lower(col(Person.locale)).like("en%"),
        )
        .order_by(col(Delivery.id))
    )
    if team_id is not None:
        query = query.where(Delivery.team_id == team_id)
    return list((await session.exec(query)).all())


def mark_told(*, session: AsyncSession, person: Person) -> None:
    """Remember that `person` was told what OPP stands for."""
    person.opp_explained = True
    session.add(person)
