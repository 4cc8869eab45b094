"""Reputation temple (Elving in Kok 2012, after Fombrun & Shanley 1990): six pillars on three foundations.

The temple as Elving describes it in Kok e.a. (2012), who attributes it to Fombrun & Shanley (1990); cite it as
"Elving (in Kok, 2012)". Caveat (told to learners in chapter 6): the six pillars match the dimensions of the
later Reputation Quotient (Fombrun, Gardberg & Sever, 2000) rather than anything drawn in the 1990 article. Six pillars
carry a reputation: leadership and vision, emotional appeal, working conditions, social
involvement, (the appeal of) products and/or services, and financial performance. They stand on
three foundations: credibility, trust and honesty. An organisation gets the pillars across best
with its corporate story: why it exists, what it stands for, why it decides as it does.
The Reputation Institute's RepTrak is a later variant with other drivers; the kit follows the source.

A learner scores each driver 1 (weak) to 5 (strong) for an organisation, e.g. as residents see it.

    >>> r = score({**{p: 4 for p in PILLARS}, "workplace": 2, **{f: 4 for f in FOUNDATIONS}})
    >>> r.weakest_pillars
    ('workplace',)
"""
from __future__ import annotations

from dataclasses import dataclass

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models import _input
from smmkit.models._input import fmt

PILLARS = ("leadership", "emotional_appeal", "workplace", "citizenship", "products", "financial")
FOUNDATIONS = ("credibility", "trust", "honesty")
DRIVERS = PILLARS + FOUNDATIONS
SCALE = (1, 5)

# Drivers of the earlier RepTrak-style temple of the kit: files saved with them get a clear message.
_OLD_DRIVERS = ("innovation", "governance", "performance", "identity", "behaviour", "communication")
_SCORE_MESSAGES = _input.ScoreMessages("reputation.not_a_dict", "reputation.unknown_driver", "reputation.missing",
                                       "driver")

EXAMPLE = {  # a municipality as residents might see it (invented for the lesson)
    "leadership": 2, "emotional_appeal": 4, "workplace": 3, "citizenship": 3, "products": 4, "financial": 3,
    "credibility": 3, "trust": 4, "honesty": 3,
}


def label(driver: str) -> str:
    """Dutch name of a pillar or foundation, for tables and charts."""
    return msg(f"reputation.driver.{driver}")


@dataclass(frozen=True)
class Temple:
    scores: dict
    pillar_mean: float
    foundation_mean: float
    overall: float              # mean of all nine drivers
    weakest_pillars: tuple
    strongest_pillars: tuple
    weakest_foundation: tuple
    advice: str

    def rows(self) -> list[dict]:
        return [{"onderdeel": msg("reputation.part.pillar") if d in PILLARS else msg("reputation.part.foundation"),
                 "driver": label(d), "score": self.scores[d]} for d in DRIVERS]


def validate(scores) -> dict[str, float]:
    """Check a dict of driver -> score (1-5) and return it in driver order, as numbers."""
    if isinstance(scores, dict):
        old = [k for k in scores if k in _OLD_DRIVERS]
        if old:
            raise SmmkitError(msg("reputation.old_layout", driver=old[0], valid=_valid_parts()))
    return _input.scores(scores, DRIVERS, label, SCALE, _SCORE_MESSAGES)


def _valid_parts() -> str:
    pillars = ", ".join(f"{d} ({label(d)})" for d in PILLARS)
    foundations = ", ".join(f"{d} ({label(d)})" for d in FOUNDATIONS)
    return msg("reputation.valid_parts", pillars=pillars, foundations=foundations)


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
    lines.append(msg(f"reputation.advice.story.{weakest_f[0]}"))
    if f_mean < p_mean - 0.5:
        lines.append(msg("reputation.advice.shaky", f_mean=fmt(round(f_mean, 1)), p_mean=fmt(round(p_mean, 1))))
    if s["emotional_appeal"] - s["honesty"] >= 2:
        lines.append(msg("reputation.advice.charm_over_honesty"))
    if low <= 2:
        lines.append(msg("reputation.advice.social", pillar=label(weakest[0])))
    return "\n".join(lines)


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
