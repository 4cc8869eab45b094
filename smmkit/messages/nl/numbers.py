"""Dutch texts for the number fields a learner types into (smmkit/widgets/_numbers.py)."""
MESSAGES = {
    "numbers.placeholder": "bijv. 1.500 of 2,5",
    "numbers.tooltip": "Typ een getal zoals je het in het Nederlands schrijft: een komma voor decimalen (2,5) "
                       "en eventueel een punt tussen duizendtallen (1.500).",
    "numbers.empty": "'{field}' is leeg. Vul een getal in, bijvoorbeeld {example}.",
    "numbers.not_whole": "Bij '{field}' tel je hele aantallen, maar je typte {value}. Vul een getal zonder komma in, "
                         "bijvoorbeeld {example}.",
}
