"""Honeycomb model (Kietzmann, Hermkens, McCarthy & Silvestre 2011): seven functional blocks.

A learner scores how strongly a platform offers each block (0 = plays no part, 5 = core of the
platform) and compares two platforms side by side. The presets are example scores made up for
teaching, not measured facts; a learner is invited to argue with them.

    >>> result = compare(preset("LinkedIn"), preset("TikTok"), "LinkedIn", "TikTok")
    >>> result.largest[0] in BLOCKS
    True
"""
from __future__ import annotations

from dataclasses import dataclass

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.models import _input
from smmkit.models._input import text

BLOCKS = ("identity", "conversations", "sharing", "presence", "relationships", "reputation", "groups")
SCALE = (0, 5)
_SCORE_MESSAGES = _input.ScoreMessages("honeycomb.not_a_dict", "honeycomb.unknown_block", "honeycomb.missing_block", "block")

# Example scores for teaching (0-5): a starting point for discussion, not research results.
PRESETS: dict[str, dict[str, int]] = {
    "LinkedIn":  {"identity": 5, "conversations": 3, "sharing": 3, "presence": 1, "relationships": 5, "reputation": 4, "groups": 3},
    "Instagram": {"identity": 4, "conversations": 2, "sharing": 5, "presence": 2, "relationships": 3, "reputation": 3, "groups": 1},
    "TikTok":    {"identity": 2, "conversations": 2, "sharing": 5, "presence": 2, "relationships": 1, "reputation": 4, "groups": 1},
    "YouTube":   {"identity": 2, "conversations": 3, "sharing": 5, "presence": 1, "relationships": 1, "reputation": 4, "groups": 1},
    "Facebook":  {"identity": 4, "conversations": 4, "sharing": 4, "presence": 2, "relationships": 4, "reputation": 2, "groups": 5},
    "WhatsApp":  {"identity": 1, "conversations": 5, "sharing": 3, "presence": 4, "relationships": 3, "reputation": 0, "groups": 4},
    "X":         {"identity": 2, "conversations": 5, "sharing": 4, "presence": 1, "relationships": 2, "reputation": 4, "groups": 1},
}


def label(block: str) -> str:
    """Dutch name of a block, for tables and charts."""
    return msg(f"honeycomb.block.{block}")


def preset(platform: str) -> dict[str, int]:
    """A copy of the example scores of ``platform`` (case-insensitive)."""
    for name, scores in PRESETS.items():
        if name.lower() == str(platform).strip().lower():
            return dict(scores)
    raise SmmkitError(msg("honeycomb.unknown_preset", platform=platform, valid=choices(PRESETS)))


def validate(scores) -> dict[str, float]:
    """Check a dict of block -> score (0-5) and return it in block order, as numbers."""
    return _input.scores(scores, BLOCKS, label, SCALE, _SCORE_MESSAGES)


@dataclass(frozen=True)
class Comparison:
    """Two honeycomb profiles side by side."""

    name_a: str
    name_b: str
    scores_a: dict
    scores_b: dict
    differences: dict   # block -> score_a - score_b
    largest: tuple      # blocks with the largest absolute difference, biggest first
    summary: str        # plain-Dutch comparison

    def rows(self) -> list[dict]:
        """One row per block, ready for a table or CSV."""
        return [
            {"bouwsteen": label(b), self.name_a: self.scores_a[b], self.name_b: self.scores_b[b],
             "verschil": self.differences[b]}
            for b in BLOCKS
        ]


def compare(scores_a, scores_b, name_a: str = "Platform A", name_b: str = "Platform B",
            top: int = 3) -> Comparison:
    """Compare two profiles; name the blocks where they differ most, in plain Dutch."""
    name_a, name_b = text(name_a, msg("honeycomb.field.name")), text(name_b, msg("honeycomb.field.name"))
    if name_a.lower() == name_b.lower():
        raise SmmkitError(msg("honeycomb.same_name", name=name_a))
    a, b = validate(scores_a), validate(scores_b)
    diff = {k: a[k] - b[k] for k in BLOCKS}
    ranked = sorted((k for k in BLOCKS if diff[k] != 0), key=lambda k: (-abs(diff[k]), BLOCKS.index(k)))
    largest = tuple(ranked[:top])
    return Comparison(name_a, name_b, a, b, diff, largest, _summary(name_a, name_b, a, b, diff, largest))


def block(name: str) -> str:
    """The block meant by ``name``: its English key or its Dutch label, any case."""
    wanted = str(name).strip().lower()
    for key in BLOCKS:
        if wanted in (key, label(key).lower()):
            return key
    raise SmmkitError(msg("honeycomb.unknown_block", block=name, valid=choices(label(b) for b in BLOCKS)))


def rank_for_goal(needed, profiles=None) -> list[tuple[str, float]]:
    """Platforms ordered by their summed score on the blocks a goal needs (Dutch or English names).

    ``profiles`` maps platform -> scores (default: the example PRESETS). Ties keep the given order.

    >>> rank_for_goal(["delen", "Conversaties"])[0]
    ('X', 9.0)
    """
    if isinstance(needed, str) or not needed:
        raise SmmkitError(msg("honeycomb.goal_needs_list", valid=choices(label(b) for b in BLOCKS)))
    keys = list(dict.fromkeys(block(n) for n in needed))
    profiles = PRESETS if profiles is None else profiles
    totals = [(name, sum(validate(scores)[k] for k in keys)) for name, scores in profiles.items()]
    return sorted(totals, key=lambda item: -item[1])


def strongest(scores) -> list[str]:
    """The block(s) with the highest score of one profile."""
    s = validate(scores)
    best = max(s.values())
    return [b for b in BLOCKS if s[b] == best]


def _summary(name_a, name_b, a, b, diff, largest) -> str:
    if not largest:
        return msg("honeycomb.summary.equal", a=name_a, b=name_b)
    parts = []
    for block in largest:
        winner, loser = (name_a, name_b) if diff[block] > 0 else (name_b, name_a)
        parts.append(msg("honeycomb.summary.line", block=label(block), winner=winner, loser=loser,
                         points=_points(abs(diff[block]))))
    top_a = ", ".join(label(k) for k in strongest(a))
    top_b = ", ".join(label(k) for k in strongest(b))
    close = [label(k) for k in BLOCKS if diff[k] == 0]
    text_ = msg("honeycomb.summary.intro", a=name_a, b=name_b) + "\n" + "\n".join(parts)
    text_ += "\n" + msg("honeycomb.summary.strongest", a=name_a, top_a=top_a, b=name_b, top_b=top_b)
    if close:
        text_ += "\n" + msg("honeycomb.summary.same", blocks=", ".join(close))
    return text_


def _points(value: float) -> str:
    n = _input.fmt(value, 6)
    return msg("honeycomb.point", n=n) if value == 1 else msg("honeycomb.points", n=n)


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
