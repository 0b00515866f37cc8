"""Alert e-mails saved from a mail client: one message (`.eml`: Thunderbird "Save As", Gmail
"Download message", Apple Mail) or a whole folder as an mbox file.

A message is decoded by the standard library's `email` package (policy `default`, each
header's value read up to 10,000 characters): its headers, MIME parts, quoted-printable and
base64 bodies, charsets. Of its text, the plain part and the HTML part (turned into lines,
links kept: markup.html_to_lines) are each read by the reader their content calls for (an
arXiv listing, a Google Scholar alert, plain abstracts…); the part that gives more papers is
kept, the plain one on a tie, since it is what the sender wrote as text. Google Scholar
sends HTML only: its links come through as the
`<https://scholar.google.com/scholar_url?url=…>` lines its reader unwraps.

Line numbers are the file's: exact for a body sent as it is or as quoted-printable (a soft
line break joins two lines of the file), the line where the part starts for base64 and HTML.
An mbox holds one message after each `From ` line; each is read alone, and one that cannot be
read or holds no abstracts is reported with its line while the others go on. The same paper
in two mails is merged by loading, as for any two records. A mail forwarded as an
attachment (message/rfc822) is read like the mail around it, and a plain body that is mostly
a quotation ("> " before each line) is read without its quotation marks; other attachments
are not read (a notice names them): save one and pass it itself. An issue of digest's own
newsletter (its email.eml, copied out of the output folder) is refused: outputs are never
inputs.
"""

from __future__ import annotations

import base64
import codecs
import email
import email.errors
import email.policy
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from email.message import EmailMessage
from typing import Any

from digest.readers.markup import html_to_lines
from digest.readers.records import NO_ABSTRACT, Parsed, Problem, Record, excerpt

# A header line: a field name of printable ASCII but the colon and space, then a colon.
_HEADER = re.compile(r"^[!-9;-~]{1,76}:")
# Headers every mail has; a file is a mail when its first lines are headers naming at least
# two of these, one of them a mail's own (a note may start "Date: …" and "Subject: …").
_MAIL_HEADERS = frozenset(
    {"from", "to", "cc", "subject", "date", "message-id", "mime-version", "content-type",
     "received", "return-path", "reply-to", "sender", "delivered-to", "x-mailer"}
)  # fmt: skip
_OWN_HEADERS = frozenset(
    {"from", "message-id", "mime-version", "content-type", "received", "return-path",
     "delivered-to"}
)  # fmt: skip
_MBOX_FROM = re.compile(r"^From \S")
# mboxrd escapes a body line starting "From " as ">From ", and ">From " as ">>From ".
_MBOX_ESCAPED = re.compile(r"^>(>*From )", re.M)
# A file read as UTF-16 or UTF-32 holds no message's bytes: its text is re-encoded as UTF-8.
# Any other encoding gives the file's bytes back (cp1252, GB18030, Big5, Shift_JIS...).
_WIDE_CODECS = ("utf-16", "utf-32")
_SNIFF_LINES = 60


def looks_like_mail(text: str) -> bool:
    """A mail's header block (after an mbox `From ` line, if any) opens the file."""
    lines = _head_lines(text, _SNIFF_LINES)
    names: set[str] = set()
    if lines and _MBOX_FROM.match(lines[0]):
        lines, names = lines[1:], {"from"}  # the envelope's sender
    for line in lines:
        if not line.strip():
            break
        if line[0] in " \t" and names:
            continue  # a header folded onto the next line
        header = _HEADER.match(line)
        if header is None:
            return False
        names.add(header.group()[:-1].lower())
    known = names & _MAIL_HEADERS
    return len(known) >= 2 and bool(known & _OWN_HEADERS)


_LEADING = re.compile("[\ufeff\n]*")


def _head_lines(text: str, count: int) -> list[str]:
    """The first `count` lines after the blank lines and byte-order marks that open `text`,
    without copying the rest of it (split("\n", count) would: a whole file, to sniff it)."""
    start = end = _LEADING.match(text).end()  # type: ignore[union-attr]  # always matches
    for _ in range(count):
        end = text.find("\n", end) + 1
        if not end:
            end = len(text)
            break
    return text[start:end].split("\n")[:count]


