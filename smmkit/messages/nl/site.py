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
    # the site's pages (tools/build_html.py, tools/site_template/smmkit_site)
    "site.skip": "Naar de inhoud",
    "site.nav.label": "Hoofdstukken",
    "site.nav.label_bottom": "Hoofdstukken (einde van de pagina)",
    "site.nav.index": "Overzicht van de cursus",
    "site.nav.previous": "Vorige: {title}",
    "site.nav.next": "Volgende: {title}",
    "site.toc.label": "Op deze pagina",
    "site.table_corner": "rij",  # the empty top-left header cell of a table (read by screen readers only)
    "site.quiz.answer": "Jouw antwoord",
    "site.widget_chart_alt": "Grafiek van de widget '{title}' met de voorbeeldgegevens.",
    "site.widget_chart_values": "Ingesteld: {values}.",
    "site.chart_alt": "Grafiek (zonder beschrijving).",
    # a paragraph with a "Probeer zelf" that can only be done in JupyterLab
    "site.try_in_lab": ("✏️ **Probeer zelf** kan alleen in JupyterLab: daar pas je de code aan. "
                        "Open de cursus met `python3 kit.py lab`."),
}
