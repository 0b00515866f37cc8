"""A chat webhook on 127.0.0.1 for the tests, and each platform's limits checked on a payload.

The webhook records every POST and answers from a script (a status, headers and body per
request, or "drop" to close the connection without answering), then 200 "ok" once the script
is used up. HTTPS when given an SSL context."""

from __future__ import annotations

import http.server
import json
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from digest.chat import (
    DISCORD_MAX_CONTENT,
    DISCORD_MAX_DESCRIPTION,
    DISCORD_MAX_EMBED_TOTAL,
    DISCORD_MAX_EMBEDS,
    DISCORD_MAX_TITLE,
    MATTERMOST_MAX_TEXT,
    SLACK_MAX_BLOCKS,
    SLACK_MAX_HEADER,
    SLACK_MAX_TEXT,
    text_length,
)

SECRET = "T0SECRET/B0SECRET/xoxSecretToken123"


@dataclass
class Reply:
    status: int = 200
    body: str = "ok"
    headers: dict[str, str] = field(default_factory=dict)


DROP = "drop"


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)


class Hook:
    def __init__(self, scheme: str, port: int) -> None:
        self.scheme, self.port = scheme, port
        self.script: list[Reply | str] = []
        self.received: list[Received] = []

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}/hooks/{SECRET}"

    @property
    def payloads(self) -> list[Any]:
        return [r.json for r in self.received]


@contextmanager
def serve(context: ssl.SSLContext | None = None) -> Iterator[Hook]:
    hook = Hook("https" if context else "http", 0)

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            hook.received.append(Received(self.path, dict(self.headers.items()), body))
            reply = hook.script.pop(0) if hook.script else Reply()
            if reply == DROP:
                self.close_connection = True
                return
            assert isinstance(reply, Reply)
            data = reply.body.encode()
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if context is not None:
        server.socket = context.wrap_socket(server.socket, server_side=True)
    hook.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield hook
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def check_limits(platform: str, payload: dict[str, Any]) -> None:
    if platform == "slack":
        assert len(payload["blocks"]) <= SLACK_MAX_BLOCKS
        assert text_length(payload["blocks"][0]["text"]["text"]) <= SLACK_MAX_HEADER
        for block in payload["blocks"][1:]:
            for t in [block.get("text"), *block.get("elements", [])]:
                assert t is None or text_length(t["text"]) <= SLACK_MAX_TEXT
    elif platform == "discord":
        assert text_length(payload["content"]) <= DISCORD_MAX_CONTENT
        assert len(payload["embeds"]) <= DISCORD_MAX_EMBEDS
        for e in payload["embeds"]:
            assert text_length(e["title"]) <= DISCORD_MAX_TITLE
            assert text_length(e["description"]) <= DISCORD_MAX_DESCRIPTION
        total = sum(
            text_length(e["title"]) + text_length(e["description"]) for e in payload["embeds"]
        )
        assert total <= DISCORD_MAX_EMBED_TOTAL
    elif platform == "teams":
        assert len(json.dumps(payload, ensure_ascii=False).encode()) <= 28_000
    else:
        assert text_length(payload["text"]) <= MATTERMOST_MAX_TEXT
