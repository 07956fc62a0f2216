"""progress talks: a contact kind with the agreements made, and how often a team holds them

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-08 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

KINDS_BEFORE = "'gesprek', 'bellen', 'chat', 'huisbezoek', 'ouders', 'school', 'overig'"
KINDS_AFTER = (
    "'gesprek', 'voortgangsgesprek', 'bellen', 'chat', 'huisbezoek', 'ouders', 'school', 'overig'"
)


def _kinds(batch_op: object, kinds: str) -> None:
    # SQLite cannot alter a CHECK constraint: batch mode copies the table with the new one.
    batch_op.drop_constraint("ck_contact_log_kind", type_="check")  # type: ignore[attr-defined]
    batch_op.create_check_constraint(  # type: ignore[attr-defined]
        "ck_contact_log_kind", f"kind IN ({kinds})"
    )


def upgrade() -> None:
    with op.batch_alter_table("contact_log", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("agreements", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True)
        )
        _kinds(batch_op, KINDS_AFTER)
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("progress_talk_weeks", sa.Integer(), server_default="1", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_column("progress_talk_weeks")
    # A progress talk stays a talk: the older schema knows no other kind for it.
    op.execute("UPDATE contact_log SET kind = 'gesprek' WHERE kind = 'voortgangsgesprek'")
    with op.batch_alter_table("contact_log", schema=None) as batch_op:
        _kinds(batch_op, KINDS_BEFORE)
        batch_op.drop_column("agreements")
