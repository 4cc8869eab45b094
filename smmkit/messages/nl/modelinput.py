"""Dutch texts for the input checks shared by the models (smmkit/models/_input.py)."""
MESSAGES = {
    "modelinput.not_a_number": "Bij '{field}' verwacht ik een getal, maar ik kreeg {value}. "
                               "Typ alleen cijfers, bijvoorbeeld 250 of 2,5.",
    "modelinput.not_positive": "'{field}' moet groter zijn dan 0, maar is {value}. Vul een positief getal in.",
    "modelinput.too_small": "'{field}' is {value}, maar mag niet kleiner zijn dan {minimum}. Pas het getal aan.",
    "modelinput.too_large": "'{field}' is {value}, maar mag niet groter zijn dan {maximum}. Pas het getal aan.",
    "modelinput.not_a_percentage": "'{field}' is een percentage tussen 0 en 100, maar je vulde {value} in. "
                                   "Typ 2,5 voor 2,5 % (dus niet 0,025 en niet 250).",
    "modelinput.unknown_choice": "'{value}' is geen geldige keuze voor '{field}'. Kies uit: {valid}.",
    "modelinput.empty_text": "'{field}' is leeg. Vul een korte tekst in.",
}
