"""Dutch texts of the batch grader (python -m smmkit.grading autograde): report, progress, feedback notes."""
MESSAGES = {
    # status column of the report (the JSON report holds the codes graded, rejected, failed, timeout)
    "batch.status.graded": "beoordeeld",
    "batch.status.rejected": "afgewezen (niet uitgevoerd)",
    "batch.status.failed": "nbgrader gaf een fout",
    "batch.status.timeout": "gestopt na de tijdslimiet",
    # report
    "batch.report.title": "# Beoordelingsrapport {assignment}",
    "batch.report.intro": (
        "Automatisch nagekeken deel (handmatig te beoordelen vragen tellen pas mee na de formgrader). "
        "Elke inzending is in een eigen sandbox uitgevoerd (bubblewrap: geen netwerk, geen toegang tot de "
        "cursusmap); de scores komen uit het gradebook."
    ),
    "batch.report.no_sandbox": "Let op: zonder sandbox uitgevoerd (--no-sandbox): {students}.",
    "batch.report.cell_timeout_again": (
        "Let op: bij deze studenten liep een cel ook bij de tweede poging, met de ruimere limiet, te lang en "
        "is onderbroken; bekijk hun inzending zelf: {students}."
    ),
    "batch.report.retry_explained": (
        "Opnieuw nagekeken: liep bij een student een cel langer dan de limiet per cel (SafeExecute.timeout), "
        "dan kijkt de nakijker die student aan het eind van de ronde nog één keer na, als de andere inzendingen "
        "klaar zijn en de machine minder druk is, met een ruimere limiet (--retry-timeout-factor, standaard 3 "
        "keer zo lang). De uitslag van die tweede poging telt; het logbestand van de eerste heet "
        "…-poging1.txt (in autograded/.logs/)."
    ),
    "batch.report.header": "| student | status | score | reden / opmerking | tijd (s) |",
    "batch.report.written": "[smmkit] rapport: {path}",
    # reasons and notes
    "batch.wrong_name": (
        "verkeerde bestandsnaam: ingeleverd {found}, verwacht {expected}. "
        "Hernoem het bestand in submitted/ en beoordeel deze student opnieuw (--student)."
    ),
    "batch.no_notebook": "geen notebook ingeleverd (verwacht {expected})",
    "batch.suspicious": (
        "verdacht: de inzending probeert de beoordeling te beïnvloeden; bekijk hem zelf en beoordeel "
        "hem eventueel opnieuw met --allow-suspicious"
    ),
    "batch.precheck_failed": "voorcontrole mislukt ({error}); bekijk deze inzending zelf",
    "batch.locked_removed": (
        "{n} vergrendelde cel(len) verwijderd of onherkenbaar gemaakt ({cells}); nbgrader zet testcellen terug"
    ),
    "batch.locked_edited": "{n} vergrendelde cel(len) gewijzigd ({cells}); nbgrader herstelt ze",
    "batch.key_differs": (
        "andere opdrachtsleutel dan de huidige release ({cells}): deze student kreeg de opdracht voordat het "
        "cursusgeheim veranderde, dus haar casus kan verschillen van de casus waarmee nu is nagekeken. Kijk "
        "na met het geheim van toen (SMMKIT_CURSUSGEHEIM) of beoordeel deze student zelf"
    ),
    "batch.bad_student_id": (
        "ongeldige studentnaam '{student}': alleen letters, cijfers en . _ - @ + zijn toegestaan "
        "(geen spaties, jokertekens zoals * of ?, of mappen). Hernoem de map in submitted/ en beoordeel opnieuw."
    ),
    "batch.unknown_students": "[smmkit] geen inzending gevonden voor: {students}",
    "batch.ignored_files": (
        "niet meegenomen (alleen het notebook en het opgeslagen werk tellen mee): {files}"
    ),
    "batch.missing_file": "opgeslagen werk ontbreekt: {files}",
    "batch.missing_file_feedback": (
        "**Let op:** bij je inzending ontbrak het bestand met je opgeslagen werk: {files}. "
        "Vragen over je eigen werk konden daardoor niet goed worden nagekeken. Sla je werk op met de "
        "knop of regel in het notebook en lever het bestand samen met het notebook in."
    ),
    "batch.stale_gradebook": (
        "let op: het gradebook bevat nog de score {score} van een eerdere ronde (nbgrader-formgrader en "
        "export tonen die)"
    ),
    "batch.failed": "exitcode {code}; {detail} (zie {log})",
    "batch.timeout": "na {seconds} s gestopt; zie {log}",
    "batch.note.restored_cells": "ontbrekende testcellen teruggezet",
    "batch.note.restored_metadata": "labels of nbgrader-gegevens van cellen hersteld uit het gradebook",
    "batch.note.kernel_stopped": "kernel gestopt (oneindige lus of afsluiten); latere cellen niet uitgevoerd",
    "batch.note.interrupted_cell": "een cel liep te lang en is onderbroken",
    "batch.note.retry_pending": (
        "een cel liep langer dan de limiet van {limit} s; deze inzending wordt aan het eind van de ronde "
        "opnieuw nagekeken met {longer} s per cel (is de ronde eerder gestopt: ga verder met --resume)"
    ),
    "batch.note.retried": (
        "opnieuw nagekeken: bij de eerste poging liep een cel langer dan de limiet van {limit} s (een drukke "
        "machine?), bij de tweede poging met {longer} s per cel niet meer; deze score is die van de tweede poging"
    ),
    "batch.note.retry_timeout_again": (
        "LET OP: ook bij de tweede poging, met {longer} s per cel in plaats van {limit} s, liep een cel te lang "
        "en is onderbroken (een oneindige lus of heel trage code?); wat daardoor faalde kreeg 0 punten. "
        "Bekijk deze inzending zelf"
    ),
    "batch.note.retry_not_graded": "tweede poging (bij de eerste liep een cel langer dan {limit} s)",
    "batch.skipped_resume": "[smmkit] {count} inzending(en) al nagekeken en niet veranderd: overgeslagen (--resume)",
    # progress and stopping
    "batch.progress": "[smmkit] {done}/{total} nagekeken · {elapsed} verstreken · nog ongeveer {left}",
    "batch.progress.unknown": "onbekend",
    "batch.row": "[smmkit]   {student}: {status} {score} {reason}",
    "batch.interrupted": (
        "[smmkit] gestopt (Ctrl+C): {done} van {total} nagekeken; het rapport is bewaard. "
        "Ga verder met --resume."
    ),
    "batch.no_bwrap": (
        "bubblewrap (bwrap) ontbreekt: zonder sandbox voert de nakijker geen inzendingen uit. "
        "Installeer het (Debian/Ubuntu: sudo apt-get install bubblewrap) of start, alleen voor "
        "inzendingen die je vertrouwt, met --no-sandbox."
    ),
    "batch.special_files": (
        "niet uitgevoerd: de inzending bevat iets anders dan gewone bestanden en mappen ({files}), zoals een "
        "snelkoppeling (symlink), een pipe of een apparaat; de nakijker verplaatst alleen gewone bestanden. "
        "Vraag de student de map opnieuw in te leveren met alleen het notebook en de gevraagde bestanden"
    ),
    "batch.notebook_missing": (
        "notebook ontbreekt: {missing} (0 punten voor dat notebook; de rest is nagekeken)"
    ),
    "batch.notebook_missing_feedback": (
        "Let op: bij het nakijken ontbrak {missing} in je inzending. Dat notebook telt met 0 punten mee; "
        "lever het alsnog in als dat nog mag."
    ),
    "batch.unknown_student": (
        "student {student} staat niet in het gradebook en Autograde.create_student staat uit: niet nagekeken. "
        "Voeg de student toe (nbgrader db student add {student}) of zet create_student aan"
    ),
    "batch.no_cgroup": (
        "[smmkit] Let op: geen cgroups beschikbaar (v1 als root, v2 gedelegeerd of via systemd-run --user). "
        "Elke sandbox heeft daardoor alleen grenzen per proces (geheugen {memory} MB per proces, grootte van "
        "bestanden en van de mappen in het geheugen): een inzending die veel processen start of geheugen "
        "verdeelt over processen kan de machine en de andere inzendingen vertragen. Zie docs/docent.md, "
        "'Grenzen per sandbox'."
    ),
    "batch.kit_import_failed": (
        "De kit laadt niet in de sandbox ({detail}); er is niemand nagekeken, want elke student zou 0 punten "
        "krijgen. Controleer of smmkit in deze Python-omgeving is geïnstalleerd (python3 kit.py setup of "
        "pip install -e .) en start de nakijker met de Python van die omgeving."
    ),
    "batch.fork_failed": (
        "kon geen proces starten om deze inzending na te kijken ({error}), ook niet na een paar pogingen; "
        "kijk haar opnieuw na met --resume"
    ),
    "batch.unknown_setting": (
        "nbgrader_config.py noemt een instelling die {section} niet kent: {names}. Kijk de spelling na; "
        "wel bestaan: {known}."
    ),
    "batch.bad_setting": "Een instelling van {section} kan niet: {error}",
    "batch.no_config": (
        "In {root} staat geen nbgrader_config.py: dit is geen cursusmap. Start de nakijker in de "
        "cursusmap of noem die met --root."
    ),
    "batch.no_source": "Geen bronnotebook gevonden in solutions/{assignment}/.",
    "batch.assignment_unknown": (
        "Opdracht {assignment} staat niet in het gradebook: voer eerst "
        "'nbgrader generate_assignment {assignment}' uit."
    ),
    # in the executed notebook (the student's feedback)
    "batch.kernel_died": (
        "De kernel is tijdens deze cel gestopt (bijvoorbeeld door sys.exit/os._exit of te veel geheugen); "
        "de volgende cellen zijn niet uitgevoerd."
    ),
    "batch.cell_skipped": (
        "Deze cel is niet uitgevoerd: de kernel reageerde niet meer op een onderbreking "
        "(na een time-out in een eerdere cel) en is gestopt."
    ),
    "batch.output_truncated": "\n... [uitvoer afgekapt: meer dan {limit} tekens] ...\n",
    # feedback filter
    "feedback.hidden_failed": "Een verborgen test van deze vraag is niet geslaagd. Controleer je antwoord nog eens.",
    "feedback.error_short": "✘ {ename}: de cel stopte hier. Wat er mis was en wat je kunt proberen, staat in het "
                            "oranje kader hierboven.",
    "feedback.output_hidden": (
        "[Deze uitvoer is weggelaten: ze bevatte tekst uit de verborgen tests of de uitwerking van de docent.]"
    ),
}
