"""Social Customer Flywheel: the customer cycle's eight phases crossed with the flywheel.

The customer cycle (Rietberg & Ruigrok 2025, ch. 1) has a buying cycle (phases 1-4) and a usage
cycle (phases 5-8); co-creation sits where the two meet and can touch any phase. The flywheel
(Merkx 2023) adds three ways to act on each phase: influencing, selling and listening. A learner
places touchpoints in this grid and sees which cells, phases and flywheel parts stay empty.

    >>> c = coverage([touchpoint("Filmpje over de nieuwe bibliotheek", "inspiratie", "influencing")])
    >>> c.cells_covered, c.cells_total
    (1, 24)
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.models._input import one_of, text

PHASES = ("inspiratie", "onderzoeken", "evalueren", "selecteren",
          "ontvangen", "gebruiken", "onderhouden", "vervangen")
BUYING, USAGE = PHASES[:4], PHASES[4:]
COCREATION = "cocreatie"          # the junction of both cycles, not a ninth phase
PLACES = PHASES + (COCREATION,)
FLYWHEEL = ("influencing", "selling", "listening")

# Goal and example KPIs per flywheel part (after the practitioner guide, Merkx 2023).
GOALS = {
    "influencing": ("naamsbekendheid", ("IPM", "organisch bereik", "volgers")),
    "selling": ("leads en verkoop", ("CTR", "aantal leads of transacties", "CPC", "CPM", "ROI", "groei doelgroep")),
    "listening": ("klanttevredenheid", ("sentiment", "reviews", "reactietijd", "aantal vermeldingen")),
}


def phase_label(phase: str) -> str:
    """'3 evalueren' style label; co-creation gets its own label."""
    if phase == COCREATION:
        return msg("flywheel.cocreation")
    return f"{PHASES.index(phase) + 1} {phase}"


def flywheel_label(part: str) -> str:
    return msg(f"flywheel.part.{part}")


def cycle_of(phase: str) -> str:
    """'koopcyclus', 'gebruikscyclus' or the co-creation label."""
    phase = one_of(phase, PLACES, msg("flywheel.field.phase"))
    if phase == COCREATION:
        return msg("flywheel.cocreation")
    return msg("flywheel.buying") if phase in BUYING else msg("flywheel.usage")


@dataclass(frozen=True)
class Touchpoint:
    """One contact moment: what happens, in which phase, through which part of the flywheel."""

    name: str
    phase: str
    part: str
    channel: str = ""


def touchpoint(name, phase, part, channel: str = "") -> Touchpoint:
    """Validated :class:`Touchpoint`; phase may also be given as its number 1-8."""
    name = text(name, msg("flywheel.field.name"))
    if isinstance(phase, int) and not isinstance(phase, bool) or str(phase).strip().isdigit():
        number = int(str(phase).strip())
        if not 1 <= number <= 8:
            raise SmmkitError(msg("flywheel.bad_phase_number", value=number))
        phase = PHASES[number - 1]
    phase = one_of(phase, PLACES, msg("flywheel.field.phase"))
    part = one_of(_part_alias(part), FLYWHEEL, msg("flywheel.field.part"))
    return Touchpoint(name, phase, part, str(channel or "").strip())


def _part_alias(part) -> str:
    aliases = {"beïnvloeden": "influencing", "beinvloeden": "influencing", "verkopen": "selling",
               "luisteren": "listening", "social influencing": "influencing",
               "social selling": "selling", "social listening": "listening"}
    return aliases.get(str(part).strip().lower(), str(part))


@dataclass(frozen=True)
class Coverage:
    """How well a set of touchpoints covers the 8 x 3 grid."""

    grid: dict            # (phase, part) -> list of touchpoint names
    cocreation: tuple     # names placed at the junction
    cells_covered: int
    cells_total: int
    share: float          # covered cells as a percentage of 24
    empty_phases: tuple
    empty_parts: tuple
    cycle_counts: dict    # 'koopcyclus' / 'gebruikscyclus' -> number of touchpoints
    advice: str

    def rows(self) -> list[dict]:
        """One row per phase with the touchpoint names per flywheel part (for a table or CSV)."""
        return [
            {"fase": phase_label(p), "cyclus": cycle_of(p),
             **{flywheel_label(f): "; ".join(self.grid[(p, f)]) for f in FLYWHEEL}}
            for p in PHASES
        ]


def coverage(touchpoints) -> Coverage:
    """Place touchpoints in the grid; count covered cells and name the gaps in Dutch."""
    points = [_as_touchpoint(t) for t in touchpoints]
    grid = {(p, f): [] for p in PHASES for f in FLYWHEEL}
    cocreation = []
    for t in points:
        if t.phase == COCREATION:
            cocreation.append(t.name)
        else:
            grid[(t.phase, t.part)].append(t.name)
    covered = sum(1 for names in grid.values() if names)
    empty_phases = tuple(p for p in PHASES if not any(grid[(p, f)] for f in FLYWHEEL))
    empty_parts = tuple(f for f in FLYWHEEL if not any(grid[(p, f)] for p in PHASES))
    counts = {msg("flywheel.buying"): sum(len(grid[(p, f)]) for p in BUYING for f in FLYWHEEL),
              msg("flywheel.usage"): sum(len(grid[(p, f)]) for p in USAGE for f in FLYWHEEL)}
    total = len(grid)
    share = round(100 * covered / total, 1)
    return Coverage(grid, tuple(cocreation), covered, total, share, empty_phases, empty_parts, counts,
                    _advice(points, covered, total, empty_phases, empty_parts, counts, cocreation))


def _as_touchpoint(item) -> Touchpoint:
    if isinstance(item, Touchpoint):
        return touchpoint(item.name, item.phase, item.part, item.channel)
    if isinstance(item, dict):
        missing = [k for k in ("name", "phase", "part") if k not in item]
        if missing:
            raise SmmkitError(msg("flywheel.missing_key", keys=", ".join(missing)))
        return touchpoint(item["name"], item["phase"], item["part"], item.get("channel", ""))
    if isinstance(item, (tuple, list)) and len(item) in (3, 4):
        return touchpoint(*item)
    raise SmmkitError(msg("flywheel.bad_item", item=repr(item)))


def _advice(points, covered, total, empty_phases, empty_parts, counts, cocreation) -> str:
    if not points:
        return msg("flywheel.advice.none")
    lines = [msg("flywheel.advice.covered", covered=covered, total=total)]
    if empty_phases:
        lines.append(msg("flywheel.advice.empty_phases",
                         phases=", ".join(phase_label(p) for p in empty_phases)))
    if empty_parts:
        lines.append(msg("flywheel.advice.empty_parts",
                         parts=", ".join(f"{flywheel_label(f)} ({GOALS[f][0]})" for f in empty_parts)))
    buying, usage = counts[msg("flywheel.buying")], counts[msg("flywheel.usage")]
    if buying and not usage:
        lines.append(msg("flywheel.advice.only_buying"))
    elif usage and not buying:
        lines.append(msg("flywheel.advice.only_usage"))
    elif max(buying, usage) >= 3 * min(buying, usage):
        heavy = msg("flywheel.buying") if buying > usage else msg("flywheel.usage")
        lines.append(msg("flywheel.advice.lopsided", heavy=heavy))
    if not cocreation:
        lines.append(msg("flywheel.advice.no_cocreation"))
    if not empty_phases and not empty_parts:
        lines.append(msg("flywheel.advice.complete"))
    return "\n".join(lines)


def to_dicts(touchpoints) -> list[dict]:
    """Touchpoints as plain dicts (for JSON)."""
    return [asdict(_as_touchpoint(t)) for t in touchpoints]


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
