"""The kit's additions to JupyterLab's Dutch texts, installed with the kit and added by the server.

The nl_NL language pack (crowd-translated for an older Lab) misses many texts of this Lab (the Run
menu, the restart dialog), and nbgrader's student panel and the widget manager have no Dutch at all.
The kit keeps those texts in ``smmkit/messages/nl/jupyterlab/`` (one JSON file per Lab domain, a
message id and its Dutch; a plural form as a list).

JupyterLab's own way for a package to add texts (a ``jupyterlab.locale`` entry point, merged by
``jupyterlab_server.translation_utils.merge_locale_data``) cannot add to the pack's domains: it merges
only when both headers carry a PEP 440 version and the package's is newer, and the nl_NL pack's
header says ``"version": "jupyterlab"``, which is no version (``InvalidVersion`` breaks the whole
translations request); and the server's own gettext (menus and settings from schemas) reads only the
pack's ``.mo`` files. This Jupyter server extension (enabled by the kit's
``etc/jupyter/jupyter_server_config.d/smmkit.json``, installed with the wheel) therefore adds the
kit's texts in the running server, never in the pack's files (smmkit/compat.py, "lab-locale-merge"):

* the translations API (``/lab/api/translations/nl_NL``, what the browser reads): the pack's data
  with the kit's texts on top, and the kit's domains the pack lacks (``nbgrader``) whole;
* the server's gettext: the kit's texts first, the pack's ``.mo`` behind them.
In another language nothing changes.
"""
from __future__ import annotations

import gettext
import json
from functools import lru_cache
from importlib.resources import files

LOCALE = "nl_NL"
HEADER = {"language": "nl-NL", "plural_forms": "nplurals=2; plural=(n != 1);", "version": "smmkit"}


def _jupyter_server_extension_points():
    return [{"module": "smmkit.labtexts"}]


@lru_cache(maxsize=1)
def catalogues() -> dict[str, dict]:
    """The kit's texts per Lab domain as JupyterLab's translator reads them (each value a list)."""
    found = {}
    for entry in sorted(files("smmkit.messages.nl").joinpath("jupyterlab").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".json"):
            continue
        domain = entry.name.removesuffix(".json")
        texts = json.loads(entry.read_text(encoding="utf-8"))
        data = {k: [v] if isinstance(v, str) else v for k, v in texts.items() if k}
        data[""] = {**HEADER, "domain": domain, **texts.get("", {})}
        found[domain] = data
    return found


def is_ours(locale: str | None) -> bool:
    return (locale or "").replace("-", "_").lower() == LOCALE.lower()


def merged(locale: str, data: dict) -> dict:
    """The language pack's ``data`` (domain → texts) with the kit's texts added, for ``locale``."""
    if not is_ours(locale):
        return data
    result = dict(data)
    for domain, ours in catalogues().items():
        theirs = result.get(domain) or {}
        result[domain] = {**theirs, **{k: v for k, v in ours.items() if k}, "": theirs.get("") or ours[""]}
    return result


def language_pack(locale: str = LOCALE) -> tuple[dict, str]:
    """What the translations API serves for ``locale``: the pack (and packages' texts) plus the kit's."""
    from jupyterlab_server import translation_utils

    data, message = translation_utils.get_language_pack(locale)
    return (merged(locale, data) if data else data), message


class _KitFirst(gettext.NullTranslations):
    """The kit's plain texts first; everything else (and plurals) from the pack's ``.mo``."""

    def __init__(self, texts: dict, pack: gettext.NullTranslations):
        super().__init__()
        self._texts = {k: v[0] for k, v in texts.items() if k and isinstance(v, list) and len(v) == 1}
        self.add_fallback(pack)

    def gettext(self, message):
        return self._texts.get(message) or self._fallback.gettext(message)

    def pgettext(self, context, message):
        return self._texts.get(f"{context}\x04{message}") or self._fallback.pgettext(context, message)


def _load_jupyter_server_extension(serverapp) -> None:
    from jupyterlab_server import translation_utils, translations_handler

    original_pack = translations_handler.get_language_pack
    if getattr(original_pack, "smmkit", False):
        return

    def get_language_pack(locale):
        data, message = original_pack(locale)
        return (merged(locale, data) if data else data), message

    get_language_pack.smmkit = True
    translations_handler.get_language_pack = get_language_pack

    bundle = translation_utils.TranslationBundle
    original_update = bundle.update_locale

    def update_locale(self, locale):
        original_update(self, locale)
        ours = catalogues().get(self._domain) if is_ours(locale) else None
        if ours:
            self._translator = _KitFirst(ours, self._translator)

    bundle.update_locale = update_locale
    for existing in list(translation_utils.translator._TRANSLATORS.values()):
        existing.update_locale(existing._locale)
