"""Practice class data of h02-typen-en-kanalen (see tools/make_class.py): typical mistakes per answer cell
and open answers that belong to this assignment. Each student's case differs (smmkit.variant), so a mistake
is written the way a student would: a fixed guess, a confusion of two terms, or a slip in the formula."""
from __future__ import annotations

WRONG = {
    # the name of the service instead of its type; the table's plural; a fixed guess
    "h02_type_antwoord": ['soort_dienst = vraag1["naam"]', 'soort_dienst = "sociale netwerken"',
                          'soort_dienst = "sociaal netwerk"'],
    # divided by the new value; the difference in percentage points; not rounded to 1 decimal
    "h02_verandering_antwoord": [
        'relatieve_verandering = round((vraag2["nieuw"] - vraag2["oud"]) / vraag2["nieuw"] * 100, 1)',
        'relatieve_verandering = vraag2["nieuw"] - vraag2["oud"]',
        'relatieve_verandering = round((vraag2["nieuw"] - vraag2["oud"]) / vraag2["oud"], 1)'],
    # always "percent" (the sign is read as %); the English term; a fixed guess the other way
    "h02_soort_antwoord": ['soort_verschil = "procent"', 'soort_verschil = "percentage points"',
                           'soort_verschil = "procentpunten"'],
    # the model's English id; a fixed guess; the block that sounds like "platform"
    "h02_bouwsteen_antwoord": ['bouwsteen = "groups"', 'bouwsteen = "conversaties"', 'bouwsteen = "delen"'],
    # daily use taken as a share of all young people; only the users; no rounding
    "h02_dagelijks_bereik_antwoord": [
        'dagelijks_bereik = round(vraag5["jongeren"] * vraag5["dagelijks"] / 100)',
        'dagelijks_bereik = round(vraag5["jongeren"] * vraag5["gebruik"] / 100)',
        'dagelijks_bereik = vraag5["jongeren"] * vraag5["gebruik"] / 100 * vraag5["dagelijks"] / 100'],
}

OPEN_ANSWERS = {
    "h02_kanaalkeuze": [
        "Een panel heeft vooral de bouwsteen groepen nodig: een vaste, besloten plek waar dezelfde jongeren "
        "terugkomen. Ook conversaties tellen, want jongeren reageren op elkaar en op de gemeente (Kietzmann e.a., "
        "2011). Ik adviseer een WhatsApp-community met een eigen pagina op de gemeentesite als basis. Hyves laat zien "
        "hoe snel een platform leegloopt: het gebruik daalde van 39 % naar 24 %, 15 procentpunten of relatief ruim "
        "38 % (Newcom, 2012, in Kok, 2012). Leg daarom ledenlijst en verslagen vast in een eigen kanaal en kijk elk "
        "jaar opnieuw waar jongeren zitten.\n\n"
        "- Kietzmann, J. H., Hermkens, K., McCarthy, I. P., & Silvestre, B. S. (2011). Social media? Get serious! "
        "Understanding the functional building blocks of social media. *Business Horizons, 54*(3), 241–251.\n"
        "- Newcom Research & Consultancy. (2012). Sociale media in Nederland. In D. Kok (Red.), "
        "*Sociale media en gemeenten*.",
        "Instagram, want daar zitten jongeren. Hyves daalde met 15 % dus je moet oppassen. Groepen is belangrijk.",
        "TikTok is het populairste platform, dus dat moet de gemeente doen.",
    ],
    "h02_rapport": [
        "Als de landelijke cijfers ook voor onze gemeente gelden, gebruiken ongeveer 2.160 van de 2.400 jongeren "
        "Facebook en openen zo'n 1.728 het dagelijks: bijna drie op de vier. Dat maakt Facebook een sterk kanaal voor "
        "dagelijkse berichten. Kanttekeningen: het zijn landelijke cijfers uit 2012 (Newcom, 2012, in Kok, 2012), en "
        "ze gaan over 15- tot en met 19-jarigen, niet over al onze jongeren.",
        "1.728 jongeren gebruiken Facebook elke dag, dat is veel. De cijfers zijn oud.",
        "Heel veel jongeren zitten op social media.",
    ],
}
