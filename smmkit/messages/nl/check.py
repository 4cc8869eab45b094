"""Dutch texts of smmkit.check (the "controleer je antwoord" cells) and smmkit.progress."""
MESSAGES = {
    # verdicts
    "check.question": "{part} – {topic}",
    "check.value.nan": "leeg (geen getal)",
    "check.value.inf": "oneindig",
    "check.passed": (
        "✔ {question}: deze controle klopt.\n"
        "Let op: dit is nog geen cijfer. Bij het nakijken tellen ook verborgen tests mee, "
        "en open vragen beoordeelt je docent zelf."
    ),
    "check.failed": "✘ {question}: nog niet goed.\n{reason}",
    # not (yet) answered
    "check.not_defined": (
        "Er bestaat nog geen variabele `{name}`. Voer eerst de antwoordcel hierboven uit en zorg dat "
        "daarin een regel `{name} = ...` staat met jouw berekening (let op hoofdletters en spelling)."
    ),
    "check.stale_failed": (
        "De cel waarin `{name}` wordt gemaakt, stopte de laatste keer met een fout ({error}). Daardoor is "
        "`{name}` niet je nieuwste antwoord (het kan nog een oude waarde zijn). Verbeter die cel, voer hem "
        "opnieuw uit zonder fout en voer daarna deze controle opnieuw uit."
    ),
    "check.stale_edited": (
        "De cel waarin `{name}` wordt gemaakt, is veranderd sinds je hem de laatste keer uitvoerde. De "
        "controle kijkt naar de oude uitkomst. Voer die cel eerst opnieuw uit (Shift + Enter) en daarna "
        "deze controle."
    ),
    "check.no_longer_assigned": (
        "De cel waarin `{name}` eerst werd gemaakt, maakt `{name}` nu niet meer: er staat geen regel "
        "`{name} = ...` meer in. Opnieuw uitvoeren helpt dus niet. Zet in die cel weer een regel "
        "`{name} = ...` met jouw berekening (precies deze naam), voer de cel uit en daarna deze controle."
    ),
    "check.not_filled": (
        "`{name}` heeft nog geen antwoord: er staat nog `...`. Vervang de drie puntjes door je "
        "berekening en voer die cel opnieuw uit."
    ),
    "check.not_a_name": (
        "Geef de naam van je variabele tussen aanhalingstekens, bijvoorbeeld "
        "check.{function}(\"mijn_antwoord\", ...)."
    ),
    # types
    "check.type.str": "tekst",
    "check.type.int": "een geheel getal",
    "check.type.float": "een kommagetal",
    "check.type.bool": "True of False",
    "check.type.none": "None (leeg)",
    "check.type.series": "een hele kolom (Series)",
    "check.type.dataframe": "een tabel (DataFrame)",
    "check.type.list": "een lijst",
    "check.type.dict": "een woordenboek (dict)",
    "check.type.tuple": "een rijtje van losse waarden",
    "check.type.method": "een rekenopdracht zonder haakjes",
    "check.type.other": "iets anders dan gevraagd",
    "check.wrong_type": "`{name}` moet {wanted} zijn, maar is nu {got}.{hint}",
    "check.hint.quotes": " Staat je getal tussen aanhalingstekens? Haal die weg.",
    "check.hint.one_value": (
        " Je hebt nog een hele kolom of tabel; kies er één waarde uit, bijvoorbeeld met "
        ".mean(), .max(), .sum() of .loc[...]."
    ),
    "check.hint.comma": " Staat er een komma in een getal, zoals 75,0? Voor Python maakt een komma losse waarden; "
                        "schrijf een kommagetal met een punt: 75.0.",
    "check.hint.call": " Zet haakjes achter de rekenopdracht: .{function}() in plaats van .{function}.",
    "check.hint.none": " Gebruik in je antwoordcel `=` om een waarde op te slaan, geen print().",
    "check.hint.count": " Een aantal is een heel getal: gebruik bijvoorbeeld len(...) of int(...).",
    "check.hint.text": " Zet tekst tussen aanhalingstekens, bijvoorbeeld \"Facebook\".",
    # numbers
    "check.not_finite": "`{name}` is {value}: dat is geen bruikbaar getal. Controleer of je niet door 0 deelt.",
    "check.out_of_range": (
        "`{name}` = {value} kan niet kloppen: het antwoord ligt tussen {low} en {high}."
    ),
    "check.is_fraction": (
        "Je antwoord lijkt een fractie (een deel van 1), maar de vraag vraagt een percentage. "
        "Vermenigvuldig met 100."
    ),
    "check.is_percentage": (
        "Je antwoord lijkt een percentage, maar de vraag vraagt een fractie tussen 0 en 1. "
        "Deel door 100."
    ),
    "check.rounding": (
        "Je zit er heel dicht bij. Kijk nog eens naar het afronden: de vraag vraagt {decimals} "
        "decimalen, gebruik round(..., {decimals})."
    ),
    "check.wrong_value": "Dit getal klopt nog niet.",
    "check.wrong_text": "'{value}' is nog niet het goede antwoord.",
    "check.not_an_option": "'{value}' is geen geldige keuze. Kies uit: {options}.",
    "check.hint_prefix": "Tip: {hint}",
    "check.hint.generic": "Lees de vraag nog eens en voer je berekening stap voor stap uit; bekijk tussenresultaten.",
    # tables
    "check.missing_columns": "Je tabel mist de kolom(men) {columns}. Aanwezig zijn: {present}.",
    "check.extra_columns": "Je tabel heeft kolommen die er niet in horen: {columns}. Houd alleen {wanted}.",
    "check.rows": "Je tabel heeft {got} rijen; verwacht worden er {wanted}.{hint}",
    "check.hint.rows_more": " Heb je misschien te veel rijen weggefilterd?",
    "check.hint.rows_less": " Filter of selecteer nog de juiste rijen (bijvoorbeeld met .head() of een voorwaarde).",
    "check.not_sorted": "Je tabel staat nog niet gesorteerd op '{column}' ({order}).",
    "check.order.descending": "van hoog naar laag",
    "check.order.ascending": "van laag naar hoog",
    "check.wrong_table_values": "De kolommen en het aantal rijen kloppen, maar de waarden nog niet.",
    # mappings (dicts)
    "check.missing_keys": "In `{name}` ontbreken nog: {keys}.",
    "check.extra_keys": "In `{name}` staan sleutels die er niet in horen: {keys}. Gebruik alleen {wanted}.",
    "check.mapping_option": "Bij '{key}' staat '{value}': dat is geen geldige keuze. Kies uit: {options}.",
    "check.mapping_wrong": "{right} van de {total} koppelingen kloppen. Kijk nog eens naar: {keys}.",
    "check.inconsistent": "'{value}' past niet bij wat je zelf in de widget hebt ingevuld en bewaard.",
    "check.mixed_column": (
        "In de kolom '{column}' staan tekst en getallen door elkaar, dus de volgorde valt niet te controleren. "
        "Zorg dat er alleen getallen in staan (bijvoorbeeld met pd.to_numeric)."
    ),
    "check.too_large": "Het getal in `{name}` is te groot om mee te rekenen. Kijk je berekening na.",
    # files (work saved from a widget)
    "check.file_missing": (
        "Het bestand '{path}' bestaat nog niet. Klik in de widget op opslaan, of voer de cel met "
        ".save(\"{path}\") uit, en controleer daarna opnieuw."
    ),
    "check.file_not_json": (
        "Het bestand '{path}' is geen leesbaar JSON-bestand (het is beschadigd of met de hand veranderd). Sla het "
        "opnieuw op vanuit de widget."
    ),
    "check.file_missing_keys": (
        "Het bestand '{path}' mist de onderdelen {keys}. Sla het opnieuw op vanuit de juiste widget."
    ),
    # progress
    "progress.corrupt": (
        "Je voortgangsbestand {path} was beschadigd en kon niet gelezen worden. Er is een kopie bewaard "
        "als {backup}; je voortgang begint opnieuw. Je antwoorden in de notebooks zijn niet aangetast."
    ),
    "progress.unwritable": (
        "Je voortgang kon niet worden opgeslagen in {path} ({error}). Je controle zelf is wel gelukt. "
        "Tip: zet de omgevingsvariabele SMMKIT_HOME op een map waarin je mag schrijven."
    ),
    "progress.title": "Jouw voortgang (lokaal bijgehouden, dit is geen cijfer)",
    "progress.col.assignment": "opdracht",
    "progress.col.passed": "geslaagde controles",
    "progress.col.last": "laatst",
    "progress.col.questions": "vragen",
    "progress.empty": (
        "Nog geen geslaagde controles. Maak een opdracht in exercises/ en voer de cellen "
        "'controleer je antwoord' uit; elke geslaagde controle komt hier te staan."
    ),
    "progress.of": "{passed} van {total}",
    "progress.file": "Bestand: {path}",
}
