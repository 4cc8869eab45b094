"""Practice class data of h07-koopcyclus (see tools/make_class.py): typical mistakes per answer cell and
open answers that belong to this assignment. Each student has her own case (smmkit.variant), so the
mistakes are written as a student would write them for any case: a wrong phase, the wrong rate in the
funnel, a fraction instead of a percentage, the cost per click instead of per lead."""
from __future__ import annotations

WRONG = {
    # a phase of the other model (the flywheel), and one fixed phase copied from a classmate
    "h07_fase_antwoord": ['fase = "influencing"', 'fase = "evalueren"'],
    # the conversion rate without ÷ 100, and the CTR instead of the conversion rate
    "h07_leads_antwoord": ['leads = round(klikken * mijn_campagne["conversie"])',
                           'leads = round(klikken * mijn_campagne["ctr"] / 100)'],
    # the cost per click (CPC) instead of per lead, and the division turned round
    "h07_kosten_per_lead_antwoord": ['kosten_per_lead = round(mijn_campagne["budget"] / klikken, 2)',
                                     'kosten_per_lead = round(leads / mijn_campagne["budget"], 2)'],
    # a fraction instead of a percentage, and the revenue without subtracting the investment
    "h07_roi_antwoord": [
        'roi = round((leads * mijn_campagne["waarde_per_lead"] - mijn_campagne["budget"]) / mijn_campagne["budget"], 1)',
        'roi = round(leads * mijn_campagne["waarde_per_lead"] / mijn_campagne["budget"] * 100, 1)'],
    # a phase of the customer cycle instead of a movement, and one fixed movement for every goal
    "h07_beweging_antwoord": ['beweging = "inspiratie"', 'beweging = "selling"'],
}

OPEN_ANSWERS = {
    "h07_roi_betekenis": [
        "De ROI van mijn campagne (Theater De Spiegel) is 3,2 %: elke euro komt terug met ruim 3 cent winst. "
        "Dat is bijna quitte. Ik kies voor bijsturen: de conversie van 4 % is laag voor mensen die al op de "
        "advertentie klikten, dus ik maak eerst de kaartverkoop op de landingspagina eenvoudiger en test dat een "
        "week. Kanttekening: een deel van de bezoekers had misschien ook zonder advertentie een kaartje gekocht "
        "(baseline), dus ik kijk ook naar de bezettingsgraad van de zaal (Mans, in Kok, 2012).\n\n"
        "Mans, R. (2012). De ROI van sociale media. In D. Kok (Red.), *Sociale media en gemeenten*.",
        "De ROI is positief dus de campagne is goed. We gaan door en verhogen het budget.",
        "ROI betekent return on investment. Dat is belangrijk voor social media.",
    ],
    "h07_campagneadvies": [
        "In 2012 wilde 75 % van de 18- tot 29-jarigen informatie van de gemeente via Twitter ontvangen, tegen "
        "60 % van alle respondenten (Kok, 2012). De cijfers zijn oud en de vragenlijst ging via social media "
        "rond, dus ik kies nu Instagram en TikTok en check dat met een korte peiling. De advertentie werkt in de "
        "fase inspiratie; bij onderzoeken staat een duidelijke pagina klaar, bij evalueren vertellen panelleden "
        "hun ervaring en bij selecteren is er een kort formulier (Rietberg & Ruigrok, 2025). De conversie is het "
        "onzekerst; na een week vergelijk ik klikken en aanmeldingen en pas ik eerst de landingspagina aan.\n\n"
        "Kok, D. (Red.). (2012). *Sociale media en gemeenten*.\n"
        "Rietberg, D., & Ruigrok, K. (2025). *Social media management* (2e dr.). Noordhoff.",
        "Ik kies Twitter want 75 % van de jongeren wil dat. De advertentie werkt in de fase selecteren.",
        "Jongeren zitten op TikTok, dus daar moet de gemeente adverteren.",
    ],
}
