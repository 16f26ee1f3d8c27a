"""search sources: what a connector found, on the source drafts it became

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-25 16:49:37
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0014'
down_revision: Union[str, None] = '0013'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('draft_item', schema=None) as batch_op:
        batch_op.add_column(sa.Column('connector', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('snippet', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('publisher', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('published', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('rating', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('retrieved_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('draft_item', schema=None) as batch_op:
        batch_op.drop_column('retrieved_at')
        batch_op.drop_column('rating')
        batch_op.drop_column('published')
        batch_op.drop_column('publisher')
        batch_op.drop_column('snippet')
        batch_op.drop_column('connector')

