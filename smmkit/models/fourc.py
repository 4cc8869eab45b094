"""The 4C model (Van Belleghem, 2012): customer experience, conversation, content, collaboration.

A social media plan is a list of activities. Each activity gets one of the four Cs (or none yet);
:func:`coverage` counts how the plan covers the four and names the Cs it neglects: a C with no
activity at all is *missing*, a C with less than half of an even share (12.5 % of the sorted
activities by default) is *weak*.

    >>> cov = coverage([("Vragen beantwoorden via WhatsApp", "conversatie"),
    ...                 ("Video over de afvalregels", "content")])
    >>> cov.missing
    ('customer experience', 'collaboratie')
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.models._input import fmt, labelled_items

CS: tuple[str, ...] = ("customer experience", "conversatie", "content", "collaboratie")
ALIASES = {
    "customer experience": "customer experience", "customerexperience": "customer experience",
    "cx": "customer experience", "klantbeleving": "customer experience",
    "klantervaring": "customer experience", "experience": "customer experience",
    "conversatie": "conversatie", "conversation": "conversatie", "gesprek": "conversatie",
    "gesprekken": "conversatie", "dialoog": "conversatie",
    "content": "content", "contentcreatie": "content", "inhoud": "content",
    "collaboratie": "collaboratie", "collaboration": "collaboratie", "samenwerking": "collaboratie",
    "samenwerken": "collaboratie", "cocreatie": "collaboratie", "co-creatie": "collaboratie",
}
WEAK_BELOW = 12.5  # percent: half of an even 25 % share


@dataclass(frozen=True)
class Activity:
    text: str
    c: str | None  # one of CS, or None when not sorted yet


def c_label(c: str | None) -> str:
    """The Dutch display label of a C ('Customer experience'), or 'nog niet ingedeeld'."""
    return msg(f"fourc.c.{c.replace(' ', '_')}") if c else msg("fourc.unsorted")


def normalise_c(value) -> str | None:
    """A C from free text ('Samenwerking' → 'collaboratie'); None or '' means 'not sorted yet'."""
    if value is None:
        return None
    text = str(value).strip().lower()
    if not text:
        return None
    key = ALIASES.get(text) or ALIASES.get(text.replace(" ", ""))
    if key is None:
        raise SmmkitError(msg("fourc.unknown_c", value=value, valid=choices(c_label(c) for c in CS)))
    return key


def activities(items: Iterable) -> list[Activity]:
    """Validate a plan: pairs ``(activity, c)``, dicts ``{"activiteit": …, "c": …}`` or Activity objects."""
    return labelled_items(items, Activity, names=("activiteit", "c"), normalise=normalise_c, keys={
        "not_a_list": "fourc.not_a_list", "bad_item": "fourc.bad_item", "empty": "fourc.empty_activity",
        "in_row": "fourc.in_row", "none": "fourc.empty_plan"})


@dataclass(frozen=True)
class Coverage:
    activities: list[Activity]
    counts: dict[str, int]        # C -> number of activities
    shares: dict[str, float]      # C -> percent of the sorted activities (0 when none are sorted)
    unsorted: list[str]           # activities without a C
    missing: tuple[str, ...]      # Cs without any activity
    weak: tuple[str, ...]         # Cs with some, but fewer than the threshold share
    weak_below: float

    @property
    def sorted_total(self) -> int:
        return sum(self.counts.values())

    @property
    def neglected(self) -> tuple[str, ...]:
        """Missing and weak Cs, the least covered first."""
        return tuple(sorted(self.missing + self.weak, key=lambda c: (self.counts[c], CS.index(c))))

    @property
    def balanced(self) -> bool:
        return self.sorted_total > 0 and not self.neglected


def coverage(items: Iterable, weak_below: float = WEAK_BELOW) -> Coverage:
    """Count activities per C and name the missing and weak Cs."""
    if isinstance(weak_below, bool) or not isinstance(weak_below, (int, float)) or not 0 <= weak_below <= 25:
        raise SmmkitError(msg("fourc.bad_threshold", value=weak_below))
    plan = activities(items)
    counts = {c: 0 for c in CS}
    for activity in plan:
        if activity.c:
            counts[activity.c] += 1
    total = sum(counts.values())
    shares = {c: round(100 * n / total, 1) if total else 0.0 for c, n in counts.items()}
    missing = tuple(c for c in CS if counts[c] == 0)
    weak = tuple(c for c in CS if counts[c] and 100 * counts[c] / total < weak_below)
    return Coverage(plan, counts, shares, [a.text for a in plan if not a.c], missing, weak, weak_below)


def advice(cov: Coverage) -> list[str]:
    """Plain-Dutch advice: which C the plan neglects and what kind of activity would fill it."""
    lines = []
    if cov.sorted_total == 0:
        return [msg("fourc.nothing_sorted", n=len(cov.activities))]
    if cov.unsorted:
        lines.append(msg("fourc.some_unsorted", n=len(cov.unsorted)))
    if cov.balanced:
        lines.append(msg("fourc.balanced"))
        return lines
    for c in cov.neglected:
        key = "fourc.missing" if c in cov.missing else "fourc.weak"
        lines.append(msg(key, c=c_label(c), n=cov.counts[c], share=fmt(cov.shares[c], 1))
                     + " " + msg(f"fourc.tip.{c.replace(' ', '_')}"))
    return lines


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
