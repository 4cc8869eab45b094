"""KPI calculator: the measures of chapter 4, each with its formula and a one-line explanation.

ROI follows the definition in the municipal survey (Kok et al. 2012, chapter by R. Mans):
ROI = (extra revenue - investment) / investment, a ratio; the kit also shows it as a percentage.
IPM is interactions per 1,000 fans (the Conversocial measure named in the same source).

    >>> calculate("ctr", clicks=30, impressions=2000).value
    1.5
    >>> calculate("roi", extra_revenue=1500, investment=1000).value
    0.5
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import mean, median

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.models._input import fmt, money, number


@dataclass(frozen=True)
class KPI:
    key: str
    inputs: tuple        # names of the inputs, in order
    unit: str            # '%', '€', 'per 1.000', 'min', '' ...
    compute: object      # function of the inputs

    @property
    def label(self) -> str:
        return msg(f"kpi.{self.key}.label")

    @property
    def formula(self) -> str:
        return msg(f"kpi.{self.key}.formula")

    @property
    def explanation(self) -> str:
        return msg(f"kpi.{self.key}.explain")


def input_label(name: str) -> str:
    return msg(f"kpi.input.{name}")


def _divide(top: float, bottom: float, kpi: str, field: str) -> float:
    if bottom == 0:
        raise SmmkitError(msg("kpi.zero", kpi=msg(f"kpi.{kpi}.label"), field=input_label(field)))
    return top / bottom


def _not_more(part: float, whole: float, part_name: str, whole_name: str) -> None:
    if part > whole:
        raise SmmkitError(msg("kpi.part_exceeds", part=input_label(part_name), whole=input_label(whole_name),
                              part_value=fmt(part), whole_value=fmt(whole)))


def _ctr(clicks, impressions):
    _not_more(clicks, impressions, "clicks", "impressions")
    return _divide(clicks, impressions, "ctr", "impressions") * 100


def _conversion(conversions, visitors):
    _not_more(conversions, visitors, "conversions", "visitors")
    return _divide(conversions, visitors, "conversion_rate", "visitors") * 100


def _nps(promoters, passives, detractors):
    total = promoters + passives + detractors
    return _divide(promoters - detractors, total, "nps", "respondents") * 100


def _reach(reach, audience):
    _not_more(reach, audience, "reach", "audience")
    return _divide(reach, audience, "reach", "audience") * 100


KPIS: dict[str, KPI] = {k.key: k for k in (
    KPI("engagement_rate", ("interactions", "reach"), "%",
        lambda interactions, reach: _divide(interactions, reach, "engagement_rate", "reach") * 100),
    KPI("ipm", ("interactions", "fans"), "per 1.000 fans",
        lambda interactions, fans: _divide(interactions, fans, "ipm", "fans") * 1000),
    KPI("reach", ("reach", "audience"), "%", _reach),
    KPI("ctr", ("clicks", "impressions"), "%", _ctr),
    KPI("cpc", ("cost", "clicks"), "€", lambda cost, clicks: _divide(cost, clicks, "cpc", "clicks")),
    KPI("cpm", ("cost", "impressions"), "€",
        lambda cost, impressions: _divide(cost, impressions, "cpm", "impressions") * 1000),
    KPI("conversion_rate", ("conversions", "visitors"), "%", _conversion),
    KPI("roi", ("extra_revenue", "investment"), "",
        lambda extra_revenue, investment: _divide(extra_revenue - investment, investment, "roi", "investment")),
    KPI("nps", ("promoters", "passives", "detractors"), "", _nps),
    KPI("relative_change", ("old", "new"), "%",
        lambda old, new: _divide(new - old, old, "relative_change", "old") * 100),
    KPI("response_time", ("total_minutes", "messages"), "min",
        lambda total_minutes, messages: _divide(total_minutes, messages, "response_time", "messages")),
)}

# inputs that may be negative (everything else is a count or an amount and must be >= 0)
SIGNED = {"old", "new"}


@dataclass(frozen=True)
class KPIResult:
    key: str
    label: str
    inputs: dict
    value: float
    unit: str
    formula: str
    explanation: str
    text: str           # the value in a plain Dutch sentence

    def row(self) -> dict:
        return {"kpi": self.label, **{input_label(k): v for k, v in self.inputs.items()},
                "waarde": round(self.value, 4), "eenheid": self.unit, "formule": self.formula}


def get(key: str) -> KPI:
    kpi = KPIS.get(str(key).strip().lower())
    if kpi is None:
        raise SmmkitError(msg("kpi.unknown", key=key, valid=choices(KPIS)))
    return kpi


def calculate(key: str, **values) -> KPIResult:
    """Compute one KPI from named inputs (numbers or Dutch-style text like '2,5')."""
    kpi = get(key)
    unknown = [k for k in values if k not in kpi.inputs]
    missing = [k for k in kpi.inputs if k not in values]
    if unknown or missing:
        raise SmmkitError(msg("kpi.wrong_inputs", kpi=kpi.label,
                              expected=", ".join(kpi.inputs), given=", ".join(values) or "-"))
    clean = {k: number(values[k], input_label(k), minimum=None if k in SIGNED else 0) for k in kpi.inputs}
    value = kpi.compute(**clean)
    return KPIResult(kpi.key, kpi.label, clean, value, kpi.unit, kpi.formula, kpi.explanation,
                     describe(kpi.key, value))


def describe(key: str, value: float) -> str:
    """The value of a KPI in one Dutch sentence."""
    kpi = get(key)
    if kpi.key == "roi":
        key = "kpi.roi.result_loss" if value < 0 else "kpi.roi.result"
        return msg(key, value=fmt(round(value, 3)), percent=fmt(round(abs(value) * 100, 1)))
    if kpi.key == "relative_change":
        word = msg("kpi.up") if value > 0 else msg("kpi.down") if value < 0 else msg("kpi.same")
        return msg("kpi.relative_change.result", value=fmt(round(abs(value), 1)), word=word)
    if kpi.unit == "€":
        return msg(f"kpi.{kpi.key}.result", value=money(value))
    return msg(f"kpi.{kpi.key}.result", value=fmt(round(value, 1)))


def nps_from_scores(scores) -> float:
    """NPS from answers on the 0-10 scale: % promoters (9-10) minus % detractors (0-6)."""
    values = [number(s, msg("kpi.input.score"), minimum=0, maximum=10) for s in scores]
    if not values:
        raise SmmkitError(msg("kpi.no_scores"))
    promoters = sum(1 for v in values if v >= 9)
    detractors = sum(1 for v in values if v <= 6)
    return (promoters - detractors) / len(values) * 100


@dataclass(frozen=True)
class ResponseTimes:
    mean: float
    median: float
    within_target: float   # percentage answered within the target
    target: float


def response_times(minutes, target: float = 60) -> ResponseTimes:
    """Mean and median response time and the share answered within ``target`` minutes."""
    values = [number(m, msg("kpi.input.total_minutes"), minimum=0) for m in minutes]
    target = number(target, msg("kpi.input.target"), positive=True)
    if not values:
        raise SmmkitError(msg("kpi.no_times"))
    within = sum(1 for v in values if v <= target) / len(values) * 100
    return ResponseTimes(mean(values), median(values), within, target)


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