@dataclass(frozen=True)
class _Message:
    line: int  # the file's line where its headers start
    raw: str


def parse_mail(text: str, read_body: Callable[[str], Parsed], encoding: str = "utf-8") -> Parsed:
    """Every message's papers; `read_body(text)` reads a body (sniffing its format).

    `encoding` is the one the file was read with: a message is parsed from its bytes, which
    that gives back, so that a part sent as 8-bit ISO-8859-1 or windows-1252 (in an mbox
    beside UTF-8 ones) is decoded with the charset it declares."""
    codec = "utf-8" if encoding.startswith(_WIDE_CODECS) else encoding
    records: list[Record] = []
    problems: list[Problem] = []
    formats: list[str] = []
    messages = list(_messages(text))
    for message in messages:
        parsed = _read_message(message, read_body, codec)
        records += parsed.records
        problems += parsed.problems
        if parsed.records and parsed.format not in formats:
            formats.append(parsed.format)
    kind = "mbox" if len(messages) > 1 else "email"
    return Parsed(
        tuple(records), tuple(problems), f"{kind}: {', '.join(formats)}" if formats else kind
    )


def _messages(text: str) -> Iterator[_Message]:
    """The messages of a file: the one message, or each message of an mbox."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if not _MBOX_FROM.match(lines[first]):
        yield _Message(first + 1, "\n".join(lines[first:]))
        return
    # A `From ` line at the start or after a blank line starts the next message.
    starts = [
        i
        for i in range(first, len(lines))
        if lines[i].startswith("From ") and (i == first or not lines[i - 1].strip())
    ]
    for start, end in zip(starts, [*starts[1:], len(lines)], strict=True):
        raw = "\n".join(lines[start + 1 : end])
        yield _Message(start + 2, _MBOX_ESCAPED.sub(r"\1", raw))


# The email package parses a header's value in time growing as the square of its length
# (python/cpython#136063): a damaged mail whose Subject ran on for a megabyte took minutes.
# The headers read here (Subject, Message-ID, the Content- ones) are far shorter in a real
# mail (under 100 characters in every test and bench mail); a longer value is read up to
# this length. At 10,000, a Content-Type of ". . . ." (parsed again at each look at the
# part's type) still took 2.8 s a message.
_HEADER_READ = 2_000


class _Policy(email.policy.EmailPolicy):
    """The `default` policy, each header's value cut to _HEADER_READ before it is parsed."""

    def header_store_parse(self, name: str, value: Any) -> tuple[str, Any]:
        return super().header_store_parse(name, _header_read(value))

    def header_fetch_parse(self, name: str, value: str) -> Any:
        return super().header_fetch_parse(name, _header_read(value))


def _header_read(value: Any) -> Any:
    # A value the policy parsed already (it has a name) is short enough; raw text is cut.
    if isinstance(value, str) and not hasattr(value, "name") and len(value) > _HEADER_READ:
        return value[:_HEADER_READ]
    return value


_POLICY = _Policy()


# What a broken message can raise from the email package's parsers (its header parser has
# raised IndexError and AttributeError on malformed input); a message nested thousands of
# parts deep exhausts the recursion of its generators. Either way only that message is lost.
_UNREADABLE = (
    email.errors.MessageError,
    ValueError,
    LookupError,
    IndexError,
    AttributeError,
    TypeError,
    RecursionError,
)


def _read_message(message: _Message, read_body: Callable[[str], Parsed], codec: str) -> Parsed:
    data = message.raw.encode(codec, "surrogateescape")
    try:
        parsed_message = email.message_from_bytes(data, policy=_POLICY)
        assert isinstance(parsed_message, EmailMessage)
        if _is_own_newsletter(parsed_message):
            reason = (
                "an issue of the newsletter digest builds (its email.eml), not abstracts: "
                "outputs are never inputs; pass the files it was built from"
            )
            subject = str(parsed_message.get("subject", "") or "")
            return Parsed(problems=(Problem(message.line, reason, excerpt(subject)),))
        return _read_mail(parsed_message, data, message.line, read_body, _FORWARDS_READ)
    except _UNREADABLE as error:
        reason = f"an e-mail that cannot be read ({type(error).__name__}); the others are read"
        return Parsed(problems=(Problem(message.line, reason),))


