"""A failed *Fetch* in nbgrader's Assignment List reaches the learner instead of only the server log.

nbgrader 0.9's handler of ``POST /assignments/fetch`` (``AssignmentActionHandler`` in
``nbgrader/server_extensions/assignment_list/handlers.py``) calls ``fetch_assignment``, drops its
result and answers with the list of assignments. When the exchange refuses (the assignment was
withdrawn, a folder with its name is already there, no exchange, no access) that result is
``{"success": False, "value": <traceback>}`` and the learner sees the list as it was, or the
assignment simply gone, without a word.

This Jupyter server extension (enabled next to ``smmkit.widgetstate`` by
``etc/jupyter/jupyter_server_config.d/smmkit.json``, installed with the package; see ``smmkit.compat``)
wraps that handler's ``post``: a failed fetch is answered with the failure itself, in the shape nbgrader uses when listing fails. nbgrader's lab
extension passes a fetch's answer to its list (``handle_load_list``), which shows a failure's
``value`` in the lists' error line; the kit's lab extension (``SERVER_ERRORS`` in
``labextension/src/nbgrader.ts``) replaces it there with a Dutch explanation and keeps
nbgrader's text collapsed under it. The refresh button brings the list back. A successful fetch is
answered as before (the list), and every other action (submit, fetch feedback) is nbgrader's own
handler, untouched. Without nbgrader, or with a handler that has no ``post``, nothing is changed.
"""
from __future__ import annotations

import functools
import json
from typing import Callable

# marks nbgrader's handler method once it is wrapped (loading twice must not wrap twice)
WRAPPED = "_smmkit_fetch_failure_reported"
# nbgrader's failed fetch always carries its traceback; this is only for a result without one
NO_REASON = "nbgrader: fetching the assignment failed without a message (see the server log)"


def _jupyter_server_extension_points():
    return [{"module": "smmkit.nbgrader_fetch"}]


def _load_jupyter_server_extension(serverapp) -> None:
    try:
        from nbgrader.server_extensions.assignment_list import handlers
    except Exception as err:  # no nbgrader here (a plain course Lab): nothing to wrap
        serverapp.log.debug("smmkit.nbgrader_fetch: nbgrader's assignment list is not available (%s)", err)
        return
    if not wrap_fetch(getattr(handlers, "AssignmentActionHandler", None)):
        serverapp.log.warning("smmkit.nbgrader_fetch: nbgrader's AssignmentActionHandler has no post(); "
                              "a failed Fetch is not shown to the learner")


def fetch_answer(result, list_assignments: Callable[[], dict]) -> dict:
    """What ``POST /assignments/fetch`` answers: the failure of ``result`` (what ``fetch_assignment``
    returned), or, as nbgrader does, the list of assignments (``list_assignments()``)."""
    if isinstance(result, dict) and result.get("success") is False:
        value = result.get("value")
        return {"success": False, "value": value if isinstance(value, str) and value.strip() else NO_REASON}
    return list_assignments()


def wrap_fetch(handler_class) -> bool:
    """Let ``handler_class.post("fetch")`` answer a failed fetch with its failure; False if it has no post."""
    original = getattr(handler_class, "post", None)
    if not callable(original):
        return False
    if getattr(original, WRAPPED, False):
        return True
    from tornado import web

    @web.authenticated
    def fetch(self):
        # the request's fields as nbgrader's handler reads them (query arguments, else a JSON body)
        try:
            data = {"assignment_id": self.get_argument("assignment_id"),
                    "course_id": self.get_argument("course_id")}
        except web.MissingArgumentError:
            data = self.get_json_body()
        course_id = data["course_id"]
        result = self.manager.fetch_assignment(course_id, data["assignment_id"])
        self.finish(json.dumps(fetch_answer(result, lambda: self.manager.list_assignments(course_id=course_id))))

    @functools.wraps(original)
    def post(self, action, *args, **kwargs):
        if action == "fetch":
            return fetch(self)
        return original(self, action, *args, **kwargs)

    setattr(post, WRAPPED, True)
    handler_class.post = post
    return True
