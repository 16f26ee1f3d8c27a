"""extraction as a job: an article's extraction status and error

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 09:10:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0004'
down_revision: Union[str, None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    # Articles stored before this revision had their claims found in the request: they are done.
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extraction_status', sa.String(length=12), nullable=False,
                                      server_default='done'))
        batch_op.add_column(sa.Column('extraction_error', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_column('extraction_error')
        batch_op.drop_column('extraction_status')
