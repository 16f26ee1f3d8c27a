"""Fake search APIs on 127.0.0.1, answering with each API's documented response shape (MediaWiki
list=search, Fact Check Tools claims:search, SearXNG format=json), or with their failures."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

WIKIPEDIA = {
    "batchcomplete": True,
    "query": {
        "searchinfo": {"totalhits": 2},
        "search": [
            {
                "ns": 0,
                "title": "Riverton water utility",
                "pageid": 101,
                "size": 4100,
                "wordcount": 600,
                "snippet": 'The <span class="searchmatch">Riverton</span> council raised <span class="searchmatch">water</span> rates in 2025',
                "timestamp": "2025-04-02T10:00:00Z",
            },
            {
                "ns": 0,
                "title": "Lake Orra",
                "pageid": 102,
                "size": 2000,
                "wordcount": 300,
                "snippet": "A lake with a ferry",
                "timestamp": "2024-01-01T00:00:00Z",
            },
        ],
    },
}
FACTCHECKTOOLS = {
    "claims": [
        {
            "text": "Riverton raised water rates by 12 percent",
            "claimant": "Mayor Elena Vasquez",
            "claimDate": "2025-03-03T00:00:00Z",
            "claimReview": [
                {
                    "publisher": {"name": "Valley Fact Check", "site": "valleyfacts.example"},
                    "url": "https://valleyfacts.example/riverton-rates",
                    "title": "Did Riverton raise rates 12%?",
                    "reviewDate": "2025-03-10T00:00:00Z",
                    "textualRating": "True",
                    "languageCode": "en",
                }
            ],
        }
    ]
}
SEARXNG = {
    "query": "x",
    "number_of_results": 2,
    "results": [
        {
            "url": "https://riverton.example/council/minutes-2025-03-03.pdf",
            "title": "Council minutes, March 3, 2025",
            "content": "Motion to raise residential water rates by 12 percent carried 7-2.",
            "engine": "duckduckgo",
            "publishedDate": "2025-03-04T00:00:00",
        },
        {"url": "javascript:alert(1)", "title": "not a link", "content": "", "engine": "x"},
    ],
    "answers": [],
    "suggestions": [],
}


class FakeApi:
    """``mode``: "ok", "empty", 403, 429, 500, "timeout" or "garbage"."""

    def __init__(self, body: dict, mode: object = "ok", key: str | None = None):
        self.body, self.mode, self.key = body, mode, key
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
                outer.requests.append(
                    {"path": urlsplit(self.path).path, "query": query, "agent": self.headers.get("User-Agent", "")}
                )
                mode = outer.mode
                if outer.key and query.get("key") != outer.key:
                    mode = 403
                if mode == "timeout":
                    time.sleep(2)
                if isinstance(mode, int):
                    self.send_response(mode)
                    self.end_headers()
                    self.wfile.write(b'{"error": {"code": %d}}' % mode)
                    return
                body = (
                    b"<html>not json"
                    if mode == "garbage"
                    else json.dumps({} if mode == "empty" else outer.body).encode()
                )
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
