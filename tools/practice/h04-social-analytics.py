"""Practice class data of h04-social-analytics (see tools/make_class.py): typical mistakes per answer cell and
open answers that belong to this assignment. Each student's case comes from her id (smmkit.variant); the
mistakes below are wrong for every case, or for most (absolute interactions instead of the rate, "positive
ROI is good enough")."""
from __future__ import annotations

WRONG = {
    # a vanity metric that is not a KPI in the list; the favourite KPI for every goal
    "h04_kpi_antwoord": ['kpi_keuze = "aantal volgers"', 'kpi_keuze = "engagement rate"'],
    # a marketing-funnel word instead of a flywheel phase; influencing for every goal
    "h04_fase_antwoord": ['fase = "awareness"', 'fase = "influencing"'],
    # a fraction instead of a percentage; the reach of the other post
    "h04_engagement_antwoord": ["er_b = round(interacties_b / bereik_b, 3)",
                                "er_b = round(interacties_b / bereik_a * 100, 1)"],
    # the post with the most interactions instead of the highest rate; not one of the two letters
    "h04_herhalen_antwoord": ['herhalen = "B" if interacties_b > interacties_a else "A"', 'herhalen = "allebei"'],
    # revenue over cost without subtracting; a fraction instead of a percentage
    "h04_roi_antwoord": ["roi_procent = round(meeropbrengst / investering * 100, 1)",
                         "roi_procent = round((meeropbrengst - investering) / investering, 3)"],
    # any positive ROI counted as meeting the target; always yes
    "h04_norm_antwoord": ['norm_gehaald = "ja" if roi_procent > 0 else "nee"', 'norm_gehaald = "ja"'],
}

# Open answers per open (markdown) answer cell: a good, a thin and a poor one.
OPEN_ANSWERS = {
    "h04_meetplan": [
        "| doel | KPI | metric | bron | frequentie | streefwaarde |\n| --- | --- | --- | --- | --- | --- |\n"
        "| meer mensen klikken door naar de webshop (selling) | CTR | klikken / impressies × 100 | advertentiebeheer "
        "| wekelijks | van 0,9 % naar 1,2 % vóór 1 oktober |\n"
        "| meer mensen in de regio kennen de winkel (influencing) | bereik | unieke accounts per maand | Instagram "
        "| maandelijks | van 4.000 naar 5.000 per maand vóór 31 december |\n"
        "| vragen snel beantwoorden (listening) | reactietijd | mediane minuten tot antwoord | inbox | dagelijks "
        "| mediaan onder 60 minuten |\n\n"
        "De 1,5 % CTR uit de gids neem ik niet over: de gids geeft geen vergelijkingscijfer voor kanaal en branche. "
        "Ik begin bij onze nulmeting. 5 % volgersgroei per maand is na een jaar 1,05^12 ≈ 1,8, dus 80 % groei; "
        "dat is voor een lokale winkel niet realistisch. Per doel één KPI (Van den Brink, in Kok, 2012).\n\n"
        "Van den Brink, R. (2012). Social key performance indicators en meetbare resultaten. In D. Kok (Red.), "
        "*Sociale media en gemeenten*.",
        "| doel | KPI |\n| --- | --- |\n| meer klikken | CTR |\n| meer volgers | volgers |\n| blije klanten | likes |\n\n"
        "We nemen 1,5 % CTR over uit de gids, dat is een goed doel.",
        "We gaan alles meten met Google Analytics en kijken elke maand of het beter gaat.",
    ],
    "h04_roi_duiding": [
        "De campagne kostte € 1.500 en leverde € 1.350 extra brutowinst op: een ROI van −10 %. Elke geïnvesteerde "
        "euro kwam terug als 90 cent. De meeropbrengst is wat we extra verdienden vergeleken met een maand zonder "
        "advertenties (het nulscenario; Mans, in Kok, 2012). Omdat nieuwe leden ook later nog opleveren, zou ik de "
        "campagne aangepast herhalen en daarnaast de conversie van proefles naar lidmaatschap volgen.\n\n"
        "Mans, R. (2012). De ROI van sociale media. In D. Kok (Red.), *Sociale media en gemeenten*.",
        "De ROI is 25 %, dat is positief dus de campagne was goed. We gaan door.",
        "ROI is return on investment. Social media zijn belangrijk voor elke organisatie.",
    ],
}
