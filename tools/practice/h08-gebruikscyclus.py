"""Practice class data of h08-gebruikscyclus (see tools/make_class.py): typical mistakes per answer cell
and open answers that belong to this assignment. Each student has her own case (smmkit.variant), so the
mistakes are written as a student would write them for any case: a phase of the buying cycle, a fraction
instead of a percentage, the wrong denominator, minutes not turned into hours, rounding the workload."""
from __future__ import annotations

WRONG = {
    # a phase of the buying cycle, and one fixed phase copied from a classmate
    "h08_fase_antwoord": ['fase = "evalueren"', 'fase = "onderhouden"'],
    # a fraction instead of a percentage, and the share without an answer
    "h08_reactiegraad_antwoord": [
        'reactiegraad = round(mijn_team["beantwoord"] / mijn_team["berichten"], 1)',
        'reactiegraad = round((mijn_team["berichten"] - mijn_team["beantwoord"]) / mijn_team["berichten"] * 100, 1)'],
    # all messages as the denominator, and a fraction
    "h08_ftr_antwoord": [
        'first_time_resolution = round(mijn_team["opgelost_eerste_keer"] / mijn_team["berichten"] * 100, 1)',
        'first_time_resolution = round(mijn_team["opgelost_eerste_keer"] / mijn_team["beantwoord"], 3)'],
    # minutes not divided by 60, and the workload without dividing by the staff
    "h08_bezetting_antwoord": [
        'bezetting = round(mijn_team["piek_per_uur"] * mijn_team["minuten_per_bericht"] / mijn_team["medewerkers"] * 100, 1)',
        'bezetting = round(mijn_team["piek_per_uur"] * mijn_team["minuten_per_bericht"] / 60 * 100, 1)'],
    # the workload rounded (100 % is not enough), and the current staff copied
    "h08_minimaal_team_antwoord": [
        'minimaal_team = round(mijn_team["piek_per_uur"] * mijn_team["minuten_per_bericht"] / 60)',
        'minimaal_team = int(mijn_team["medewerkers"])'],
}

OPEN_ANSWERS = {
    "h08_cijfers_betekenis": [
        "Gemeente Havenstad beantwoordt 85 % van de berichten: 15 op de 100 inwoners horen niets terug. Van de "
        "beantwoorde berichten is 67,9 % in één keer opgelost, dus een derde moet opnieuw contact zoeken. In het "
        "drukste uur is de bezetting 112,5 %: vier mensen kunnen 30 berichten van 9 minuten niet bijhouden. Vijf "
        "is het minimum, maar dan is er bijna geen ruimte voor pieken. Ik stel voor zes mensen in te roosteren "
        "in dat uur en een kennisbank te maken om de first-time resolution te verhogen (Mans, in Kok, 2012).\n\n"
        "Mans, R. (2012). De ROI van sociale media. In D. Kok (Red.), *Sociale media en gemeenten*.",
        "De reactiegraad is hoog, dus het team doet het goed. Misschien een extra medewerker.",
        "Webcare is belangrijk voor klanten omdat ze snel antwoord willen.",
    ],
    "h08_webcare_ontwerp": [
        "Categorieën: gevaar (direct naar 112, reactie binnen 15 minuten), klacht (1 uur, daarna de "
        "klachtencoördinator), vraag (2 uur, webcare zelf), melding openbare ruimte (4 uur, naar de buitendienst). "
        "Webcare werkt op werkdagen van 8 tot 20 uur; daarbuiten zegt een automatisch antwoord wanneer we "
        "reageren en dat je bij gevaar 112 belt. In het drukste uur verwacht ik 12 berichten van 10 minuten: "
        "werkdruk 2, dus ik zet 3 mensen in (bezetting 67 %). Nodig omdat 39 % van wie een vraag stelde nooit "
        "antwoord kreeg (Kok, 2012).\n\nKok, D. (Red.). (2012). *Sociale media en gemeenten*.",
        "We doen webcare van 9 tot 5 met twee mensen. Klachten gaan naar de afdeling.",
        "De gemeente moet op Facebook reageren op vragen.",
    ],
}
