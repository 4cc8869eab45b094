"""Influencer shortlist: tier by followers, and a transparent score to rank candidates.

Tiers (follower counts as commonly used in the trade; the book's chapter 9 names the tiers, the
exact limits differ between agencies, so these are the kit's choice):

    nano   1.000 - 9.999      micro  10.000 - 99.999
    macro  100.000 - 999.999  mega   1.000.000 and more
    (below 1.000: no tier; think of them as fans or employees, see online ambassadors)

Score = expected engaged, fitting followers per euro, times 1,000:

    score = followers × (engagement rate / 100) × (fit / 5) / cost × 1.000

so reach × engagement × fit ÷ cost. Fit is the learner's judgement on a 1-5 scale (does the
person suit the brand and audience?). The formula favours reach that actually reacts and fits,
and penalises expensive reach; it ignores audience quality, fake followers and long-term value.

    >>> tier(12_000)
    'micro'
"""
from __future__ import annotations

from dataclasses import dataclass

from smmkit.errors import SmmkitError
from smmkit.messages import msg
from smmkit.models._input import fmt, money, number, text

TIERS = (("nano", 1_000), ("micro", 10_000), ("macro", 100_000), ("mega", 1_000_000))
FIT_SCALE = (1, 5)

EXAMPLES = (
    {"name": "@stadsbakker_anna", "followers": 4_800, "engagement_rate": 7.5, "fit": 5, "cost": 150},
    {"name": "@foodie.utrecht", "followers": 38_000, "engagement_rate": 4.2, "fit": 4, "cost": 600},
    {"name": "@lifestyle_lotte", "followers": 210_000, "engagement_rate": 1.8, "fit": 3, "cost": 2_500},
    {"name": "@bekendenederlander", "followers": 1_400_000, "engagement_rate": 1.1, "fit": 2, "cost": 15_000},
    {"name": "@wijkmoeder_fatima", "followers": 1_900, "engagement_rate": 9.0, "fit": 4, "cost": 75},
)


def tier(followers) -> str:
    """'nano', 'micro', 'macro', 'mega' or 'geen' (below 1,000 followers)."""
    followers = number(followers, msg("influencer.field.followers"), minimum=0)
    name = "geen"
    for tier_name, lower in TIERS:
        if followers >= lower:
            name = tier_name
    return name


@dataclass(frozen=True)
class Candidate:
    name: str
    followers: float
    engagement_rate: float
    fit: float
    cost: float
    tier: str
    engaged: float      # expected people who react: followers × ER
    score: float

    def row(self) -> dict:
        return {"naam": self.name, "volgers": int(self.followers), "tier": self.tier,
                "engagement_rate": self.engagement_rate, "fit": self.fit, "kosten": self.cost,
                "verwacht_betrokken": round(self.engaged), "score": round(self.score, 1)}


def candidate(name, followers, engagement_rate, fit, cost) -> Candidate:
    name = text(name, msg("influencer.field.name"))
    followers = number(followers, msg("influencer.field.followers"), minimum=0)
    er = number(engagement_rate, msg("influencer.field.er"), minimum=0, maximum=100)
    fit = number(fit, msg("influencer.field.fit"), minimum=FIT_SCALE[0], maximum=FIT_SCALE[1])
    cost = number(cost, msg("influencer.field.cost"), minimum=0)
    if cost == 0:
        raise SmmkitError(msg("influencer.zero_cost", name=name))
    engaged = followers * er / 100
    score = engaged * (fit / FIT_SCALE[1]) / cost * 1000
    return Candidate(name, followers, er, fit, cost, tier(followers), engaged, score)


def _as_candidate(item) -> Candidate:
    if isinstance(item, Candidate):
        return candidate(item.name, item.followers, item.engagement_rate, item.fit, item.cost)
    if isinstance(item, dict):
        missing = [k for k in ("name", "followers", "engagement_rate", "fit", "cost") if k not in item]
        if missing:
            raise SmmkitError(msg("influencer.missing", keys=", ".join(missing)))
        return candidate(item["name"], item["followers"], item["engagement_rate"], item["fit"], item["cost"])
    raise SmmkitError(msg("influencer.bad_item", item=repr(item)))


@dataclass(frozen=True)
class Shortlist:
    ranked: tuple       # candidates, best score first
    text: str

    def rows(self) -> list[dict]:
        return [{"rang": i + 1, **c.row()} for i, c in enumerate(self.ranked)]


def shortlist(candidates, top: int = 3) -> Shortlist:
    """Rank candidates by score and explain the winner in Dutch."""
    items = [_as_candidate(c) for c in candidates]
    names = [c.name.lower() for c in items]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise SmmkitError(msg("influencer.duplicate", name=dupes[0]))
    ranked = tuple(sorted(items, key=lambda c: (-c.score, c.name)))
    if not ranked:
        return Shortlist((), msg("influencer.text.empty"))
    best = ranked[0]
    lines = [msg("influencer.text.best", name=best.name, tier=best.tier, score=fmt(round(best.score, 1)),
                 engaged=fmt(round(best.engaged)), cost=money(best.cost))]
    lines.append(msg("influencer.text.top", names=", ".join(c.name for c in ranked[:top])))
    biggest = max(ranked, key=lambda c: c.followers)
    if biggest is not best:
        lines.append(msg("influencer.text.biggest", name=biggest.name, rank=ranked.index(biggest) + 1))
    return Shortlist(ranked, "\n".join(lines))


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
