"""Where the kit works around upstream behaviour: each workaround, its upstream issue and the versions it is valid for.

One row per workaround: what the kit does and where, the upstream report (``None`` when none is filed
yet; ``upstream_code`` then names the upstream code that behaves so), the distribution whose behaviour
it depends on and the versions the workaround was checked with (a PEP 440 specifier).
``tests/test_compat.py`` fails when an installed version leaves its range: check the workaround
against the new version (still needed? still right?), then widen the range or remove the workaround.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Workaround:
    key: str
    where: str           # the kit's code that works around it
    what: str            # the upstream behaviour, in one sentence
    package: str         # the distribution that behaves so
    valid: str           # the versions the workaround was checked with
    upstream: str | None = None       # the upstream issue
    upstream_code: str | None = None  # when no issue is filed: the upstream code that behaves so


WORKAROUNDS: tuple[Workaround, ...] = (
    Workaround(
        "widgetstate-save-drops-state", "smmkit/widgetstate.py",
        "Lab's widget manager saves only the models the kernel has now: saving a reopened notebook "
        "before its cells run again deletes the saved widget state",
        "jupyterlab_widgets", ">=3.0.10,<3.1",
        upstream="https://github.com/jupyter-widgets/ipywidgets/issues/3888"),
    Workaround(
        "widgets-restore-race", "labextension/src/widgets.ts (renderAgain)",
        "a reopened notebook's output waits 2 s for its saved model; on a slow machine it says "
        "'model not found' for a model that arrives a moment later",
        "jupyterlab_widgets", ">=3.0.10,<3.1",
        upstream="https://github.com/jupyterlab/jupyterlab/issues/15361"),
    Workaround(
        "widgets-manager-no-translator", "labextension/src/widgets.ts",
        "the widget manager writes 'Loading widget...' and its error texts into outputs in English, "
        "without Lab's translator",
        "jupyterlab_widgets", ">=3.0.10,<3.1",
        upstream_code="jupyterlab_widgets: src/renderer.ts (WidgetRenderer.renderModel)"),
    Workaround(
        "nbgrader-lab-no-translator", "labextension/src/nbgrader.ts",
        "nbgrader's lab extension writes its student panel, menu and command label in English, "
        "without Lab's translator",
        "nbgrader", ">=0.9.5,<0.10",
        upstream_code="nbgrader: src/assignment_list/ (assignmentlist.ts, index.ts)"),
    Workaround(
        "nbgrader-fetch-drops-error", "smmkit/nbgrader_fetch.py",
        "nbgrader's fetch handler drops the result of a failed fetch and answers with the list",
        "nbgrader", ">=0.9.5,<0.10",
        upstream_code="nbgrader: server_extensions/assignment_list/handlers.py (AssignmentActionHandler.post)"),
    Workaround(
        "lab-locale-merge", "smmkit/labtexts.py",
        "a jupyterlab.locale package's texts merge into a language pack's domain only when both headers "
        "carry a newer PEP 440 version, and the nl_NL pack's says 'jupyterlab' (InvalidVersion); the "
        "server's gettext reads only the pack's .mo files",
        "jupyterlab_server", ">=2.27,<2.29",
        upstream_code="jupyterlab_server: translation_utils.py (merge_locale_data, TranslationBundle.update_locale)"),
    Workaround(
        "lab-locale-merge-pack", "smmkit/labtexts.py",
        "the nl_NL language pack misses many texts of Lab 4.6 (Run menu, restart dialog)",
        "jupyterlab-language-pack-nl-NL", ">=4.5.post3,<4.6",
        upstream_code="jupyterlab/language-packs: language-packs/jupyterlab-language-pack-nl-NL"),
    Workaround(
        "lab-comms-over-subshells", "labextension/src/cells.ts",
        "Lab 4.6 sends comm messages over a kernel subshell (commsOverSubshells), handled in another "
        "thread and not in order with execute_request; the kit builds its comm messages for the main "
        "shell channel itself",
        "jupyterlab", ">=4.6,<4.7",
        upstream_code="jupyterlab: packages/services/src/kernel/default.ts (commsOverSubshells)"),
    Workaround(
        "setuptools-editable-data-files", "setup.py (DistributionWithEditableData)",
        "setuptools' editable install asks has_data(), which does not exist, so data_files are not "
        "installed",
        "setuptools", ">=64,<85",
        upstream="https://github.com/pypa/setuptools/issues/3399"),
)
