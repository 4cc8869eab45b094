"""Make datasets/merk_posts.csv: the post-level figures of a brand account, invented for the kit.

The kit's real data is municipal (Kok, 2012). Issue #19 asks for a commercial case beside it in every
chapter: one brand account (the invented brand of bicycle bags and accessories *Trapvast*), 48 posts over 12 weeks of 2024,
with reach, interactions, clicks and purchases. The numbers are drawn from a seeded random generator
with plausible ratios per channel, format, maker and LCSS type; they describe no real brand.
Run ``python tools/make_merk_posts.py`` to write the file again (the output is the same every time).
"""
from __future__ import annotations

import csv
import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "datasets" / "merk_posts.csv"
COLUMNS = ["post_id", "week", "kanaal", "vorm", "maker", "lcss", "fase", "betaald", "kosten_euro",
           "bereik", "vertoningen", "likes", "reacties", "gedeeld", "opgeslagen", "klikken",
           "aankopen", "vragen"]

# (channel, format, maker, LCSS type, phase of the customer cycle, paid)
PLAN = [
    ("Instagram", "foto", "merk", "likeable", "inspiratie", False),
    ("TikTok", "video", "merk", "sharable", "inspiratie", False),
    ("Facebook", "foto", "merk", "clickable", "onderzoeken", False),
    ("LinkedIn", "tekst", "medewerker", "likeable", "inspiratie", False),
    ("Instagram", "carrousel", "merk", "clickable", "onderzoeken", False),
    ("YouTube", "video", "merk", "clickable", "onderzoeken", False),
    ("Instagram", "foto", "klant", "likeable", "evalueren", False),
    ("TikTok", "video", "influencer", "sharable", "inspiratie", True),
    ("Facebook", "video", "merk", "sellable", "selecteren", True),
    ("Instagram", "video", "merk", "sellable", "selecteren", True),
    ("TikTok", "video", "merk", "likeable", "gebruik", False),
    ("LinkedIn", "tekst", "merk", "clickable", "onderzoeken", False),
    ("Instagram", "carrousel", "merk", "clickable", "gebruik", False),
    ("YouTube", "video", "merk", "clickable", "gebruik", False),
    ("Instagram", "foto", "partnermerk", "sharable", "inspiratie", False),
    ("TikTok", "video", "klant", "sharable", "evalueren", False),
    ("Facebook", "tekst", "merk", "likeable", "gebruik", False),
    ("Instagram", "livestream", "merk", "sellable", "selecteren", False),
    ("TikTok", "video", "merk", "clickable", "onderzoeken", False),
    ("LinkedIn", "foto", "medewerker", "likeable", "inspiratie", False),
    ("Instagram", "video", "influencer", "sellable", "evalueren", True),
    ("YouTube", "video", "influencer", "clickable", "evalueren", True),
    ("Facebook", "foto", "merk", "sellable", "selecteren", True),
    ("Instagram", "foto", "klant", "likeable", "gebruik", False),
    ("TikTok", "video", "merk", "sharable", "inspiratie", False),
    ("Instagram", "carrousel", "merk", "clickable", "evalueren", False),
    ("Facebook", "video", "merk", "clickable", "gebruik", False),
    ("LinkedIn", "tekst", "merk", "likeable", "inspiratie", False),
    ("Instagram", "video", "partnermerk", "sellable", "selecteren", True),
    ("TikTok", "video", "influencer", "sharable", "inspiratie", True),
    ("YouTube", "video", "merk", "clickable", "gebruik", False),
    ("Instagram", "foto", "merk", "likeable", "inspiratie", False),
    ("TikTok", "video", "klant", "likeable", "gebruik", False),
    ("Facebook", "foto", "merk", "sellable", "selecteren", True),
    ("Instagram", "carrousel", "merk", "clickable", "onderzoeken", False),
    ("LinkedIn", "foto", "medewerker", "likeable", "inspiratie", False),
    ("Instagram", "video", "merk", "sharable", "inspiratie", False),
    ("TikTok", "video", "merk", "clickable", "onderzoeken", True),
    ("YouTube", "video", "klant", "clickable", "evalueren", False),
    ("Facebook", "tekst", "merk", "clickable", "gebruik", False),
    ("Instagram", "livestream", "merk", "sellable", "selecteren", False),
    ("TikTok", "video", "partnermerk", "sharable", "inspiratie", False),
    ("Instagram", "foto", "klant", "sharable", "evalueren", False),
    ("LinkedIn", "tekst", "medewerker", "clickable", "onderzoeken", False),
    ("Instagram", "video", "merk", "likeable", "gebruik", False),
    ("TikTok", "video", "influencer", "sellable", "selecteren", True),
    ("YouTube", "video", "merk", "likeable", "inspiratie", False),
    ("Facebook", "foto", "merk", "likeable", "evalueren", False),
]

BASE_REACH = {"Instagram": 6000, "TikTok": 14000, "Facebook": 4000, "LinkedIn": 1800, "YouTube": 3000}
FORMAT = {"foto": 0.9, "carrousel": 1.1, "video": 1.3, "tekst": 0.6, "livestream": 0.7}
MAKER = {"merk": 1.0, "klant": 0.9, "influencer": 3.5, "medewerker": 0.8, "partnermerk": 2.2}
# per LCSS type: likes, comments, shares, saves, clicks, purchases per click (ratios to reach)
RATES = {
    "likeable": (0.060, 0.008, 0.004, 0.006, 0.003, 0.00),
    "sharable": (0.045, 0.006, 0.018, 0.010, 0.004, 0.00),
    "clickable": (0.025, 0.005, 0.003, 0.014, 0.018, 0.01),
    "sellable": (0.020, 0.006, 0.002, 0.005, 0.022, 0.05),
}


def rows(seed: int = 19) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i, (kanaal, vorm, maker, lcss, fase, paid) in enumerate(PLAN):
        cost = rng.choice([150, 200, 250, 300, 400, 500]) if paid else 0
        reach = BASE_REACH[kanaal] * FORMAT[vorm] * MAKER[maker] * rng.uniform(0.6, 1.5)
        reach += cost / 7.5 * 1000 / 1.6 if paid else 0  # about 1.6 views per person at CPM 7.50
        reach = int(round(reach, -1))
        views = int(round(reach * rng.uniform(1.15, 1.8)))
        like, comm, share, save, click, buy = RATES[lcss]
        mood = rng.uniform(0.7, 1.35) * (1.3 if maker == "klant" else 1.0) * (0.55 if paid else 1.0)
        clicks = int(reach * click * rng.uniform(0.7, 1.3) * (1.4 if paid else 1.0))
        questions = int(reach * comm * mood * (0.35 if fase == "gebruik" else 0.12) * rng.uniform(0.6, 1.4))
        out.append({
            "post_id": f"T{i + 1:02d}", "week": i // 4 + 1, "kanaal": kanaal, "vorm": vorm,
            "maker": maker, "lcss": lcss, "fase": fase, "betaald": "ja" if paid else "nee",
            "kosten_euro": cost, "bereik": reach, "vertoningen": views,
            "likes": int(reach * like * mood), "reacties": int(reach * comm * mood),
            "gedeeld": int(reach * share * mood), "opgeslagen": int(reach * save * mood),
            "klikken": clicks, "aankopen": int(round(clicks * buy * rng.uniform(0.6, 1.4))),
            "vragen": questions,
        })
    return out


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows())
    print(f"{OUT} geschreven")


if __name__ == "__main__":
    main()
