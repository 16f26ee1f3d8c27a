"""What the desk sends out cannot be held open or flooded by whoever answers: every outgoing
request (webhooks, fetched pages, search connectors, ClaimReview URLs) goes through one guarded
client with one deadline for the whole exchange and a cap on the answer."""

from __future__ import annotations

import socket
import threading
import time
import tracemalloc
from collections.abc import Iterator

import pytest

from factcheck.core import netguard
from factcheck.core.errors import FetchError, TooLarge


class Receiver:
    """A raw HTTP receiver on 127.0.0.1 that misbehaves in one chosen way."""

    def __init__(self, behaviour: str) -> None:
        self.behaviour = behaviour
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/hook"
        self.stop = threading.Event()
        self.sent = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        try:
            conn.recv(65536)
            if self.behaviour == "hang":
                self.stop.wait(30)
            elif self.behaviour == "drip":
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n")
                while not self.stop.is_set():
                    conn.sendall(b"x")
                    self.sent += 1
                    time.sleep(0.05)
            elif self.behaviour == "flood":
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 400000000\r\n\r\n")
                chunk = b"x" * 65536
                while not self.stop.is_set() and self.sent < 400_000_000:
                    conn.sendall(chunk)
                    self.sent += len(chunk)
        except OSError:
            pass  # the desk hung up: what it should do
        finally:
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.fixture
def receiver(request) -> Iterator[Receiver]:
    made = Receiver(request.param)
    yield made
    made.close()


def _post(url: str) -> tuple[float, netguard.Posted | Exception]:
    began = time.monotonic()
    try:
        answer: netguard.Posted | Exception = netguard.post(
            url, b"{}", {"Content-Type": "application/json"}, timeout=1.0, allow_private=True
        )
    except FetchError as exc:
        answer = exc
    return time.monotonic() - began, answer


@pytest.mark.parametrize("receiver", ["hang", "drip"], indirect=True)
def test_a_receiver_that_hangs_or_drips_is_cut_off_at_the_deadline(receiver):
    took, answer = _post(receiver.url)
    assert isinstance(answer, FetchError) and "did not answer within 1 seconds" in answer.message
    assert took < 2.0  # one deadline for the whole exchange, not a fresh time-out per byte


@pytest.mark.parametrize("receiver", ["flood"], indirect=True)
def test_a_receiver_that_answers_400_mb_is_read_no_further_than_the_cap(receiver):
    tracemalloc.start()
    took, answer = _post(receiver.url)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(answer, netguard.Posted) and answer.status == 200  # the status is all a webhook needs
    assert peak < 20_000_000, f"{peak:,} bytes held"  # not the 400 MB it was sent
    assert took < 2.0


@pytest.mark.parametrize("receiver", ["flood"], indirect=True)
def test_a_page_larger_than_the_cap_is_refused_without_reading_it_whole(receiver):
    with pytest.raises(TooLarge):
        netguard.fetch(receiver.url, netguard.Limits(timeout=5, max_bytes=1_000_000, allow_private=True, accept=None))
