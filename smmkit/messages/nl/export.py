"""Dutch texts of smmkit.grading.export (grades from the nbgrader gradebook into an LMS import file)."""
MESSAGES = {
    # command line help
    "export.help": "cijfers uit het gradebook klaarzetten als importbestand voor Brightspace, Canvas of Moodle",
    "export.help.assignment": "naam van de opdracht, bijvoorbeeld h01-introductie (of --all)",
    "export.help.all": "alle opdrachten uit het gradebook in één bestand, één kolom per opdracht",
    "export.help.lms": "voor welke leeromgeving het bestand is",
    "export.help.roster": (
        "de studentenlijst die je uit de leeromgeving exporteert (CSV; komma, puntkomma of tab, "
        "ook zoals Nederlandse Excel hem opslaat)"
    ),
    "export.help.scale": (
        "grade: het Nederlandse cijfer 1–10 (een 5,5 bij de cesuur, zie --cesuur; één decimaal); "
        "points: de behaalde punten (standaard: grade)"
    ),
    "export.help.id_column": (
        "kolom in de studentenlijst die gelijk is aan de nbgrader-studentnaam "
        "(standaard: de kolom met de meeste overeenkomsten)"
    ),
    "export.help.item": (
        "naam van het cijferonderdeel in de leeromgeving (standaard de naam van de opdracht); "
        "mag vaker, in de volgorde van de opdrachten"
    ),
    "export.help.to": "het bestand dat geschreven wordt (standaard cijfers-<opdracht>-<lms>.csv)",
    "export.help.excel_nl": (
        "puntkomma en decimale komma, zoals Nederlandse Excel het verwacht "
        "(Moodle kan dit lezen; Brightspace en Canvas willen de gewone komma en punt)"
    ),
    "export.help.auto_only": (
        "alleen de automatisch nagekeken vragen tellen (score en maximum zonder de open vragen)"
    ),
    "export.help.db_url": "gradebook-adres (standaard uit nbgrader_config.py, bijv. postgresql+psycopg://…)",
    "export.help.root": "cursusmap (met nbgrader_config.py); standaard de huidige map",
    # problems that stop the export
    "export.no_assignment": "Geef een opdracht op, of --all voor alle opdrachten.",
    "export.unknown_assignment": (
        "De opdracht {name} staat niet in het gradebook. Wel: {known}. Is er al nagekeken (autograde)?"
    ),
    "export.no_gradebook": (
        "Er is geen gradebook in {path}. Kijk eerst na (autograde), of geef het adres met --db-url."
    ),
    "export.empty_gradebook": "Het gradebook bevat nog geen opdrachten. Kijk eerst na met autograde.",
    "export.roster_missing": "De studentenlijst {path} bestaat niet.",
    "export.roster_empty": "De studentenlijst {path} bevat geen studenten (alleen een kopregel of niets).",
    "export.unknown_column": "De kolom {column} staat niet in de studentenlijst. Wel: {known}.",
    "export.no_id_column": (
        "Geen kolom in de studentenlijst past bij de nbgrader-studentnamen (bijvoorbeeld {sample}). "
        "Geprobeerd: {tried}. Kies de kolom zelf met --id-column; kolommen in de lijst: {known}."
    ),
    "export.brightspace_needs_id": (
        "Brightspace herkent een student aan OrgDefinedId of Username, maar de studentenlijst heeft "
        "geen van beide kolommen. Exporteer de lijst uit Brightspace met 'Both' bij Key Field."
    ),
    "export.items_count": "Je gaf {given} namen met --item voor {wanted} opdracht(en); dat moet gelijk zijn.",
    "export.zero_max": "De opdracht {name} heeft maximaal 0 punten; daar is geen cijfer van te maken.",
    "export.duplicate_student": (
        "De nbgrader-student {student} past bij meer dan één regel van de studentenlijst ({rows}); "
        "kies een kolom met unieke waarden met --id-column."
    ),
    # report
    "export.written": "Geschreven: {path} ({lms}, {what}, {count} student(en) met een cijfer).",
    "export.what.grade": "cijfer 1–10",
    "export.what.points": "punten",
    "export.matched_by": "Studenten gekoppeld via de kolom {column} van de studentenlijst.",
    "export.not_in_roster": (
        "Let op: {count} student(en) in het gradebook staan niet in de studentenlijst en zijn NIET "
        "in het bestand gezet: {students}. Staan ze onder een andere naam in de leeromgeving, of "
        "hebben ze zich afgemeld?"
    ),
    "export.no_submission": (
        "Let op: {count} student(en) uit de studentenlijst hebben niets ingeleverd voor {assignment}: {students}."
    ),
    "export.needs_manual": (
        "Let op: {count} inzending(en) van {assignment} zijn nog niet helemaal nagekeken (open vragen "
        "in de formgrader): {students}. Kijk ze na, of exporteer met --auto-only alleen de automatisch "
        "nagekeken vragen."
    ),
    "export.brightspace_hint": (
        "Importeer in Brightspace bij Cijfers > Importeren. Het cijferonderdeel '{item}' moet bestaan "
        "(of wordt aangemaakt) met maximaal {max} punten."
    ),
    "export.canvas_new": (
        "Canvas: de kolom '{item}' heeft geen opdrachtnummer; Canvas maakt bij het importeren een nieuwe "
        "opdracht. Wil je een bestaande opdracht vullen, geef dan --item \"{item} (<nummer>)\" of gebruik "
        "het cijferbestand uit Canvas als studentenlijst."
    ),
    "export.formula_key": (
        "Let op: deze code(s) waarmee de leeromgeving studenten herkent, beginnen met =, +, - of @: {keys}. "
        "De kit laat ze zoals de leeromgeving ze gaf (anders vindt de import de student niet), maar Excel "
        "leest zo'n cel als formule. Importeer dit bestand zonder het eerst in Excel te openen."
    ),
    "export.moodle_hint": (
        "Importeer in Moodle bij Cijfers > Importeren > CSV-bestand; kies bij 'Gebruiker identificeren' "
        "de kolom {column} en koppel de kolom '{item}' aan het cijferonderdeel."
    ),
    # cut-off, blanks, late work
    "export.help.cesuur": (
        "cesuur: het deel van de punten dat een 5,5 oplevert (standaard 0.55 = 55 %%; 0.5 geeft "
        "1 + 9 × score / maximum). Daaronder loopt het cijfer recht van 1 naar 5,5, daarboven van 5,5 naar 10. "
        "Vaste waarde voor de cursus: c.GradeExport.cesuur in nbgrader_config.py."
    ),
    "export.bad_cesuur": (
        "De cesuur {value} kan niet: geef het deel van de punten voor een 5,5 als getal tussen 0 en 1, "
        "bijvoorbeeld --cesuur 0.55 (55 %) of --cesuur 0.6."
    ),
    "export.cesuur": "Cijfer 1–10 met cesuur {cesuur}: wie {percent} % van de punten haalt, krijgt een 5,5.",
    "export.blank": "Hun cel blijft leeg; {lms} verandert dan niets.",
    "export.left_out": (
        "Ze staan niet in het bestand: een lege cel wist in {lms} een cijfer dat er al staat."
    ),
    "export.rows_left_out": (
        "{count} student(en) zonder enig cijfer zijn weggelaten uit het {lms}-bestand (hun cijfer in "
        "{lms} blijft zoals het is): {students}."
    ),
    "export.split": (
        "Sommige studenten hebben voor de ene opdracht wel een cijfer en voor de andere niet. Een lege cel "
        "wist in {lms} het bestaande cijfer, dus schrijft de kit één bestand per opdracht; importeer ze alle."
    ),
    "export.late": "Te laat ingeleverd voor {assignment} ({count}): {students}.",
}
