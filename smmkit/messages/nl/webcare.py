"""Dutch texts for the webcare triage model and its widget."""
MESSAGES = {
    "webcare.field.text": "bericht",
    "webcare.field.category": "categorie",
    "webcare.field.arrival": "binnenkomst (minuten)",
    "webcare.field.agents": "aantal webcaremedewerkers",
    "webcare.field.handling": "minuten per antwoord",
    "webcare.field.count": "aantal berichten",
    "webcare.field.hours": "aantal uur",
    "webcare.missing_text": "Dit bericht heeft geen tekst. Geef elk bericht als dict met minstens 'text'.",
    "webcare.bad_item": "Ik kan {item} niet lezen als bericht. Geef een tekst of een dict met 'text'.",
    "webcare.no_messages": "Er zijn geen berichten om te beantwoorden. Voeg eerst berichten toe.",
    "webcare.summary.empty": "De inbox is leeg.",
    "webcare.summary.text": "{total} berichten: {parts}. Pak eerst op: '{first}' ({category}, binnen {target} minuten).",
    "webcare.sim.text": "Met {agents} {staff} is {within} % van de berichten op tijd beantwoord; gemiddeld wacht iemand {mean} minuten.",
    "webcare.staff_one": "medewerker",
    "webcare.staff_many": "medewerkers",
    "webcare.sim.worst": "Het zwakst scoort de categorie {category}: {share} % binnen de streeftijd van {target} minuten. Zet meer mensen in of maak antwoorden sneller.",
    "webcare.field.per_hour": "berichten per uur",
    "webcare.field.replications": "aantal herhalingen",
    "webcare.field.category": "categorie",
    "webcare.field.within": "deel op tijd (%)",
    "webcare.load.text": (
        "{per_hour} berichten per uur van {handling} minuten elk is {busy} mensen die het hele uur bezig zijn. "
        "Met minder dan {minimum} medewerkers groeit de wachtrij dus de hele dienst door."
    ),
    "webcare.shift.text": (
        "Met {agents} {staff} in een dienst van {hours} uur is het team {utilisation} % van de tijd bezig; "
        "{within} % van de berichten is binnen de streeftijd beantwoord en een bericht wacht gemiddeld "
        "{wait} minuten voordat iemand het oppakt."
    ),
    "webcare.shift.overloaded": (
        "De bezetting is 100 % of meer: er komt meer werk binnen dan het team aankan, dus de wachtrij wordt "
        "steeds langer. Zet minstens {minimum} mensen in."
    ),
    "webcare.bad_mix": "Geef bij minstens één categorie een aandeel groter dan 0. Categorieën: {categories}.",
    "webcare.no_staffing": "Ook met veel meer mensen haalt dit team de {within} % niet. Kijk of de streeftijden kloppen.",
    "webcare.w.load": (
        "Bezetting van dit team: {utilisation} % (berichten per uur × minuten per bericht ÷ 60, gedeeld door "
        "het aantal medewerkers). Een dienst lang bijhouden kan pas vanaf {minimum} medewerkers."
    ),
    "webcare.w.overloaded": (
        "Let op: boven de 100 % ziet de simulatie hierboven er beter uit dan het echt is, want na deze uren "
        "komen er geen nieuwe berichten meer bij. Komen ze de hele dienst door, dan groeit de wachtrij steeds "
        "verder (zie webcare.shift onder 'Voor de opdracht')."
    ),
    "webcare.sim.all_ok": "Elke categorie haalt de streeftijd.",
    "webcare.w.title": "Webcare: triage en reactietijd",
    "webcare.w.intro": "Bepaal per bericht de categorie (de voorzet komt uit signaalwoorden, jij beslist). Onderaan simuleer je hoeveel berichten op tijd beantwoord worden.",
    "webcare.w.safety": "veiligheidsrisico: eerst",
    "webcare.w.new": "Nieuw bericht",
    "webcare.w.per_hour": "Berichten per uur",
    "webcare.w.hours": "Uren",
    "webcare.w.agents": "Medewerkers",
    "webcare.w.handling": "Min. per antwoord",
    "webcare.w.norms": "Streeftijden: {norms}",
    "webcare.w.chart_title": "Aandeel op tijd beantwoord per categorie",
    "webcare.w.source": "simulatie met voorbeeldinbox en voorbeeldnormen van smmkit",
    "webcare.w.axis": "% binnen streeftijd",
    "webcare.w.field_text": "Bericht",
    "webcare.w.field_category": "Soort bericht",
}
