"""Dutch texts of the LMS side of grading: zip_collect, late work, the LMS export (smmkit.grading)."""
MESSAGES = {
    # zip_collect: what moves and what not
    "collect.kind.link": "een symbolische link",
    "collect.kind.fifo": "een FIFO (named pipe)",
    "collect.kind.device": "een apparaatbestand",
    "collect.kind.socket": "een socket",
    "collect.refused": (
        "{file} is {kind}, geen gewoon bestand: niet overgenomen (alleen gewone bestanden gaan naar submitted/). "
        "Vraag de student het notebook zelf in te leveren."
    ),
    "collect.not_archive": "{file} heeft de extensie van een archief maar is geen zip of tar: ongewijzigd gekopieerd.",
    "collect.bad_archive": "{file} kon niet worden uitgepakt ({error}); overgeslagen.",
    "collect.claims_other": (
        "{file} staat in de inzending van {student}, maar de naam wijst naar {claimed}. Alleen de map of naam "
        "die de LMS zelf maakt telt: het bestand is NIET overgenomen (ook niet bij {claimed}). Kijk het na in "
        "extracted/; dit kan een poging zijn het werk van een ander te vervangen."
    ),
    "collect.time_ignored": (
        "{file}: de tijd in de bestandsnaam ({claimed}) is genegeerd; de tijd van de LMS ({used}) telt."
    ),
    "collect.duplicate": (
        "{file} overgeslagen: {student} heeft al een {name} ({kept} is nieuwer of gaat voor). "
        "Het bestand blijft staan in extracted/."
    ),
}
MESSAGES.update({
    # late work
    "late.column": " | te laat",
    "late.hours": "{hours} u {minutes} min",
    "late.days": "{days} d {hours} u",
    "late.lms": "{lms}: te laat",
    "late.penalty": "−{points} pt",
})
MESSAGES.update({
    # overview
    "overview.col.late": "te laat",
    "overview.short.late": "(te laat)",
    "overview.nothing": "niets ingeleverd: {students}",
    "overview.late": "te laat: {students}",
    "overview.unmatched": (
        "Regels van de studentenlijst zonder studentcode (rij {rows}): controleer de lijst of geef de juiste kolom."
    ),
    "overview.help_roster": (
        "studentenlijst uit de LMS (CSV): iedereen op de lijst krijgt een regel, dus ook wie niets inleverde"
    ),
})
MESSAGES.update({
    # bulk feedback zip
    "feedbackzip.help": (
        "feedback (feedback/<student>/<opdracht>/*.html) als zip die de LMS in één keer inleest, met de "
        "bestandsnamen uit de LMS-download (eerst nbgrader zip_collect en generate_feedback)"
    ),
    "feedbackzip.help.to": "het zipbestand (standaard feedback-<opdracht>-<lms>.zip in de cursusmap)",
    "feedbackzip.no_record": (
        "Voor {assignment} weet de kit niet hoe de LMS de inzendingen noemde: die namen komen uit nbgrader "
        "zip_collect met --ZipCollectApp.collector_plugin=smmkit.grading.collect.LmsCollector. Verzamel de "
        "download daarmee (downloaded/{assignment}/lms-inzendingen.json), of lever de feedback per student in "
        "de LMS in."
    ),
    "feedbackzip.other_lms": (
        "De inzendingen van {assignment} kwamen uit {found}, niet uit {lms}: kies --lms {found}."
    ),
    "feedbackzip.no_feedback": (
        "Let op: voor {count} student(en) is er nog geen feedback van {assignment} (nbgrader generate_feedback): "
        "{students}."
    ),
    "feedbackzip.unknown": (
        "Let op: {count} student(en) hebben feedback maar kwamen niet uit de LMS-download (geen LMS-naam): "
        "{students}. Geef hun feedback los in de LMS."
    ),
    "feedbackzip.how.canvas": (
        "Canvas: open de opdracht, kies Inzendingen opnieuw uploaden (Re-upload Submissions) en kies deze zip; "
        "elk bestand komt als opmerking bij de inzending van de student."
    ),
    "feedbackzip.how.moodle": (
        "Moodle: open de opdracht, Alle inzendingen bekijken, kies bij Beoordelingsactie 'Meerdere "
        "feedbackbestanden uploaden in een zip' en kies deze zip."
    ),
    "feedbackzip.how.brightspace": (
        "Brightspace: open de opdrachtmap, kies Feedbackbestanden toevoegen (Add Feedback Files) en kies deze zip."
    ),
    "feedbackzip.written": "Geschreven: {path} ({count} bestand(en) voor {students} student(en)).",
})
