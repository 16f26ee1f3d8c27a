"""archived sources: a source page's text, its hash and when the desk fetched it

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-25 17:24:43
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0015'
down_revision: Union[str, None] = '0014'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('draft_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('archived_text', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('archived_sha256', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('archived_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('draft_item', schema=None) as batch_op:
        batch_op.drop_column('archived_at')
        batch_op.drop_column('archived_sha256')
        batch_op.drop_column('archived_text')

