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
}
