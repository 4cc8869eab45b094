"""Dutch texts of smmkit.variant (each student's own case) and the course secret."""
MESSAGES = {
    "variant.repr": "Jouw casus bij {assignment} (student {student})",
    "variant.markdown": (
        "**Jouw eigen casus bij {assignment}** — gemaakt voor student `{student}`. "
        "Elke student krijgt andere gegevens; je antwoorden horen bij deze casus."
    ),
    "variant.no_id": (
        "Je studentnummer ontbreekt nog. Elke student krijgt een eigen casus, en die hangt af van je "
        "studentnummer. Zet in de cel hierboven je nummer tussen aanhalingstekens, bijvoorbeeld\n"
        "    {name} = \"s1234567\"\n"
        "(in plaats van \"{placeholder}\"), voer die cel uit en voer daarna deze cel opnieuw uit. "
        "Gebruik het nummer waaronder je docent je kent; werk je zelfstandig, dan mag elke naam."
    ),
    "variant.bad_id": (
        "'{student}' kan geen studentnummer zijn: gebruik alleen letters, cijfers en . _ - @ + "
        "(geen spaties), hoogstens 64 tekens, bijvoorbeeld {name} = \"s1234567\". Verbeter de cel "
        "hierboven, voer hem uit en voer daarna deze cel opnieuw uit."
    ),
    "variant.secret_made": (
        "[smmkit] Nieuw cursusgeheim gemaakt in {path}. Daaruit volgt de eigen casus van elke student. "
        "Bewaar dit bestand (en zet het niet in git): opnieuw nakijken geeft alleen met hetzelfde geheim "
        "dezelfde uitkomst. Maak de opdrachten na een nieuw geheim opnieuw aan (nbgrader generate_assignment)."
    ),
}
