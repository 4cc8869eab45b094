"""Self-determination needs per platform (Deci & Ryan, 2000): competence, autonomy, relatedness.

People use social media to meet three basic needs. A learner rates each platform on each need
(1 = helps hardly at all … 5 = helps very much), sees which need a platform serves best, and compares
that profile with a reference: by default the book's view (Rietberg & Ruigrok, 2025, §1.4.1), which
links LinkedIn to autonomy, YouTube to competence and Facebook and Instagram to relatedness.

The book gives that view in words, not numbers. :func:`book_view` turns it into ratings by one
explicit rule (``BOOK_HIGH`` for the need the book names, ``BOOK_LOW`` for the other two), so a
learner can see it is a simplification: the book itself stresses that most platforms serve a mix.

    >>> p = profile({"YouTube": {"competentie": 5, "autonomie": 3, "verbondenheid": 2}})
    >>> p.dominant["YouTube"]
    ('competentie',)
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.models._input import fmt

NEEDS: tuple[str, ...] = ("competentie", "autonomie", "verbondenheid")
SCALE: tuple[int, int] = (1, 5)
ALIASES = {
    "competence": "competentie", "competent": "competentie",
    "autonomy": "autonomie", "zelfbepaling": "autonomie",
    "relatedness": "verbondenheid", "relatie": "verbondenheid", "relaties": "verbondenheid",
    "verbinding": "verbondenheid",
}
BOOK_EMPHASIS: dict[str, str] = {
    "LinkedIn": "autonomie",
    "YouTube": "competentie",
    "Facebook": "verbondenheid",
    "Instagram": "verbondenheid",
}
BOOK_HIGH, BOOK_LOW = 5, 2

Scores = dict[str, dict[str, float]]


MAX_NAME = 60  # a platform's name; a 2,700-character name made the widget 9,800 px wide


def book_view() -> Scores:
    """The book's platform-per-need view as ratings (a fresh copy each call)."""
    return {platform: {need: (BOOK_HIGH if need == focus else BOOK_LOW) for need in NEEDS}
            for platform, focus in BOOK_EMPHASIS.items()}


def need_label(need: str) -> str:
    """The Dutch display label of a need ('Competentie')."""
    return msg(f"sdt.need.{need}")


def _need(name) -> str:
    key = str(name).strip().lower()
    key = ALIASES.get(key, key)
    if key not in NEEDS:
        raise SmmkitError(msg("sdt.unknown_need", need=name, needs=choices(NEEDS)))
    return key


def _rating(value, platform: str, need: str) -> float:
    if isinstance(value, bool) or value is None:
        raise SmmkitError(msg("sdt.not_a_number", platform=platform, need=need, value=repr(value)))
    if isinstance(value, str):
        value = value.strip().replace(",", ".")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise SmmkitError(msg("sdt.not_a_number", platform=platform, need=need, value=repr(value))) from None
    if math.isnan(number) or not SCALE[0] <= number <= SCALE[1]:
        raise SmmkitError(msg("sdt.out_of_range", platform=platform, need=need, value=value,
                              low=SCALE[0], high=SCALE[1]))
    return int(number) if number.is_integer() else number


def validate(scores: Mapping) -> Scores:
    """Check ratings ``{platform: {need: 1..5}}``; returns a clean copy with the canonical need names."""
    if not isinstance(scores, Mapping):
        raise SmmkitError(msg("sdt.not_a_mapping", kind=type(scores).__name__))
    if not scores:
        raise SmmkitError(msg("sdt.empty"))
    clean: Scores = {}
    seen: dict[str, str] = {}
    for platform, ratings in scores.items():
        name = str(platform).strip() if platform is not None else ""
        if not name:
            raise SmmkitError(msg("sdt.empty_platform"))
        if len(name) > MAX_NAME:
            raise SmmkitError(msg("sdt.name_too_long", start=name[:30], length=len(name), limit=MAX_NAME))
        if name.lower() in seen:
            raise SmmkitError(msg("sdt.duplicate_platform", platform=name, other=seen[name.lower()]))
        seen[name.lower()] = name
        if not isinstance(ratings, Mapping):
            raise SmmkitError(msg("sdt.ratings_not_mapping", platform=name, needs=join_and(NEEDS)))
        row = {}
        for need, value in ratings.items():
            key = _need(need)
            row[key] = _rating(value, name, key)
        missing = [need for need in NEEDS if need not in row]
        if missing:
            raise SmmkitError(msg("sdt.missing_need", platform=name, missing=join_and(missing),
                                  needs=join_and(NEEDS)))
        clean[name] = {need: row[need] for need in NEEDS}
    return clean


def _top(values: Mapping[str, float]) -> tuple[str, ...]:
    best = max(values.values())
    return tuple(k for k, v in values.items() if v == best)


