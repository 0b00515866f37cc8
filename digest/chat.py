"""The issue as chat messages: Slack Block Kit, Discord embeds, a Teams Adaptive Card and a
Mattermost post, each built from the same ChatIssue by pure functions (no network here; see
posting.py for delivery).

Every platform's limits are kept, each cited where it is set. A large issue becomes several
messages, in order, each headed "part i of n"; if it would take more than MAX_MESSAGES, each
theme lists its first (most central) papers and says how many more the full issue holds.

Text from the input (headlines, summaries, theme labels, the title) goes through the
platform's own escaping, so that it can never mention anyone (@channel, @everyone, <!here>,
<@U123>), become a link, or change the message's formatting:

- Slack: &, < and > become entities (the only characters Slack parses), and every mrkdwn text
  object is `verbatim`, so Slack does not turn bare URLs or #channel names into links.
- Discord: `allowed_mentions: {"parse": []}` on every message, Markdown characters escaped
  with a backslash, a zero-width space after every @, bare URLs shown as code.
- Teams: text goes into RichTextBlock TextRuns, which Adaptive Cards never parse as Markdown
  (backslash escapes in TextBlock Markdown render differently on each Teams client), and a
  card mentions someone only through an explicit `msteams.entities` list, which we never send.
- Mattermost: Markdown escaped, <, > and & as entities (Mattermost translates Slack's <...>
  syntax on the server, before any Markdown, so a backslash would not stop `<!channel>`), a
  zero-width space after @, # and ~ (mentions, hashtags, channel links), bare URLs as code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

from digest.config import CHAT_PLATFORMS
from digest.models import count_themes, slugify
from digest.templating import escape_slack, escape_slack_url

PLATFORMS = CHAT_PLATFORMS

# More messages than this would flood the channel: a larger issue lists fewer papers a theme.
MAX_MESSAGES = 5
# Papers per theme tried, in turn, until the issue fits in MAX_MESSAGES (the last always goes).
PER_THEME_CAPS: tuple[int | None, ...] = (None, 20, 10, 5, 3, 1)
# MAX_MESSAGES hold at most about 80,000 characters (Mattermost's), and a paper's line is
# rarely under 30: more papers than this cannot fit, so such a cap is not even rendered
# (rendering 100,000 papers' lines to find they do not fit took seconds).
MAX_PAPERS_SHOWN = 3000

Payload = dict[str, Any]


@dataclass(frozen=True)
class ChatPaper:
    headline: str
    summary: str
    url: str | None  # http(s) only: digest.json keeps no other link
    # For a paper with no page of its own: a search built from its text, shown as a search
    # ("no link: search for it"), never as the paper's own link.
    search_url: str | None = None


@dataclass(frozen=True)
class ChatTheme:
    label: str
    slug: str
    papers: tuple[ChatPaper, ...]
    keywords: tuple[str, ...] = ()  # not shown: they tell a theme from papers that share none


@dataclass(frozen=True)
class ChatIssue:
    """What a chat post shows: the issue (or one theme of it) and the link to its web page."""

    title: str
    number: int
    week: str
    paper_count: int
    themes: tuple[ChatTheme, ...]
    page_url: str | None = None  # the issue's page in the archive, when site_url is set
    theme: str | None = None  # the label, when only one theme is posted

    @property
    def heading(self) -> str:
        head = f"{self.title} — issue {self.number} ({self.week})"
        return f"{head}: {self.theme}" if self.theme else head

    @property
    def counts(self) -> str:
        if self.theme:
            n = sum(len(t.papers) for t in self.themes)
            return f"{n} new {_plural(n, 'paper')} in {self.theme}"
        n = self.paper_count
        k = count_themes([t for t in self.themes if t.label != UPDATED_LABEL])
        themes = f" in {k} {_plural(k, 'theme')}" if k else ""  # as the issue says
        return f"{n} new {_plural(n, 'paper')}{themes}"


UPDATED_LABEL = "Updated"


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def chat_issue_of(
    data: Mapping[str, Any],
    themes: Sequence[Mapping[str, Any]],
    page_url: str | None,
    theme: str | None,
) -> ChatIssue:
    """A ChatIssue from an issue as digest.json has it (`data`) and the themes to post."""
    return ChatIssue(
        title=str(data["title"]),
        number=int(data["number"]),
        week=str(data["week"]),
        paper_count=int(data["paper_count"]),
        themes=tuple(
            ChatTheme(
                label=str(t["label"]),
                slug=slugify(str(t["label"])),
                papers=tuple(
                    ChatPaper(
                        str(p["headline"]),
                        str(p["summary"]),
                        p.get("url"),
                        None if p.get("url") else p.get("search_url"),
                    )
                    for p in t["papers"]
                ),
                keywords=tuple(map(str, t["keywords"])),
            )
            for t in themes
        ),
        page_url=page_url,
        theme=theme,
    )


def build_messages(platform: str, issue: ChatIssue) -> tuple[Payload, ...]:
    """The messages that post `issue` to `platform`, in order (at most MAX_MESSAGES)."""
    builder = _BUILDERS[platform]
    messages: list[Payload] = []
    for cap in PER_THEME_CAPS:
        shown = sum(len(t.papers[:cap]) for t in issue.themes)
        if shown > MAX_PAPERS_SHOWN and cap != PER_THEME_CAPS[-1]:
            continue  # cannot fit: not worth rendering
        messages = builder(issue, cap)
        if len(messages) <= MAX_MESSAGES:
            break
    return tuple(messages)


def payload_bytes(payload: Payload) -> bytes:
    """The body posted for a payload: compact UTF-8 JSON (what the size limits count)."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def text_length(text: str) -> int:
    """Length as the platforms count it: UTF-16 code units (JavaScript's string length), so
    a character outside the Basic Multilingual Plane, such as an emoji, counts twice."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


# --- shared: fitting lines into blocks, and blocks into messages -------------------------

T = TypeVar("T")


@dataclass(frozen=True)
class _Chunk(Generic[T]):
    """A theme, or a run of its papers when it does not fit in one block."""

    theme: ChatTheme
    continued: bool  # a later run of the same theme
    lines: tuple[T, ...]

    @property
    def title(self) -> str:
        return f"{self.theme.label} (continued)" if self.continued else self.theme.label


def _chunks(
    issue: ChatIssue,
    cap: int | None,
    line: Callable[[ChatPaper], T],
    more: Callable[[int], T],
    size: Callable[[T], int],
    title_size: Callable[[str], int],
    limit: int,
) -> list[_Chunk[T]]:
    """Each theme's lines (at most `cap` papers, then a line saying how many more), cut into
    runs whose title and lines together measure at most `limit`."""
    chunks: list[_Chunk[T]] = []
    for theme in issue.themes:
        lines = [line(p) for p in theme.papers[:cap]]
        hidden = len(theme.papers[cap:]) if cap is not None else 0
        if hidden:
            lines.append(more(hidden))
        run: list[T] = []
        used = title_size(theme.label)
        for item in lines:
            cost = size(item)
            if run and used + cost > limit:
                chunks.append(_Chunk(theme, bool(chunks and chunks[-1].theme is theme), tuple(run)))
                run, used = [], title_size(theme.label + " (continued)")
            run.append(item)
            used += cost
        chunks.append(_Chunk(theme, bool(chunks and chunks[-1].theme is theme), tuple(run)))
    return chunks


def _pack(items: Sequence[T], cost: Callable[[T], int], budget: int, most: int) -> list[list[T]]:
    """Items in order, as few groups as possible: each at most `most` items and `budget`."""
    groups: list[list[T]] = [[]]
    used = 0
    for item in items:
        c = cost(item)
        if groups[-1] and (len(groups[-1]) >= most or used + c > budget):
            groups.append([])
            used = 0
        groups[-1].append(item)
        used += c
    return groups


def _fit(
    render: Callable[[ChatPaper], T], measure: Callable[[T], int], limit: int
) -> Callable[[ChatPaper], T]:
    """`render`, shortening a paper's summary (then its headline) until its line fits `limit`.

    Summaries are one sentence and fit many times over; this only guards the limits against
    a pathological input (a title of thousands of characters)."""

    def fitted(paper: ChatPaper) -> T:
        out = render(paper)
        if measure(out) <= limit:
            return out
        for field in ("summary", "headline"):
            text = getattr(paper, field)
            lo, hi = 0, len(text)
            while lo < hi:  # the longest prefix that fits
                mid = (lo + hi + 1) // 2
                trial = _replace(paper, field, _shorten(text, mid))
                if measure(render(trial)) <= limit:
                    lo = mid
                else:
                    hi = mid - 1
            paper = _replace(paper, field, _shorten(text, lo))
            out = render(paper)
            if measure(out) <= limit:
                return out
        return out

    return fitted


def _replace(paper: ChatPaper, field: str, value: str) -> ChatPaper:
    if field == "summary":
        return replace(paper, summary=value)
    return replace(paper, headline=value)


def _shorten(text: str, n: int) -> str:
    return text if n >= len(text) else text[:n].rstrip() + "…"


def _fit_text(escape: Callable[[str], str], text: str, limit: int) -> str:
    """`escape(text)`, the text shortened until its escaped form is at most `limit` long."""
    out = escape(text)
    n = len(text)
    while text_length(out) > limit and n > 0:
        n = min(n - 1, n * limit // max(1, text_length(out)))
        out = escape(_shorten(text, n))
    return out


def _part(i: int, n: int) -> str:
    return f" (part {i} of {n})" if n > 1 else ""


def _flat(text: str) -> str:
    return " ".join(text.split())


# Bare web addresses in input text: chat clients turn them into links on their own.
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>]+", re.IGNORECASE)


def _code_urls(text: str, escape: Callable[[str], str]) -> str:
    """`escape` applied to the text between bare URLs; the URLs themselves shown as code,
    which no client links, mentions or formats (a backtick inside one is percent-encoded)."""
    out: list[str] = []
    last = 0
    for m in _BARE_URL.finditer(text):
        out.append(escape(text[last : m.start()]))
        out.append("`" + m.group().replace("`", "%60") + "`")
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _link_target(url: str) -> str:
    """A URL safe inside a Markdown link's (...): no space or parenthesis can end it."""
    for ch, code in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(ch, code)
    return url


