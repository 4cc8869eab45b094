"""Small checks shared by the models in this folder: numbers, percentages and names.

Each check returns the cleaned value or raises :class:`SmmkitError` with a Dutch message that
names the field, says what was given and what is allowed.
"""
from __future__ import annotations

import functools
import inspect
import logging
import math
import re
from typing import Callable, NamedTuple

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg


def number(value, field: str, *, minimum: float | None = None, maximum: float | None = None,
           positive: bool = False) -> float:
    """``value`` as a float; Dutch text ('2,5', '1.250', '€ 1.250,75') is read by :func:`parse_dutch`
    (a dot between thousands, a comma before decimals; '3.5' is a question, not 3.5)."""
    if isinstance(value, bool):
        raise SmmkitError(msg("modelinput.not_a_number", field=field, value=value))
    if isinstance(value, str):
        value = parse_dutch(value, field)
    try:
        result = float(value)
    except (TypeError, ValueError):
        raise SmmkitError(msg("modelinput.not_a_number", field=field, value=shorten(repr(value)))) from None
    except OverflowError:   # 10**400: an int too large for a float
        raise SmmkitError(msg("modelinput.too_large_number", field=field)) from None
    if math.isnan(result) or math.isinf(result):
        raise SmmkitError(msg("modelinput.not_a_number", field=field, value=value))
    if positive and result <= 0:
        raise SmmkitError(msg("modelinput.not_positive", field=field, value=_fmt(result)))
    if minimum is not None and result < minimum:
        raise SmmkitError(msg("modelinput.too_small", field=field, value=_fmt(result), minimum=_fmt(minimum)))
    if maximum is not None and result > maximum:
        raise SmmkitError(msg("modelinput.too_large", field=field, value=_fmt(result), maximum=_fmt(maximum)))
    return result


def parse_dutch(text: str, field: str) -> float:
    """A number typed as a Dutch reader writes it: comma for decimals, dot for thousands ('300,50',
    '1.500', '1.500,75', '€ 2.000', '15 %'). Read with Babel's ``parse_decimal`` for ``nl_NL`` in strict
    mode, the standard library for locale-aware numbers; what could mean two things ('3.5', '1.50')
    is never guessed: the learner gets a Dutch question with both readings."""
    from babel.numbers import NumberFormatError, parse_decimal

    cleaned = text.strip().replace("€", "").replace("%", "").replace("\u00a0", " ").strip()
    cleaned = re.sub(r"(?<=\d) (?=\d{3}\b)", ".", cleaned)  # 1 500 (a space between thousands)
    if not cleaned:
        raise SmmkitError(msg("modelinput.not_a_number", field=field, value=repr(text)))
    try:
        return float(parse_decimal(cleaned, locale="nl_NL", strict=True))
    except NumberFormatError as exc:
        options = [s for s in (exc.suggestions or []) if s]
        if len(options) >= 2:
            raise SmmkitError(msg("modelinput.ambiguous_number", field=field, value=shorten(text),
                                  first=options[0], second=options[1])) from None
        raise SmmkitError(msg("modelinput.not_a_number", field=field, value=shorten(repr(text)))) from None
    except (ValueError, ArithmeticError):
        raise SmmkitError(msg("modelinput.not_a_number", field=field, value=shorten(repr(text)))) from None


def percentage(value, field: str) -> float:
    """A percentage between 0 and 100 (not a fraction)."""
    result = number(value, field, minimum=0)
    if result > 100:
        raise SmmkitError(msg("modelinput.not_a_percentage", field=field, value=_fmt(result)))
    return result


def one_of(value, valid, field: str) -> str:
    """``value`` (case-insensitive, surrounding spaces ignored) as one of ``valid``."""
    text = str(value).strip().lower()
    for option in valid:
        if text == str(option).lower():
            return option
    raise SmmkitError(msg("modelinput.unknown_choice", field=field, value=shorten(str(value).strip()),
                          valid=choices(valid)))


def text(value, field: str) -> str:
    """Non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise SmmkitError(msg("modelinput.empty_text", field=field))
    return value.strip()


class ScoreMessages(NamedTuple):
    """The message keys a model uses for :func:`scores`, one text per kind of mistake.

    ``item`` is the field name the model's texts use for one key (``block``); the text for missing
    keys uses its plural with an ``s`` (``blocks``).
    """

    not_a_dict: str     # fields: {kind}
    unknown: str        # fields: {<item>}, {valid}
    missing: str        # fields: {<item>s}
    item: str


def scores(value, keys, label: Callable[[str], str], scale: tuple[float, float],
           messages: ScoreMessages) -> dict[str, float]:
    """A dict with one score on ``scale`` (min, max) for each of ``keys``, as numbers in key order.

    Refuses something that is not a dict, a key not in ``keys`` (the first one found), missing keys
    (all named, by ``label``) and scores that are no number or fall outside the scale.
    """
    if not isinstance(value, dict):
        raise SmmkitError(msg(messages.not_a_dict, kind=type(value).__name__))
    unknown = [k for k in value if k not in keys]
    if unknown:
        raise SmmkitError(msg(messages.unknown, **{messages.item: unknown[0], "valid": choices(keys)}))
    missing = [k for k in keys if k not in value]
    if missing:
        raise SmmkitError(msg(messages.missing, **{messages.item + "s": ", ".join(label(k) for k in missing)}))
    return {k: number(value[k], label(k), minimum=scale[0], maximum=scale[1]) for k in keys}


def _fmt(value: float) -> str:
    return fmt(value)


def fmt(value: float, decimals: int = 2) -> str:
    """A number the Dutch way: '1.234,5' (thousands dot, decimal comma, no trailing zeros)."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    body = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return body.replace(",", "_").replace(".", ",").replace("_", ".")


