"""The answers of a submission as plain data: from the student's kernel to the test process.

Grading runs a student's cells in one process and the tests in another that never ran student code
(:mod:`smmkit.grading.twoproc`). In between travel only *values*, never objects: :func:`emit`, run in
the student's kernel in place of a test cell, publishes one display_data output (mimetype
:data:`MIMETYPE`) that holds each answer name's value as JSON; :func:`decode` rebuilds the values in
the test process.

Plain data is: None, bool, int, float (NaN and ±inf included), str, ``...``, list, tuple, dict with
text keys, numpy scalars and arrays of numbers/booleans/text, pandas DataFrame and Series (the
``split`` layout with the dtypes of columns and index). Never pickle. Anything else, and anything too
big or too deeply nested, travels as a *marker*: the test process binds a :class:`NotPlainData` whose
every use fails the item with a Dutch reason. Subclasses of str/int/float travel as the plain value
(an ``__eq__`` that says yes to everything stays behind in the student's kernel).

The student's kernel controls what :func:`emit` sends, so :func:`decode` trusts nothing: size, depth,
item counts, types and dtypes are checked; a bad message becomes markers, never an exception.
A student who tampers with the extraction can only change the values sent, which she could have typed.
"""
from __future__ import annotations

import json
import math
import os
from pathlib import PurePath

MIMETYPE = "application/vnd.smmkit.answers+json"
VERSION = 1
MAX_BYTES = 8_000_000        # one message (all names of one question, files included)
MAX_VALUE_BYTES = 4_000_000  # one value; a bigger one becomes a marker
MAX_FILE_BYTES = 2_000_000   # one saved-work file
MAX_DEPTH = 40               # nesting of lists/dicts
MAX_ITEMS = 500_000          # scalars in one value (cells of a table count one each)
MAX_NAMES = 200
TAG = "$"

# dtypes a table column, index or array may have (anything else: marker)
NUMERIC_KINDS = "biuf"
TABLE_DTYPES = {"int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float16", "float32",
                "float64", "bool", "object", "string", "category", "datetime64[ns]", "Int64", "Float64",
                "boolean", "Int32", "Float32", "str", "datetime64[s]", "datetime64[ms]", "datetime64[us]"}


class _TooBig(Exception):
    pass


class _NotPlain(Exception):
    pass


def _reason(kind: str, **fields) -> dict:
    return {TAG: "marker", "reason": kind, **fields}


# --------------------------------------------------------------------------- encoding (student kernel)
class _Encoder:
    def __init__(self):
        self.items = 0

    def count(self, n: int = 1):
        self.items += n
        if self.items > MAX_ITEMS:
            raise _TooBig

    def enc(self, value, depth: int = 0):
        if depth > MAX_DEPTH:
            raise _TooBig
        self.count()
        kind = type(value)  # type(), not isinstance: __class__ can lie
        if value is None or kind is bool:
            return value
        if value is Ellipsis:
            return {TAG: "ellipsis"}
        np = _numpy()
        if np is not None and isinstance(value, np.generic) and not isinstance(value, np.ndarray):
            return self.np_scalar(value, np)
        if issubclass(kind, bool):
            return bool(value)
        if issubclass(kind, int):
            number = int.__index__(value)
            if abs(number) > 10 ** 300:
                raise _TooBig
            return number
        if issubclass(kind, float):
            return _float(float.__float__(value))
        if issubclass(kind, str):
            return str.__str__(value)
        if kind is list or kind is tuple:
            items = [self.enc(v, depth + 1) for v in list.__iter__(value)] if kind is list \
                else [self.enc(v, depth + 1) for v in tuple.__iter__(value)]
            return items if kind is list else {TAG: "tuple", "v": items}
        if kind is dict:
            out = {}
            for key, item in dict.items(value):
                if type(key) is not str:
                    raise _NotPlain("key")
                out[key] = self.enc(item, depth + 1)
            return {TAG: "dict", "v": out}
        pd = _pandas()
        if pd is not None and kind is pd.DataFrame:
            return self.frame(value, depth, pd)
        if pd is not None and kind is pd.Series:
            return self.series(value, depth, pd)
        if pd is not None and kind is pd.Timestamp:
            return {TAG: "timestamp", "v": value.isoformat()}
        if pd is not None and value is pd.NaT:
            return {TAG: "nat"}
        if np is not None and kind is np.ndarray:
            return self.array(value, depth, np)
        raise _NotPlain(kind.__name__)

    def np_scalar(self, value, np):
        dtype = value.dtype
        if dtype.kind in NUMERIC_KINDS:
            item = value.item()
            return {TAG: "np", "dtype": dtype.name, "v": _float(item) if dtype.kind == "f" else item}
        if dtype.kind == "U":
            return str(value.item())
        if dtype.kind == "M":
            return {TAG: "timestamp", "v": str(np.datetime_as_string(value, unit="ns"))}
        raise _NotPlain(f"numpy {dtype}")

    def array(self, value, depth, np):
        if value.dtype.kind not in NUMERIC_KINDS + "U" or value.ndim > 4:
            raise _NotPlain(f"numpy array {value.dtype}")
        self.count(int(value.size))
        data = self.enc(value.tolist(), depth + 1)
        return {TAG: "ndarray", "dtype": value.dtype.str if value.dtype.kind == "U" else value.dtype.name,
                "shape": list(value.shape), "v": data}

    def index(self, index, depth, pd):
        if isinstance(index, pd.MultiIndex):
            return {"multi": True, "names": self.enc(list(index.names), depth + 1),
                    "v": self.enc([tuple(t) for t in index.tolist()], depth + 1)}
        dtype = str(index.dtype)
        if isinstance(index, pd.RangeIndex):
            return {"range": [index.start, index.stop, index.step], "name": self.enc(index.name, depth + 1)}
        if dtype not in TABLE_DTYPES:
            raise _NotPlain(f"index {dtype}")
        return {"dtype": dtype, "name": self.enc(index.name, depth + 1), "v": self.enc(index.tolist(), depth + 1)}

    def column(self, series, depth, pd):
        dtype = str(series.dtype)
        if dtype not in TABLE_DTYPES:
            raise _NotPlain(f"dtype {dtype}")
        self.count(len(series))
        info = {"dtype": dtype}
        if dtype == "category":
            info["categories"] = self.enc(list(series.cat.categories), depth + 1)
            info["ordered"] = bool(series.cat.ordered)
            values = [None if pd.isna(v) else v for v in series.astype(object).tolist()]
        elif series.dtype.kind in "bif" and dtype in {"Int64", "Float64", "boolean", "Int32", "Float32"}:
            values = [None if pd.isna(v) else v for v in series.astype(object).tolist()]
        else:
            values = series.tolist()
        info["v"] = self.enc(values, depth + 1)
        return info

    def frame(self, frame, depth, pd):
        if frame.shape[0] * max(1, frame.shape[1]) > MAX_ITEMS:
            raise _TooBig
        columns = self.index(frame.columns, depth, pd)
        data = [self.column(frame.iloc[:, i], depth, pd) for i in range(frame.shape[1])]
        return {TAG: "DataFrame", "columns": columns, "index": self.index(frame.index, depth, pd), "data": data}

    def series(self, series, depth, pd):
        if len(series) > MAX_ITEMS:
            raise _TooBig
        return {TAG: "Series", "name": self.enc(series.name, depth + 1), "index": self.index(series.index, depth, pd),
                "data": self.column(series, depth, pd)}


