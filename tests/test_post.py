"""`digest post` against a webhook on 127.0.0.1 (tests/webhooks.py): what arrives for each
platform, rate limits, server errors, dropped connections, the no-double-post rule, a post
that stops part way, and the secret URL kept out of every output and of the history."""

from __future__ import annotations

import json
import re
import sqlite3
import ssl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme
from click.testing import CliRunner, Result

from digest import cli
from digest.cli import main

from webhooks import DROP, SECRET, Hook, Reply, check_limits, serve

ENV = {
    "slack": "DIGEST_SLACK_WEBHOOK_URL",
    "discord": "DIGEST_DISCORD_WEBHOOK_URL",
    "teams": "DIGEST_TEAMS_WEBHOOK_URL",
    "mattermost": "DIGEST_MATTERMOST_WEBHOOK_URL",
}

# Each hostile text is the sentence the summarizer picks ("We introduce...") or a title.
HOSTILE = [
    {
        "id": "evil-1",
        "title": "<!channel> @everyone <@U123> [x](javascript:alert(1))",
        "abstract": "We introduce a ping <!channel> <!here> @everyone @here <@U123> <@&456> "
        "and a [link](javascript:alert(1)) and <https://evil.example|click> to test chats. "
        "It works.",
    },
    {
        "id": "evil-2",
        "abstract": "We present *bold* _it_ ~strike~ `code` ||spoiler|| # heading ~town-square "
        "#hashtag a@b.org {{DATE(2017-02-14T06:08:00Z)}} https://bare.example/x and "
        "www.bare.example as markup. It works.",
    },
    {
        "id": "2110.14168",
        "title": "GSM8K",
        "abstract": "We introduce GSM8K, a dataset of 8.5K grade school math word problems with "
        "natural language solutions. It helps.",
    },
]
PAPER_URL = "https://arxiv.org/abs/2110.14168"


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """`digest post` waits through cli._wait: record the waits instead of sleeping."""
    waits: list[float] = []
    monkeypatch.setattr(cli, "_wait", waits.append)
    return waits


@pytest.fixture
def hook() -> Iterator[Hook]:
    with serve() as h:
        yield h


