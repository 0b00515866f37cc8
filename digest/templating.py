"""The jinja2 environment: template lookup and the filters our templates use.

Lookup is a chain, as in Pelican: the user's folder first (`--templates` or the config), then
the shipped defaults. A user template may extend a default one through the `default/` prefix
(`{% extends "default/digest.md.j2" %}`) instead of copying it.
"""

from __future__ import annotations

import contextlib
import io
import re
import textwrap
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import jinja2

from digest.errors import TemplateError

_PACKAGE_DIR = Path(__file__).resolve().parent


def default_template_dir() -> Path:
    """The shipped templates: inside the installed package, or `templates/` in a checkout."""
    installed = _PACKAGE_DIR / "templates"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "templates"


def make_environment(user_dir: Path | None = None) -> jinja2.Environment:
    """A jinja2 environment searching `user_dir` (if given) before the defaults."""
    default_dir = default_template_dir()
    search = [default_dir]
    if user_dir is not None:
        if not user_dir.is_dir():
            raise TemplateError(
                f"{user_dir}: no such templates folder; check --templates (or templates in "
                "digest.toml, which is relative to that file)"
            )
        search.insert(0, user_dir)
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader([str(p) for p in search]),
            jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(default_dir))}),
        ]
    )
    env = _DataEnvironment(
        loader=loader,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2", "xml.j2")),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = escape_markdown
    env.filters["md_url"] = escape_markdown_url
    env.filters["slack"] = escape_slack
    env.filters["slack_url"] = escape_slack_url
    env.filters["wrap_byline"] = wrap_byline
    env.globals["search_path"] = tuple(str(p) for p in search)
    return env


class _DataEnvironment(jinja2.Environment):
    """Templates here see plain data, so `p.headline` looks up the key first.

    jinja2 tries the attribute first and the key only after an AttributeError: raising and
    catching that for every field of every paper took a third of the time the Markdown took
    to render, a quarter of the web page's. None of our keys is also the name of a dict
    method, so every lookup finds what it found before; anything that is not a dict (or lacks
    the key) goes the usual way."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            value = obj.get(attribute, _ABSENT)
            if value is not _ABSENT:
                return value
        return super().getattr(obj, attribute)


_ABSENT = object()


def render_template(env: jinja2.Environment, name: str, **context: object) -> str:
    """Render one template, turning jinja2's errors into messages a user can act on."""
    with _template_errors(env, name):
        return env.get_template(name).render(**context)


def compile_templates(env: jinja2.Environment, names: Iterable[str]) -> None:
    """Compile the templates `names` now (`env` keeps them), so that rendering them later does
    not: a build does it while a worker is still grouping. A broken one fails here, with the
    message rendering it would give."""
    for name in names:
        with _template_errors(env, name):
            env.get_template(name)


# Template output is joined and encoded this many pieces at a time.
_PIECES_PER_CHUNK = 1 << 16


def render_template_bytes(env: jinja2.Environment, name: str, **context: object) -> bytes:
    """The same as `render_template(...).encode("utf-8")`, for a large output.

    The text is encoded a chunk at a time as the template produces it: the whole text is never
    held at once (at two or four bytes a character once it holds one non-Latin-1 character),
    nor the millions of small pieces jinja2 would join into it."""
    with _template_errors(env, name):
        pieces = env.get_template(name).generate(**context)
        # BytesIO hands over its buffer without copying it: the bytes are held only once.
        out = io.BytesIO()
        while chunk := list(islice(pieces, _PIECES_PER_CHUNK)):
            out.write("".join(chunk).encode())
        return out.getvalue()


@contextlib.contextmanager
def _template_errors(env: jinja2.Environment, name: str) -> Iterator[None]:
    try:
        yield
    except jinja2.TemplateNotFound as err:
        folders = ", ".join(env.globals["search_path"])  # type: ignore[arg-type]
        raise TemplateError(
            f"template {err.name!r} not found (searched: {folders}); "
            "add it to your templates folder or remove the reference to it"
        ) from err
    except jinja2.TemplateSyntaxError as err:
        where = err.filename or err.name or name
        raise TemplateError(f"{where}:{err.lineno}: template syntax error: {err.message}") from err
    except jinja2.UndefinedError as err:
        raise TemplateError(f"template {name!r}: {err.message}; check the variable names") from err


# Characters that CommonMark gives a meaning to anywhere in a line. Escaping them with a
# backslash is always allowed (any ASCII punctuation may be escaped) and renders as the
# character itself, so text taken from abstracts can never become a link, image, emphasis,
# code span or raw HTML.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~])")
# An '&' that would start an entity reference ("&amp;", "&#60;") is escaped; a bare "R&D" is not.
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
# Line-start constructs: headings, block quotes, list markers, thematic breaks.
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)
# A heading's closing sequence: a run of '#' after a space at the end of the line, which a
# heading drops ('## C #' shows 'C').
_MD_CLOSING_HASHES = re.compile(r"(?<=\s)#+$")
# GitHub's renderer (GFM's autolink extension) links bare 'http://', 'https://', 'ftp://' and
# 'www.' in text. An escaped ':' or '.' is not seen as one, and renders as itself everywhere.
_MD_AUTOLINK = re.compile(r"(?<=[A-Za-z]):(?=//)|(?<=www)\.")


