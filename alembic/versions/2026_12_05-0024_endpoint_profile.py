"""endpoint profile: how many requests an endpoint serves at once, and how fast it writes

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05 02:50:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0024'
down_revision: Union[str, None] = '0023'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('llm_endpoint', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parallel', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('tokens_per_second', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('llm_endpoint', schema=None) as batch_op:
        batch_op.drop_column('tokens_per_second')
        batch_op.drop_column('parallel')