@dataclass(frozen=True)
class _Markup:
    """How a platform's Markdown writes the few things a paper's line needs."""

    escape: Callable[[str], str]
    link: Callable[[str, str], str]  # (url, text) -> a link
    bold: str
    italic: str
    bullet: str

    def line(self, paper: ChatPaper) -> str:
        head = f"{self.bold}{self.escape(paper.headline)}{self.bold}"
        if paper.url:
            head = self.link(paper.url, head)
        line = f"{self.bullet} {head}: {self.escape(paper.summary)}"
        if paper.search_url and not paper.url:
            line += f" (no link: {self.link(paper.search_url, 'search for it')})"
        return line

    def more(self, issue: ChatIssue) -> Callable[[int], str]:
        where = self.link(issue.page_url, "the full issue") if issue.page_url else "the full issue"
        return lambda n: f"{self.bullet} {self.italic}… and {n} more in {where}{self.italic}"


# --- Slack: Block Kit ---------------------------------------------------------------------

# docs.slack.dev/reference/block-kit/blocks: "You can include up to 50 blocks in each message".
SLACK_MAX_BLOCKS = 50
# docs.slack.dev/reference/block-kit/composition-objects/text-object: a text object's text is
# at most 3000 characters.
SLACK_MAX_TEXT = 3000
# docs.slack.dev/reference/block-kit/blocks/header-block: at most 150 characters.
SLACK_MAX_HEADER = 150
# No documented total, but Slack refuses messages whose blocks hold about 13,000 characters
# with msg_blocks_too_long (slackapi/bolt-js#2509): stay well under it.
SLACK_MAX_MESSAGE_TEXT = 12_000
# A theme's label heads its section: long labels are shortened to leave room for papers.
SLACK_MAX_TITLE = 150


