"""Reputation temple: score the drivers of a reputation and find the weakest pillar.

The temple follows the reputation research that grew out of Fombrun & Shanley (1990) and the
Reputation Institute's RepTrak (Fombrun & Van Riel): seven pillars carry the roof (the overall
feeling of trust and esteem), and the temple stands on a foundation of identity, behaviour and
communication (Fombrun's "reputation = performance + behaviour + communication"). Chapter 6 of
the book may draw the temple slightly differently; the drivers here are the ones the research
names and are easy to rename in a lesson.

A learner scores each driver 1 (weak) to 5 (strong) for an organisation, e.g. as residents see it.

    >>> r = score({**{p: 4 for p in PILLARS}, "workplace": 2, **{f: 4 for f in FOUNDATIONS}})
    >>> r.weakest_pillars
    ('workplace',)
"""
from __future__ import annotations

from dataclasses import dataclass

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.models._input import fmt, number

PILLARS = ("products", "innovation", "workplace", "governance", "citizenship", "leadership", "performance")
FOUNDATIONS = ("identity", "behaviour", "communication")
DRIVERS = PILLARS + FOUNDATIONS
SCALE = (1, 5)

EXAMPLE = {  # a municipality as residents might see it (invented for the lesson)
    "products": 4, "innovation": 3, "workplace": 3, "governance": 4, "citizenship": 4,
    "leadership": 2, "performance": 3, "identity": 3, "behaviour": 4, "communication": 2,
}


def label(driver: str) -> str:
    return msg(f"reputation.driver.{driver}")


@dataclass(frozen=True)
class Temple:
    scores: dict
    pillar_mean: float
    foundation_mean: float
    overall: float              # mean of all ten drivers
    weakest_pillars: tuple
    strongest_pillars: tuple
    weakest_foundation: tuple
    advice: str

    def rows(self) -> list[dict]:
        return [{"onderdeel": msg("reputation.part.pillar") if d in PILLARS else msg("reputation.part.foundation"),
                 "driver": label(d), "score": self.scores[d]} for d in DRIVERS]


def validate(scores) -> dict[str, float]:
    if not isinstance(scores, dict):
        raise SmmkitError(msg("reputation.not_a_dict", kind=type(scores).__name__))
    unknown = [k for k in scores if k not in DRIVERS]
    if unknown:
        raise SmmkitError(msg("reputation.unknown_driver", driver=unknown[0], valid=choices(DRIVERS)))
    missing = [d for d in DRIVERS if d not in scores]
    if missing:
        raise SmmkitError(msg("reputation.missing", drivers=", ".join(label(d) for d in missing)))
    return {d: number(scores[d], label(d), minimum=SCALE[0], maximum=SCALE[1]) for d in DRIVERS}


def score(scores) -> Temple:
    """Averages, the weakest and strongest pillars, the weakest foundation, and advice."""
    s = validate(scores)
    pillars = {p: s[p] for p in PILLARS}
    foundation = {f: s[f] for f in FOUNDATIONS}
    p_mean = sum(pillars.values()) / len(pillars)
    f_mean = sum(foundation.values()) / len(foundation)
    overall = sum(s.values()) / len(s)
    low, high = min(pillars.values()), max(pillars.values())
    weakest = tuple(p for p in PILLARS if pillars[p] == low)
    strongest = tuple(p for p in PILLARS if pillars[p] == high)
    f_low = min(foundation.values())
    weakest_f = tuple(f for f in FOUNDATIONS if foundation[f] == f_low)
    return Temple(s, p_mean, f_mean, overall, weakest, strongest, weakest_f,
                  _advice(s, p_mean, f_mean, weakest, strongest, weakest_f, low, high))


def _advice(s, p_mean, f_mean, weakest, strongest, weakest_f, low, high) -> str:
    names = ", ".join(label(p) for p in weakest)
    if low == high:
        lines = [msg("reputation.advice.even", score=fmt(low))]
    else:
        lines = [msg("reputation.advice.weakest", pillars=names, score=fmt(low)),
                 msg("reputation.advice.strongest", pillars=", ".join(label(p) for p in strongest), score=fmt(high))]
    lines.append(msg("reputation.advice.foundation", foundation=", ".join(label(f) for f in weakest_f),
                     score=fmt(s[weakest_f[0]])))
    if f_mean < p_mean - 0.5:
        lines.append(msg("reputation.advice.shaky", f_mean=fmt(round(f_mean, 1)), p_mean=fmt(round(p_mean, 1))))
    if s["communication"] - s["behaviour"] >= 2:
        lines.append(msg("reputation.advice.talk_more_than_do"))
    if low <= 2:
        lines.append(msg("reputation.advice.social", pillar=label(weakest[0])))
    return "\n".join(lines)