def escape_markdown(text: object) -> str:
    """Text that renders literally in CommonMark, and on GitHub (no bare link becomes a
    link), on a single line."""
    flat = " ".join(str(text).split())
    # Most text has nothing to escape: a search is cheaper than a substitution that finds none.
    if _MD_SPECIAL.search(flat):
        flat = _MD_SPECIAL.sub(r"\\\1", flat)
    if "&" in flat:
        flat = _MD_ENTITY.sub(r"\\&", flat)
    if "://" in flat or "www." in flat:
        flat = _MD_AUTOLINK.sub(r"\\\g<0>", flat)
    if flat.endswith("#"):
        flat = _MD_CLOSING_HASHES.sub(r"\\\g<0>", flat)
    # `flat` is one line with no leading space, so a line-start construct can only begin at
    # its first character: match there instead of scanning the whole text.
    if _MD_LINE_START.match(flat) is None:
        return flat
    return _MD_LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), flat, count=1)


def _escape_marker(marker: str) -> str:
    if marker[-1] in ".)":
        return marker[:-1] + "\\" + marker[-1]
    return "\\" + marker


def escape_markdown_url(url: object) -> str:
    """A URL safe inside a Markdown link destination `<...>`."""
    return str(url).replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def escape_slack(text: object) -> str:
    """Text for Slack mrkdwn: &, < and > are the only characters Slack asks to escape, and
    escaping them is what keeps text from becoming a link, a mention or an @channel."""
    flat = " ".join(str(text).split())
    return flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def escape_slack_url(url: object) -> str:
    """A URL inside Slack's <url|text>: '|' and '>' would end it early."""
    return str(url).replace("|", "%7C").replace(">", "%3E").replace("<", "%3C")


# Joins a byline's last part to the word before it while it is wrapped (textwrap breaks only
# at ASCII whitespace).
_NO_BREAK = "\u00a0"


def wrap_byline(byline: object, width: int = 70, wrapstring: str = "\n  ") -> str:
    """A byline ("Ada Lovelace et al. · Nature · 2021") wrapped as the plain-text email wraps
    its lines, but never with its last part (the year) alone on a line, where "2025" reads as
    a stray number."""
    head, sep, last = str(byline).rpartition(" \u00b7 ")
    text = f"{head}{_NO_BREAK}\u00b7{_NO_BREAK}{last}" if sep else last
    lines = textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)
    return wrapstring.join(lines).replace(_NO_BREAK, " ")
