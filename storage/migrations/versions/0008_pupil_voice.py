"""pupil voice: alerts a mentor picks up, a team's own phrases of distress, the pick-up delay

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 19:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "team_phrase",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("phrase", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("added_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["added_by_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "phrase", name="uq_team_phrase"),
    )
    with op.batch_alter_table("team_phrase", schema=None) as batch_op:
        batch_op.create_index("ix_team_phrase_team_id", ["team_id"], unique=False)
    op.create_table(
        "pupil_alert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("pupil_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("wants_contact", sa.Boolean(), nullable=False),
        sa.Column("created_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("picked_up_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("picked_up_by_id", sa.Integer(), nullable=True),
        sa.Column("escalated_at", storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "kind IN ('checkin_start', 'checkin_close', 'message', 'distress')",
            name="ck_pupil_alert_kind",
        ),
        sa.ForeignKeyConstraint(["picked_up_by_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["pupil_id"], ["person.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("pupil_id", "source", name="uq_pupil_alert_source"),
    )
    with op.batch_alter_table("pupil_alert", schema=None) as batch_op:
        batch_op.create_index("ix_pupil_alert_team_day", ["team_id", "day"], unique=False)
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("contact_pickup_hours", sa.Integer(), server_default="2", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_column("contact_pickup_hours")
    with op.batch_alter_table("pupil_alert", schema=None) as batch_op:
        batch_op.drop_index("ix_pupil_alert_team_day")
    op.drop_table("pupil_alert")
    with op.batch_alter_table("team_phrase", schema=None) as batch_op:
        batch_op.drop_index("ix_team_phrase_team_id")
    op.drop_table("team_phrase")
