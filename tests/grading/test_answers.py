"""The answers codec (smmkit.grading.answers): plain data in, the same values out; nothing else gets through."""
from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from smmkit.grading import answers
from smmkit.grading.answers import NotPlainData, NotPlainDataError, decode, encode


def roundtrip(value, name="x"):
    message = json.loads(json.dumps(encode({name: value}, [name])))  # what travels is JSON text
    values, files, problems = decode(message)
    assert problems == [] and files == {}
    return values[name]


@pytest.mark.parametrize("value", [
    None, True, False, 0, -7, 10 ** 40, 3.25, -0.0, "Facebook", "", "ëü€ 😀", ..., [], [1, "a", None],
    (1, 2), ("a", (1.5, [None])), {}, {"LinkedIn": "autonomie", "n": [1, 2, {"diep": (3,)}]},
])
def test_plain_values_come_back_equal_and_of_the_same_type(value):
    back = roundtrip(value)
    assert back == value and type(back) is type(value)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_infinity(value):
    back = roundtrip(value)
    assert type(back) is float and (math.isnan(back) if math.isnan(value) else back == value)


@pytest.mark.parametrize("value", [np.float64(25.96), np.int64(4), np.bool_(True), np.float32(0.5), np.uint8(7),
                                   np.float64("nan")])
def test_numpy_scalars_keep_their_dtype(value):
    back = roundtrip(value)
    assert type(back) is type(value)
    assert back == value or (np.isnan(back) and np.isnan(value))


def test_numpy_arrays():
    for array in (np.arange(6).reshape(2, 3), np.array([0.5, np.nan]), np.array(["a", "bc"]), np.array([True])):
        back = roundtrip(array)
        assert back.dtype == array.dtype and back.shape == array.shape
        np.testing.assert_array_equal(back, array)


def test_dataframe_split_with_dtypes():
    frame = pd.DataFrame({
        "kanaal": ["Facebook", "YouTube", "Twitter"],
        "percentage": [47.0, 42.0, float("nan")],
        "aantal": np.array([3, 2, 1], dtype="int64"),
        "klein": np.array([1, 2, 3], dtype="int8"),
        "ja": [True, False, True],
        "fase": pd.Categorical(["a", "b", "a"], categories=["b", "a"], ordered=True),
        "leeg": pd.array([1, None, 3], dtype="Int64"),
        "obj": np.array(["x", 1, None], dtype=object),
        "dag": pd.to_datetime(["2012-01-01", "2012-02-01", None]),
    }, index=pd.Index([5, 3, 9], name="rij"))
    back = roundtrip(frame)
    pd.testing.assert_frame_equal(back, frame)
    top3 = frame.sort_values("percentage", ascending=False).head(2)[["kanaal", "percentage"]]
    pd.testing.assert_frame_equal(roundtrip(top3), top3)


def test_series_and_multiindex():
    series = pd.Series([1.5, 2.5], index=pd.Index(["a", "b"]), name="score")
    pd.testing.assert_series_equal(roundtrip(series), series)
    grouped = pd.DataFrame({"k": ["a", "a", "b"], "j": [1, 2, 1], "v": [1, 2, 3]}).groupby(["k", "j"]).sum()
    pd.testing.assert_frame_equal(roundtrip(grouped), grouped)
    pd.testing.assert_series_equal(roundtrip(pd.Series([], dtype="float64")), pd.Series([], dtype="float64"))


def test_subclasses_travel_as_the_plain_value():
    class Alles(str):
        def __eq__(self, other):
            return True
        __hash__ = str.__hash__

    class Groot(float):
        def __le__(self, other):
            return True

    back = roundtrip(Alles("?"))
    assert type(back) is str and back == "?" and back != "Facebook"
    assert type(roundtrip(Groot(1.0))) is float


@pytest.mark.parametrize("value", [object(), lambda: 1, {1: "int key"}, {("a",): 1}, np.array([object()]),
                                   pd.DataFrame({"a": [object()]}), {"a": [1, {2}]}, b"bytes", 1 + 2j,
                                   pd.Series(pd.period_range("2012", periods=2, freq="M"))])
def test_other_values_become_a_marker_that_fails_with_a_dutch_reason(value):
    back = roundtrip(value, "mijn_antwoord")
    assert isinstance(back, NotPlainData)
    with pytest.raises(NotPlainDataError, match="mijn_antwoord.*geen gewone waarde"):
        back == "Facebook"  # noqa: B015
    for use in (str, bool, len, float, lambda v: v.strip(), lambda v: v["k"], lambda v: v < 1, hash, iter):
        with pytest.raises(NotPlainDataError):
            use(back)
    assert not isinstance(back, str)


