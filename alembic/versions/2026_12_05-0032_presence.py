"""presence: who has a ticket open now

Revision ID: 0032
Revises: 0031
Create Date: 2026-12-05 08:50:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0032'
down_revision: Union[str, None] = '0031'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'ticket_presence',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('ticket_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_ticket_presence_ticket_id_ticket')),
        sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_ticket_presence_user_id_user')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_ticket_presence')),
    )
    with op.batch_alter_table('ticket_presence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ticket_presence_ticket_id'), ['ticket_id'], unique=False)


def downgrade() -> None:
    op.drop_table('ticket_presence')