def build(rows: list[dict[str, Any]] = HOSTILE, *extra: str) -> None:
    folder = Path("inbox")
    folder.mkdir(exist_ok=True)
    (folder / "papers.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    result = CliRunner().invoke(main, ["build", "inbox", "--date", "2026-11-16", *extra])
    assert result.exit_code == 0, result.output


def post(platform: str, url: str | None, *args: str) -> Result:
    env = {name: None for name in ENV.values()}
    if url is not None:
        env[ENV[platform]] = url
    return CliRunner(env=env).invoke(main, ["post", "--to", platform, *args])


def posts_recorded() -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(".digest/history.sqlite3")
    try:
        return conn.execute(
            "SELECT platform, theme, messages_sent, messages_total FROM posts ORDER BY rowid"
        ).fetchall()
    finally:
        conn.close()


# A Markdown link whose [ and ] are not escaped, and where it points.
_MD_LINK = re.compile(r"(?<!\\)\[(?:[^\]\\]|\\.)*(?<!\\)\]\(([^)\s]*)")


def markdown_link_targets(text: str) -> list[str]:
    return _MD_LINK.findall(text)


# A paper without a page of its own links a search built from its text: every character of
# that text percent-encoded, so it can neither end the link nor ping anyone.
_SEARCH = re.compile(r"https://scholar\.google\.com/scholar\?q=[A-Za-z0-9%+._~-]+")


def without_searches(targets: list[str]) -> list[str]:
    """`targets` less the search links, after checking that there is one and it is safe."""
    searches = [t for t in targets if t.startswith("https://scholar.google.com/")]
    assert searches and all(_SEARCH.fullmatch(t) for t in searches), searches
    return [t for t in targets if t not in searches]


def assert_no_pings(text: str) -> None:
    for ping in ("<!channel>", "<!here>", "<@U123>", "<@&456>", "@everyone", "@here"):
        assert ping not in text, (ping, text)


def strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def test_slack_gets_block_kit_with_every_text_escaped(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    result = post("slack", hook.url, "--site-url", "https://lab.example.org/digest/")
    assert result.exit_code == 0, result.output
    assert result.output == "Posted issue 1 (2026-W47) to Slack (127.0.0.1) in 1 message.\n"
    assert len(hook.received) == 1
    assert hook.received[0].headers["Content-Type"] == "application/json; charset=utf-8"
    payload = hook.payloads[0]
    assert payload["unfurl_links"] is False and payload["text"]
    blocks = payload["blocks"]
    assert blocks[0]["type"] == "header"
    assert blocks[0]["text"] == {
        "type": "plain_text",
        "text": "Research digest — issue 1 (2026-W47)",
        "emoji": False,
    }
    assert [b["type"] for b in blocks[1:-1]] == ["section"] * (len(blocks) - 2)
    context = blocks[-1]
    assert context["type"] == "context"
    assert context["elements"][0]["text"] == (
        "3 new papers in 1 theme · "
        "<https://lab.example.org/digest/issues/2026-W47.html|Read it on the web>"
    )
    mrkdwn = [e for b in blocks for e in [b.get("text"), *b.get("elements", [])] if e]
    mrkdwn = [t for t in mrkdwn if t["type"] == "mrkdwn"]
    assert mrkdwn and all(t["verbatim"] is True for t in mrkdwn)
    text = "\n".join(t["text"] for t in mrkdwn)
    assert_no_pings(text.replace("@everyone", "").replace("@here", ""))  # no <...> controls
    assert "&lt;!channel&gt; &lt;!here&gt; @everyone @here &lt;@U123&gt;" in text
    assert "&lt;https://evil.example|click&gt;" in text
    # The only <...> controls left are our links, each to a page of ours or of arXiv.
    targets = re.findall(r"<([^>|]*)[|>]", text)
    assert without_searches(targets) == [
        PAPER_URL,
        "https://lab.example.org/digest/issues/2026-W47.html",
    ]
    assert f"<{PAPER_URL}|*GSM8K*>: We introduce GSM8K" in text


def test_discord_gets_embeds_that_mention_no_one(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    Path("digest.toml").write_text('site_url = "https://lab.example.org/digest/"\n')
    result = post("discord", hook.url)
    assert result.exit_code == 0, result.output
    received = hook.received[0]
    # wait=true: Discord reports a message it did not save.
    assert received.path == f"/hooks/{SECRET}?wait=true"
    payload = received.json
    assert payload["allowed_mentions"] == {"parse": []}
    assert payload["content"].startswith("**Research digest — issue 1 (2026-W47)**\n")
    [embed] = payload["embeds"]
    assert embed["url"].startswith("https://lab.example.org/digest/issues/2026-W47.html#")
    description = embed["description"]
    for text in strings(payload):
        assert "@everyone" not in text and "@here" not in text
        # Every < of the input is escaped: no <@U123>, <@&456>, <#channel> or <t:...>.
        assert re.findall(r"(?<!\\)<[^h]", text) == []
    assert "\\<!channel> \\<!here> @\u200beveryone @\u200bhere \\<@\u200bU123>" in description
    assert "\\*bold\\* \\_it\\_ \\~strike\\~ \\`code\\` \\|\\|spoiler\\|\\|" in description
    assert "`https://bare.example/x`" in description and "`www.bare.example`" in description
    assert without_searches(markdown_link_targets(description)) == [PAPER_URL]
    assert markdown_link_targets(payload["content"]) == [
        "<https://lab.example.org/digest/issues/2026-W47.html>"
    ]


def test_teams_gets_an_adaptive_card_whose_text_is_never_markdown(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    result = post("teams", hook.url)
    assert result.exit_code == 0, result.output
    payload = hook.payloads[0]
    assert payload["type"] == "message"
    [attachment] = payload["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard" and card["version"] == "1.4"
    assert "msteams" in card and "entities" not in card["msteams"]  # no mentions at all

    def elements(node: Any) -> Iterator[dict[str, Any]]:
        if isinstance(node, dict):
            if "type" in node:
                yield node
            for value in node.values():
                yield from elements(value)
        elif isinstance(node, list):
            for value in node:
                yield from elements(value)

    kinds = {e["type"] for e in elements(card["body"])}
    # Input text only ever goes into TextRuns, which Teams never reads as Markdown.
    assert kinds == {"RichTextBlock", "TextRun", "Container", "Action.OpenUrl"}
    runs = [e["text"] for e in elements(card["body"]) if e["type"] == "TextRun"]
    assert "<!channel> @everyone <@U123> [x](javascript:alert(1))" in runs
    assert any("{\u200b{DATE(" in r for r in runs) and not any("{{" in r for r in runs)
    links = [e["url"] for e in elements(card["body"]) if e["type"] == "Action.OpenUrl"]
    assert without_searches(links) == [PAPER_URL]
    assert "actions" not in card  # no site_url: no link to the issue's page


def test_mattermost_gets_markdown_with_no_mention_hashtag_or_link(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    result = post("mattermost", hook.url)
    assert result.exit_code == 0, result.output
    payload = hook.payloads[0]
    assert list(payload) == ["text"]
    text = payload["text"]
    assert text.startswith("#### Research digest — issue 1 (2026-W47)\n\n3 new papers in 1 theme")
    assert_no_pings(text)
    # Slack's <...> syntax, which Mattermost translates on the server, is gone.
    assert "<" not in text and ">" not in text
    assert "&lt;!channel&gt; &lt;!here&gt; @\u200beveryone @\u200bhere &lt;@\u200bU123&gt;" in text
    assert "~\u200btown-square #\u200bhashtag a@\u200bb.org" in text
    assert "`https://bare.example/x`" in text
    assert without_searches(markdown_link_targets(text)) == [PAPER_URL]


@pytest.mark.parametrize("platform", list(ENV))
def test_a_large_issue_is_several_messages_in_order_within_limits(
    hook: Hook, platform: str
) -> None:
    # Each paper has no page of its own, so its line carries a search link too.
    build(robot_papers(70), "--themes", "1")
    result = post(platform, hook.url)
    assert result.exit_code == 0, result.output
    n = len(hook.received)
    assert 1 < n <= 5, n
    assert f"in {n} messages." in result.output
    payloads = hook.payloads
    order = [
        int(m) for p in payloads for m in re.findall(r"Paper (\d{3}) on robots", json.dumps(p))
    ]
    assert order == list(range(70))  # every paper, once, in order
    heads = [re.search(r"part (\d) of (\d)", json.dumps(p)) for p in payloads]
    assert [(int(m[1]), int(m[2])) for m in heads if m] == [(i, n) for i in range(1, n + 1)]
    for payload in payloads:
        check_limits(platform, payload)


def robot_papers(n: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"p{i:03d}",
            "title": f"Paper {i:03d} on robots",
            "abstract": f"We introduce method number {i} for robot grasping with a long "
            + "explanation of the contribution, " * 4
            + "ending here. It works on robots.",
        }
        for i in range(n)
    ]


def test_rate_limits_are_waited_out_as_the_server_asks(hook: Hook, no_waiting: list[float]) -> None:
    build(HOSTILE, "--themes", "1")
    hook.script = [
        Reply(429, "rate_limited", {"Retry-After": "7"}),
        Reply(429, '{"retry_after": 2.5}'),
    ]
    result = post("discord", hook.url)
    assert result.exit_code == 0, result.output
    assert no_waiting == [7.0, 2.5]
    assert len(hook.received) == 3
    assert posts_recorded() == [("discord", "", 1, 1)]


def test_a_rate_limit_that_does_not_end_fails_after_bounded_waits(
    hook: Hook, no_waiting: list[float]
) -> None:
    build(HOSTILE, "--themes", "1")
    hook.script = [Reply(429, "rate_limited", {"Retry-After": "1"})] * 10
    result = post("slack", hook.url)
    assert result.exit_code == 1
    assert "Slack: HTTP 429 from 127.0.0.1 for the message: still rate limited" in result.output
    assert "Nothing is recorded as posted." in result.output
    assert no_waiting == [1.0, 1.0, 1.0] and len(hook.received) == 4
    assert posts_recorded() == []


def test_a_long_rate_limit_is_not_waited(hook: Hook, no_waiting: list[float]) -> None:
    build(HOSTILE, "--themes", "1")
    hook.script = [Reply(429, "", {"Retry-After": "3600"})]
    result = post("teams", hook.url)
    assert result.exit_code == 1
    assert "rate limited for 3600 s, longer than digest waits (60 s)" in result.output
    assert no_waiting == []


def test_a_server_error_names_the_platform_and_status_and_records_nothing(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    hook.script = [Reply(500, "internal error")]
    result = post("mattermost", hook.url)
    assert result.exit_code == 1
    assert result.output == (
        "Error: Mattermost: HTTP 500 from 127.0.0.1 for the message (internal error); "
        "Mattermost had a problem: run again later. Nothing is recorded as posted.\n"
    )
    assert posts_recorded() == []
    again = post("mattermost", hook.url)
    assert again.exit_code == 0, again.output
    assert len(hook.received) == 2


def test_slacks_reason_is_quoted_without_the_secret(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    hook.script = [Reply(400, f"invalid_blocks for /hooks/{SECRET}")]
    result = post("slack", hook.url)
    assert result.exit_code == 1
    assert "Slack: HTTP 400 from 127.0.0.1 for the message (invalid_blocks for …)" in result.output
    assert "SECRET" not in result.output


def test_a_dropped_connection_is_a_clear_error_and_records_nothing(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    hook.script = [DROP]
    result = post("slack", hook.url)
    assert result.exit_code == 1
    assert "Slack: 127.0.0.1 closed the connection while posting the message" in result.output
    assert "may or may not have been posted" in result.output
    assert posts_recorded() == []


def test_a_redirect_is_not_followed(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    hook.script = [Reply(302, "", {"Location": "https://elsewhere.example/"})]
    result = post("slack", hook.url)
    assert result.exit_code == 1
    assert "Slack: HTTP 302 from 127.0.0.1 for the message; a webhook does not redirect" in (
        result.output
    )
    assert len(hook.received) == 1


def test_the_same_issue_is_not_posted_twice_to_the_same_place(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    assert post("slack", hook.url).exit_code == 0
    again = post("slack", hook.url)
    assert again.exit_code == 1
    assert re.fullmatch(
        r"Error: issue 1 \(2026-W47\) was already posted to Slack \(127\.0\.0\.1\) on "
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00; pass --resend to post it again\n",
        again.output,
    )
    assert len(hook.received) == 1
    # Another channel (another webhook), another platform, or one theme are other posts.
    assert post("slack", hook.url + "-other").exit_code == 0
    assert post("mattermost", hook.url).exit_code == 0
    assert post("slack", hook.url, "--theme", posted_theme()).exit_code == 0
    assert len(hook.received) == 4
    forced = post("slack", hook.url, "--resend")
    assert forced.exit_code == 0
    assert len(hook.received) == 5


def posted_theme() -> str:
    data = json.loads(Path("out/digest.json").read_text())
    return str(data["themes"][0]["label"]).upper()  # any case


def test_a_post_that_stopped_part_way_is_finished_by_running_again(hook: Hook) -> None:
    build(robot_papers(60), "--themes", "1")
    hook.script = [Reply(), Reply(503, "busy")]
    first = post("discord", hook.url)
    assert first.exit_code == 1
    total = posts_recorded()[0][3]
    assert total > 2
    assert f"Discord: HTTP 503 from 127.0.0.1 for message 2 of {total} (busy)" in first.output
    assert f"1 of {total} messages were posted (recorded); run the same command again" in (
        first.output
    )
    assert posts_recorded() == [("discord", "", 1, total)]
    second = post("discord", hook.url)
    assert second.exit_code == 0, second.output
    assert second.output.startswith(f"Posted the last {total - 1} of {total} messages of issue 1")
    parts = [re.search(r"part (\d+) of", r.body.decode())[1] for r in hook.received]  # type: ignore[index]
    assert parts == ["1", "2", *map(str, range(2, total + 1))]
    assert posts_recorded() == [("discord", "", total, total)]
    assert "already posted" in post("discord", hook.url).output


def test_dry_run_prints_the_payloads_and_needs_no_webhook(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    result = post("slack", None, "--dry-run")
    assert result.exit_code == 0, result.output
    printed, _, note = result.output.rpartition("}\n")
    payload = json.loads(printed + "}")
    assert payload["blocks"][0]["type"] == "header"
    assert note == "Dry run: issue 1 (2026-W47) not posted (1 message for slack).\n"
    assert hook.received == [] and posts_recorded() == []


def test_the_secret_url_is_never_printed_nor_stored(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    outputs = [post("slack", hook.url).output, post("slack", hook.url).output]
    hook.script = [Reply(500, "x")]
    outputs.append(post("slack", hook.url, "--resend").output)
    outputs.append(post("slack", hook.url.replace("http://", "http://bad host/")).output)
    outputs.append(post("slack", "http://127.0.0.1:1/hooks/" + SECRET).output)
    assert "Connection refused" in outputs[-1]
    for output in outputs:
        assert "SECRET" not in output and "hooks/" not in output, output
    history = Path(".digest/history.sqlite3").read_bytes()
    assert b"SECRET" not in history and b"/hooks/" not in history


def test_no_webhook_is_a_clear_error(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    result = post("teams", None)
    assert result.exit_code == 1
    assert result.output == (
        "Error: no teams webhook: set DIGEST_TEAMS_WEBHOOK_URL to its URL, or name a file "
        "holding it in digest.toml ([chat.teams] webhook_file = ...)\n"
    )


def test_plain_http_is_refused_except_to_this_machine() -> None:
    build(HOSTILE, "--themes", "1")
    result = post("slack", "http://hooks.slack.com/services/" + SECRET)
    assert result.exit_code == 1
    assert "$DIGEST_SLACK_WEBHOOK_URL: the Slack webhook URL must start with https://" in (
        result.output
    )


def test_the_webhook_can_come_from_a_file_named_in_the_config(hook: Hook) -> None:
    build(HOSTILE, "--themes", "1")
    Path("secrets").mkdir()
    Path("secrets/mm").write_text(hook.url + "\n")
    Path("digest.toml").write_text('[chat.mattermost]\nwebhook_file = "secrets/mm"\n')
    result = post("mattermost", None)
    assert result.exit_code == 0, result.output
    assert len(hook.received) == 1
    Path("digest.toml").write_text('[chat.mattermost]\nwebhook_env = "TEAM_HOOK"\n')
    env_result = CliRunner(env={"TEAM_HOOK": hook.url}).invoke(
        main, ["post", "--to", "mattermost", "--resend"]
    )
    assert env_result.exit_code == 0, env_result.output
    assert len(hook.received) == 2


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


def test_https_certificates_are_verified(ca: trustme.CA) -> None:
    build(HOSTILE, "--themes", "1")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    with serve(context) as tls_hook:
        untrusted = post("slack", tls_hook.url)
        assert untrusted.exit_code == 1
        assert (
            "Slack: cannot post the message to 127.0.0.1: its TLS certificate is not trusted"
            in (untrusted.output)
        )
        assert "chat.slack.ca_file" in untrusted.output
        ca.cert_pem.write_to_path("ca.pem")
        Path("digest.toml").write_text('[chat.slack]\nca_file = "ca.pem"\n')
        trusted = post("slack", tls_hook.url)
        assert trusted.exit_code == 0, trusted.output
        assert len(tls_hook.received) == 1


def test_teams_accepts_202_and_discord_paces_by_its_headers(
    hook: Hook, no_waiting: list[float]
) -> None:
    build(robot_papers(60), "--themes", "1")
    hook.script = [Reply(202, "")]  # what a Teams workflow answers
    assert post("teams", hook.url).exit_code == 0
    no_waiting.clear()
    empty = {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset-After": "4.5"}
    hook.script = [Reply(200, "{}", empty), Reply(200, "{}")]
    result = post("discord", hook.url)
    assert result.exit_code == 0, result.output
    # After the first message the bucket is empty: wait for it; then the usual second apart.
    assert no_waiting[:2] == [4.5, 1.0]


def test_a_stopped_post_whose_messages_changed_is_not_resumed(hook: Hook) -> None:
    build(robot_papers(60), "--themes", "1")
    hook.script = [Reply(), Reply(500, "oops")]
    assert post("slack", hook.url).exit_code == 1
    changed = post("slack", hook.url, "--site-url", "https://lab.example.org/digest/")
    assert changed.exit_code == 1
    assert "stopped after 1 of 2 messages on" in changed.output
    assert "its messages have changed since (settings or templates); pass --resend" in (
        changed.output
    )
    assert len(hook.received) == 2
    again = post("slack", hook.url, "--site-url", "https://lab.example.org/digest/", "--resend")
    assert again.exit_code == 0, again.output
    assert len(hook.received) == 4
    assert posts_recorded() == [("slack", "", 2, 2)]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            '[chat.slack]\nwebhook_env = "https://hooks.slack.com/services/x"\n',
            "'chat.slack.webhook_env' names an environment variable",
        ),
        (
            '[chat.slack]\nwebhook_env = "A"\nwebhook_file = "b"\n',
            "'chat.slack' sets both webhook_env and webhook_file; keep one",
        ),
        ('[chat.slak]\nwebhook_env = "A"\n', "unknown key 'chat.slak'"),
        ('[chat.teams]\nurl = "x"\n', "unknown key 'chat.teams.url'"),
        ('[chat.discord]\nwebhook_file = "https://x"\n', "is a file name; never write a URL"),
    ],
)
def test_chat_settings_are_checked(toml: str, message: str) -> None:
    build(HOSTILE, "--themes", "1")
    Path("digest.toml").write_text(toml)
    result = post("slack", "https://hooks.slack.com/services/x")
    assert result.exit_code == 1
    assert message in result.output


def test_an_empty_webhook_file_is_a_clear_error() -> None:
    build(HOSTILE, "--themes", "1")
    Path("hook.txt").write_text("\n")
    Path("digest.toml").write_text('[chat.discord]\nwebhook_file = "hook.txt"\n')
    result = post("discord", None)
    assert result.exit_code == 1
    assert "hook.txt is empty; it should hold the Discord webhook URL" in result.output


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "(No such file or directory)"),
        ("not a certificate\n", "no certificate or crl found"),
    ],
)
def test_a_chat_ca_file_that_is_missing_or_no_certificate_is_a_clear_error(
    hook: Hook, content: str | None, reason: str
) -> None:
    build(HOSTILE, "--themes", "1")
    Path("secrets").mkdir()
    if content is not None:
        Path("secrets/ca.pem").write_text(content)
    Path("digest.toml").write_text('[chat.mattermost]\nca_file = "secrets/ca.pem"\n')
    result = post("mattermost", hook.url)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f"Error: {Path('secrets/ca.pem')}: cannot read certificate authorities from it ("
    )
    assert reason in lines[0]
    assert lines[0].endswith(
        "; name a PEM file of certificates in chat.mattermost.ca_file in digest.toml. "
        "Nothing is recorded as posted."
    )
    assert hook.received == []
    assert posts_recorded() == []
