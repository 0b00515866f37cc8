"""Posting chat messages to an incoming webhook over HTTPS (urllib.request, certificates
verified), with every failure turned into a message that names the platform and the HTTP
status.

The webhook URL is a secret: whoever has it can post to the channel. It is never printed,
logged or stored: messages name its host at most, and the history knows a destination only by
`destination_of`, a one-way fingerprint.

Rate limits (HTTP 429) are waited out as the server asks (`Retry-After`, or Discord's
`retry_after`), a bounded number of times and for a bounded time; the wait is a function
passed in, so tests never sleep. Other failures are not retried: a POST that reached the
server may have been posted, and a second try could post it twice.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import ssl
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

from digest import __version__
from digest.config import CHAT_PLATFORM_NAMES
from digest.errors import DigestError

# Plain http only to this machine (a local test server or relay): anywhere else the URL, the
# secret, would cross the network in clear text.
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}


class PostError(DigestError):
    """A message could not be posted. `sent` messages of the post had gone out before."""

    def __init__(self, message: str, sent: int = 0) -> None:
        super().__init__(message)
        self.sent = sent


class WebhookError(DigestError):
    """The webhook URL is unusable (not https, no host, spaces)."""


@dataclass(frozen=True)
class Webhook:
    """Where to post: a platform's incoming webhook. The URL is kept out of repr()."""

    platform: str
    url: str = field(repr=False)
    ca_file: Path | None = None
    timeout: float = 30.0

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.url).hostname or "?"

    @property
    def name(self) -> str:
        return CHAT_PLATFORM_NAMES.get(self.platform, self.platform)


def check_webhook_url(url: str, platform: str, where: str) -> str:
    """The URL, stripped, if it can be a webhook; else a WebhookError naming `where` it came
    from (an environment variable or a file) and never the URL itself."""
    url = url.strip()
    name = CHAT_PLATFORM_NAMES.get(platform, platform)
    if not url:
        raise WebhookError(f"{where} is empty; it should hold the {name} webhook URL")
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise WebhookError(f"{where}: the {name} webhook URL holds a space or line break")
    parts = urllib.parse.urlsplit(url)
    try:
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        raise WebhookError(f"{where}: the {name} webhook URL has an invalid port") from None
    host = parts.hostname
    if not host:
        raise WebhookError(
            f"{where} is not a webhook URL (no host); copy the https://… URL {name} gave you"
        )
    if parts.scheme == "https" or (parts.scheme == "http" and host in _LOOPBACK):
        return url
    raise WebhookError(
        f"{where}: the {name} webhook URL must start with https:// (plain http only to "
        "this machine), so that the secret in it never crosses the network in clear text"
    )


def destination_of(webhook: Webhook) -> str:
    """The history's name for a webhook: a SHA-256 fingerprint of the platform and URL.

    Unkeyed on purpose: a webhook URL holds a long random token (Slack's 24 characters,
    Discord's 68, Teams' 256-bit signature, Mattermost's 26), so its fingerprint can be
    neither reversed nor guessed; a keyed hash would need a key kept somewhere, adding nothing
    if kept beside the history and, if kept elsewhere and lost, silently allowing double posts."""
    digest = hashlib.sha256(f"digest chat destination\0{webhook.platform}\0{webhook.url}".encode())
    return digest.hexdigest()[:32]


@dataclass(frozen=True)
class Pacing:
    """How to wait: between messages (platforms allow about one a second: Slack documents
    one message a second per webhook, Teams throttles above four requests a second), and for
    a rate limit, at most `retries` times a message and at most `max_wait` seconds each."""

    sleep: Callable[[float], None]
    gap: float = 1.0
    retries: int = 3
    max_wait: float = 60.0


# A Retry-After we cannot read: wait this long, doubling with each retry.
_DEFAULT_WAIT = 2.0
# An error response's body is read up to this much, and quoted up to _QUOTED characters.
_BODY_LIMIT = 64 * 1024
_QUOTED = 200


def post_messages(
    webhook: Webhook,
    messages: Sequence[Mapping[str, Any]],
    pacing: Pacing,
    *,
    start: int = 0,
    on_sent: Callable[[int], None] = lambda n: None,
) -> int:
    """Post `messages[start:]` in order; `on_sent(n)` is told after each, n being how many of
    `messages` have gone out. Returns that number (all of them) or raises PostError, whose
    `sent` says how many had."""
    opener = _opener(webhook)
    total = len(messages)
    sent = start
    for index in range(start, total):
        where = f"message {index + 1} of {total}" if total > 1 else "the message"
        try:
            wait = _post_one(opener, webhook, messages[index], pacing, where)
        except PostError as err:
            raise PostError(str(err), sent=sent) from None
        sent = index + 1
        on_sent(sent)
        if sent < total:
            pacing.sleep(max(pacing.gap, wait))
    return sent


def _opener(webhook: Webhook) -> urllib.request.OpenerDirector:
    context = _tls_context(webhook)
    # Redirects are refused: urllib would follow a 301-303 with a GET and no body, so the
    # message would be lost while the request seemed to succeed.
    return urllib.request.build_opener(urllib.request.HTTPSHandler(context=context), _NoRedirect())


def _tls_context(webhook: Webhook) -> ssl.SSLContext:
    ca_file = webhook.ca_file
    try:
        return ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    except (OSError, ssl.SSLError) as err:
        reason = getattr(err, "strerror", None) or getattr(err, "reason", None) or err
        raise PostError(
            f"{ca_file}: cannot read certificate authorities from it ({reason}); name a PEM "
            f"file of certificates in chat.{webhook.platform}.ca_file in digest.toml"
        ) from None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        return None