@dataclass(frozen=True)
class Profile:
    """Ratings per platform with what each platform serves best and which platform serves each need."""

    scores: Scores
    dominant: dict[str, tuple[str, ...]]       # platform -> need(s) with its highest rating
    best_platforms: dict[str, tuple[str, ...]]  # need -> platform(s) with the highest rating
    mean: dict[str, float]                      # platform -> mean over the three needs

    @property
    def platforms(self) -> list[str]:
        return list(self.scores)


def profile(scores: Mapping) -> Profile:
    """Validate ratings and summarise them per platform and per need."""
    clean = validate(scores)
    dominant = {p: (() if len(set(r.values())) == 1 else _top(r)) for p, r in clean.items()}
    best = {need: _top({p: r[need] for p, r in clean.items()}) for need in NEEDS}
    mean = {p: round(sum(r.values()) / len(NEEDS), 2) for p, r in clean.items()}
    return Profile(clean, dominant, best, mean)


@dataclass(frozen=True)
class PlatformComparison:
    platform: str
    own: dict[str, float]
    reference: dict[str, float]
    own_focus: tuple[str, ...]
    reference_focus: tuple[str, ...]
    difference: float      # mean absolute difference in scale points (0 … 4)
    overlap: float         # 100 % = identical ratings, 0 % = as far apart as the scale allows

    @property
    def same_focus(self) -> bool:
        return bool(set(self.own_focus) & set(self.reference_focus))


@dataclass(frozen=True)
class Comparison:
    own: Profile
    reference: Profile
    platforms: list[PlatformComparison] = field(default_factory=list)
    only_own: tuple[str, ...] = ()
    only_reference: tuple[str, ...] = ()

    @property
    def overlap(self) -> float | None:
        """Mean overlap over the platforms in both profiles (None when none are shared)."""
        if not self.platforms:
            return None
        return round(sum(p.overlap for p in self.platforms) / len(self.platforms), 1)


def compare(own: Mapping, reference: Mapping | None = None) -> Comparison:
    """Compare the learner's ratings with a reference (default: :func:`book_view`), per shared platform.

    Platforms are matched regardless of capitals ('youtube' = 'YouTube').
    """
    mine = profile(own)
    ref = profile(book_view() if reference is None else reference)
    ref_by_key = {p.lower(): p for p in ref.scores}
    span = SCALE[1] - SCALE[0]
    rows = []
    for platform, ratings in mine.scores.items():
        match = ref_by_key.get(platform.lower())
        if match is None:
            continue
        other = ref.scores[match]
        diff = sum(abs(ratings[n] - other[n]) for n in NEEDS) / len(NEEDS)
        rows.append(PlatformComparison(
            platform, dict(ratings), dict(other), mine.dominant[platform], ref.dominant[match],
            round(diff, 2), round(100 * (1 - diff / span), 1)))
    own_keys = {p.lower() for p in mine.scores}
    return Comparison(
        mine, ref, rows,
        only_own=tuple(p for p in mine.scores if p.lower() not in ref_by_key),
        only_reference=tuple(p for p in ref.scores if p.lower() not in own_keys),
    )


def nl_number(value: float) -> str:
    """A number the Dutch way: at most one decimal, decimal comma."""
    return fmt(value, 1)


def join_and(items) -> str:
    """'A, B en C' (the word for 'and' comes from the catalogue)."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " " + msg("sdt.and") + " " + items[-1]


def _needs_text(needs: tuple[str, ...]) -> str:
    if not needs:
        return msg("sdt.no_focus")
    return join_and(need_label(n).lower() for n in needs)


def describe_profile(p: Profile) -> list[str]:
    """Plain-Dutch sentences: which need each platform serves best and the best platform per need."""
    lines = [msg("sdt.platform_focus", platform=name, needs=_needs_text(p.dominant[name]))
             if p.dominant[name] else msg("sdt.platform_no_focus", platform=name)
             for name in p.scores]
    for need, platforms in p.best_platforms.items():
        score = p.scores[platforms[0]][need]
        lines.append(msg("sdt.best_for_need", need=need_label(need), platforms=join_and(platforms),
                         score=nl_number(score)))
    return lines


def describe_comparison(c: Comparison) -> list[str]:
    """Plain-Dutch sentences comparing the learner's profile with the reference."""
    lines = []
    for row in c.platforms:
        key = "sdt.compare_same" if row.same_focus else "sdt.compare_other"
        lines.append(msg(key, platform=row.platform, own=_needs_text(row.own_focus),
                         reference=_needs_text(row.reference_focus), overlap=nl_number(row.overlap),
                         difference=nl_number(row.difference)))
    if c.overlap is None:
        lines.append(msg("sdt.compare_none", platforms=join_and(c.reference.platforms)))
    else:
        lines.append(msg("sdt.compare_total", overlap=nl_number(c.overlap), n=len(c.platforms)))
    if c.only_own:
        lines.append(msg("sdt.only_own", platforms=join_and(c.only_own)))
    return lines


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
