"""age bands: the team's default and a pupil's own, the named feeling of a check-in, and whether
an English speaker has been told what "OPP" stands for

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 17:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BANDS = "'jong', 'midden', 'oud'"


def upgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "age_band",
                sqlmodel.sql.sqltypes.AutoString(length=10),
                server_default="midden",
                nullable=False,
            )
        )
        batch_op.create_check_constraint("ck_team_age_band", f"age_band IN ({BANDS})")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("age_band", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=True)
        )
        batch_op.add_column(
            sa.Column("opp_explained", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.create_check_constraint(
            "ck_person_age_band", f"age_band IS NULL OR age_band IN ({BANDS})"
        )
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("feeling", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("checkin", schema=None) as batch_op:
        batch_op.drop_column("feeling")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_constraint("ck_person_age_band", type_="check")
        batch_op.drop_column("opp_explained")
        batch_op.drop_column("age_band")
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_constraint("ck_team_age_band", type_="check")
        batch_op.drop_column("age_band")
