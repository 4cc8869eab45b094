"""Models and checks never raise a raw error on anything a learner can type or pass (issue 10).

Every public function of every model (found from the package, not listed by hand) and of
``smmkit.check`` is called with random nasty input: None, numbers where lists are expected,
NaN/inf, 10**400, huge text, nested lists and dicts. It may return or raise ``SmmkitError`` with a
Dutch message; any other exception is a bug a learner would see as an English traceback.
"""
import importlib
import inspect
import pkgutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smmkit.models
from smmkit.errors import SmmkitError

MODELS = [importlib.import_module(f"smmkit.models.{m.name}") for m in pkgutil.iter_modules(smmkit.models.__path__)
          if not m.name.startswith("_")]


def _public(module):
    return [(f"{module.__name__.rsplit('.', 1)[-1]}.{name}", fn) for name, fn in vars(module).items()
            if inspect.isfunction(fn) and not name.startswith("_") and fn.__module__ == module.__name__]


FUNCTIONS = [pair for module in MODELS for pair in _public(module)]

SCALAR = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.just(10**400), st.just(-10**400),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=30),
    st.sampled_from(["", " ", "2,5", "1.250,75", "€ 1.250", "50%", "NaN", "inf", "1e400", "9" * 5000,
                     "LinkedIn", "Instagram", "identity", "paid", "likeable", "crisis", "Conversatie",
                     "2026-03-02", "Onze gemeente wil in 2026 20% meer volgers op Instagram."]),
    st.just("x" * 100_000),
)
NASTY = st.recursive(SCALAR, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.tuples(inner, inner),
    st.dictionaries(st.one_of(st.text(max_size=10), st.sampled_from(["name", "scores", "text", "date"])),
                    inner, max_size=4)), max_leaves=8)


def _call(fn, data):
    signature = inspect.signature(fn)
    args, kwargs = [], {}
    for p in signature.parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.default is p.empty or data.draw(st.booleans(), label=f"give {p.name}"):
            value = data.draw(NASTY, label=p.name)
            if p.kind is p.KEYWORD_ONLY:
                kwargs[p.name] = value
            else:
                args.append(value)
        elif p.kind is not p.KEYWORD_ONLY:
            break        # later positional ones keep their defaults too
    return fn(*args, **kwargs)


def _assert_only_smmkit_errors(fn, data):
    try:
        _call(fn, data)
    except SmmkitError as exc:
        text = str(exc)
        assert text.strip() and "Traceback" not in text
    except RecursionError:          # deeper than any learner types: still not allowed to crash
        pytest.fail(f"{fn.__qualname__}: RecursionError")


@pytest.mark.parametrize("name,fn", FUNCTIONS, ids=[name for name, _ in FUNCTIONS])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                               HealthCheck.filter_too_much])
@given(data=st.data())
def test_models_never_raise_a_raw_error(name, fn, data):
    _assert_only_smmkit_errors(fn, data)


# --------------------------------------------------------------------------- smmkit.check
# What a learner controls in a check cell is the answer variable (and the file saved from a widget);
# the other arguments are the teacher's, fixed in the locked cell. So: realistic calls, nasty answers.
from smmkit import check  # noqa: E402

answer = None          # the learner's variable a check looks up (set per example below)
CODE = check.answer_code(3.5, "q", 1)
CALLS = {
    "number": lambda: check.number("answer", question="q", code=CODE, decimals=1, valid_range=(0, 100),
                                   kind="percentage", hint="Tip."),
    "count": lambda: check.count("answer", question="q", code=CODE, valid_range=(0, 1000)),
    "text": lambda: check.text("answer", question="q", code=CODE, options=["identity", "groups"]),
    "table": lambda: check.table("answer", question="q", columns=["kanaal", "percentage"], rows=3,
                                 sorted_by="percentage", code=CODE),
    "mapping": lambda: check.mapping("answer", question="q", codes={"competentie": CODE, "autonomie": CODE},
                                     options=["LinkedIn", "TikTok"]),
    "consistent": lambda: check.consistent("answer", question="q", allowed=["identity", "groups"]),
    "saved_file": lambda: check.saved_file("werk.json", question="q", keys=["widget", "state"]),
}


@pytest.mark.parametrize("name", sorted(CALLS))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                               HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_checks_never_raise_a_raw_error(name, data, learner_folder):
    global answer
    answer = data.draw(NASTY, label="answer")
    if name == "saved_file":
        content = data.draw(st.one_of(st.binary(max_size=200), NASTY.map(lambda v: repr(v).encode())), label="file")
        (learner_folder / "werk.json").write_bytes(content)
    elif name == "table" and data.draw(st.booleans(), label="as DataFrame"):
        import pandas as pd
        answer = pd.DataFrame({"kanaal": ["a", "b", None], "percentage": [answer, 1, float("nan")]}
                              if not isinstance(answer, (list, dict, tuple)) else {"x": [1]})
    try:
        CALLS[name]()
    except SmmkitError as exc:
        assert str(exc).strip()
    except check.CheckFailed:
        pass


@pytest.fixture(scope="module")
def learner_folder(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("SMMKIT_HOME", str(tmp_path_factory.mktemp("home")))
    folder = tmp_path_factory.mktemp("work")
    mp.chdir(folder)
    yield folder
    mp.undo()
