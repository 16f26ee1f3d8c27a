"""public pages: what a publication needs to stand on its own (the claim's kind and reporter,
the questions a person answered, what found the claim)

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-05 07:40:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0026'
down_revision: Union[str, None] = '0025'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('publication', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column('reported_by', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('found_by', sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column('questions', sa.Text(), nullable=False, server_default='[]'))


def downgrade() -> None:
    with op.batch_alter_table('publication', schema=None) as batch_op:
        batch_op.drop_column('questions')
        batch_op.drop_column('found_by')
        batch_op.drop_column('reported_by')
        batch_op.drop_column('kind')