def slack_text(text: str) -> str:
    return escape_slack(text)


def _slack_mrkdwn(text: str) -> dict[str, Any]:
    # verbatim: Slack takes the text as it is, without turning bare URLs, #channel names or
    # @names into links and mentions (the text-object reference, field `verbatim`).
    return {"type": "mrkdwn", "text": text, "verbatim": True}


SLACK = _Markup(
    escape=slack_text,
    link=lambda url, text: f"<{escape_slack_url(url)}|{text}>",
    bold="*",
    italic="_",
    bullet="•",
)


def _slack_messages(issue: ChatIssue, cap: int | None) -> list[Payload]:
    def title(label: str) -> str:
        return f"*{_fit_text(slack_text, label, SLACK_MAX_TITLE)}*"

    def title_size(label: str) -> int:
        return text_length(title(label)) + 1

    line = _fit(SLACK.line, text_length, SLACK_MAX_TEXT - SLACK_MAX_TITLE - 10)
    chunks = _chunks(
        issue,
        cap,
        line,
        SLACK.more(issue),
        lambda s: text_length(s) + 1,
        title_size,
        SLACK_MAX_TEXT,
    )
    sections = ["\n".join((title(c.title), *c.lines)) for c in chunks]
    context = f"{slack_text(issue.counts)}"
    if issue.page_url:
        context += f" · <{escape_slack_url(issue.page_url)}|Read it on the web>"
    # Every message: a header and its sections; the last one ends with the context line.
    groups = _pack(
        sections, text_length, SLACK_MAX_MESSAGE_TEXT - text_length(context), SLACK_MAX_BLOCKS - 2
    )
    messages = []
    for i, group in enumerate(groups, start=1):
        header = _shorten(issue.heading, SLACK_MAX_HEADER - 20) + _part(i, len(groups))
        blocks: list[dict[str, Any]] = [
            {"type": "header", "text": {"type": "plain_text", "text": header, "emoji": False}}
        ]
        blocks += [{"type": "section", "text": _slack_mrkdwn(s)} for s in group]
        if i == len(groups):
            blocks.append({"type": "context", "elements": [_slack_mrkdwn(context)]})
        messages.append(
            {
                # The notification's text, shown where blocks are not (and in the alert).
                "text": slack_text(header),
                "blocks": blocks,
                # Forty arXiv previews would bury the issue.
                "unfurl_links": False,
                "unfurl_media": False,
            }
        )
    return messages


