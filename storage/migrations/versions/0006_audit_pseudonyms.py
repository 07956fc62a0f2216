"""audit pseudonyms: actor_ref and subject_ref outlive the erasure of the person they name

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 10:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out here rather than imported: a migration keeps doing what it did when it was written.
PREFIX = "persoon-"

audit_event = sa.table(
    "audit_event",
    sa.column("id", sa.Integer()),
    sa.column("action", sa.String()),
    sa.column("actor_id", sa.Integer()),
    sa.column("subject_id", sa.Integer()),
    sa.column("actor_ref", sa.String()),
    sa.column("subject_ref", sa.String()),
    sa.column("details", sa.JSON()),
)


def upgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("actor_ref", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True)
        )
        batch_op.add_column(
            sa.Column("subject_ref", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True)
        )

    # Existing lines get the pseudonym of whoever their ids still name.
    for ref, person in (
        (audit_event.c.actor_ref, audit_event.c.actor_id),
        (audit_event.c.subject_ref, audit_event.c.subject_id),
    ):
        op.execute(
            audit_event.update()
            .where(person.is_not(None))
            .values({ref: sa.literal(PREFIX) + sa.cast(person, sa.String(20))})
        )

    # An erasure line names the erased person only in its details; give it the pseudonym too.
    bind = op.get_bind()
    erased = bind.execute(
        sa.select(audit_event.c.id, audit_event.c.details).where(
            audit_event.c.action == "person.erased", audit_event.c.subject_ref.is_(None)
        )
    ).all()
    for event_id, details in erased:
        person_id = (details or {}).get("person_id")
        if isinstance(person_id, int):
            bind.execute(
                audit_event.update()
                .where(audit_event.c.id == event_id)
                .values(subject_ref=f"{PREFIX}{person_id}")
            )


def downgrade() -> None:
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_column("subject_ref")
        batch_op.drop_column("actor_ref")