# How deep mails forwarded as attachments are read (a forward of a forward of an alert).
_FORWARDS_READ = 3


def _read_mail(
    mail: EmailMessage, data: bytes, line: int, read_body: Callable[[str], Parsed], depth: int
) -> Parsed:
    """The papers of one mail, and of the mails forwarded in it as attachments
    (message/rfc822: "Forward as attachment", Gmail's forward of several mails)."""
    subject = str(mail.get("subject", "") or "")
    bodies = [
        body
        for kind in ("plain", "html")
        if (part := mail.get_body(preferencelist=(kind,))) is not None
        and isinstance(part, EmailMessage)
        and part.get_content_type() == f"text/{kind}"
        and (body := _read_part(part, kind, data, line, read_body)) is not None
    ]
    forwarded: list[Parsed] = []
    attachments: list[str] = []
    for part in mail.iter_attachments():
        inner = part.get_content() if part.get_content_type() == "message/rfc822" else None
        if isinstance(inner, EmailMessage) and depth > 0:
            forwarded.append(_read_mail(inner, data, line, read_body, depth - 1))
        elif part.is_attachment() or part.get_content_maintype() not in ("text", "multipart"):
            attachments.append(_attachment_name(part))
    problems: list[Problem] = []
    if attachments:
        reason = (
            f"{len(attachments)} attachment{'s' if len(attachments) > 1 else ''} not read "
            f"({', '.join(attachments)}): save an attachment and pass it itself to read it"
        )
        problems.append(Problem(line, reason, notice=True))
    inside = [record for parsed in forwarded for record in parsed.records]
    if not bodies and not forwarded:
        reason = "an e-mail without a text or HTML part, not a paper"
        return Parsed(problems=(*problems, Problem(line, reason, excerpt(subject))))
    best = max(bodies, key=lambda body: len(body.records), default=Parsed())  # plain on a tie
    if not best.records and not inside:
        missing = [p for p in best.problems if p.reason.startswith(NO_ABSTRACT)]
        missing += [p for parsed in forwarded for p in parsed.problems]
        if not missing:
            reason = "an e-mail that holds no abstracts, not a paper"
            missing = [Problem(line, reason, excerpt(f"Subject: {subject}"))]
        return Parsed(problems=(*problems, *missing))
    formats = [parsed.format for parsed in (best, *forwarded) if parsed.records]
    # A body without papers over forwarded mails is the sender's note ("FYI"): no problem.
    own = best.problems if best.records else ()
    return Parsed(
        (*best.records, *inside),
        (*problems, *own, *(p for parsed in forwarded for p in parsed.problems)),
        formats[0],
    )


# What digest's own email.eml carries (digest/mail.py): its MIME boundary, its Message-ID.
_OWN_BOUNDARY = "=_digest_"
_OWN_MESSAGE_ID = re.compile(r"^\s*<digest\.[^@>\s]+@[^>\s]+>\s*$")


def _is_own_newsletter(message: EmailMessage) -> bool:
    boundary = message.get_boundary() or ""
    return boundary.startswith(_OWN_BOUNDARY) or bool(
        _OWN_MESSAGE_ID.match(str(message.get("message-id", "") or ""))
    )


def _attachment_name(part: EmailMessage) -> str:
    name = part.get_filename() or part.get_content_type()
    return repr(excerpt(str(name), 60))


def _read_part(
    part: EmailMessage, kind: str, data: bytes, first_line: int, read_body: Callable[[str], Parsed]
) -> Parsed | None:
    """A text part read by its reader, its records' and problems' lines the file's; None
    for a part without text."""
    content = part.get_content()
    assert isinstance(content, str)
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    text = html_to_lines(content) if kind == "html" else _unquoted(content)
    if not text.strip():
        return None
    parsed = read_body(text)
    line_of = _line_map(part, kind, data, first_line)
    records = tuple(replace(record, line=line_of(record.line)) for record in parsed.records)
    problems = tuple(
        replace(problem, line=line_of(problem.line or 1)) for problem in parsed.problems
    )
    return Parsed(records, problems, parsed.format)