# --- Discord: embeds ----------------------------------------------------------------------

# discord-api-docs, resources/webhook (Execute Webhook): content up to 2000 characters and up
# to 10 embeds a message.
DISCORD_MAX_CONTENT = 2000
DISCORD_MAX_EMBEDS = 10
# resources/message (Embed Limits): title 256 characters, description 4096, and 6000
# characters across the title, description, fields, footer and author of all the embeds of a
# message; more is a 400 Bad Request.
DISCORD_MAX_TITLE = 256
DISCORD_MAX_DESCRIPTION = 4096
DISCORD_MAX_EMBED_TOTAL = 6000
DISCORD_COLOR = 0x3B6EA5

# Characters Discord's Markdown gives a meaning to anywhere in a line (a < starts a mention,
# a channel, an emoji or a timestamp): a backslash makes each literal. Input text never starts
# a line of ours except in an embed's title, so the line-start markers are escaped there only.
_DISCORD_SPECIAL = re.compile(r"([\\*_~`|\[\]<])")
_DISCORD_LINE_START = re.compile(r"^([#>\-])")


def discord_text(text: str) -> str:
    return _code_urls(_flat(text), _escape_discord)


def _escape_discord(text: str) -> str:
    # A zero-width space after @ keeps @everyone, @here and @name from ever being parsed,
    # even by a client that ignores allowed_mentions; <@123> is already broken by the \<.
    text = _DISCORD_SPECIAL.sub(r"\\\1", text)
    return _DISCORD_LINE_START.sub(r"\\\1", text).replace("@", "@\u200b")


DISCORD = _Markup(
    escape=discord_text,
    link=lambda url, text: f"[{text}]({_link_target(url)})",
    bold="**",
    italic="*",
    bullet="•",
)


