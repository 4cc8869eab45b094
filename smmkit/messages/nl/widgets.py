MESSAGES = {
    # at most 110 characters, or ipywidgets cuts it off
    "widgets.repr": "[widget {name}: voer deze cel uit in JupyterLab (Shift + Enter) om hem te gebruiken]",
    "widgets.unexpected": (
        "Dit lukte niet door een fout in de kit, niet door jou. Probeer een andere invoer of "
        "herstart de kernel (Kernel > Restart). Blijft het misgaan? Meld het aan je docent."
    ),
    "widgets.chart_failed": (
        "De grafiek kon niet worden getekend; de tekst hierboven klopt wel. "
        "Probeer het opnieuw of herstart de kernel."
    ),
    "widgets.file_not_found": (
        "Het bestand '{path}' bestaat niet. Controleer de naam en de map, of sla eerst op met save()."
    ),
    "widgets.cannot_read": "Het bestand '{path}' kan niet worden gelezen ({reason}). Kies een ander bestand.",
    "widgets.cannot_write": (
        "Het bestand '{path}' kan niet worden geschreven ({reason}). Kies een andere naam of map."
    ),
    "widgets.broken_file": (
        "Het bestand '{path}' is geen opgeslagen werk van {widget}, of het is beschadigd. "
        "Open een bestand dat je met {widget}.save() hebt gemaakt."
    ),
    "widgets.wrong_widget": (
        "Het bestand '{path}' hoort bij de widget {found}, niet bij {widget}. "
        "Open het met {found}, of kies een bestand van {widget}."
    ),
    "widgets.wrong_version": (
        "Het bestand '{path}' heeft versie {version}; deze kit leest alleen versie 1. "
        "Sla je werk opnieuw op met deze versie van de kit."
    ),
    "widgets.nothing_to_export": (
        "Er is nog geen uitkomst om te exporteren, want de invoer klopt niet: {error}"
    ),
    "widgets.no_table": "Deze widget heeft geen tabel om als CSV te exporteren.",
    "widgets.no_chart": "Deze widget heeft geen grafiek om als PNG te exporteren.",
    "widgets.filename": "Bestand",
    "widgets.save": "Opslaan",
    "widgets.load": "Openen",
    "widgets.export_csv": "Exporteer CSV",
    "widgets.export_png": "Exporteer PNG",
    "widgets.export_pdf": "Exporteer verslag (PDF)",
    "widgets.report_made": "Gemaakt met de smmkit op {date}",
    "widgets.report_outcome": "Uitkomst en advies",
    "widgets.report_table": "Tabel",
    "widgets.report_chart": "Grafiek",
    "widgets.report_more_text": "… (de rest van de tekst staat in de widget)",
    "widgets.report_more_rows": "… en nog {count} rij(en): die staan in Exporteer CSV.",
    "widgets.done": "Klaar: {path}",
    "widgets.chart_alt": "Grafiek als tekst",
    "widgets.chart_alt_missing": "Een grafiek bij de uitkomst hierboven.",
    "widgets.loaded": "Je opgeslagen werk is teruggezet.",
    "widgets.offline": (
        "Deze widget is niet meer verbonden met Python: JupyterLab of de kernel is opnieuw gestart. Je ziet "
        "je laatste stand, maar er wordt niets berekend of opgeslagen. Klik in de cel en druk op "
        "Shift + Enter: de widget komt terug met deze stand."
    ),
    "widgets.recalled": "Je werk van de vorige keer dat deze cel draaide staat er weer.",
    "widgets.recalled_not_file": (
        "Je werk van de vorige keer dat deze cel draaide staat er weer. In {path} staat een andere "
        "(oudere) versie; die haal je terug met Openen."
    ),
    "widgets.previous_offered": (
        "Je hebt de code van deze cel veranderd, dus de widget begint opnieuw. Je werk van de vorige "
        "keer is niet weg: de knop hieronder zet het terug."
    ),
    "widgets.previous_button": "Zet mijn vorige werk terug",
    "widgets.too_long": (
        "De tekst die begint met '{start}…' is {length} tekens lang; hier passen er hoogstens {limit}. "
        "Maak hem korter."
    ),
    "widgets.confirm_open": (
        "Openen zet het werk uit {path} in de widget en vervangt wat er nu staat. Wat je sinds het "
        "opslaan veranderde, is dan weg. Doorgaan?"
    ),
    "widgets.confirm_open_yes": "Ja, open het bestand",
    "widgets.confirm_yes": "Ja, vervang mijn werk",
    "widgets.confirm_no": "Nee, houd mijn werk",
    "widgets.restored": "Je opgeslagen werk uit {path} is teruggezet.",
    "widgets.open_failed": (
        "{path} kon niet worden geopend; de widget houdt wat er al stond.\n{error}\n"
        "Er is niets weg: een kopie van het bestand staat in {copy}. Bewaar je werk gerust opnieuw."
    ),
    "widgets.restore_failed": (
        "Je opgeslagen werk in {path} kon niet worden teruggezet, dus je ziet het voorbeeld.\n{error}\n"
        "Er is niets weg: een kopie van het bestand staat in {copy}. Vul de widget opnieuw in en bewaar."
    ),
    "widgets.bad_name": (
        "'{name}' kan niet als bestandsnaam: je werk blijft in je werkmap ({folder}). Gebruik een gewone "
        "naam zoals 'mijn_werk' (of 'map/mijn_werk' voor een map daarbinnen), zonder '..' en niet "
        "beginnend met '/'."
    ),
    "widgets.not_a_file": (
        "'{path}' is geen gewoon bestand maar {kind}, dus er valt geen werk uit terug te halen. "
        "Kies een andere bestandsnaam."
    ),
    "widgets.too_big": (
        "Het bestand '{path}' is met {size} bytes veel te groot voor opgeslagen werk van {widget} "
        "(hoogstens {limit} bytes). Het is waarschijnlijk een ander bestand: kies de naam van je eigen werk."
    ),
    "widgets.too_many_copies": (
        "Er staan al {count} kopieën van '{path}'. Ruim een paar oude '-kopie'-bestanden op."
    ),
    "widgets.yes": "ja",
    "widgets.no": "nee",
    "widgets.kind_folder": "een map",
    "widgets.kind_fifo": "een pipe (FIFO)",
    "widgets.kind_socket": "een socket",
    "widgets.kind_device": "een apparaatbestand",
    "widgets.kind_link": "een snelkoppeling naar een bestand dat niet bestaat",
    "widgets.kind_other": "iets anders dan een bestand",
    "widgets.add": "Voeg toe",
    "widgets.remove": "Verwijder",
    # accessible names of the fields in a row editor (their tooltip; a screen reader reads them)
    "widgets.row_field": "{name}, rij {row}",
    "widgets.remove_row": "Verwijder rij {row}",
    "widgets.new_field": "{name} voor een nieuwe rij",
    "widgets.row_text": "Tekst",
    "widgets.row_choice": "Soort",
    "widgets.empty_text": "Typ eerst een tekst in het invoerveld en klik dan op 'Voeg toe'.",
}
