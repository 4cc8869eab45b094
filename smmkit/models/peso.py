"""PESO model (Dietrich 2014): paid, earned, shared and owned media.

A learner classifies posts and activities, checks the guesses against example answers with a
short reason per item, and sees the mix of the four media types in a plan.

One rule for the whole kit (chapter 1, chapter 6, h06): *earned* is what others make or write about
you (a journalist, a blogger, a customer's own photo or review); *shared* is others spreading what
the organisation made. A post on the organisation's own social account is *owned*, as in
Rietberg & Ruigrok (2025, §1.5.1); Dietrich herself files brand social accounts under *shared*.

    >>> r = check({"Advertentie op Instagram voor de kerstmarkt": "paid"}, EXAMPLES)
    >>> r.correct
    1
"""
from __future__ import annotations

from dataclasses import dataclass

from smmkit.errors import SmmkitError
from smmkit.messages import choices, msg
from smmkit.models._input import one_of, text

CATEGORIES = ("paid", "earned", "shared", "owned")

# Example items about a municipality and a small bakery, with the answer and why (in the catalogue).
EXAMPLES = {
    "Advertentie op Instagram voor de kerstmarkt": "paid",
    "Artikel in de regionale krant over de nieuwe speeltuin": "earned",
    "Inwoners delen massaal de oproep om vrijwilliger te worden": "shared",
    "Nieuwsbericht op de eigen website van de gemeente": "owned",
    "Food-blogger prijst de zuurdesembroden van bakkerij De Korenaar": "earned",
    "Gesponsorde post van de bakkerij in de Facebook-tijdlijn": "paid",
    "Klant zet een foto van haar verjaardagstaart op Instagram en tagt de bakkerij": "earned",
    "Nieuwsbrief van de bakkerij aan vaste klanten": "owned",
    "Betaalde samenwerking met een lokale influencer (met #ad)": "paid",
    "Video op het eigen YouTube-kanaal van de gemeente": "owned",
}
REASONS = {  # item -> message key with the reason for the example answer
    item: f"peso.reason.{i}" for i, item in enumerate(EXAMPLES)
}


def label(category: str) -> str:
    return msg(f"peso.category.{category}")


def explain(category: str) -> str:
    """One Dutch sentence about a media type."""
    category = one_of(category, CATEGORIES, msg("peso.field.category"))
    return msg(f"peso.explain.{category}")


def _category(value) -> str:
    aliases = {"betaald": "paid", "verdiend": "earned", "gedeeld": "shared", "eigen": "owned",
               "p": "paid", "e": "earned", "s": "shared", "o": "owned"}
    return one_of(aliases.get(str(value).strip().lower(), value), CATEGORIES, msg("peso.field.category"))


def classify(assignments) -> dict[str, str]:
    """Validate a dict item -> category; empty answers (None or '') are dropped."""
    if not isinstance(assignments, dict):
        raise SmmkitError(msg("peso.not_a_dict", kind=type(assignments).__name__))
    clean = {}
    for item, category in assignments.items():
        item = text(item, msg("peso.field.item"))
        if category is None or str(category).strip() == "":
            continue
        clean[item] = _category(category)
    return clean


@dataclass(frozen=True)
class Mix:
    counts: dict      # category -> count
    shares: dict      # category -> percentage of classified items
    total: int
    missing: tuple    # categories with no item
    advice: str


def mix(assignments) -> Mix:
    """How the classified items spread over P, E, S and O, and which type is missing."""
    clean = classify(assignments)
    counts = {c: 0 for c in CATEGORIES}
    for category in clean.values():
        counts[category] += 1
    total = len(clean)
    shares = {c: round(100 * counts[c] / total, 1) if total else 0.0 for c in CATEGORIES}
    missing = tuple(c for c in CATEGORIES if counts[c] == 0)
    if not total:
        advice = msg("peso.mix.empty")
    elif missing:
        advice = msg("peso.mix.missing", types=", ".join(label(c) for c in missing))
    else:
        top = max(CATEGORIES, key=lambda c: counts[c])
        advice = (msg("peso.mix.dominant", type=label(top), share=round(shares[top]))
                  if shares[top] > 50 else msg("peso.mix.balanced"))
    return Mix(counts, shares, total, missing, advice)


@dataclass(frozen=True)
class Check:
    items: tuple      # (item, guess or None, answer, is_correct, reason)
    correct: int
    answered: int
    total: int
    summary: str

    def rows(self) -> list[dict]:
        return [{"item": i, "jouw_antwoord": g or "", "voorbeeldantwoord": a, "goed": ok, "uitleg": r}
                for i, g, a, ok, r in self.items]


def check(guesses, answers=None) -> Check:
    """Compare a learner's guesses with the example answers (default: :data:`EXAMPLES`)."""
    answers = classify(EXAMPLES if answers is None else answers)
    guesses = classify(guesses)
    unknown = [g for g in guesses if g not in answers]
    if unknown:
        raise SmmkitError(msg("peso.unknown_item", item=unknown[0]))
    rows = []
    for item, answer in answers.items():
        guess = guesses.get(item)
        reason = msg(REASONS[item]) if item in REASONS else explain(answer)
        rows.append((item, guess, answer, guess == answer, reason))
    correct = sum(1 for r in rows if r[3])
    answered = sum(1 for r in rows if r[1] is not None)
    summary = msg("peso.check.summary", correct=correct, answered=answered, total=len(rows))
    if answered < len(rows):
        summary += " " + msg("peso.check.open", open=len(rows) - answered)
    return Check(tuple(rows), correct, answered, len(rows), summary)


from smmkit.models._input import guard_public  # noqa: E402

guard_public(globals())  # odd input: a Dutch SmmkitError, never a raw traceback
