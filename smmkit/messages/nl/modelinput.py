"""Dutch texts for the input checks shared by the models (smmkit/models/_input.py)."""
MESSAGES = {
    "modelinput.ambiguous_number": (
        "Bij '{field}' kan '{value}' twee dingen betekenen: bedoel je {first} of {second}? In het Nederlands "
        "schrijf je decimalen met een komma (3,5) en duizendtallen met een punt (1.500). Typ het getal "
        "opnieuw, zo dat er maar één lezing mogelijk is."
    ),
    "modelinput.not_a_number": "Bij '{field}' verwacht ik een getal, maar ik kreeg {value}. "
                               "Typ alleen cijfers, bijvoorbeeld 250 of 2,5.",
    "modelinput.not_positive": "'{field}' moet groter zijn dan 0, maar is {value}. Vul een positief getal in.",
    "modelinput.too_small": "'{field}' is {value}, maar mag niet kleiner zijn dan {minimum}. Pas het getal aan.",
    "modelinput.too_large": "'{field}' is {value}, maar mag niet groter zijn dan {maximum}. Pas het getal aan.",
    "modelinput.not_a_percentage": "'{field}' is een percentage tussen 0 en 100, maar je vulde {value} in. "
                                   "Typ 2,5 voor 2,5 % (dus niet 0,025 en niet 250).",
    "modelinput.unknown_choice": "'{value}' is geen geldige keuze voor '{field}'. Kies uit: {valid}.",
    "modelinput.empty_text": "'{field}' is leeg. Vul een korte tekst in.",
    "modelinput.too_large_number": "Het getal bij '{field}' is te groot om mee te rekenen. Vul een kleiner getal in.",
    "modelinput.cannot_use": (
        "{function}() kan niet rekenen met wat je meegaf ({given}). Kijk in het voorbeeld in het hoofdstuk "
        "welke invoer hij verwacht (of typ help({function})): vaak een tekst, een getal, of een lijst of "
        "dict daarvan. Let op aanhalingstekens en haakjes."
    ),
    "modelinput.kind.none": "niets (None)",
    "modelinput.kind.bool": "True/False",
    "modelinput.kind.number": "een getal",
    "modelinput.kind.text": "een tekst",
    "modelinput.kind.dict": "een dict",
    "modelinput.kind.list": "een lijst",
}
