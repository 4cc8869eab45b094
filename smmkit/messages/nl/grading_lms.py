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