def _discord_messages(issue: ChatIssue, cap: int | None) -> list[Payload]:
    line = _fit(DISCORD.line, text_length, 1000)
    # The title counts towards the 6000 across embeds, not towards the description's 4096.
    chunks = _chunks(
        issue,
        cap,
        line,
        DISCORD.more(issue),
        lambda s: text_length(s) + 1,
        lambda t: 0,
        DISCORD_MAX_DESCRIPTION,
    )
    embeds = []
    seen_urls = set()
    for c in chunks:
        embed: dict[str, Any] = {
            "title": _fit_text(discord_text, c.title, DISCORD_MAX_TITLE),
            "description": "\n".join(c.lines),
            "color": DISCORD_COLOR,
        }
        # Discord shows only the first of several embeds with the same URL.
        url = f"{issue.page_url}#{c.theme.slug}" if issue.page_url else None
        if url and url not in seen_urls:
            embed["url"] = url
            seen_urls.add(url)
        embeds.append(embed)
    groups = _pack(
        embeds,
        lambda e: text_length(e["title"]) + text_length(e["description"]),
        DISCORD_MAX_EMBED_TOTAL,
        DISCORD_MAX_EMBEDS,
    )
    messages = []
    for i, group in enumerate(groups, start=1):
        content = f"**{_fit_text(discord_text, issue.heading, 300)}**{_part(i, len(groups))}"
        if i == 1:
            content += f"\n{discord_text(issue.counts)}"
            if issue.page_url:
                # <...> keeps Discord from adding a preview of the page.
                content += f" · [Read it on the web](<{_link_target(issue.page_url)}>)"
        messages.append(
            {
                "content": content,
                "embeds": group,
                # No @everyone, role or user ping can come from any text of the message.
                "allowed_mentions": {"parse": []},
            }
        )
    return messages


# --- Teams: an Adaptive Card in the envelope Workflows webhooks accept ----------------------

# learn.microsoft.com/connectors/teams (known limitations: message size) and the incoming
# webhook page: a message is limited to about 28 KB, beyond which Teams answers "Request
# Entity Too Large". Some clients report failures from about 21 KB (msteams_hermes), so a
# card stays under 20,000 bytes of JSON.
TEAMS_MAX_BYTES = 20_000
TEAMS_CARD_VERSION = "1.4"


def teams_text(text: str) -> str:
    # TextRun text is never Markdown. "{{" starts Adaptive Cards' DATE()/TIME() functions.
    # Runs are joined as they are, so a space at either end is kept.
    flat = _flat(text)
    if flat and text[0].isspace():
        flat = " " + flat
    if flat and text[-1].isspace():
        flat += " "
    return flat.replace("{{", "{\u200b{")