def _unquoted(text: str) -> str:
    """A plain body that is mostly a quotation ("> " before each line: a reply that quotes
    the alert, or a forward in that style) without its quotation marks, line for line.
    A body where most lines are not quoted is left as it is: a line that starts with '>'
    there is text ("> 50% of patients")."""
    lines = text.split("\n")
    filled = [line for line in lines if line.strip()]
    quoted = sum(1 for line in filled if line.startswith(">"))
    if not filled or 2 * quoted <= len(filled):
        return text
    return "\n".join(_QUOTE_MARKS.sub("", line) for line in lines)


_QUOTE_MARKS = re.compile(r"^(?:> ?)+")


def _line_map(part: EmailMessage, kind: str, data: bytes, first_line: int) -> Callable[[int], int]:
    """The file's line for a line of the part's decoded text."""
    raw = part.get_payload(decode=False)
    if not isinstance(raw, str):
        return lambda _: first_line
    # An 8bit payload comes back decoded by its charset: found again by encoding it so.
    try:
        found = data.find(raw.encode(part.get_content_charset() or "ascii", "surrogateescape"))
    except (UnicodeError, LookupError):
        found = -1
    if found < 0:
        return lambda _: first_line
    start = first_line + data.count(b"\n", 0, found)
    encoding = str(part.get("content-transfer-encoding", "7bit")).strip().lower()
    if kind == "html" or encoding not in ("7bit", "8bit", "binary", "quoted-printable"):
        return lambda _: start
    if encoding != "quoted-printable":
        return lambda line: start + line - 1
    # Quoted-printable keeps every line break but its soft ones, the lines ending in "=".
    starts = [start]
    for offset, line in enumerate(raw.split("\n")):
        if not line.rstrip(" \t").endswith("="):
            starts.append(start + offset + 1)
    return lambda line: starts[min(line, len(starts)) - 1]


# --- mails as the Gmail API gives them ------------------------------------------------------

# users.messages.get answers saved to a file (one, a list, or {"messages": […]}): the
# message's MIME tree as JSON ("payload": headers, mimeType, "parts", each part's decoded
# "body.data" in URL-safe base64) with format=full, or the whole message ("raw") with
# format=raw. Scripts that fetch alerts from Gmail keep them so.
_GMAIL_KEYS = re.compile(r'"(?:threadId|labelIds|historyId|internalDate)"\s*:')
_GMAIL_BODY = re.compile(r'"(?:payload|raw)"\s*:')


def looks_like_gmail_json(text: str) -> bool:
    """A JSON answer of the Gmail API holding messages (not only their ids)."""
    head = text[:20_000].lstrip("\ufeff \t\r\n")
    return (
        head.startswith(("{", "["))
        and len(_GMAIL_KEYS.findall(head)) >= 2
        and _GMAIL_BODY.search(text[:2_000_000]) is not None
    )