def _target(webhook: Webhook) -> str:
    if webhook.platform != "discord":
        return webhook.url
    # wait=true: Discord answers only once the message is saved, and says so if it was not
    # (without it "a message that is not saved does not return an error").
    parts = urllib.parse.urlsplit(webhook.url)
    query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
    query = [(k, v) for k, v in query if k != "wait"] + [("wait", "true")]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def _post_one(
    opener: urllib.request.OpenerDirector,
    webhook: Webhook,
    message: Mapping[str, Any],
    pacing: Pacing,
    where: str,
) -> float:
    """Post one message, waiting out rate limits; returns how long the server asks us to
    wait before the next one (Discord's X-RateLimit headers), or 0."""
    body = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    name, host = webhook.name, webhook.host
    for attempt in range(pacing.retries + 1):
        request = urllib.request.Request(
            _target(webhook),
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json; charset=utf-8",
                "User-Agent": f"digest/{__version__}",
            },
        )
        try:
            with opener.open(request, timeout=webhook.timeout) as response:
                response.read(_BODY_LIMIT)
                return _next_wait(response.headers, pacing)
        except urllib.error.HTTPError as err:
            status = err.code
            raw = _body(err)
            text = _quote(raw, webhook)
            if status == 429 and attempt == pacing.retries:
                raise PostError(
                    f"{name}: HTTP 429 from {host} for {where}: still rate limited after "
                    f"{pacing.retries} waits; run again later"
                ) from None
            if status == 429:
                wait = _retry_after(err.headers, raw, attempt)
                if wait > pacing.max_wait:
                    raise PostError(
                        f"{name}: HTTP 429 from {host} for {where}: rate limited for "
                        f"{wait:.0f} s, longer than digest waits ({pacing.max_wait:.0f} s); "
                        "run again later"
                    ) from None
                pacing.sleep(wait)
                continue
            raise PostError(_status_message(name, host, where, status, text)) from None
        except (http.client.HTTPException, OSError) as err:
            raise PostError(_network_message(name, host, where, err, webhook)) from None
    raise AssertionError("unreachable: the last attempt returns or raises")


def _status_message(name: str, host: str, where: str, status: int, text: str) -> str:
    said = f" ({text})" if text else ""
    hint = ""
    if status in (401, 403, 404, 410):
        hint = "; the webhook may have been deleted or its URL mistyped: check it"
    elif 300 <= status < 400:
        hint = "; a webhook does not redirect: check the URL"
    elif status == 413 or (status == 400 and "too" in text.lower()):
        hint = "; the message was too large for it"
    elif status >= 500:
        hint = f"; {name} had a problem: run again later"
    return f"{name}: HTTP {status} from {host} for {where}{said}{hint}"


def _network_message(name: str, host: str, where: str, err: BaseException, webhook: Webhook) -> str:
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    if isinstance(reason, ssl.SSLCertVerificationError):
        why = _scrub(reason.verify_message or str(reason), webhook)
        return (
            f"{name}: cannot post {where} to {host}: its TLS certificate is not trusted "
            f"({why}); set chat.{webhook.platform}.ca_file in digest.toml if the server uses "
            "a private certificate authority"
        )
    if isinstance(reason, ssl.SSLError):
        return f"{name}: cannot post {where} to {host}: TLS failed ({reason.reason or 'error'})"
    if isinstance(reason, (http.client.RemoteDisconnected, ConnectionResetError)):
        return (
            f"{name}: {host} closed the connection while posting {where}; it may or may not "
            "have been posted: check the channel before running again"
        )
    if isinstance(reason, TimeoutError):
        return (
            f"{name}: no answer from {host} within {webhook.timeout:.0f} s for {where}; it may "
            "or may not have been posted: check the channel before running again"
        )
    detail = reason.strerror if isinstance(reason, OSError) and reason.strerror else str(reason)
    return f"{name}: cannot reach {host} to post {where} ({_scrub(detail, webhook)})"


def _body(err: urllib.error.HTTPError) -> str:
    try:
        return err.read(_BODY_LIMIT).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return ""
    finally:
        err.close()


def _quote(raw: str, webhook: Webhook) -> str:
    """A short, single-line excerpt of an error response (Slack says why: invalid_blocks,
    no_service...), with the webhook's secret path and query removed should it be echoed."""
    text = " ".join(raw.split())
    text = "".join(ch for ch in _scrub(text, webhook) if ch.isprintable())
    return text if len(text) <= _QUOTED else text[: _QUOTED - 1] + "…"


def _scrub(text: str, webhook: Webhook) -> str:
    parts = urllib.parse.urlsplit(webhook.url)
    for secret in (webhook.url, parts.path, parts.query):
        if len(secret) > 1:
            text = text.replace(secret, "…")
    return text


def _retry_after(headers: Message, text: str, attempt: int) -> float:
    """Seconds to wait: Retry-After (seconds), else Discord's `retry_after` in the JSON body
    (discord-api-docs, topics/rate-limits), else a default that doubles with each retry."""
    value = headers.get("Retry-After")
    seconds = _seconds(value)
    if seconds is None:
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict):
            seconds = _seconds(data.get("retry_after"))
    # An HTTP-date form of Retry-After would need the clock; webhooks send seconds.
    return seconds if seconds is not None else _DEFAULT_WAIT * 2**attempt


def _next_wait(headers: Message, pacing: Pacing) -> float:
    """Discord says when a webhook's bucket is empty: wait for it to refill."""
    if headers.get("X-RateLimit-Remaining") != "0":
        return 0.0
    seconds = _seconds(headers.get("X-RateLimit-Reset-After"))
    return min(seconds, pacing.max_wait) if seconds is not None else 0.0


def _seconds(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        seconds = float(str(value))
    except ValueError:
        return None
    return seconds if seconds >= 0 and seconds == seconds else None
