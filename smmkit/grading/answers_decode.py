"""The test process's side of :mod:`smmkit.grading.answers`: plain data back into values, trusting nothing.

:func:`decode` rebuilds the values of one message of :func:`smmkit.grading.answers.emit`. The student's
kernel wrote that message, so size, depth, item counts, types and dtypes are all checked here; a value
that was no plain data (or arrives damaged) becomes a :class:`NotPlainData` whose every use fails the item
with a Dutch reason, and a message that cannot be read gives one problem, never an exception.
"""
from __future__ import annotations

import json
import math

from smmkit.grading.answers import (MAX_BYTES, MAX_DEPTH, MAX_FILE_BYTES, MAX_ITEMS, MAX_NAMES, TABLE_DTYPES, TAG,
                                    VERSION, _plain_file_name)


class NotPlainDataError(AssertionError):
    """An answer that did not arrive as plain data: the item fails with this Dutch reason."""


class NotPlainData:
    """Stands in for an answer that is no plain data: every use raises :class:`NotPlainDataError`."""

    __slots__ = ("_name", "_text")

    def __init__(self, name: str, text: str):
        object.__setattr__(self, "_name", name)
        object.__setattr__(self, "_text", text)

    def _fail(self, *args, **kwargs):
        raise NotPlainDataError(object.__getattribute__(self, "_text"))

    def __getattr__(self, _attr):
        self._fail()

    def __repr__(self):
        return f"<{object.__getattribute__(self, '_name')}: {object.__getattribute__(self, '_text')}>"

    __setattr__ = __delattr__ = __call__ = __getitem__ = __setitem__ = __iter__ = __len__ = _fail
    __bool__ = __str__ = __format__ = __float__ = __int__ = __index__ = __hash__ = __contains__ = _fail
    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _fail
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = __truediv__ = __rtruediv__ = _fail
    __abs__ = __neg__ = __round__ = __floordiv__ = __mod__ = __pow__ = _fail


def marker_text(name: str, marker: dict) -> str:
    from smmkit.messages import msg

    reason = marker.get("reason") if isinstance(marker, dict) else None
    if reason == "too_big":
        return msg("answers.too_big", name=name)
    if reason == "not_plain":
        kind = marker.get("type") if isinstance(marker.get("type"), str) else "?"
        return msg("answers.not_plain", name=name, type=kind[:80])
    return msg("answers.invalid", name=name)


class _Bad(Exception):
    pass