def test_hostile_objects_in_the_student_kernel_become_markers():
    class Liegt:
        @property
        def __class__(self):
            return str

    class Kapot:
        def __iter__(self):
            raise RuntimeError("boem")

    assert isinstance(roundtrip(Liegt()), NotPlainData)
    assert isinstance(roundtrip(Kapot()), NotPlainData)


def test_too_big_or_too_deep_becomes_a_marker():
    deep = []
    for _ in range(answers.MAX_DEPTH + 5):
        deep = [deep]
    loop = []
    loop.append(loop)
    huge = "x" * (answers.MAX_VALUE_BYTES + 10)
    many = list(range(answers.MAX_ITEMS + 10))
    for value in (deep, loop, huge, many, pd.DataFrame(np.zeros((answers.MAX_ITEMS // 2 + 1, 3)))):
        back = roundtrip(value, "groot")
        assert isinstance(back, NotPlainData)
        with pytest.raises(NotPlainDataError, match="te groot"):
            back + 1


def test_whole_message_capped():
    values = {f"v{i}": "x" * (answers.MAX_VALUE_BYTES - 100) for i in range(3)}
    message = encode(values, list(values))
    assert len(json.dumps(message)) < answers.MAX_BYTES
    decoded, _files, _problems = decode(message)
    assert all(isinstance(v, NotPlainData) for v in decoded.values())


@pytest.mark.parametrize("message", [
    None, 5, "niet json", "[" * 100_000 + "]" * 100_000, json.dumps({"version": 99, "values": {}}),
    {"version": 1, "values": []}, "x" * (answers.MAX_BYTES + 1),
])
def test_unreadable_messages_give_no_values_and_a_dutch_problem(message):
    values, files, problems = decode(message)
    assert values == {} and files == {}
    assert problems and all("antwoorden" in p for p in problems)


@pytest.mark.parametrize("data", [
    {"$": "pickle", "v": "gASV"}, {"$": "np", "dtype": "object", "v": 1}, {"$": "np", "dtype": "V8", "v": 1},
    {"$": "ndarray", "dtype": "O", "shape": [1], "v": [1]}, {"$": "ndarray", "dtype": "int64", "shape": [3], "v": [1]},
    {"$": "DataFrame", "columns": {"dtype": "object", "name": None, "v": ["a"]},
     "index": {"range": [0, 5, 1], "name": None}, "data": [{"dtype": "int64", "v": [1]}]},
    {"$": "DataFrame", "columns": {"dtype": "object", "name": None, "v": ["a"]},
     "index": {"range": [0, 1, 1], "name": None}, "data": [{"dtype": "float64; import os", "v": [1]}]},
    {"$": "Series", "name": {"$": "dict", "v": {}}, "index": {"range": [0, 1, 1]}, "data": {"dtype": "int64", "v": [1]}},
    {"$": "float", "v": "1e999"}, {"$": "dict", "v": [1]}, {"$": "timestamp", "v": "x" * 1000},
    [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],
    10 ** 400, {"$": "marker", "reason": 5},
])
def test_damaged_values_become_markers(data):
    values, _files, _problems = decode({"version": 1, "values": {"x": data, "goed": 1}})
    assert isinstance(values["x"], NotPlainData) and values["goed"] == 1


def test_files_only_plain_names_and_text(tmp_path):
    (tmp_path / "h01_behoeften.json").write_text('{"a": 1}')
    (tmp_path / "binair.bin").write_bytes(b"\xff\xfe")
    (tmp_path / "link.json").symlink_to(tmp_path / "h01_behoeften.json")
    message = encode({}, [], files=["h01_behoeften.json", "binair.bin", "link.json", "../x", "weg.json"],
                     folder=str(tmp_path))
    assert message["files"] == {"h01_behoeften.json": '{"a": 1}'}
    _v, files, _p = decode({"version": 1, "values": {}, "files": {"../../etc/passwd": "x", "a/b": "x", "ok.json": "t",
                                                                  "n.json": 5}})
    assert files == {"ok.json": "t"}


def test_missing_names_are_left_out():
    values, _f, _p = decode(encode({"a": 1}, ["a", "b"]))
    assert values == {"a": 1}
