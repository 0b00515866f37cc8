"""Errors a user can cause and fix. Each message says what went wrong and what to do.

Only these are turned into a one-line message by the CLI; anything else is a bug and keeps
its traceback.
"""

from __future__ import annotations


class DigestError(Exception):
    """Base for every error whose message is meant for the user."""


class InputError(DigestError):
    """The input paths cannot be read, or hold no abstracts at all."""


class ConfigError(DigestError):
    """digest.toml (or a command-line value) has a wrong key or value."""


class TemplateError(DigestError):
    """A template is missing or does not render."""


class OutputError(DigestError):
    """The output folder cannot be written."""
