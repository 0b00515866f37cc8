from pathlib import Path

import pytest

from digest.config import Settings, find_config, load_settings
from digest.errors import ConfigError
from digest.models import NamedTheme


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "digest.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file() -> None:
    assert load_settings(None) == Settings()


def test_reads_every_key(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """
title = "Lab digest"
site_url = "https://example.org/digest"
templates = "tpl"
themes = 5

[mail]
from = "Lab <lab@example.org>"
to = ["a@example.org", "b@example.org"]

[[theme]]
label = "Robotics"
keywords = ["robot", "sim-to-real"]
""",
    )
    settings = load_settings(path)
    assert settings.title == "Lab digest"
    assert settings.site_url == "https://example.org/digest/"
    assert settings.templates == tmp_path / "tpl"
    assert settings.themes == 5
    assert settings.mail_from == "Lab <lab@example.org>"
    assert settings.mail_to == ("a@example.org", "b@example.org")
    assert settings.named_themes == (NamedTheme("Robotics", ("robot", "sim-to-real")),)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('titel = "x"', "unknown key 'titel'"),
        ("[mail]\nfrum = 'x'", "unknown key 'mail.frum'"),
        ("themes = 0", "'themes' must be a whole number of at least 1"),
        ("themes = true", "'themes' must be a whole number"),
        ('title = ""', "'title' must be a non-empty string"),
        ('site_url = "example.org"', "must be an absolute http(s) URL"),
        ('[[theme]]\nkeywords = ["x"]', "theme[1] needs a 'label'"),
        ("title = [", "not valid TOML"),
    ],
)
def test_wrong_key_or_value_names_it(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=None) as info:
        load_settings(write(tmp_path, text))
    assert message in str(info.value)
    assert str(info.value).startswith(f"{tmp_path / 'digest.toml'}: ")


def test_command_line_overrides_the_file(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, 'title = "From file"\nthemes = 3'))
    merged = settings.with_overrides(title="From CLI", themes=None)
    assert merged.title == "From CLI"
    assert merged.themes == 3


def test_find_config_prefers_explicit_and_rejects_missing(tmp_path: Path) -> None:
    assert find_config(None, tmp_path) is None
    path = write(tmp_path, "")
    assert find_config(None, tmp_path) == path
    with pytest.raises(ConfigError, match="no such config file"):
        find_config(tmp_path / "nope.toml", tmp_path)
