"""Dutch texts for the honeycomb model and its widget."""
MESSAGES = {
    "honeycomb.block.identity": "identiteit",
    "honeycomb.block.conversations": "conversaties",
    "honeycomb.block.sharing": "delen",
    "honeycomb.block.presence": "aanwezigheid",
    "honeycomb.block.relationships": "relaties",
    "honeycomb.block.reputation": "reputatie",
    "honeycomb.block.groups": "groepen",
    "honeycomb.field.name": "naam van het platform",
    "honeycomb.unknown_preset": "Voor '{platform}' heb ik geen voorbeeldscores. Kies uit: {valid}, "
                                "of vul de zeven scores zelf in.",
    "honeycomb.not_a_dict": "Geef de scores als woordenboek (dict) met per bouwsteen een getal, "
                            "bijvoorbeeld {{'identity': 4, ...}}. Je gaf een {kind}.",
    "honeycomb.unknown_block": "'{block}' is geen bouwsteen van het honingraatmodel. Geldig zijn: {valid}.",
    "honeycomb.goal_needs_list": "Geef de bouwstenen die je doel nodig heeft als lijst, bijvoorbeeld "
                                 "[\"delen\", \"conversaties\"]. Kies uit: {valid}.",
    "honeycomb.missing_block": "Er ontbreekt een score voor: {blocks}. Geef elke bouwsteen een score van 0 tot 5.",
    "honeycomb.same_name": "Beide platformen heten '{name}'. Geef ze een verschillende naam, "
                           "anders is de vergelijking niet te lezen.",
    "honeycomb.point": "{n} punt",
    "honeycomb.points": "{n} punten",
    "honeycomb.summary.equal": "{a} en {b} hebben precies hetzelfde profiel: op geen enkele bouwsteen "
                               "zit verschil. Kijk nog eens kritisch naar je scores.",
    "honeycomb.summary.intro": "Waar {a} en {b} het meest van elkaar verschillen:",
    "honeycomb.summary.line": "• {block}: {winner} scoort {points} hoger dan {loser}.",
    "honeycomb.summary.strongest": "Sterkste bouwsteen van {a}: {top_a}. Sterkste bouwsteen van {b}: {top_b}.",
    "honeycomb.summary.same": "Gelijk op: {blocks}.",
    "honeycomb.w.title": "Honingraatmodel: twee platformen naast elkaar",
    "honeycomb.w.intro": "Geef per bouwsteen een score van 0 (speelt geen rol) tot 5 (kern van het platform). "
                         "De voorbeeldscores zijn bedoeld om over te discussiëren, het zijn geen meetresultaten.",
    "honeycomb.w.preset": "Voorbeeld",
    "honeycomb.w.example_note": "Let op: de voorbeeldscores zijn een startpunt voor discussie, geen gemeten feiten. Pas ze aan naar je eigen oordeel.",
    "honeycomb.w.own": "(eigen scores)",
    "honeycomb.w.name": "Platform",
    "honeycomb.w.chart_title": "Honingraatprofiel: {a} en {b}",
    "honeycomb.w.source": "honingraatmodel (Kietzmann e.a., 2011); scores: voorbeeldscores of eigen oordeel",
}
