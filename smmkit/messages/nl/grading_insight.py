"""Dutch texts of the teacher's insight tools: item analysis, class overview, zip_collect (smmkit.grading)."""
MESSAGES = {
    # shared
    "insight.no_gradebook": (
        "Er is nog geen cijferadministratie: {path} bestaat niet. Genereer eerst de opdracht "
        "(nbgrader generate_assignment …) en kijk de inzendingen na (python -m smmkit.grading autograde …)."
    ),
    "insight.unknown_assignment": (
        "De opdracht {assignment} staat niet in de cijferadministratie. Bekende opdrachten: {known}."
    ),
    "insight.no_submissions": (
        "Voor {assignment} is nog niets nagekeken. Kijk eerst na met python -m smmkit.grading autograde {assignment}."
    ),
    "insight.help_assignment": "naam van de opdracht, bijvoorbeeld h01-introductie",
    "insight.help_root": "cursusmap (met nbgrader_config.py); standaard de huidige map",
    "insight.help_db_url": (
        "cijferadministratie als database-adres (nbgrader's db_url), bijvoorbeeld "
        "postgresql://docent@localhost/smmkit; standaard die van de cursus"
    ),
    "insight.help_csv": "schrijf de tabel ook als CSV (puntkomma's, decimale komma: opent goed in Excel)",
    "insight.csv_written": "Tabel bewaard als {path}.",
    "insight.yes": "ja",
    "insight.no": "nee",
    # item analysis
    "insight.help_items": (
        "itemanalyse: per vraag gemiddelde, aandeel volle punten, p-waarde, Rit en de vaakst gegeven foute antwoorden"
    ),
    "insight.help_top": "hoeveel foute antwoorden per vraag tonen (standaard 3)",
    "insight.help_chart": "waar de grafiek komt (PNG); standaard autograded/itemanalyse-<opdracht>.png",
    "insight.title": "Itemanalyse van {assignment} ({n} nagekeken inzendingen)",
    "insight.col.question": "vraag",
    "insight.col.max": "max",
    "insight.col.n": "n",
    "insight.col.mean": "gemiddeld",
    "insight.col.full": "vol",
    "insight.col.p": "p-waarde",
    "insight.col.rit": "Rit",
    "insight.col.open": "open",
    "insight.col.wrong": "vaakst fout",
    "insight.legend": (
        "gemiddeld = gemiddelde score; vol = aandeel studenten met alle punten; p-waarde = gemiddeld / max "
        "(laag = moeilijk); Rit = correlatie tussen deze vraag en de score op de andere vragen (laag of "
        "negatief = de vraag onderscheidt niet: kijk de vraag en de tests na); – = niet te berekenen "
        "(iedereen dezelfde score, of minder dan 3 studenten); open = nog handmatig te beoordelen."
    ),
    "insight.warn_rit": "Let op: {question} heeft een lage Rit ({rit}). Meet deze vraag wat je wilt meten?",
    "insight.warn_hard": "Let op: {question} is moeilijk (p-waarde {p}). Bekijk de foute antwoorden hieronder.",
    "insight.warn_open": (
        "Let op: {question} is bij {n} student(en) nog niet beoordeeld; die tellen niet mee. "
        "Beoordeel ze in de formgrader."
    ),
    "insight.wrong_title": "Vaakst gegeven foute antwoorden (de antwoordcel boven de test, zonder commentaar):",
    "insight.wrong_entry": "{n}× {answer}",
    "insight.not_answered": "(niet ingevuld)",
    "insight.no_notebook": "(nagekeken notebook niet gevonden in autograded/)",
    "insight.chart_title": "Itemanalyse {assignment}: p-waarde en Rit per vraag",
    "insight.chart_source": "cijferadministratie van nbgrader, {n} nagekeken inzendingen",
    "insight.chart_axis": "p-waarde (0–1) en Rit (−1–1)",
    "insight.chart_written": "Grafiek bewaard als {path}.",
    # class overview
    "overview.help": "klasoverzicht: per student per opdracht ingeleverd, nagekeken en score",
    "overview.help_assignment": "alleen deze opdracht(en); standaard alle",
    "overview.title": "Klasoverzicht ({n} studenten)",
    "overview.col.student": "student",
    "overview.col.assignment": "opdracht",
    "overview.col.submitted": "ingeleverd",
    "overview.col.graded": "nagekeken",
    "overview.col.manual_open": "handmatig open",
    "overview.col.score": "score",
    "overview.col.max": "max",
    "overview.short.niet_ingeleverd": "–",
    "overview.short.ingeleverd": "ingeleverd",
    "overview.count": "{assignment}: {submitted} van {n} ingeleverd, {graded} nagekeken, {open} met open handmatige vraag",
    "overview.legend": (
        "12,0/16 = nagekeken, score van max; * = een handmatige vraag is nog niet beoordeeld (telt nu als 0); "
        "ingeleverd = staat in submitted/ maar is nog niet nagekeken; – = niet ingeleverd."
    ),
    # zip_collect
    "collect.no_student_column": (
        "In de studentenlijst staat geen kolom met de studentcode. Kolommen: {columns}. Verwacht een van: "
        "{candidates}, of geef de kolom op met --LmsCollector.student_column=…"
    ),
    "collect.ambiguous": "de naam {name} past bij meer studenten ({students}); zet ze met de hand in submitted/",
    "collect.not_in_roster": "{name} (LMS-id {lms_id}) staat niet in de studentenlijst",
    "collect.no_id": "geen LMS-id in de bestandsnaam en geen studentenlijst (--LmsCollector.roster=…)",
    "collect.no_match": (
        "{file} heeft niet de bestandsnaam van een {lms}-download; overgeslagen (is --LmsCollector.lms goed?)"
    ),
    "collect.skipped": "{file} overgeslagen: {reason}. Het bestand blijft staan in extracted/.",
}
