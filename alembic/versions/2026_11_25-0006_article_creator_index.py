"""article creator index: the ingest rate limit counts a user's articles of the last minute

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 12:52:31
"""
from typing import Sequence, Union

from alembic import op


revision: str = '0006'
down_revision: Union[str, None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.create_index('ix_article_creator_time', ['created_by_id', 'created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_index('ix_article_creator_time')
