"""Practice class data of h05-contentmarketing (see tools/make_class.py): typical mistakes per answer cell and
open answers that belong to this assignment. Each student has her own case (smmkit.variant), so a mistake is
written as the code a student would type: a literal from a neighbouring phase, the wrong formula, a fraction
instead of a percentage, or the printed percentage instead of her own calculation."""
from __future__ import annotations

WRONG = {
    "h05_fase_antwoord": [
        # one phase too early: the doelgroep is already a customer or ready to buy, the student says "think"
        'fase = {"care": "do", "do": "think", "think": "see", "see": "think"}[{"Fietsenwinkel Trapkracht": "care", '
        '"Gemeente Zuiderhaven": "see", "Sportschool De Kern": "think", "Theater Het Podium": "do", '
        '"Bibliotheek Rivierenland": "care", "Koffiebar De Boon": "see", "Webshop Tuinkamer": "do", '
        '"Energiecoöperatie Zonnedorp": "think"}[fase_casus["organisatie"]]]',
        'fase = "see"',                 # every content goal is "getting seen"
        'fase = "influencing"',         # a phase of the flywheel, not of the customer journey
        'fase = "do"',                  # "they have to buy something", whatever the goal
    ],
    "h05_kpi_antwoord": [
        'kpi = "bereik"',               # reach is a metric for see, not the KPI of what the post asks
        'kpi = "engagement rate"',      # the same KPI for every post
        'kpi = {"likeable": "CTR", "clickable": "engagement rate", "sharable": "engagement rate", '
        '"sellable": "CTR"}[bericht_casus["lcss"]]',
    ],
    "h05_ctr_antwoord": [
        'ctr = round(ctr_casus["klikken"] / ctr_casus["impressies"], 4)',        # a fraction, not a percentage
        'ctr = round(ctr_casus["impressies"] / ctr_casus["klikken"], 2)',        # turned upside down
    ],
    "h05_vervolgstap_antwoord": [
        'vervolgstap = "opschalen"',                                             # always more budget
        'vervolgstap = "aanpassen"',                                             # never trusts a number
        'vervolgstap = {True: "opschalen", False: "aanpassen"}[ctr / 100 >= 1.5]',  # fraction against 1.5 %
    ],
    "h05_doel_vaak_antwoord": [
        'pct_vaak = round(vaak / 221 * 100, 1)',                                 # all 221, not who answered
        'pct_vaak = float(doel_rijen.loc[doel_rijen["antwoord"] == "regelmatig tot vaak", "percentage"].iloc[0])',
        'pct_vaak = round(vaak / beantwoord, 3)',                                # a fraction
    ],
}

_PLAN = """| datum | kanaal | onderwerp | LCSS | hero/hub/help |
| --- | --- | --- | --- | --- |
| 2026-05-04 | Instagram | Zo plan je je eerste bezoek | clickable | help |
| 2026-05-06 | Instagram | Foto van het team op maandagochtend | likeable | hub |
| 2026-05-12 | Facebook | Checklist om door te sturen naar vrienden | sharable | help |
| 2026-05-14 | Instagram | Vraag van de week | likeable | hub |
| 2026-05-20 | Facebook | Deze week 10 % korting | sellable | help |
| 2026-05-27 | YouTube | Film over een jaar vol klanten | sharable | hero |
"""

OPEN_ANSWERS = {
    "h05_eigen_plan": [
        _PLAN + "\nMijn organisatie zit in de fase see: de doelgroep kent ons nog niet. Daarom veel likeable en "
        "sharable berichten die nieuwe mensen bereiken, en één sellable bericht voor wie al wil kopen. Ik meet "
        "likeable met de engagement rate, clickable met de CTR, sharable met de deelratio en sellable met de "
        "conversieratio (Merkx, 2023).\n\nMerkx, C. (2023, 5 december). *Social media strategie* [Online handleiding].",
        _PLAN + "\nDit plan is gevarieerd en past bij de doelgroep.",
        "Ik heb het voorbeeldplan van de kalender gebruikt, met 100 jaar stadhuis.",
    ],
    "h05_contentstrategie": [
        "Van de 705 burgers wil 71 % iets horen over meldingen in de openbare ruimte (Kok, 2012). Van de gemeenten die "
        "de vraag beantwoordden, reageert maar 39,1 % regelmatig op inwoners (n = 220): gemeenten zenden vooral. "
        "Daarom draait mijn strategie om terugkoppeling. Help: een vast bericht 'zo meld je een losse tegel'. Hub: "
        "elke vrijdag 'opgelost deze week' met foto's van voor en na. Hero: een film over een dag bij de "
        "buitendienst. Ik zet vaker sharable in, omdat buren zulke berichten doorsturen en zo ook niet-volgers "
        "bereiken (Merkx, 2023). Kanttekening: de respondenten werden via social media benaderd, dus inwoners die "
        "niet online zijn, ontbreken.\n\nKok, D. (Red.). (2012). *Sociale media en gemeenten*.\n"
        "Merkx, C. (2023, 5 december). *Social media strategie* [Online handleiding].",
        "Meldingen zijn het belangrijkst. We maken hero, hub en help berichten en gebruiken vooral likeable content "
        "omdat dat leuk is.",
        "De gemeente moet meer op TikTok zitten want daar zitten jongeren.",
    ],
}
