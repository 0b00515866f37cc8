"""Deliveries: a recorded issue sent by email (`digest send`) or posted to a chat webhook
(`digest post`), and each recorded in the history so that nobody gets it twice by accident.

Like `pipeline.py` for the build, this is where the stages of a delivery are wired: the
history, the email message (`renditions.py`, `mail.py`, `sending.py`), the chat messages
(`chat.py`, `posting.py`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from typing import TYPE_CHECKING

from digest.chat import Payload, build_messages, chat_issue_of, payload_bytes
from digest.config import CHAT_PLATFORM_NAMES, Settings
from digest.errors import InputError
from digest.history import PastIssue, Post, Send, open_history
from digest.mail import message_bytes
from digest.rendering import issue_page
from digest.renditions import message_of
from digest.selection import chosen_issue, theme_named, themes_of
from digest.sending import Delivery, SmtpServer, send_message

if TYPE_CHECKING:
    # Imported when a post runs: http.client and ssl are not needed to build an issue.
    from digest.posting import Pacing, PostError, Webhook


@dataclass(frozen=True)
class SendResult:
    issue: PastIssue
    message: EmailMessage
    delivery: Delivery | None  # None for a dry run


def send_issue(
    *,
    state: Path,
    number: int | None,
    settings: Settings,
    recipients: Sequence[str],
    server: SmtpServer | None,
    sent_at: dt.datetime,
    resend: bool,
) -> SendResult:
    """Send a recorded issue (the latest, or `number`) and record who received it.

    Refuses to mail anyone twice unless `resend`. With `server=None`, a dry run: the message
    is built and returned, nothing is sent or recorded."""
    if not recipients:
        raise InputError(
            "no recipients: pass --to ADDRESS (repeatable) or set mail.to in digest.toml"
        )
    with open_history(state, read_only=server is None) as history:
        chosen = chosen_issue(history, number, state)
        earlier = {s.recipient: s for s in history.sends(chosen.number)}
        again = sorted(r for r in recipients if r in earlier)
        if again and not resend:
            raise InputError(_already_sent(chosen, recipients, earlier))
        message = message_of(chosen, settings, recipients, sent_at)
        data = message_bytes(message)
        if server is None:
            return SendResult(chosen, message, None)
        delivery = send_message(data, _address(settings.mail_from), recipients, server)
        when = sent_at.isoformat()
        history.record_sends(chosen.number, delivery.accepted, when)
        # Unknown: recorded as such, so that sending again needs --resend.
        history.record_sends(chosen.number, delivery.unconfirmed, when, confirmed=False)
    return SendResult(chosen, message, delivery)


def _already_sent(issue: PastIssue, recipients: Sequence[str], earlier: dict[str, Send]) -> str:
    """Why a send is refused: who got the issue, or may have; how to go on."""
    sent = sorted(r for r in recipients if r in earlier and earlier[r].confirmed)
    unsure = sorted(r for r in recipients if r in earlier and not earlier[r].confirmed)
    said = []
    if sent:
        said.append(f"was already sent to {', '.join(sent)} (on {earlier[sent[0]].sent_at})")
    if unsure:
        said.append(
            f"may have been delivered to {', '.join(unsure)} (on {earlier[unsure[0]].sent_at}: "
            "the server took it but did not confirm it)"
        )
    text = f"issue {issue.number} ({issue.week}) " + ", and ".join(said) + "; pass --resend to "
    text += "send it again at the risk of a duplicate" if unsure else "send it again"
    others = [r for r in recipients if r not in earlier]
    if others:
        text += ", or send it only to the others: " + " ".join(f"--to {r}" for r in others)
    return text


def _address(value: str) -> str:
    return parseaddr(value)[1]


@dataclass(frozen=True)
class PostResult:
    issue: PastIssue
    messages: tuple[Payload, ...]
    theme: str | None  # the theme's label as the issue has it, when one theme is posted
    start: int  # the first message this run posted (after a post that stopped part way)
    sent: int  # how many of `messages` are posted now; 0 for a dry run


def post_issue(
    *,
    state: Path,
    number: int | None,
    theme: str | None,
    platform: str,
    settings: Settings,
    webhook: Webhook | None,
    pacing: Pacing,
    posted_at: str,
    resend: bool,
) -> PostResult:
    """Post a recorded issue (the latest, or `number`; all of it, or one `theme`) to a chat
    webhook and record it. With `webhook=None`, a dry run: the messages are built and
    returned; nothing is posted or recorded.

    The same issue (or theme) goes to the same destination once, unless `resend`. Each
    message is recorded as it goes out, so a post that stops part way (a server error, a
    dropped connection, a killed run) is finished by running again, which posts only the
    messages that did not go out, provided they are still the same."""
    from digest.posting import PostError, destination_of, post_messages

    with open_history(state, read_only=webhook is None) as history:
        chosen = chosen_issue(history, number, state)
        data = json.loads(chosen.data)
        themes = themes_of(chosen.data)
        picked = [theme_named(themes, theme, chosen)] if theme is not None else themes
        page = (settings.site_url + issue_page(chosen.week, "html")) if settings.site_url else None
        label = picked[0]["label"] if theme is not None else None
        messages = build_messages(platform, chat_issue_of(data, picked, page, label))
        if webhook is None:
            return PostResult(chosen, messages, label, 0, 0)
        record = Post(
            issue=chosen.number,
            platform=platform,
            destination=destination_of(webhook),
            theme=label or "",
            host=webhook.host,
            payload_hash=hashlib.sha256(b"\n".join(map(payload_bytes, messages))).hexdigest(),
            messages_sent=0,
            messages_total=len(messages),
            posted_at=posted_at,
        )
        start = 0 if resend else _resume_from(history.posts(chosen.number), record, chosen)
        try:
            sent = post_messages(
                webhook,
                messages,
                pacing,
                start=start,
                on_sent=lambda n: history.record_post(replace(record, messages_sent=n)),
            )
        except PostError as err:
            raise PostError(_after_failure(err, len(messages)), err.sent) from None
    return PostResult(chosen, messages, label, start, sent)


def _resume_from(posts: Sequence[Post], record: Post, chosen: PastIssue) -> int:
    """Where a post to the same place starts: 0 the first time, after the messages that went
    out when an earlier post stopped part way; refused when it was all posted."""
    key = (record.platform, record.destination, record.theme)
    earlier = next((p for p in posts if (p.platform, p.destination, p.theme) == key), None)
    if earlier is None:
        return 0
    what = f"issue {chosen.number} ({chosen.week})" + (
        f", theme {record.theme!r}," if record.theme else ""
    )
    where = f"{CHAT_PLATFORM_NAMES[record.platform]} ({earlier.host})"
    if earlier.delivered:
        raise InputError(
            f"{what} was already posted to {where} on {earlier.posted_at}; "
            "pass --resend to post it again"
        )
    if earlier.payload_hash != record.payload_hash:
        raise InputError(
            f"a post of {what} to {where} stopped after {earlier.messages_sent} of "
            f"{earlier.messages_total} messages on {earlier.posted_at}, and its messages have "
            "changed since (settings or templates); pass --resend to post all of it again"
        )
    return earlier.messages_sent


def _after_failure(err: PostError, total: int) -> str:
    if err.sent == 0:
        return f"{err}. Nothing is recorded as posted."
    return (
        f"{err}. {err.sent} of {total} messages were posted (recorded); run the same command "
        "again to post the rest, or pass --resend to post them all again"
    )
