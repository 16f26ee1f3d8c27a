"""The queue pages by cursor: every ticket exactly once, forwards and back, in every sort."""

import pytest

from factcheck.core.errors import InvalidInput
from factcheck.tickets import queue as tickets
from tests.factories import ingest


@pytest.mark.parametrize("sort", list(tickets.SORTS))
def test_cursor_pages_cover_the_queue_once_each_way(session, settings, sort):
    for i in range(4):
        ingest(
            session,
            settings,
            text=f"Halden council voted 5-{i} on May {i + 1}, 2025 to close 3 schools.\n\n"
            f"The district spent ${i + 2} million on repairs in 2024, officials said.\n",
        )
    everything = tickets.queue(session, tickets.QueueFilter(sort=sort, per_page=200)).rows
    assert len(everything) >= 6
    seen, cursor, pages = [], None, []
    while True:
        page = tickets.queue(session, tickets.QueueFilter(sort=sort, per_page=3, cursor=cursor))
        pages.append(page)
        seen += [t.id for t, _, _ in page.rows]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert seen == [t.id for t, _, _ in everything]
    assert pages[0].prev_cursor is None and pages[-1].next_cursor is None
    back = tickets.queue(session, tickets.QueueFilter(sort=sort, per_page=3, cursor=pages[-1].prev_cursor))
    assert [t.id for t, _, _ in back.rows] == [t.id for t, _, _ in pages[-2].rows]


def test_a_tampered_cursor_is_a_clear_error(session, settings):
    ingest(session, settings)
    with pytest.raises(InvalidInput, match="page link is not valid"):
        tickets.queue(session, tickets.QueueFilter(cursor="not-a-cursor"))
    page = tickets.queue(session, tickets.QueueFilter(sort="score", per_page=1))
    assert page.next_cursor
    with pytest.raises(InvalidInput):  # a cursor from one sort means nothing in another
        tickets.queue(session, tickets.QueueFilter(sort="newest", cursor=page.next_cursor))