def _run(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextRun", "text": teams_text(text), **style}


def _rich(*runs: dict[str, Any], **style: Any) -> dict[str, Any]:
    return {"type": "RichTextBlock", "inlines": list(runs), **style}


def _teams_paper(paper: ChatPaper) -> dict[str, Any]:
    runs = [
        _run(paper.headline, weight="Bolder", color="Accent" if paper.url else "Default"),
        _run(f": {paper.summary}"),
    ]
    if paper.search_url and not paper.url:
        search = {"type": "Action.OpenUrl", "url": paper.search_url}
        runs += [
            _run(" (no link: ", isSubtle=True),
            _run("search for it", color="Accent", selectAction=search),
            _run(")", isSubtle=True),
        ]
    text = _rich(*runs)
    item: dict[str, Any] = {"type": "Container", "items": [text], "spacing": "Small"}
    if paper.url:
        # The whole entry opens the paper: a link inside the text would need Markdown.
        item["selectAction"] = {"type": "Action.OpenUrl", "url": paper.url}
    return item


def _teams_more(n: int) -> dict[str, Any]:
    return _rich(_run(f"… and {n} more in the full issue", italic=True, isSubtle=True))


def _teams_size(element: dict[str, Any]) -> int:
    return len(payload_bytes(element)) + 1


def _teams_messages(issue: ChatIssue, cap: int | None) -> list[Payload]:
    def label(title: str) -> dict[str, Any]:
        return _rich(_run(title, weight="Bolder", size="Medium"), separator=True, spacing="Medium")

    paper = _fit(_teams_paper, _teams_size, 4000)
    chunks = _chunks(
        issue,
        cap,
        paper,
        _teams_more,
        _teams_size,
        lambda t: _teams_size(label(t)),
        TEAMS_MAX_BYTES // 2,
    )
    bodies = [[label(c.title), *c.lines] for c in chunks]
    frame = len(payload_bytes(_teams_card([_teams_header(issue, 9, 9)], issue, last=True)))
    groups = _pack(bodies, lambda b: sum(_teams_size(e) for e in b), TEAMS_MAX_BYTES - frame, 1_000)
    return [
        _teams_card(
            [_teams_header(issue, i, len(groups)), *(e for b in group for e in b)],
            issue,
            last=i == len(groups),
        )
        for i, group in enumerate(groups, start=1)
    ]


def _teams_header(issue: ChatIssue, i: int, n: int) -> dict[str, Any]:
    runs = [_run(issue.heading + _part(i, n), weight="Bolder", size="Large")]
    if i == 1:
        runs.append(_run(f" · {issue.counts}", isSubtle=True))
    return _rich(*runs)


def _teams_card(body: list[dict[str, Any]], issue: ChatIssue, last: bool) -> Payload:
    card: dict[str, Any] = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": TEAMS_CARD_VERSION,
        "body": body,
        "msteams": {"width": "Full"},
    }
    if last and issue.page_url:
        card["actions"] = [
            {"type": "Action.OpenUrl", "title": "Read it on the web", "url": issue.page_url}
        ]
    # The envelope that Teams' "Post to a channel when a webhook request is received"
    # workflow takes (Office 365 connectors and their MessageCard are retired).
    return {
        "type": "message",
        "attachments": [
            {
                "contentType": "application/vnd.microsoft.card.adaptive",
                "contentUrl": None,
                "content": card,
            }
        ],
    }


# --- Mattermost: a Slack-compatible post with Markdown text --------------------------------

# developers.mattermost.com/integrate/webhooks/incoming (tips): posts hold up to 16,383
# characters; Mattermost would split a longer text itself, wherever the limit falls.
MATTERMOST_MAX_TEXT = 16_383

_MATTERMOST_SPECIAL = re.compile(r"([\\`*_\[\]|$])")


def mattermost_text(text: str) -> str:
    return _code_urls(_flat(text), _escape_mattermost)


def _escape_mattermost(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MATTERMOST_SPECIAL.sub(r"\\\1", text)
    # @name and @channel mention, #word is a hashtag search, ~name a channel link.
    for ch in "@#~":
        text = text.replace(ch, ch + "\u200b")
    return text


MATTERMOST = _Markup(
    escape=mattermost_text,
    link=DISCORD.link,
    bold="**",
    italic="*",
    bullet="-",
)


def _mattermost_messages(issue: ChatIssue, cap: int | None) -> list[Payload]:
    budget = MATTERMOST_MAX_TEXT - 600  # the heading, the counts and the link
    line = _fit(MATTERMOST.line, text_length, 2000)
    chunks = _chunks(
        issue,
        cap,
        line,
        MATTERMOST.more(issue),
        lambda s: text_length(s) + 1,
        lambda t: text_length(mattermost_text(t)) + 8,
        budget,
    )
    sections = ["\n".join((f"##### {mattermost_text(c.title)}", *c.lines)) for c in chunks]
    groups = _pack(sections, lambda s: text_length(s) + 2, budget, 1_000)
    messages = []
    for i, group in enumerate(groups, start=1):
        parts = [f"#### {mattermost_text(issue.heading)}{_part(i, len(groups))}"]
        if i == 1:
            parts.append(mattermost_text(issue.counts))
        parts += group
        if i == len(groups) and issue.page_url:
            parts.append(f"[Read it on the web]({_link_target(issue.page_url)})")
        messages.append({"text": "\n\n".join(parts)})
    return messages


_BUILDERS: dict[str, Callable[[ChatIssue, int | None], list[Payload]]] = {
    "slack": _slack_messages,
    "discord": _discord_messages,
    "teams": _teams_messages,
    "mattermost": _mattermost_messages,
}
