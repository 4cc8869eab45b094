"""The message catalogue: every text a learner reads comes from here.

Keys are dotted (``data.unknown_name``); texts are ``str.format`` templates. The catalogue for a
language is the union of the ``MESSAGES`` dicts in the modules of ``smmkit/messages/<lang>/``, one
module per part of the kit so that people working on different parts don't edit the same file.
A second language is a second folder with the same keys (``tests/test_messages.py`` checks that).
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

DEFAULT_LANGUAGE = "nl"
_language = DEFAULT_LANGUAGE


@lru_cache(maxsize=None)
def catalogue(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """All messages of one language, merged from its modules. Duplicate keys are an error."""
    package = importlib.import_module(f"{__name__}.{language}")
    merged: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for key, text in getattr(module, "MESSAGES", {}).items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} is defined twice (second in {module.__name__})")
            merged[key] = text
    return merged


def set_language(language: str) -> None:
    """Switch the language of all learner-facing text (only 'nl' ships today)."""
    global _language
    catalogue(language)  # fails early if the language does not exist
    _language = language


def msg(key: str, /, **fields) -> str:
    """The text for ``key`` in the current language, filled in with ``fields``."""
    texts = catalogue(_language)
    try:
        template = texts[key]
    except KeyError:
        template = catalogue(DEFAULT_LANGUAGE).get(key)
        if template is None:
            raise KeyError(f"no message with key {key!r} in the catalogue") from None
    return template.format(**fields) if fields else template


def choices(values) -> str:
    """Format valid options for a message: 'A, B of C'."""
    items = [str(v) for v in values]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + msg("core.or") + " " + items[-1]
