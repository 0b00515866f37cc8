"""Settings a team writes once in `digest.toml`, checked key by key.

The file is read with the standard library (tomllib). Every key is known here; an unknown key
or a value of the wrong type is an error that names the key, so a typo never passes silently.
Command-line options override the file; that merge happens in `with_overrides`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from digest.errors import ConfigError
from digest.models import NamedTheme, slugify

CONFIG_NAME = "digest.toml"

CHAT_PLATFORMS = ("slack", "discord", "teams", "mattermost")
CHAT_PLATFORM_NAMES = {
    "slack": "Slack",
    "discord": "Discord",
    "teams": "Teams",
    "mattermost": "Mattermost",
}


@dataclass(frozen=True)
class ChatSource:
    """Where `digest post` finds a platform's webhook URL: an environment variable or a file
    (never a command-line option, which would land in the shell's history), and the
    certificate authorities to trust for a self-hosted server."""

    platform: str
    env: str | None = None  # default: DIGEST_<PLATFORM>_WEBHOOK_URL
    file: Path | None = None  # its first line is the URL
    ca_file: Path | None = None

    @property
    def env_name(self) -> str:
        return self.env or f"DIGEST_{self.platform.upper()}_WEBHOOK_URL"


@dataclass(frozen=True)
class Settings:
    title: str = "Research digest"
    site_url: str | None = None
    templates: Path | None = None
    themes: int | None = None
    mail_from: str = "digest <digest@localhost>"
    mail_to: tuple[str, ...] = ()
    mail_list_id: str | None = None
    mail_unsubscribe: str | None = None
    smtp_host: str | None = None
    smtp_port: int | None = None
    smtp_security: str = "starttls"  # "starttls", "ssl" or "none"
    smtp_user: str | None = None
    named_themes: tuple[NamedTheme, ...] = field(default=())
    state: Path = Path(".digest/history.sqlite3")
    feed_issues: int = 20
    feed_papers: int = 100
    chat: tuple[ChatSource, ...] = ()
    source: Path | None = None  # the file these settings came from, for messages

    def chat_source(self, platform: str) -> ChatSource:
        """The [chat.<platform>] settings, or the defaults when there are none."""
        return next((c for c in self.chat if c.platform == platform), ChatSource(platform))

    def with_overrides(self, **overrides: Any) -> Settings:
        """Settings with each non-None override applied (command-line options win)."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **given)


_TOP_KEYS = {
    "title",
    "site_url",
    "templates",
    "themes",
    "mail",
    "smtp",
    "theme",
    "state",
    "feed_issues",
    "feed_papers",
    "chat",
}
_MAIL_KEYS = {"from", "to", "list_id", "unsubscribe"}
_SMTP_KEYS = {"host", "port", "security", "user"}
SMTP_SECURITY = ("starttls", "ssl", "none")
_THEME_KEYS = {"label", "keywords"}
_CHAT_KEYS = {"webhook_env", "webhook_file", "ca_file"}


def find_config(explicit: Path | None, cwd: Path) -> Path | None:
    """The config to read: the one given, else digest.toml in the working directory, if any."""
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: no such config file; check the --config path")
        return explicit
    candidate = cwd / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_settings(path: Path | None) -> Settings:
    """Settings from a digest.toml, or the defaults when there is none."""
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: not valid TOML ({err}); fix the syntax") from err
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot be read ({err})") from err
    return parse_settings(data, path)


def parse_settings(data: Mapping[str, Any], path: Path) -> Settings:
    _check_keys(data, _TOP_KEYS, path, "")
    settings = Settings(source=path)
    changes: dict[str, Any] = {}
    if "title" in data:
        changes["title"] = _nonempty_str(data["title"], path, "title")
    if "site_url" in data:
        try:
            changes["site_url"] = check_site_url(_nonempty_str(data["site_url"], path, "site_url"))
        except ConfigError as err:
            raise ConfigError(f"{path}: {err}") from None
    if "templates" in data:
        folder = Path(_nonempty_str(data["templates"], path, "templates"))
        # Relative to the config file, so a project's config works from any directory.
        changes["templates"] = folder if folder.is_absolute() else path.parent / folder
    if "themes" in data:
        changes["themes"] = _positive_int(data["themes"], path, "themes")
    if "feed_issues" in data:
        changes["feed_issues"] = _positive_int(data["feed_issues"], path, "feed_issues")
    if "feed_papers" in data:
        changes["feed_papers"] = _positive_int(data["feed_papers"], path, "feed_papers")
    if "state" in data:
        state = Path(_nonempty_str(data["state"], path, "state"))
        changes["state"] = state if state.is_absolute() else path.parent / state
    if "mail" in data:
        mail = data["mail"]
        if not isinstance(mail, dict):
            raise ConfigError(f"{path}: 'mail' must be a table ([mail])")
        _check_keys(mail, _MAIL_KEYS, path, "mail.")
        if "from" in mail:
            changes["mail_from"] = _nonempty_str(mail["from"], path, "mail.from")
        if "to" in mail:
            changes["mail_to"] = _str_list(mail["to"], path, "mail.to")
        if "list_id" in mail:
            changes["mail_list_id"] = _nonempty_str(mail["list_id"], path, "mail.list_id")
        if "unsubscribe" in mail:
            value = _nonempty_str(mail["unsubscribe"], path, "mail.unsubscribe")
            if not value.startswith(("mailto:", "https://")):
                raise ConfigError(f"{path}: 'mail.unsubscribe' must be a mailto: or https:// URL")
            changes["mail_unsubscribe"] = value
    if "smtp" in data:
        changes.update(_smtp(data["smtp"], path))
    if "theme" in data:
        changes["named_themes"] = _named_themes(data["theme"], path)
    if "chat" in data:
        changes["chat"] = _chat(data["chat"], path)
    return replace(settings, **changes)


def _chat(chat: Any, path: Path) -> tuple[ChatSource, ...]:
    """[chat.slack], [chat.discord], [chat.teams], [chat.mattermost]: where each webhook
    URL is read from. A URL itself is refused here: digest.toml is usually committed."""
    if not isinstance(chat, dict):
        raise ConfigError(f"{path}: 'chat' must be a table of platforms ([chat.slack])")
    _check_keys(chat, set(CHAT_PLATFORMS), path, "chat.")
    sources = []
    for platform in CHAT_PLATFORMS:
        if platform not in chat:
            continue
        table, where = chat[platform], f"chat.{platform}"
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: '{where}' must be a table ([{where}])")
        _check_keys(table, _CHAT_KEYS, path, where + ".")
        if "webhook_env" in table and "webhook_file" in table:
            raise ConfigError(f"{path}: '{where}' sets both webhook_env and webhook_file; keep one")
        env = file = ca_file = None
        if "webhook_env" in table:
            env = _nonempty_str(table["webhook_env"], path, f"{where}.webhook_env")
            if "://" in env or not env.replace("_", "").isalnum():
                raise ConfigError(
                    f"{path}: '{where}.webhook_env' names an environment variable (such as "
                    f"DIGEST_{platform.upper()}_WEBHOOK_URL); never write the URL itself here"
                )
        if "webhook_file" in table:
            file = _relative_path(table["webhook_file"], path, f"{where}.webhook_file")
        if "ca_file" in table:
            ca_file = _relative_path(table["ca_file"], path, f"{where}.ca_file")
        sources.append(ChatSource(platform, env=env, file=file, ca_file=ca_file))
    return tuple(sources)


def _relative_path(value: Any, path: Path, key: str) -> Path:
    text = _nonempty_str(value, path, key)
    if "://" in text:
        raise ConfigError(f"{path}: '{key}' is a file name; never write a URL here")
    folder = Path(text)
    # Relative to the config file, so a project's config works from any directory.
    return folder if folder.is_absolute() else path.parent / folder


def _smtp(smtp: Any, path: Path) -> dict[str, Any]:
    if not isinstance(smtp, dict):
        raise ConfigError(f"{path}: 'smtp' must be a table ([smtp])")
    _check_keys(smtp, _SMTP_KEYS, path, "smtp.")
    changes: dict[str, Any] = {}
    if "host" in smtp:
        changes["smtp_host"] = _nonempty_str(smtp["host"], path, "smtp.host")
    if "port" in smtp:
        changes["smtp_port"] = _positive_int(smtp["port"], path, "smtp.port")
    if "security" in smtp:
        security = _nonempty_str(smtp["security"], path, "smtp.security")
        if security not in SMTP_SECURITY:
            raise ConfigError(f"{path}: 'smtp.security' must be one of {', '.join(SMTP_SECURITY)}")
        changes["smtp_security"] = security
    if "user" in smtp:
        changes["smtp_user"] = _nonempty_str(smtp["user"], path, "smtp.user")
    return changes


def check_site_url(url: str) -> str:
    """An absolute http(s) URL ending in '/', so relative joins stay inside the site."""
    if not url.startswith(("https://", "http://")):
        raise ConfigError(
            f"site_url {url!r} must be an absolute http(s) URL, e.g. https://example.org/digest/"
        )
    return url if url.endswith("/") else url + "/"


def _named_themes(value: Any, path: Path) -> tuple[NamedTheme, ...]:
    if not isinstance(value, list):
        raise ConfigError(f"{path}: 'theme' must be an array of tables ([[theme]])")
    themes: list[NamedTheme] = []
    slugs: dict[str, str] = {}  # slug -> the first theme that has it
    for i, item in enumerate(value, start=1):
        where = f"theme[{i}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{path}: {where} must be a table with label and keywords")
        _check_keys(item, _THEME_KEYS, path, f"{where}.")
        if "label" not in item:
            raise ConfigError(f"{path}: {where} needs a 'label'")
        label = _nonempty_str(item["label"], path, f"{where}.label")
        keywords = _str_list(item.get("keywords", []), path, f"{where}.keywords")
        if not keywords:
            raise ConfigError(f"{path}: {where}.keywords must list at least one keyword")
        # Each named theme has its own feed folder and anchor, named by its slug: labels
        # that differ only in case, accents or punctuation would share them.
        slug = slugify(label)
        if slug in slugs:
            raise ConfigError(
                f"{path}: {where}.label {label!r} would share the feed folder themes/{slug}/ "
                f"with {slugs[slug]}; give them labels that differ in more than case, accents "
                "or punctuation"
            )
        slugs[slug] = f"{where} ({label!r})"
        themes.append(NamedTheme(label=label, keywords=keywords))
    return tuple(themes)


def _check_keys(table: Mapping[str, Any], known: set[str], path: Path, prefix: str) -> None:
    for key in sorted(table):
        if key not in known:
            choices = ", ".join(sorted(prefix + k for k in known))
            raise ConfigError(f"{path}: unknown key '{prefix}{key}' (known keys: {choices})")


def _nonempty_str(value: Any, path: Path, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{path}: '{key}' must be a non-empty string")
    if value.splitlines() != [value]:  # CR, LF, and every other character that ends a line
        raise ConfigError(f"{path}: '{key}' must be a single line")
    return value.strip()


def _positive_int(value: Any, path: Path, key: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{path}: '{key}' must be a whole number of at least 1")
    return value


def _str_list(value: Any, path: Path, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return tuple(_nonempty_str(v, path, key) for v in value)
