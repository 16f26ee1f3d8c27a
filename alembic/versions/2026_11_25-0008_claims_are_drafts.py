"""claims are drafts: dismissals and merges of tickets, versions of drafts

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 15:00:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0008'
down_revision: Union[str, None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('ticket', schema=None) as batch_op:
        batch_op.add_column(sa.Column('dismissed_reason', sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column('dismissal_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('dismissed_by', sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column('dismissed_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('merged_into_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_ticket_merged_into_id_ticket'), 'ticket', ['merged_into_id'], ['id'])
    with op.batch_alter_table('draft_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
    op.execute("INSERT INTO ticket_tally (state, n) VALUES ('dismissed', 0)")


def downgrade() -> None:
    op.execute("DELETE FROM ticket_tally WHERE state = 'dismissed'")
    with op.batch_alter_table('draft_item', schema=None) as batch_op:
        batch_op.drop_column('version')
    with op.batch_alter_table('ticket', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_ticket_merged_into_id_ticket'), type_='foreignkey')
        batch_op.drop_column('merged_into_id')
        batch_op.drop_column('dismissed_at')
        batch_op.drop_column('dismissed_by')
        batch_op.drop_column('dismissal_note')
        batch_op.drop_column('dismissed_reason')
