"""Practice class data of h03-strategie (see tools/make_class.py): typical mistakes per answer cell and open
answers that belong to this assignment. Each student's case comes from her id (smmkit.variant); the mistakes
below are wrong for every case, or for most (a rule that forgets the 80 % margin, a favourite model)."""
from __future__ import annotations

WRONG = {
    # no case is judged on R (not readable from the sentence) and one of eight misses M: the letters students
    # pick when they read "van ... naar" too quickly
    "h03_smart_letter_antwoord": ['ontbrekende_letter = "R"', 'ontbrekende_letter = "M"'],
    # Owyang's holistic model (every employee takes part), not one of the three; the chapter's favourite for
    # every case
    "h03_organisatiemodel_antwoord": ['organisatiemodel = "holistisch"', 'organisatiemodel = "hub and spoke"'],
    # minutes instead of hours; per working day instead of per week
    "h03_werklast_antwoord": ["uren_nodig = vragen_per_week * minuten_per_vraag",
                              "uren_nodig = round(vragen_per_week * minuten_per_vraag / 60 / 5, 1)"],
    # the 80 % margin forgotten (wrong for the teams between 80 and 100 %); always optimistic; no choice
    "h03_haalbaar_antwoord": ['haalbaar = "ja" if uren_nodig <= uren_beschikbaar else "nee"',
                              'haalbaar = "ja"', 'haalbaar = "misschien"'],
    # a fifth area that is not asked; portrait and copyright mixed up
    "h03_juridisch_antwoord": ['regel = "platformregels"', 'regel = "auteursrecht"'],
}

# Open answers per open (markdown) answer cell: a good, a thin and a poor one.
OPEN_ANSWERS = {
    "h03_smart_herschreven": [
        "\"Het team communicatie van de bibliotheek laat het aantal deelnemers aan de online leesclub in de "
        "Facebookgroep groeien van 120 naar 200 vóór 1 juni 2026.\"\n\nEr ontbrak een deadline (T). Zonder datum "
        "weet het team niet wanneer het meet en bijstuurt. Om R te beoordelen wil ik weten hoeveel uur per week "
        "het team aan de groep besteedt en hoe snel de groep de afgelopen maanden groeide.",
        "We willen vóór de zomer meer volgers op Instagram. T ontbrak.",
        "Het doel is al goed, want er staan getallen in.",
    ],
    "h03_organisatieadvies": [
        "Ik adviseer hub and spoke. De adviseur wordt de hub: huisstijl, planning, crisisaanpak en training. "
        "Wethouders, wijkregisseurs en afval posten zelf als spokes. Nadeel: de adviseur verliest eerst tijd aan "
        "training; een vast format en een gezamenlijke contentkalender vangen dat op. In 2012 had maar ongeveer "
        "de helft van de gemeenten beleid of richtlijnen voor medewerkers (15 % en 34 %; Kok, 2012), dus "
        "richtlijnen zijn stap één: wie spreekt namens de gemeente, reageren binnen een werkdag, doorverwijzen "
        "naar de hub, en geen persoonsgegevens in openbare reacties (AVG). Werklast: 140 vragen van 6 minuten is "
        "14 uur per week; met 16 uur is dat bijna 88 %, meer dan 80 %, dus één adviseur redt het niet, tenzij "
        "afval zelf de vragen over afval beantwoordt.\n\n"
        "Kok, D. (Red.). (2012). *Sociale media en gemeenten*.",
        "Hub and spoke, want dat is het meest gekozen model. Medewerkers moeten netjes blijven online.",
        "Decentraal, iedereen mag posten wat hij wil. Social media is belangrijk voor gemeenten.",
    ],
}
