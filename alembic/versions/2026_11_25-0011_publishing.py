"""publishing: published and first-published times, ratings on the desk's scale, corrections

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-25 16:21:29
"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


revision: str = '0011'
down_revision: Union[str, None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    rating = op.create_table('rating',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating')),
    sa.UniqueConstraint('name', name=op.f('uq_rating_name'))
    )
    # The default scale (admins edit it): ClaimReview values on 1 (worst) to 5 (best).
    op.bulk_insert(rating, [
        {"name": name, "state": state, "value": value, "position": i, "active": True}
        for i, (name, state, value) in enumerate([
            ("True", "corroborated", 5), ("Mostly true", "corroborated", 4), ("Missing context", "disputed", 3),
            ("Misleading", "disputed", 2), ("False", "disputed", 1)])
    ])
    op.create_table('correction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ticket_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('was_state', sa.String(length=16), nullable=False),
    sa.Column('was_rating', sa.String(length=80), nullable=True),
    sa.Column('was_published_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('by', sa.String(length=120), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['ticket_id'], ['ticket.id'], name=op.f('fk_correction_ticket_id_ticket')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_correction'))
    )
    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_correction_ticket_id'), ['ticket_id'], unique=False)

    with op.batch_alter_table('ticket', schema=None) as batch_op:
        batch_op.add_column(sa.Column('rating', sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column('rating_value', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('published_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('first_published_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('ticket', schema=None) as batch_op:
        batch_op.drop_column('first_published_at')
        batch_op.drop_column('published_at')
        batch_op.drop_column('rating_value')
        batch_op.drop_column('rating')

    with op.batch_alter_table('correction', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_correction_ticket_id'))

    op.drop_table('correction')
    op.drop_table('rating')
