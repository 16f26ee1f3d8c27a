"""llm faults and modes: transient failures of a job, what an extraction refused, each endpoint's answer mode

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 13:30:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0007'
down_revision: Union[str, None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table('job', schema=None) as batch_op:
        batch_op.add_column(sa.Column('transient_failures', sa.Integer(), server_default='0', nullable=False))
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.add_column(sa.Column('extraction_notes', sa.Text(), nullable=True))
    op.create_table(
        'llm_endpoint',
        sa.Column('endpoint', sa.String(length=500), nullable=False),
        sa.Column('model', sa.String(length=120), nullable=False),
        sa.Column('mode', sa.String(length=20), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('endpoint', 'model', name=op.f('pk_llm_endpoint')),
    )


def downgrade() -> None:
    op.drop_table('llm_endpoint')
    with op.batch_alter_table('article', schema=None) as batch_op:
        batch_op.drop_column('extraction_notes')
    with op.batch_alter_table('job', schema=None) as batch_op:
        batch_op.drop_column('transient_failures')
