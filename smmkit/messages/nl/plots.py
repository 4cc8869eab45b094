MESSAGES = {
    "plots.source": "Bron: {source}",
    "plots.no_source": (
        "Een grafiek in deze kit noemt altijd zijn bron, maar source= is leeg. "
        "Geef de bron op, bijvoorbeeld source=\"Kok e.a. (2012), tabel 3\"."
    ),
    "plots.unknown_column": (
        "De kolom '{column}' bestaat niet in deze tabel. Kies uit: {columns}. "
        "Let op hoofdletters en spaties."
    ),
    "plots.no_data": "Er is niets om te tekenen: de tabel is leeg. Controleer of je de goede gegevens gebruikt.",
    "plots.length_mismatch": (
        "De reeks '{name}' heeft {n} waarden, maar er zijn {k} categorieën. "
        "Geef per categorie precies één waarde."
    ),
    "plots.radar_axes": (
        "Een profiel (radardiagram) heeft minstens 3 assen nodig, maar kreeg er {n}. "
        "Gebruik voor minder assen een staafdiagram (plots.bar)."
    ),
    # the text alternative of a chart (plots.text_alternative), e.g. the alt text on the static site
    "plots.alt.title": "Grafiek: {title}",
    "plots.alt.untitled": "zonder titel",
    "plots.alt.series": "{series}: {values}",
    "plots.alt.values": "Waarden: {values}",
    "plots.alt.axis": "As: {label}",
    # the text alternative of a chart (plots.describe), read by a screen reader
    "plots.alt.bars": "Staafdiagram '{title}' met {n} staven.",
    "plots.alt.grouped": "Staafdiagram '{title}' met {n} groepen van {k} staven.",
    "plots.alt.value_label": "De staven tonen: {label}.",
    "plots.alt.profile": "Profieldiagram '{title}' met de assen {axes}, schaal {low} tot {high}.",
    "plots.alt.other": "Grafiek '{title}'.",
    "plots.alt.missing": "geen waarde",
    "plots.alt.more": "en nog {n}",
}
