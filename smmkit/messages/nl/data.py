"""Dutch texts of smmkit.data (loading, listing and describing the datasets)."""
MESSAGES = {
    "data.unknown_name": (
        "Er is geen dataset met de naam '{name}'.{suggestion}\n"
        "Beschikbare datasets: {names}.\n"
        "Tip: `list_datasets()` geeft alle namen als lijst."
    ),
    "data.unknown_group": (
        "Er is geen groep datasets met de naam '{group}'. Kies uit: {groups}. "
        "Zonder groep geeft `list_datasets()` alle namen."
    ),
    "data.suggestion": " Bedoel je '{name}'?",
    "data.not_a_string_dataframe": (
        "load() verwacht de naam van een dataset (tekst), maar kreeg een DataFrame. "
        "Die tabel is al geladen: je kunt hem direct gebruiken."
    ),
    "data.not_a_string": (
        "load() verwacht de naam van een dataset als tekst tussen aanhalingstekens, "
        "bijvoorbeeld load(\"{example}\"), maar kreeg {got} van het type {type}.\n"
        "Tip: `list_datasets()` geeft alle namen."
    ),
    "data.empty_name": (
        "Je gaf een lege naam. Geef de naam van een dataset tussen aanhalingstekens, "
        "bijvoorbeeld load(\"{example}\"). `list_datasets()` geeft alle namen."
    ),
    "data.missing_file": (
        "Het bestand '{path}' van dataset '{name}' ontbreekt in de installatie. "
        "Installeer smmkit opnieuw (`python3 kit.py lab` doet dat) of meld het aan je docent."
    ),
    "data.bad_value": (
        "Dataset '{name}', kolom '{column}': de waarde '{value}' past niet bij het type {type}. "
        "Het bestand is waarschijnlijk met de hand aangepast; zet de originele versie terug."
    ),
    # Labels used by describe() and the generated datasheet.
    "data.label.source": "Bron",
    "data.label.population": "Populatie",
    "data.label.n": "n (respondenten)",
    "data.label.years": "Jaar",
    "data.label.rows": "Rijen",
    "data.label.columns": "Kolommen",
    "data.label.column": "kolom",
    "data.label.type": "type",
    "data.label.unit": "eenheid",
    "data.label.meaning": "betekenis",
    "data.label.allowed": "toegestane waarden",
    "data.label.missing": "Ontbrekende waarden",
    "data.label.missing_codes": (
        "lege cel: ontbreekt of niet van toepassing (zie de betekenis van de kolom); "
        "pandas toont zo'n cel als <NA> of NaN"
    ),
    "data.label.quirks": "Eigenaardigheden van de bron (goed lesmateriaal: reken ze zelf na)",
    "data.label.totals": "Totaalregels zoals gedrukt (niet in de tabel zelf)",
    "data.label.preview": "Eerste rijen",
    "data.label.ordered": "geordend",
    "data.label.load": "Laden",
    "data.label.none": "geen",
    "data.type.integer": "geheel getal",
    "data.type.integer_nullable": "geheel getal (mag ontbreken)",
    "data.type.number": "getal",
    "data.type.string": "tekst",
    "data.type.category": "categorie",
    "data.type.boolean": "ja/nee",
    # datasets/DATASHEET.md (python -m smmkit.datasheet)
    "data.sheet.title": "Datasheet",
    "data.sheet.generated": ("*Gegenereerd uit `datasets/datapackage.json` met `python -m smmkit.datasheet`; "
                             "bewerk dit bestand niet met de hand.*"),
    "data.sheet.summary": "De kit bevat {datasets} datasets met samen {rows} rijen.",
    "data.sheet.sources": "Bronnen",
    "data.sheet.overview": "Overzicht",
    "data.sheet.other": "Overig",
    "data.sheet.col.dataset": "dataset",
    "data.sheet.col.title": "titel",
    "data.sheet.col.years": "jaar",
    "data.sheet.col.n": "n",
    "data.sheet.col.rows": "rijen",
}
