"""Practice class data of h01-introductie (see tools/make_class.py): typical mistakes per answer cell,
open answers that belong to this assignment, and the widget work a learner saves beside the notebook."""
from __future__ import annotations

import json
import random

WRONG = {
    "h01_populairste_kanaal_antwoord": ['populairste_kanaal = "Twitter"', 'populairste_kanaal = "YouTube"'],
    "h01_gemiddeld_percentage_antwoord": ['gemiddeld_percentage = bewoners["percentage"].sum()',
                                          'gemiddeld_percentage = round(bewoners["percentage"].median(), 1)'],
    "h01_aandeel_youtube_antwoord": ["aandeel_youtube = 42.16", "aandeel_youtube = 0.4"],
    "h01_aantal_boven_30_antwoord": ['aantal_boven_30 = int((bewoners["percentage"] > 40).sum())',
                                     "aantal_boven_30 = 3"],
    "h01_top3_antwoord": ['top3 = bewoners.sort_values("percentage").head(3)[["kanaal", "percentage"]]',
                          "top3 = bewoners.head(3)"],
    "h01_behoefte_per_platform_antwoord": [
        'behoefte_per_platform = {"LinkedIn": "verbondenheid", "YouTube": "verbondenheid", '
        '"Facebook": "verbondenheid"}'],
    "h01_eigen_profiel_antwoord": ['profiel.save("h01_behoeften.json")\nmijn_verbondenheid = "Pinterest"'],
}
PLATFORMS = ["LinkedIn", "YouTube", "Instagram", "Facebook", "TikTok", "WhatsApp"]


def _needs_profile(rng: random.Random) -> str:
    """The saved work of h01's NeedsProfile widget: the learner's own scores (1-5) for a few platforms."""
    scores = {p: {n: rng.randint(1, 5) for n in ("competentie", "autonomie", "verbondenheid")}
              for p in rng.sample(PLATFORMS, 3)}
    return json.dumps({"widget": "NeedsProfile", "version": 1,
                       "state": {"scores": scores, "compare": True, "chart": "bars"}}, indent=2) + "\n"


SAVED_WORK = {"h01_behoeften.json": _needs_profile}

# Open answers per open (markdown) answer cell: good, thin and off-topic ones.
OPEN_ANSWERS = {"h01_advies": [
    "Ik adviseer Facebook: volgens de tabel gebruikt 47% van de inwoners het, het meeste van alle kanalen. "
    "Berichten over de wijk gaan over verbondenheid. Kanttekening: de cijfers zijn schattingen uit 2012.",
    "Twitter, want dat is snel.",
    "Facebook, omdat de meeste mensen het gebruiken.",
]}
