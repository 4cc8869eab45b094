"""The static course site (tools/build_html.py, ``python3 kit.py html``)."""
MESSAGES = {
    "site.static_note": ("Zo ziet deze widget eruit met de voorbeeldgegevens. Interactief alleen in JupyterLab: "
                         "open de cursus met <code>python3 kit.py lab</code> om zelf te schuiven en te kiezen."),
    "site.no_notebooks": "Geen notebooks gevonden in chapters/.",
    "site.done": "Klaar in {seconds} s: open {index}",
    "site.failed": "FOUT in {name}: {errors}",
    "site.state.error": "FOUT",
    "site.state.stderr": "let op: stderr",
    "site.state.ok": "ok",
    "site.lang": "nl",  # <html lang> of every page
    # the start page _site/index.html (HTML: & as &amp;)
    "site.index.title": "smmkit · Social Media Management · leesversie",
    "site.index.heading": "smmkit · de cursus als leesversie",
    "site.index.subtitle": ("Interactieve cursus bij <em>Social Media Management</em> "
                            "(Rietberg &amp; Ruigrok, 2e druk, 2025)"),
    "site.index.note": ("Dit is een statische versie: je kunt alles lezen en alle tabellen en grafieken zien,\n"
                        "maar niets aanpassen. Wil je zelf schuiven, kiezen en rekenen? Open de cursus dan in "
                        "JupyterLab met\n<code>python3 kit.py lab</code> (zie de README)."),
    "site.index.chapters": "Hoofdstukken",
    "site.index.footer": "Gemaakt op {when} met <code>python3 kit.py html</code>.",
}