def parse_gmail_json(text: str, read_body: Callable[[str], Parsed]) -> Parsed:
    """Every message's papers, read as a saved mail's are (the part that gives more papers,
    forwarded mails too); a record's line is the line of its message's `"id"`."""
    try:
        value = json.loads(text)
    except ValueError as error:
        return Parsed(problems=(Problem(None, f"JSON that cannot be read ({error})"),))
    except RecursionError:  # the standard library's decoder recurses once per level
        reason = "JSON nested too deep to read (hundreds of levels); the Gmail API nests less"
        return Parsed(problems=(Problem(None, reason),))
    if isinstance(value, dict) and isinstance(value.get("messages"), list):
        value = value["messages"]
    messages = value if isinstance(value, list) else [value]
    records: list[Record] = []
    problems: list[Problem] = []
    formats: list[str] = []
    id_lines = _id_lines(text)
    for message in messages:
        if not isinstance(message, dict):
            continue
        line = _json_line(text, message.get("id"), id_lines)
        try:
            mail = _gmail_message(message)
            if mail is None:
                problems.append(
                    Problem(
                        line, "a Gmail message without its content (ask for format=full or raw)"
                    )
                )
                continue
            parsed = _read_mail(mail, b"", line, read_body, _FORWARDS_READ)
        except _UNREADABLE as error:  # binascii.Error is a ValueError
            reason = f"an e-mail that cannot be read ({type(error).__name__}); the others are read"
            problems.append(Problem(line, reason))
            continue
        records += (replace(record, line=line) for record in parsed.records)
        problems += (replace(problem, line=line) for problem in parsed.problems)
        if parsed.records and parsed.format not in formats:
            formats.append(parsed.format)
    return Parsed(tuple(records), tuple(problems), f"gmail-json: {', '.join(formats)}")


def _gmail_message(message: dict[str, Any]) -> EmailMessage | None:
    if isinstance(message.get("raw"), str):
        parsed = email.message_from_bytes(_unbase64(message["raw"]), policy=_POLICY)
        assert isinstance(parsed, EmailMessage)
        return parsed
    payload = message.get("payload")
    return _gmail_part(payload) if isinstance(payload, dict) else None


def _gmail_part(part: dict[str, Any]) -> EmailMessage:
    """An EmailMessage from a payload (or one of its parts), its text already decoded."""
    mail = EmailMessage(policy=_POLICY)
    headers = [h for h in part.get("headers") or [] if isinstance(h, dict)]
    for header in headers:
        name, value = str(header.get("name", "")), str(header.get("value", ""))
        if name and name.lower() not in ("content-type", "content-transfer-encoding"):
            mail[name] = value
    mime = str(part.get("mimeType") or "text/plain").lower()
    if mime.startswith("multipart/"):
        mail["Content-Type"] = mime
        children = [_gmail_part(p) for p in part.get("parts") or [] if isinstance(p, dict)]
        mail.set_payload(children)  # type: ignore[arg-type]
        return mail
    data = (part.get("body") or {}).get("data")
    content = _unbase64(data) if isinstance(data, str) else b""
    maintype, _, subtype = mime.partition("/")
    if maintype == "text":
        charset = _charset(headers) or "utf-8"
        text = content.decode(charset if _known_codec(charset) else "utf-8", "replace")
        mail.set_content(text, subtype=subtype or "plain")
    else:  # an attachment, named so that the notice can say which
        mail.set_content(
            content,
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=part.get("filename") or None,
        )
    return mail


def _unbase64(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


def _charset(headers: list[dict[str, Any]]) -> str | None:
    for header in headers:
        if str(header.get("name", "")).lower() == "content-type":
            found = re.search(r'charset="?([\w.:-]+)', str(header.get("value", "")), re.I)
            return found.group(1) if found else None
    return None


def _known_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


# A message's `"id"` and its value, as far as its first quote: in valid JSON, "id" followed
# by a colon is always a key (a quote inside a string is escaped).
_JSON_ID = re.compile(r'"id"\s*:\s*"([^"]*)"')


def _id_lines(text: str) -> dict[str, int]:
    """The line of each `"id"` value in the file (of its first, if written twice), found in
    one pass: a search from the file's start for each message took 12 s on a 50 MB file of
    500 messages."""
    lines: dict[str, int] = {}
    line, counted = 1, 0
    for found in _JSON_ID.finditer(text):
        line += text.count("\n", counted, found.start())
        counted = found.start()
        lines.setdefault(found.group(1), line)
    return lines


def _json_line(text: str, message_id: object, id_lines: dict[str, int]) -> int:
    """The line of the file where the message's `"id"` is (1 when it is not found)."""
    if not isinstance(message_id, str):
        return 1
    if '"' not in message_id:
        return id_lines.get(message_id, 1)
    found = re.search(rf'"id"\s*:\s*"{re.escape(message_id)}"', text)
    return text.count("\n", 0, found.start()) + 1 if found else 1
