"""claim matching: imported fact-checks, and matches between tickets and with fact-checks

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25 16:02:34
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0010'
down_revision: Union[str, None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('fact_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('claim', sa.Text(), nullable=False),
    sa.Column('claimant', sa.String(length=300), nullable=True),
    sa.Column('rating', sa.String(length=200), nullable=True),
    sa.Column('publisher', sa.String(length=300), nullable=True),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=True),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('imported_by', sa.String(length=120), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fact_check')),
    sa.UniqueConstraint('url', name=op.f('uq_fact_check_url'))
    )
    op.create_table('claim_match',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('target_ticket_id', sa.Integer(), nullable=True),
    sa.Column('fact_check_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('method', sa.String(length=120), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.String(length=120), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(target_ticket_id IS NULL) <> (fact_check_id IS NULL)', name=op.f('ck_claim_match_one_target')),
    sa.ForeignKeyConstraint(['fact_check_id'], ['fact_check.id'], name=op.f('fk_claim_match_fact_check_id_fact_check')),
    sa.ForeignKeyConstraint(['target_ticket_id'], ['ticket.id'], name=op.f('fk_claim_match_target_ticket_id_ticket')),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_claim_match_ticket_id_ticket')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_match')),
    sa.UniqueConstraint('ticket_id', 'fact_check_id', name='uq_claim_match_fact_check_pair'),
    sa.UniqueConstraint('ticket_id', 'target_ticket_id', name='uq_claim_match_ticket_pair')
    )
    with op.batch_alter_table('claim_match', schema=None) as batch_op:
        batch_op.create_index('ix_claim_match_fact_check', ['fact_check_id'], unique=False)
        batch_op.create_index('ix_claim_match_target', ['target_ticket_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_match_ticket_id'), ['ticket_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('claim_match', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_match_ticket_id'))
        batch_op.drop_index('ix_claim_match_target')
        batch_op.drop_index('ix_claim_match_fact_check')

    op.drop_table('claim_match')
    op.drop_table('fact_check')
