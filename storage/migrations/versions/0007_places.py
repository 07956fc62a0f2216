"""places: the cards a reply may replace, and coordinators' channels moved out of class teams

A coordinators' channel in a team with pupils is read by the pupils: such a setting is moved
aside (`coordinator_channel_moved`), the coordinators' messages go to their 1:1 chats, and the
bot tells the coordinators once.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 19:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import storage.types

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "card_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("activity_id", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("sent_at", storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("conversation_id", "activity_id", name="uq_card_message_activity"),
    )
    with op.batch_alter_table("card_message", schema=None) as batch_op:
        batch_op.create_index("ix_card_message_sent_at", ["sent_at"], unique=False)
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.create_index("ix_delivery_activity", ["activity_id"], unique=False)
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "coordinator_channel_moved",
                sqlmodel.sql.sqltypes.AutoString(length=200),
                nullable=True,
            )
        )
    op.execute(
        """
        UPDATE team
        SET coordinator_channel_moved = coordinator_channel_id, coordinator_channel_id = NULL
        WHERE coordinator_channel_id IS NOT NULL
          AND EXISTS (
            SELECT 1 FROM person
            WHERE person.team_id = team.id AND person.role = 'pupil' AND person.active
          )
        """
    )


def downgrade() -> None:
    # A moved channel is not put back: pupils would read the coordinators' messages again.
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_column("coordinator_channel_moved")
    with op.batch_alter_table("delivery", schema=None) as batch_op:
        batch_op.drop_index("ix_delivery_activity")
    with op.batch_alter_table("card_message", schema=None) as batch_op:
        batch_op.drop_index("ix_card_message_sent_at")
    op.drop_table("card_message")
