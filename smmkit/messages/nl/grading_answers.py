"""Dutch texts of the two-process grader (smmkit.grading.answers, smmkit.grading.twoproc)."""
MESSAGES = {
    "answers.not_plain": (
        "Je antwoord '{name}' kon niet worden nagekeken: het is geen gewone waarde maar een object van type "
        "{type}. Nagekeken worden alleen getallen, tekst, True/False/None, lijsten, tuples, woordenboeken met "
        "tekst als sleutel en pandas-tabellen (DataFrame/Series). Sla je antwoord op als zo'n waarde."
    ),
    "answers.too_big": (
        "Je antwoord '{name}' is te groot om na te kijken (te veel waarden of te diep genest). "
        "Bewaar alleen wat de vraag vraagt, bijvoorbeeld een paar rijen of één getal."
    ),
    "answers.invalid": (
        "Je antwoord '{name}' kwam beschadigd bij de nakijker aan en kon niet worden nagekeken. "
        "Voer het notebook opnieuw uit van boven naar beneden (Kernel > Restart Kernel and Run All Cells)."
    ),
    "answers.message_too_big": "De antwoorden van deze vraag waren samen te groot om na te kijken.",
    "answers.message_invalid": (
        "De antwoorden van deze vraag kwamen niet (leesbaar) bij de nakijker aan: de cel met de test is in je "
        "notebook niet uitgevoerd of een eerdere cel heeft de uitvoer veranderd. Voer het notebook opnieuw uit "
        "van boven naar beneden."
    ),
    "twoproc.no_answers": (
        "Deze vraag is niet nagekeken: de kernel gaf geen antwoorden door (gestopt of onderbroken in een eerdere "
        "cel). Zorg dat je notebook van boven naar beneden zonder vastlopen draait."
    ),
    "twoproc.test_process_failed": (
        "Deze vraag is niet nagekeken: het testproces van de nakijker stopte ({detail}). Vraag je docent om "
        "het opnieuw na te kijken."
    ),
    "twoproc.no_source": (
        "De nakijker vindt de bronversie van deze opdracht niet ({path}): zonder bron geen tests. "
        "Controleer CourseDirectory.source_directory in nbgrader_config.py."
    ),
    "twoproc.not_in_source": (
        "Deze testcel ({cell}) staat niet in de bronversie van de opdracht en is daarom niet nagekeken. "
        "Vraag je docent de opdracht opnieuw te genereren of opnieuw na te kijken."
    ),
    "twoproc.output_capped": "\n... [uitvoer afgekapt: deze cel gaf meer dan {limit} uitvoer] ...\n",
    "twoproc.notebook_capped": "\n... [uitvoer weggelaten: het notebook gaf samen meer dan {limit} uitvoer] ...\n",
}
