"""A Content-Security-Policy for the teacher's Jupyter server: no inline script from notebook content.

Jupyter server extension (``kit.py lab --docent`` enables it through the docent config folder; on a hub,
see docs/docent.md). Every response gets :data:`POLICY`: scripts only from the server itself, no
inline ``<script>``, no ``onerror=``/``onload=`` handlers, no ``javascript:`` URLs, no plugins. The
pages the server builds from its own templates (JupyterLab, the login page, nbgrader's formgrader)
do need their inline scripts: those get a fresh nonce per response, added to the ``<script>`` tags of
the template only. On a formgrader submission page that is everything before the notebook (``id=
"notebook-container"``); after it comes the student's notebook, whose scripts get no nonce and so
never run, whatever the sanitiser (smmkit/grading/inert.py) missed. Files, nbconvert and the API are
never given a nonce (Jupyter serves files with ``sandbox`` on top of this policy).

Ids in the formgrader's own pages: nbgrader renders its templates with Jinja *without* autoescape, and puts
the student, assignment and notebook ids from the URL or the gradebook straight into HTML and into inline
scripts (``var student_id = "{{ student_id }}";``). Those scripts get a nonce, so an id such as
``x";fetch(…)//`` or ``</script><script>…`` would run as the teacher (a link in a student's answer is enough).
:func:`escape_formgrader_templates` turns autoescape on for the formgrader's Jinja environment (a plain id
looks the same; anything else is shown as text and cannot leave its string); the submission page's ids,
rendered by nbconvert, are escaped by :class:`smmkit.grading.inert.InertHTML`.

``'unsafe-eval'`` stays: JupyterLab compiles its settings schemas with ``new Function`` (ajv); eval
needs a script that already runs, which notebook content cannot start.
"""
from __future__ import annotations

import base64
import hashlib
import re
import secrets
from functools import lru_cache
from pathlib import Path

from tornado.web import OutputTransform

POLICY = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
          "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' ws: wss:; "
          "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
          "frame-ancestors 'self'")
HANDLER = re.compile(r"""\bon[a-z]+=(?:"([^"]*)"|'([^']*)')""")


@lru_cache(maxsize=1)
def policy() -> str:
    """:data:`POLICY` plus the hashes of the few ``onclick="…"`` handlers in nbgrader's formgrader templates
    (``'unsafe-hashes'``: only those exact handlers may run, e.g. ``toggle_name(true);``)."""
    try:
        import nbgrader.server_extensions.formgrader as formgrader
    except ImportError:
        return POLICY
    handlers = set()
    for path in sorted(Path(formgrader.__file__).parent.joinpath("templates").rglob("*")):
        if path.is_file():
            handlers.update(a or b for a, b in HANDLER.findall(path.read_text(encoding="utf-8", errors="replace")))
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(h.encode()).digest()).decode()}'"
                      for h in sorted(handlers))
    return POLICY.replace("script-src 'self' 'unsafe-eval'",
                          f"script-src 'self' 'unsafe-eval' 'unsafe-hashes' {hashes}" if hashes else "script-src 'self' 'unsafe-eval'")


# pages (first path segment after the base URL) rendered from the server's own templates
TEMPLATE_PAGES = {"lab", "login", "logout", "tree", "formgrader"}
STUDENT_CONTENT = {"formgrader/submissions/": b'id="notebook-container"'}
SCRIPT_TAG = re.compile(rb"<script\b(?![^>]*\bnonce=)([^>]*)>", re.I)
SAME_ORIGIN_SRC = re.compile(rb"""\bsrc\s*=\s*["']?(?!//)/""", re.I)


def _with_nonce(html: bytes, nonce: bytes, stop: bytes | None) -> bytes:
    end = html.find(stop) if stop else -1
    head, rest = (html, b"") if end < 0 else (html[:end], html[end:])

    def tag(match: re.Match) -> bytes:
        attributes = match.group(1)
        if b"src" in attributes.lower() and not SAME_ORIGIN_SRC.search(attributes):
            return match.group(0)  # a script from elsewhere (a CDN) is not vouched for
        return b"<script nonce=\"" + nonce + b"\"" + attributes + b">"

    return SCRIPT_TAG.sub(tag, head) + rest


def escape_formgrader_templates(settings) -> bool:
    """Autoescape on for nbgrader's formgrader templates (``settings``: the Tornado app's); True once it is on.

    The formgrader makes its Jinja environment when it loads, which may be after this extension: the
    transform below therefore calls this for every request until the environment exists."""
    env = settings.get("nbgrader_jinja2_env")
    if env is None:
        return False
    if env.autoescape is not True:
        env.autoescape = True
        cache = getattr(env, "cache", None)
        if cache is not None:  # templates compiled before were compiled without escaping
            cache.clear()
    return True


class NonceTransform(OutputTransform):
    """Adds a per-response nonce to the template scripts of the server's own HTML pages."""

    settings: dict = {}
    escaped = False

    def __init__(self, request) -> None:
        self.path = request.path
        cls = type(self)
        if not cls.escaped:
            cls.escaped = escape_formgrader_templates(cls.settings)

    def _page(self, base_url: str) -> tuple[bool, bytes | None]:
        path = self.path[len(base_url):] if self.path.startswith(base_url) else self.path.lstrip("/")
        first = path.split("/", 1)[0]
        stop = next((marker for prefix, marker in STUDENT_CONTENT.items() if path.startswith(prefix)), None)
        return first in TEMPLATE_PAGES, stop

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        current = headers.get("Content-Security-Policy", "")
        html = headers.get("Content-Type", "").startswith("text/html")
        if not (finishing and html and current.startswith(policy())) or headers.get("Content-Encoding"):
            return status_code, headers, chunk
        trusted, stop = self._page(self.base_url)
        if not trusted:
            return status_code, headers, chunk
        nonce = secrets.token_urlsafe(18)
        chunk = _with_nonce(chunk, nonce.encode(), stop)
        headers["Content-Security-Policy"] = current.replace("script-src ", f"script-src 'nonce-{nonce}' ", 1)
        if "Content-Length" in headers:
            headers["Content-Length"] = str(len(chunk))
        return status_code, headers, chunk


def _jupyter_server_extension_points():
    return [{"module": "smmkit.grading.csp"}]


def _load_jupyter_server_extension(serverapp) -> None:
    app = serverapp.web_app
    app.settings.setdefault("headers", {})["Content-Security-Policy"] = policy()
    base_url = app.settings.get("base_url", "/")
    transform = type("SmmkitNonceTransform", (NonceTransform,), {"base_url": base_url.rstrip("/") + "/",
                                                                 "settings": app.settings, "escaped": False})
    transform.escaped = escape_formgrader_templates(app.settings)
    app.transforms.insert(0, transform)  # before gzip, which would hand it compressed bytes
    serverapp.log.info("smmkit: Content-Security-Policy without inline script from notebook content")
