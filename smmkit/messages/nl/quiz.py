"""Dutch texts of the in-chapter self-check questions (smmkit/widgets/quiz.py)."""
MESSAGES = {
    "quiz.heading": "Test jezelf",
    "quiz.check": "Controleer",
    "quiz.show_explanation": "Laat de uitleg zien",
    "quiz.choose_first": "Kies eerst een antwoord en klik dan op 'Controleer'.",
    "quiz.type_first": "Vul eerst een getal in en klik dan op 'Controleer'.",
    "quiz.placeholder": "bijv. 12,5",
    "quiz.not_a_number": "'{value}' is geen getal. Typ alleen cijfers, met een komma of punt voor decimalen, "
                         "bijvoorbeeld 12,5.",
    "quiz.correct": "Goed! {explanation}",
    "quiz.wrong": "Nog niet. {hint}",
    "quiz.wrong_generic": "Lees de vraag nog eens rustig en probeer een ander antwoord.",
    "quiz.too_high": "Nog niet: je antwoord is te hoog. {hint}",
    "quiz.too_low": "Nog niet: je antwoord is te laag. {hint}",
    "quiz.explanation": "Uitleg: {explanation}",
    "quiz.answer_not_in_options": "Het juiste antwoord '{answer}' staat niet tussen de keuzes ({options}). "
                                  "Zet het antwoord letterlijk in de lijst met opties.",
    "quiz.too_few_options": "Een meerkeuzevraag heeft minstens twee opties, maar ik kreeg er {count}. "
                            "Voeg opties toe.",
    "quiz.unknown_hint_option": "Er is een hint voor '{option}', maar dat is geen van de keuzes ({options}). "
                                "Controleer de spelling van de optie.",
    "quiz.bad_tolerance": "De marge moet 0 of groter zijn, maar is {tolerance}. Gebruik bijvoorbeeld 0.5.",
    "quiz.answer_field": "Jouw antwoord",
}