def money(value: float) -> str:
    """An amount in euros the Dutch way, always two decimals: '1.234,50'."""
    body = f"{value:,.2f}"
    return body.replace(",", "_").replace(".", ",").replace("_", ".")


# ---------------------------------------------------------------------------------------------
# The last line of defence: a model function never shows a learner a raw traceback.
_RAW = (TypeError, ValueError, AttributeError, KeyError, IndexError, LookupError, OverflowError,
        ZeroDivisionError, RecursionError, MemoryError)
_KINDS = ((type(None), "modelinput.kind.none"), (bool, "modelinput.kind.bool"), (int, "modelinput.kind.number"),
          (float, "modelinput.kind.number"), (str, "modelinput.kind.text"), (dict, "modelinput.kind.dict"),
          (list, "modelinput.kind.list"), (tuple, "modelinput.kind.list"), (set, "modelinput.kind.list"))
log = logging.getLogger("smmkit.models")


def shorten(text: str, limit: int = 80) -> str:
    """``text`` for a message: at most ``limit`` characters, then "…" (a learner may paste a whole page)."""
    return text if len(text) <= limit else text[:limit] + "…"


def _kind(value) -> str:
    for cls, key in _KINDS:
        if isinstance(value, cls):
            return msg(key)
    return type(value).__name__


def labelled_items(rows, item_type, *, names, normalise, keys, optional: int = 0) -> list:
    """Validate a list of labelled items (a text, a label, then ``optional`` extra texts), as fourc's
    activities and lcss's content items are: pairs/tuples, dicts with the Dutch ``names`` as keys, or
    ``item_type`` objects. ``normalise`` checks the label; ``keys`` names the message keys for
    not_a_list, bad_item, empty (no text), in_row (a bad label, with text/title and error) and none.
    """
    import dataclasses
    from collections.abc import Mapping

    if isinstance(rows, (str, bytes, Mapping)):
        raise SmmkitError(msg(keys["not_a_list"], kind=type(rows).__name__))
    width = len(names)
    required = width - optional
    result = []
    for number, row in enumerate(rows, start=1):
        if isinstance(row, item_type):
            values = list(dataclasses.astuple(row))
        elif isinstance(row, Mapping):
            values = [row.get(name, "" if i >= required else None) for i, name in enumerate(names)]
        elif isinstance(row, (tuple, list)) and required <= len(row) <= width:
            values = [*row, *[""] * (width - len(row))]
        else:
            raise SmmkitError(msg(keys["bad_item"], number=number, item=repr(row)))
        text = "" if values[0] is None else str(values[0]).strip()
        if not text:
            raise SmmkitError(msg(keys["empty"], number=number))
        try:
            label = normalise(values[1])
        except SmmkitError as exc:
            raise SmmkitError(msg(keys["in_row"], number=number, text=text, title=text, error=str(exc))) from None
        result.append(item_type(text, label, *("" if v is None else str(v).strip() for v in values[2:])))
    if not result:
        raise SmmkitError(msg(keys["none"]))
    return result


def guard_public(namespace: dict) -> None:
    """Wrap every public function of a model module (call at its end with ``globals()``).

    The model's own checks give specific Dutch messages; input they did not foresee (None where a
    list belongs, a number where a dict belongs, 10**400, nesting) would end in a raw TypeError,
    KeyError … . The wrapper turns exactly those into a Dutch ``SmmkitError`` that names the
    function and what was passed, and logs the original for the developers (``smmkit.models``).
    """
    module = namespace["__name__"]
    for name, value in list(namespace.items()):
        if (not name.startswith("_") and inspect.isfunction(value) and value.__module__ == module
                and not getattr(value, "_smmkit_guarded", False)):
            namespace[name] = _guarded(value, f"{module.rsplit('.', 1)[-1]}.{name}")


def _guarded(function, label: str):
    @functools.wraps(function)
    def guarded(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except SmmkitError:
            raise
        except _RAW:
            log.debug("%s raised on unexpected input", label, exc_info=True)
            given = ", ".join([_kind(a) for a in args] + [f"{k}={_kind(v)}" for k, v in kwargs.items()])
            raise SmmkitError(msg("modelinput.cannot_use", function=label, given=given or "-")) from None

    guarded._smmkit_guarded = True
    return guarded
