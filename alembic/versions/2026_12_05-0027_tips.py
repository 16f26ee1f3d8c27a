"""tips: claims readers send

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-05 07:50:00
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa



revision: str = '0027'
down_revision: Union[str, None] = '0026'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'tip',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('claim', sa.Text(), nullable=False),
        sa.Column('seen_where', sa.Text(), nullable=True),
        sa.Column('seen_url', sa.String(length=2000), nullable=True),
        sa.Column('contact', sa.String(length=254), nullable=True),
        sa.Column('consent', sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column('channel', sa.String(length=120), nullable=False),
        sa.Column('token_sha256', sa.String(length=64), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=True),
        sa.Column('answered_ticket_id', sa.Integer(), nullable=True),
        sa.Column('spam_score', sa.Float(), nullable=False),
        sa.Column('spam_reasons', sa.String(length=500), nullable=True),
        sa.Column('decision', sa.String(length=16), nullable=False),
        sa.Column('ticket_id', sa.Integer(), nullable=True),
        sa.Column('article_id', sa.Integer(), nullable=True),
        sa.Column('decided_by', sa.String(length=120), nullable=True),
        sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('dismissal_note', sa.Text(), nullable=True),
        sa.Column('vector', sa.LargeBinary(), nullable=True),
        sa.Column('vector_model', sa.String(length=120), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False, server_default='1'),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['group_id'], ['tip.id'], name=op.f('fk_tip_group_id_tip')),
        sa.ForeignKeyConstraint(['answered_ticket_id'], ['ticket.id'], name=op.f('fk_tip_answered_ticket_id_ticket')),
        sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_tip_ticket_id_ticket')),
        sa.ForeignKeyConstraint(['article_id'], ['article.id'], name=op.f('fk_tip_article_id_article')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tip')),
        sa.UniqueConstraint('token_sha256', name=op.f('uq_tip_token_sha256')),
    )
    with op.batch_alter_table('tip', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tip_group_id'), ['group_id'], unique=False)


def downgrade() -> None:
    op.drop_table('tip')
