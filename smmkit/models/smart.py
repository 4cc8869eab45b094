"""SMART-goal checker: which of Specific, Measurable, Acceptable, Realistic, Time-bound is missing?

The checks are *heuristics* that read Dutch text; they look for signals, they do not understand
the goal. What each letter looks for (and where it goes wrong):

S  a target group (inwoners, klanten, jongeren, ...) or a channel (Instagram, website, ...), in a
   goal of at least six words. A made-up group or a channel name we don't list is missed.
M  a target number with a unit or KPI next to it (%, volgers, meldingen, aanvragen, bezoekers, euro, ...),
   not counting numbers that belong to a date or period, AND a starting point (nulmeting: "van 400
   naar 600", "nu", "ten opzichte van", "meer dan in Q2"): without a baseline you cannot measure how
   far you got. "Meer volgers" has no number and fails; a number with an unusual unit is missed.
A  a named owner: a team, department or role that carries the goal or agreed to it (het webcareteam,
   de afdeling, afgestemd met de wethouder, ...). "We" or "de gemeente" alone names nobody, so it does
   not count. Text cannot prove real support: this only checks that the goal says whose goal it is.
R  not judged: whether a goal is realistic depends on people, budget and earlier results, which a
   sentence does not show. ``ok`` is None ("beoordeel zelf"); the reason asks the right questions and
   gives the growth from baseline to target when the text has both numbers. (The kit once failed
   growth above 100 %: a rule of its own, not a rule of the book, and wrong for a small account.)
T  a deadline or period (a date, a month, a year, a quarter, "binnen 6 maanden", "eind 2026").
   "Per maand" alone is a rhythm, not an end date, and does not count.

A goal that passes all five can still be a poor goal; one that fails may be fine in context.

    >>> check("Meer volgers").missing
    ('S', 'M', 'A', 'T')
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from smmkit.errors import SmmkitError
from smmkit.messages import msg

LETTERS = ("S", "M", "A", "R", "T")
JUDGED = ("S", "M", "A", "T")  # R is left to the learner: see the module docstring

GROUPS = ("inwoner", "burger", "klant", "jongere", "ouderen", "oudere", "ondernemer", "volger", "student",
          "ouders", "bezoeker", "doelgroep", "leden", "medewerker", "werkzoekende", "toerist", "fan",
          "abonnee", "scholier", "gezin", "vrijwilliger", "donateur", "huurder", "patiënt", "b2b", "b2c",
          "mkb", "professional", "recruiter", "kandidaat", "sollicitant")
CHANNELS = ("instagram", "facebook", "linkedin", "tiktok", "youtube", "twitter", "x-account", "whatsapp",
            "snapchat", "pinterest", "threads", "bluesky", "mastodon", "website", "nieuwsbrief", "webcare",
            "social media", "socialmedia", "kanaal", "kanalen", "app", "podcast", "blog")
UNITS = ("%", "procent", "volger", "reactie", "like", "share", "deling", "lead", "klik", "bezoek", "aanmelding",
         "inschrijving", "euro", "€", "bericht", "post", "bereik", "weergave", "view", "vermelding", "review",
         "minuten", "uur", "ctr", "nps", "ipm", "engagement", "conversie", "verkoop", "bestelling", "transactie",
         "deelnemer", "download", "vraag", "vragen", "cijfer", "score", "sollicitatie", "afspraak", "abonnee",
         "fan", "lid", "leden", "ster", "punten", "keer", "melding", "aanvra", "bezoeker", "inwoner", "klant",
         "gesprek", "contact", "ticket", "deelname", "aanmeld", "account", "mention", "opvolger")
# A named owner: a team, a department, a role or an agreement. Not "we", "ons" or "de gemeente" alone.
OWNERS = (r"team\b", r"\bafdeling", r"\bredactie\b", r"\bafgestemd\b", r"\bakkoord\b", r"\bafgesproken\b",
          r"\bverantwoordelijk", r"\beigenaar\b", r"\bdirectie\b", r"manager\b", r"\bwethouder\b",
          r"\bcommunicatieadviseur", r"\bwebredacteur", r"\bwoordvoerder", r"\bcoördinator", r"\bdirecteur",
          r"\bbestuur\b", r"\beigenaresse\b")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "okt",
          "nov", "dec")
_MONTHS_RE = "|".join(MONTHS)
TIME_PATTERNS = (
    r"\b\d{1,2}[-/]\d{1,2}[-/]\d{2,4}\b", r"\b\d{4}-\d{2}-\d{2}\b",
    rf"\b\d{{1,2}}\s+({_MONTHS_RE})\b", rf"\b(voor|vóór|eind|einde|uiterlijk|in|per|tot|vanaf)\s+({_MONTHS_RE})\b",
    r"\b(19|20)\d{2}\b", r"\bq[1-4]\b", r"\bkwartaal\b",
    r"\bbinnen\s+(\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf)\s+"
    r"(dag|dagen|week|weken|maand|maanden|jaar)\b",
    r"\b(dit|volgend|komend|komende)\s+(jaar|kwartaal|half\s*jaar|maand|schooljaar|seizoen)\b",
    r"\b(eind|einde)\s+(van\s+)?(het|dit|deze|de)\s+(jaar|kwartaal|maand|zomer|campagne)\b",
    r"\bdeadline\b", r"\b(zomer|winter|voorjaar|najaar)\s+(19|20)\d{2}\b",
)
BASELINE_PATTERNS = (r"\bvan\s+[\d.,]+\s*%?\s*(\w+\s+){0,3}naar\s+[\d.,]+", r"\bnu\b", r"\bhuidige?\b",
                     r"\bten opzichte van\b", r"\bt\.o\.v\.", r"\bnulmeting\b", r"\bvorig(e)?\s+(jaar|maand|kwartaal)\b",
                     r"\bop dit moment\b", r"\bmomenteel\b",
                     r"\bdan\s+(in|vorig|vorige|het|de|afgelopen|nu|toen)\b", r"\bstartpunt\b", r"\bbasis(lijn|waarde)\b")
_NUMBER_WORDS = ("een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
                 "twintig", "honderd", "duizend")


@dataclass(frozen=True)
class LetterCheck:
    letter: str
    ok: bool | None   # None: the checker does not judge this letter (R), the learner does
    reason: str


@dataclass(frozen=True)
class SmartResult:
    text: str
    letters: dict          # letter -> LetterCheck
    missing: tuple         # letters that failed, in SMART order
    summary: str

    def rows(self) -> list[dict]:
        return [{"letter": c.letter, "naam": letter_name(c.letter), "in_orde": c.ok, "toelichting": c.reason}
                for c in self.letters.values()]


def letter_name(letter: str) -> str:
    return msg(f"smart.name.{letter}")


def _time_spans(lower: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in TIME_PATTERNS:
        spans.extend(m.span() for m in re.finditer(pattern, lower))
    return spans


def _measures(lower: str) -> list[str]:
    """Numbers outside date expressions that have a unit within two words after them."""
    blocked = _time_spans(lower)
    found = []
    number_re = r"(\d[\d.,]*|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b)\s*(%|€)?"
    for m in re.finditer(number_re, lower):
        if any(a <= m.start() < b for a, b in blocked):
            continue
        after = lower[m.end():m.end() + 40]
        window = (m.group(2) or "") + " " + " ".join(after.split()[:3])
        if m.group(2) or any(u in window for u in UNITS):
            found.append(m.group(0).strip())
    before_euro = re.findall(r"€\s*\d[\d.,]*", lower)
    from_to = re.search(r"\bvan\s+([\d.,]*\d)\s*%?\s*(?:\w+\s+){0,3}naar\s+([\d.,]*\d)", lower)
    if from_to and not found and any(u in lower for u in UNITS):
        found.append(f"{from_to.group(1)} → {from_to.group(2)}")
    return found + before_euro


def _growth(lower: str) -> float | None:
    m = re.search(r"\bvan\s+([\d.,]+)\s*%?\s*(?:\w+\s+){0,3}naar\s+([\d.,]+)", lower)
    if not m:
        return None
    old, new = (_to_float(g) for g in m.groups())
    if old is None or new is None or old == 0:
        return None
    return (new - old) / old * 100


def _to_float(text: str) -> float | None:
    text = text.rstrip(".,")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        return None


def check(goal: str) -> SmartResult:
    """Check one goal text; every letter gets ok/not ok and a Dutch reason."""
    if not isinstance(goal, str):
        raise SmmkitError(msg("smart.not_text", kind=type(goal).__name__))
    goal = " ".join(goal.split())
    if not goal:
        raise SmmkitError(msg("smart.empty"))
    lower = goal.lower()
    words = len(goal.split())
    found_groups = [m.group(0) for g in GROUPS for m in [re.search(r"\b" + re.escape(g) + r"\w*", lower)] if m]
    found_channels = [c for c in CHANNELS if re.search(r"\b" + re.escape(c) + r"\b", lower)]
    if words < 6:
        s = LetterCheck("S", False, msg("smart.S.short", words=words))
    elif found_groups or found_channels:
        s = LetterCheck("S", True, msg("smart.S.ok", found=", ".join((found_groups + found_channels)[:4])))
    else:
        s = LetterCheck("S", False, msg("smart.S.missing"))
    measures = _measures(lower)
    has_baseline = any(re.search(p, lower) for p in BASELINE_PATTERNS)
    if measures and has_baseline:
        m = LetterCheck("M", True, msg("smart.M.ok", found=", ".join(measures[:3])))
    elif measures:
        m = LetterCheck("M", False, msg("smart.M.no_baseline", found=", ".join(measures[:3])))
    else:
        m = LetterCheck("M", False, msg("smart.M.missing"))
    owners = [p for p in OWNERS if re.search(p, lower)]
    a = (LetterCheck("A", True, msg("smart.A.ok")) if owners else LetterCheck("A", False, msg("smart.A.missing")))
    growth = _growth(lower)
    r_reason = msg("smart.R.judge")
    if growth is not None:
        r_reason += " " + msg("smart.R.growth", growth=round(growth))
    if re.search(r"\b100\s*(%|procent)\s+van\b", lower):
        r_reason += " " + msg("smart.R.everyone")
    r = LetterCheck("R", None, r_reason)
    t = (LetterCheck("T", True, msg("smart.T.ok")) if _time_spans(lower)
         else LetterCheck("T", False, msg("smart.T.per") if re.search(r"\bper\s+(week|maand|jaar|dag)\b", lower)
              else msg("smart.T.missing")))
    letters = {c.letter: c for c in (s, m, a, r, t)}
    missing = tuple(L for L in JUDGED if not letters[L].ok)
    summary = (msg("smart.summary.ok") if not missing
               else msg("smart.summary.missing", letters=", ".join(f"{L} ({letter_name(L)})" for L in missing)))
    return SmartResult(goal, letters, missing, summary)


FIELDS = ("wie", "wat", "doelgroep", "kanaal", "nulmeting", "doelwaarde", "eenheid", "deadline")


def compose(fields: dict) -> str:
    """Build a goal sentence from structured fields (any may be empty), to check with :func:`check`."""
    unknown = [k for k in fields if k not in FIELDS]
    if unknown:
        raise SmmkitError(msg("smart.unknown_field", field=unknown[0], valid=", ".join(FIELDS)))
    f = {k: str(fields.get(k) or "").strip() for k in FIELDS}
    parts = [f["wie"] or "", f["wat"] or msg("smart.compose.default_what")]
    if f["doelgroep"]:
        parts.append(msg("smart.compose.group", group=f["doelgroep"]))
    if f["kanaal"]:
        parts.append(msg("smart.compose.channel", channel=f["kanaal"]))
    unit = f["eenheid"]
    if f["nulmeting"] and f["doelwaarde"]:
        parts.append(msg("smart.compose.from_to", old=f["nulmeting"], new=f["doelwaarde"], unit=unit))
    elif f["doelwaarde"]:
        parts.append(msg("smart.compose.to", new=f["doelwaarde"], unit=unit))
    if f["deadline"]:
        parts.append(msg("smart.compose.deadline", deadline=f["deadline"]))
    return " ".join(p for p in parts if p).replace("  ", " ").strip() + "."


def check_fields(fields: dict) -> SmartResult:
    """:func:`compose` then :func:`check`."""
    return check(compose(fields))


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