class _Decoder:
    def __init__(self):
        self.items = 0

    def count(self, n: int = 1):
        self.items += n
        if self.items > MAX_ITEMS:
            raise _Bad("too many items")

    def dec(self, data, depth: int = 0):
        if depth > MAX_DEPTH:
            raise _Bad("too deep")
        self.count()
        kind = type(data)
        if data is None or kind in (bool, str):
            return data
        if kind is int:
            if abs(data) > 10 ** 300:
                raise _Bad("int")
            return data
        if kind is float:
            if not math.isfinite(data):
                raise _Bad("float")
            return data
        if kind is list:
            return [self.dec(v, depth + 1) for v in data]
        if kind is not dict:
            raise _Bad(kind.__name__)
        tag = data.get(TAG)
        if tag == "dict" and type(data.get("v")) is dict:
            return {k: self.dec(v, depth + 1) for k, v in data["v"].items()}
        if tag == "tuple" and type(data.get("v")) is list:
            return tuple(self.dec(v, depth + 1) for v in data["v"])
        if tag == "float" and data.get("v") in ("nan", "inf", "-inf"):
            return float(data["v"])
        if tag == "ellipsis":
            return Ellipsis
        if tag == "nat":
            import pandas as pd

            return pd.NaT
        if tag == "np":
            return self.np_scalar(data)
        if tag == "timestamp" and type(data.get("v")) is str and len(data["v"]) < 64:
            import pandas as pd

            return pd.Timestamp(data["v"])
        if tag == "ndarray":
            return self.array(data, depth)
        if tag == "DataFrame":
            return self.frame(data, depth)
        if tag == "Series":
            return self.series(data, depth)
        raise _Bad(f"tag {str(tag)[:20]}")

    def np_scalar(self, data):
        import numpy as np

        dtype = data.get("dtype")
        if type(dtype) is not str or dtype not in TABLE_DTYPES or dtype in ("object", "string", "category", "str") \
                or not dtype.islower() or "[" in dtype:
            raise _Bad("np dtype")
        value = data.get("v")
        if type(value) is dict:
            value = self.dec(value)
        if type(value) not in (int, float, bool):
            raise _Bad("np value")
        try:
            return np.dtype(dtype).type(value)
        except (OverflowError, ValueError, TypeError):
            raise _Bad("np value") from None

    def array(self, data, depth):
        import numpy as np

        dtype, shape = data.get("dtype"), data.get("shape")
        if type(dtype) is not str or not (dtype in TABLE_DTYPES and dtype.islower() and dtype not in
                                          ("object", "string", "category", "str") and "[" not in dtype
                                          or (dtype[:2] in ("<U", ">U") and dtype[2:].isdigit()
                                              and int(dtype[2:]) <= 10_000)):
            raise _Bad("array dtype")
        if type(shape) is not list or len(shape) > 4 or not all(type(n) is int and 0 <= n <= MAX_ITEMS for n in shape):
            raise _Bad("array shape")
        values = self.dec(data.get("v"), depth + 1)
        try:
            array = np.array(values, dtype=dtype)
        except (ValueError, TypeError, OverflowError):
            raise _Bad("array values") from None
        if list(array.shape) != shape:
            raise _Bad("array shape")
        return array

    def index(self, data, depth, length=None):
        import pandas as pd

        if type(data) is not dict:
            raise _Bad("index")
        if "range" in data:
            bounds = data["range"]
            if type(bounds) is not list or len(bounds) != 3 or not all(type(n) is int for n in bounds) or bounds[2] == 0:
                raise _Bad("range")
            index = pd.RangeIndex(*bounds, name=self.label(data.get("name"), depth))
        elif data.get("multi") is True:
            names = self.dec(data.get("names"), depth + 1)
            values = self.dec(data.get("v"), depth + 1)
            if type(names) is not list or type(values) is not list or not all(type(t) is tuple for t in values):
                raise _Bad("multiindex")
            if not values:
                raise _Bad("multiindex")
            index = pd.MultiIndex.from_tuples(values, names=[self.label(n, depth) for n in names])
        else:
            values = self.dec(data.get("v"), depth + 1)
            if type(values) is not list:
                raise _Bad("index values")
            index = pd.Index(values, dtype=self.dtype(data.get("dtype")), name=self.label(data.get("name"), depth))
        if length is not None and len(index) != length:
            raise _Bad("index length")
        return index

    @staticmethod
    def label(name, depth):
        if name is None or type(name) in (str, int, float, bool):
            return name
        raise _Bad("label")

    @staticmethod
    def dtype(dtype):
        if type(dtype) is not str or dtype not in TABLE_DTYPES:
            raise _Bad("dtype")
        return dtype

    def column(self, data, depth):
        import pandas as pd

        if type(data) is not dict:
            raise _Bad("column")
        dtype = self.dtype(data.get("dtype"))
        values = self.dec(data.get("v"), depth + 1)
        if type(values) is not list:
            raise _Bad("column values")
        if dtype == "category":
            categories = self.dec(data.get("categories"), depth + 1)
            if type(categories) is not list:
                raise _Bad("categories")
            return pd.Categorical(values, categories=categories, ordered=data.get("ordered") is True)
        if dtype.startswith("datetime64"):
            return pd.to_datetime(pd.Series(values, dtype=object)).astype(dtype).array
        return pd.array(values, dtype=dtype) if dtype in ("Int64", "Float64", "boolean", "Int32", "Float32",
                                                            "string", "str") else _typed(values, dtype)

    def frame(self, data, depth):
        import pandas as pd

        columns = self.index(data.get("columns"), depth)
        raw = data.get("data")
        if type(raw) is not list or len(raw) != len(columns):
            raise _Bad("frame columns")
        arrays = [self.column(c, depth) for c in raw]
        length = len(arrays[0]) if arrays else None
        if any(len(a) != length for a in arrays):
            raise _Bad("frame rows")
        index = self.index(data.get("index"), depth, length)
        frame = pd.DataFrame({i: a for i, a in enumerate(arrays)}, index=index) if arrays \
            else pd.DataFrame(index=index)
        frame.columns = columns
        return frame

    def series(self, data, depth):
        import pandas as pd

        values = self.column(data.get("data"), depth)
        index = self.index(data.get("index"), depth, len(values))
        return pd.Series(values, index=index, name=self.label(self.dec(data.get("name"), depth + 1), depth))


def _typed(values, dtype):
    import numpy as np

    if dtype == "object":
        array = np.empty(len(values), dtype=object)
        array[:] = values if values else []
        return array
    try:
        return np.array(values, dtype=dtype)
    except (ValueError, TypeError, OverflowError):
        raise _Bad("column values") from None


def decode(message) -> tuple[dict, dict, list[str]]:
    """(values, files, problems) from a message of :func:`emit` (a dict, or its JSON text).

    A value that was no plain data, or that arrives damaged, becomes a :class:`NotPlainData`; a
    message that cannot be read at all gives no values and one problem (Dutch)."""
    from smmkit.messages import msg

    if isinstance(message, (str, bytes)):
        if len(message) > MAX_BYTES:
            return {}, {}, [msg("answers.message_too_big")]
        try:
            message = json.loads(message)
        except (ValueError, RecursionError):
            return {}, {}, [msg("answers.message_invalid")]
    if type(message) is not dict or message.get("version") != VERSION or type(message.get("values")) is not dict:
        return {}, {}, [msg("answers.message_invalid")]
    values, problems = {}, []
    for name, data in list(message["values"].items())[:MAX_NAMES]:
        if type(name) is not str or not name.isidentifier():
            continue
        if type(data) is dict and data.get(TAG) == "marker":
            values[name] = NotPlainData(name, marker_text(name, data))
            continue
        try:
            values[name] = _Decoder().dec(data)
        except (_Bad, RecursionError, ValueError, TypeError, OverflowError, KeyError, AttributeError):
            values[name] = NotPlainData(name, marker_text(name, {}))
    files = {}
    raw_files = message.get("files")
    for name, text in (raw_files.items() if type(raw_files) is dict else ()):
        if _plain_file_name(name) and type(text) is str and len(text) <= MAX_FILE_BYTES:
            files[name] = text
    return values, files, problems
