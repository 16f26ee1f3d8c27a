"""ticket tally: tickets per state, kept with every change

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 09:40:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0005'
down_revision: Union[str, None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('ticket_tally',
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('state', name=op.f('pk_ticket_tally'))
    )
    # Every state has its row from the start (so changes only UPDATE), counted from the tickets.
    op.execute(
        "INSERT INTO ticket_tally (state, n) "
        "SELECT s.state, (SELECT count(*) FROM ticket WHERE ticket.state = s.state) FROM "
        "(SELECT 'unverified' AS state UNION ALL SELECT 'corroborated' UNION ALL SELECT 'disputed') AS s"
    )


def downgrade() -> None:
    op.drop_table('ticket_tally')
