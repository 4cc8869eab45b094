"""Dutch texts of smmkit.notebookpdf (python3 kit.py pdf: a whole notebook as PDF)."""
MESSAGES = {
    "pdf.usage": (
        "gebruik: python3 kit.py pdf NOTEBOOK [UITVOER.pdf]\n"
        "Maakt een PDF van een heel notebook, bijvoorbeeld: python3 kit.py pdf chapters/01-introductie.ipynb\n"
        "Zonder UITVOER komt de PDF naast het notebook, met dezelfde naam."
    ),
    "pdf.no_notebook": "{path} is geen notebook (een bestand dat eindigt op .ipynb). Controleer de naam en de map.",
    "pdf.not_notebook": "{path} kon niet als notebook gelezen worden. Is het beschadigd? ({reason})",
    "pdf.no_chromium": (
        "Voor een PDF van een notebook is de browser Chromium nodig, en die is niet gevonden. Installeer hem "
        "(Debian/Ubuntu: sudo apt install chromium) of wijs hem aan met SMMKIT_CHROMIUM=/pad/naar/chromium. "
        "Of druk in JupyterLab af (Bestand → Afdrukken…) en kies 'Opslaan als PDF'."
    ),
    "pdf.timeout": "Het maken van de PDF duurde langer dan {seconds} seconden en is gestopt. Probeer het nog eens.",
    "pdf.failed": "De PDF kon niet gemaakt worden: {reason}",
    "pdf.done": "Klaar: {path}",
}