def _float(number: float):
    if math.isnan(number):
        return {TAG: "float", "v": "nan"}
    if math.isinf(number):
        return {TAG: "float", "v": "inf" if number > 0 else "-inf"}
    return number


def _numpy():
    import sys

    return sys.modules.get("numpy")  # a value can only be a numpy object if numpy is loaded


def _pandas():
    import sys

    return sys.modules.get("pandas")


def encode_value(value) -> dict | object:
    """The JSON-ready form of one value; a marker (a dict with ``$: marker``) if it is not plain data."""
    try:
        encoded = _Encoder().enc(value)
    except _TooBig:
        return _reason("too_big")
    except RecursionError:
        return _reason("too_big")
    except _NotPlain as exc:
        return _reason("not_plain", type=str(exc)[:80])
    except Exception as exc:  # a hostile or broken object: it is not plain data
        return _reason("not_plain", type=type(value).__name__[:80], error=type(exc).__name__[:80])
    try:
        size = len(json.dumps(encoded, allow_nan=False))
    except (ValueError, TypeError, RecursionError):
        return _reason("not_plain", type=type(value).__name__[:80])
    if size > MAX_VALUE_BYTES:
        return _reason("too_big")
    return encoded


def encode(namespace: dict, names, files=(), folder=".") -> dict:
    """The message for ``names`` looked up in ``namespace`` (a missing name is left out) and ``files``
    read from ``folder`` (a missing or unreadable file is left out)."""
    values = {}
    for name in list(names)[:MAX_NAMES]:
        if name in namespace:
            values[name] = encode_value(namespace[name])
    saved = {}
    for name in files:
        if not _plain_file_name(name):
            continue
        path = os.path.join(folder, name)
        try:
            if os.path.islink(path) or not os.path.isfile(path) or os.path.getsize(path) > MAX_FILE_BYTES:
                continue
            with open(path, "rb") as handle:
                saved[name] = handle.read(MAX_FILE_BYTES).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    message = {"version": VERSION, "values": values, "files": saved}
    if len(json.dumps(message)) > MAX_BYTES:  # whole message too big: every value a marker, no files
        message = {"version": VERSION, "values": {n: _reason("too_big") for n in values}, "files": {}}
    return message


def emit(names, files=()) -> None:
    """Run in the student's kernel: publish the values of ``names`` (and the saved-work ``files``) as one
    display_data output. Looks the names up in IPython's user namespace."""
    from IPython import get_ipython
    from IPython.display import publish_display_data

    shell = get_ipython()
    namespace = shell.user_ns if shell is not None else {}
    publish_display_data({MIMETYPE: encode(namespace, names, files)})


def _plain_file_name(name) -> bool:
    return (isinstance(name, str) and 0 < len(name) <= 200 and PurePath(name).name == name
            and name not in (".", "..") and "\0" not in name and "/" not in name and "\\" not in name)


_DECODING = ("NotPlainData", "NotPlainDataError", "decode", "marker_text")


def __getattr__(name):
    """The decoding side (the test process) lives in :mod:`smmkit.grading.answers_decode`; loaded only when
    asked for, so the student's kernel, which only encodes, never imports it."""
    if name in _DECODING:
        from smmkit.grading import answers_decode

        return getattr(answers_decode, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
