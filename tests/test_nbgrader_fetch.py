"""smmkit.nbgrader_fetch: a failed Fetch answers with nbgrader's reason instead of the list.

nbgrader 0.9's handler drops what fetch_assignment returns, so a learner whose fetch failed saw
nothing. These tests drive the wrapped ``post`` with a stand-in for the handler's request and manager
(what the wrapper uses of them); the browser test (tests/browser/test_lab_nbgrader_nl.py,
``test_nbgrader_server_errors_are_explained_in_dutch``) clicks Fetch for real with a real exchange.
"""
from __future__ import annotations

import json
import logging
import sys
import types

import pytest
from tornado import web

from smmkit import nbgrader_fetch

LISTED = {"success": True, "value": [{"course_id": "c", "assignment_id": "a", "status": "fetched"}]}
TRACEBACK = ("Traceback (most recent call last):\n  ...\nnbgrader.exchange.abc.exchange.ExchangeError: "
             "You already have a copy of the assignment in this directory: a\n")


class Manager:
    """nbgrader's AssignmentList as the handler uses it: fetch_assignment's result, then the list."""

    def __init__(self, result):
        self.result, self.calls = result, []

    def fetch_assignment(self, course_id, assignment_id):
        self.calls.append(("fetch", course_id, assignment_id))
        return self.result

    def list_assignments(self, course_id=None):
        self.calls.append(("list", course_id))
        return LISTED


class Handler:
    """What the wrapper reads of nbgrader's AssignmentActionHandler and of its request."""

    request = types.SimpleNamespace(method="POST")

    def __init__(self, manager, body=None, arguments=None, user="student"):
        self.manager, self.body, self.arguments, self.current_user = manager, body, arguments or {}, user
        self.answers = []

    def get_argument(self, name):
        if name not in self.arguments:
            raise web.MissingArgumentError(name)
        return self.arguments[name]

    def get_json_body(self):
        return self.body

    def finish(self, text):
        self.answers.append(json.loads(text))

    def post(self, action):  # nbgrader's own: any other action
        self.finish(json.dumps({"nbgrader": action}))


@pytest.fixture
def handler_class():
    class Wrapped(Handler):
        pass
    assert nbgrader_fetch.wrap_fetch(Wrapped)
    return Wrapped


BODY = {"course_id": "c", "assignment_id": "a"}


def test_a_failed_fetch_answers_with_nbgraders_reason(handler_class):
    manager = Manager({"success": False, "value": TRACEBACK})
    handler = handler_class(manager, body=BODY)
    handler.post("fetch")
    assert handler.answers == [{"success": False, "value": TRACEBACK}]
    assert manager.calls == [("fetch", "c", "a")], "no list after a failure: the answer is the failure"


def test_a_successful_fetch_answers_with_the_list_as_nbgrader_does(handler_class):
    manager = Manager({"success": True})
    handler = handler_class(manager, body=BODY)
    handler.post("fetch")
    assert handler.answers == [LISTED]
    assert manager.calls == [("fetch", "c", "a"), ("list", "c")]


def test_the_fields_may_come_as_query_arguments_like_in_nbgrader(handler_class):
    manager = Manager({"success": True})
    handler_class(manager, arguments={"course_id": "q", "assignment_id": "b"}).post("fetch")
    assert manager.calls == [("fetch", "q", "b"), ("list", "q")]


@pytest.mark.parametrize("result", [{"success": False}, {"success": False, "value": "  "},
                                    {"success": False, "value": None}])
def test_a_failure_without_a_message_still_fails(handler_class, result):
    handler = handler_class(Manager(result), body=BODY)
    handler.post("fetch")
    assert handler.answers == [{"success": False, "value": nbgrader_fetch.NO_REASON}]


@pytest.mark.parametrize("result", [None, {"success": True}, {}, "odd"])
def test_anything_but_a_failure_is_answered_with_the_list(result):
    assert nbgrader_fetch.fetch_answer(result, lambda: LISTED) is LISTED


def test_other_actions_are_nbgraders_own(handler_class):
    manager = Manager({"success": False, "value": TRACEBACK})
    for action in ("submit", "fetch_feedback"):
        handler = handler_class(manager, body=BODY)
        handler.post(action)
        assert handler.answers == [{"nbgrader": action}]
    assert manager.calls == []


def test_fetch_still_needs_a_logged_in_user(handler_class):
    manager = Manager({"success": True})
    with pytest.raises(web.HTTPError) as refused:
        handler_class(manager, body=BODY, user=None).post("fetch")
    assert refused.value.status_code == 403 and manager.calls == []


def test_wrapping_twice_wraps_once(handler_class):
    wrapped = handler_class.post
    assert nbgrader_fetch.wrap_fetch(handler_class) and handler_class.post is wrapped
    manager = Manager({"success": False, "value": TRACEBACK})
    handler = handler_class(manager, body=BODY)
    handler.post("fetch")
    assert len(handler.answers) == 1 and manager.calls == [("fetch", "c", "a")]


def test_a_handler_without_post_is_left_alone():
    assert not nbgrader_fetch.wrap_fetch(type("NoPost", (), {}))
    assert not nbgrader_fetch.wrap_fetch(None)


def server_app():
    return types.SimpleNamespace(log=logging.getLogger("test_nbgrader_fetch"))


def test_loading_wraps_nbgraders_real_handler(monkeypatch):
    from nbgrader.server_extensions.assignment_list import handlers
    original = handlers.AssignmentActionHandler.post
    monkeypatch.setattr(handlers.AssignmentActionHandler, "post", original)  # put back after the test
    nbgrader_fetch._load_jupyter_server_extension(server_app())
    post = handlers.AssignmentActionHandler.post
    assert post is not original and getattr(post, nbgrader_fetch.WRAPPED) and post.__wrapped__ is original
    nbgrader_fetch._load_jupyter_server_extension(server_app())
    assert handlers.AssignmentActionHandler.post is post


def test_without_nbgrader_loading_does_nothing(monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "nbgrader.server_extensions.assignment_list", None)  # import fails
    with caplog.at_level(logging.DEBUG, logger="test_nbgrader_fetch"):
        nbgrader_fetch._load_jupyter_server_extension(server_app())
    assert "not available" in caplog.text


def test_the_extension_points_at_itself():
    assert nbgrader_fetch._jupyter_server_extension_points() == [{"module": "smmkit.nbgrader_fetch"}]
