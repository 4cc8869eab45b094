MESSAGES = {
    "lcss.title": "Je contentmix in het LCSS-model (likeable, clickable, sharable, sellable)",
    "lcss.intro": (
        "Geef elke post een categorie, of laad een CSV-bestand met de kolommen titel en categorie. "
        "Je ziet je mix naast het doel en krijgt een tip over wat ontbreekt."
    ),
    "lcss.example_note": "Voorbeeld: geplande posts van Gemeente Hoorn voor één maand.",
    "lcss.target_explained": (
        "Het standaarddoel van deze kit is 40 % likeable, 30 % clickable, 20 % sharable en 10 % sellable. "
        "Lichte posts kun je vaak plaatsen, deelbare stukken kosten meer tijd en verkoopgerichte posts "
        "houd je beperkt, anders haken volgers af. Het is een startpunt, geen wet: pas het aan je eigen doel aan "
        "(samen 100 %)."
    ),
    "lcss.unknown_category": "'{value}' is geen LCSS-categorie. Kies uit: {valid}.",
    "lcss.not_a_list": (
        "Een contentlijst is een lijst met posts, zoals [(\"Foto van de haven\", \"likeable\")], "
        "maar je gaf een {kind}."
    ),
    "lcss.bad_item": (
        "Regel {number} ({item}) is geen post. Schrijf elke regel als (\"titel\", \"categorie\") "
        "of (\"titel\", \"categorie\", \"kanaal\")."
    ),
    "lcss.empty_title": "Regel {number} heeft geen titel. Geef de post een korte titel of haal de regel weg.",
    "lcss.in_row": "Regel {number} ('{title}'): {error}",
    "lcss.empty_list": "Je contentlijst is leeg. Voeg minstens één post toe of laad een CSV-bestand.",
    "lcss.target_not_mapping": (
        "Het doel moet een woordenboek zijn, zoals {{\"likeable\": 40, \"clickable\": 30, "
        "\"sharable\": 20, \"sellable\": 10}}, maar je gaf een {kind}."
    ),
    "lcss.target_not_number": "Het doel voor {category} is '{value}'; dat is geen getal. Vul een percentage van 0 tot en met 100 in.",
    "lcss.target_out_of_range": "Het doel voor {category} is {value}, maar een percentage ligt tussen 0 en 100.",
    "lcss.target_missing": "Het doel mist een percentage voor {missing}. Geef alle vier de categorieën een percentage (0 mag).",
    "lcss.target_sum": (
        "De doelpercentages tellen op tot {total} %, maar samen moeten ze 100 % zijn. "
        "Pas ze aan met {diff} procentpunt."
    ),
    "lcss.bad_tolerance": "De marge moet tussen 0 en 50 procentpunt liggen, maar is {value}. Laat hem weg voor de standaard (5).",
    "lcss.on_target": "Je mix ligt overal binnen {tolerance} procentpunt van het doel. Goed in balans!",
    "lcss.missing": "Je mist {category}-content helemaal: 0 % van je mix, terwijl het doel {target} % is.",
    "lcss.short": "Je hebt te weinig {category}-content: {share} % van je mix, het doel is {target} %.",
    "lcss.add_n": "Voeg ongeveer {n} {category}-post(s) toe om het doel te halen.",
    "lcss.over": (
        "Te veel {category}-content: {share} % van je mix tegen een doel van {target} %. "
        "Maak er minder van, of geef een paar van die posts een andere insteek."
    ),
    "lcss.tip.likeable": "Likeable: licht en snel gemaakt, iets waar mensen meteen op reageren, zoals een sfeerfoto of een inhaker.",
    "lcss.tip.clickable": "Clickable: maakt nieuwsgierig naar meer en leidt naar je site, zoals een blog of nieuwsbericht met link.",
    "lcss.tip.sharable": "Sharable: zo handig of verrassend dat mensen het doorsturen, zoals een checklist, quiz of infographic.",
    "lcss.tip.sellable": (
        "Sellable: vraagt om een actie die iets oplevert, zoals kopen, aanmelden of een aanvraag doen; "
        "bij een gemeente bijvoorbeeld een subsidie aanvragen."
    ),
    "lcss.uploaded_file": "het geüploade bestand",
    "lcss.typed_text": "de ingevoerde tekst",
    "lcss.csv_not_found": "Het CSV-bestand '{path}' bestaat niet. Controleer de naam en de map.",
    "lcss.csv_unreadable": "Het CSV-bestand '{path}' kan niet worden gelezen ({reason}).",
    "lcss.csv_encoding": (
        "{name} is geen UTF-8-tekstbestand. Sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)'."
    ),
    "lcss.csv_empty": "{name} is leeg. Zet op de eerste regel de kolomnamen titel,categorie en daaronder je posts.",
    "lcss.csv_missing_column": (
        "In {name} ontbreekt de kolom {missing}. Gevonden kolommen: {found}. "
        "Nodig zijn titel en categorie (kanaal mag erbij)."
    ),
    "lcss.csv_empty_title": "In {name} heeft regel {line} geen titel. Vul de titel in of haal de regel weg.",
    "lcss.csv_bad_category": "In {name}, regel {line} ('{title}'): {error}",
    "lcss.csv_no_rows": "{name} heeft wel kolomnamen, maar geen posts. Zet onder de kolomnamen minstens één post.",
    "lcss.csv_path": "CSV-bestand",
    "lcss.csv_load": "Laad CSV",
    "lcss.csv_loaded": "{n} post(s) geladen uit {name}.",
    "lcss.upload": "Upload CSV",
    "lcss.target_heading": "Doel (%)",
    "lcss.default_target": "Standaarddoel",
    "lcss.new_item": "Nieuwe post, bijv. 'Foto van de Westfriese Markt'",
    "lcss.mix_heading": "Jouw mix naast het doel",
    "lcss.advice_heading": "Wat ontbreekt",
    "lcss.col.category": "categorie",
    "lcss.col.count": "aantal",
    "lcss.col.share": "aandeel_pct",
    "lcss.col.target": "doel_pct",
    "lcss.col.gap": "verschil_pp",
    "lcss.series_mix": "jouw mix",
    "lcss.series_target": "doel",
    "lcss.chart_title": "Contentmix tegen het doel (LCSS-model)",
    "lcss.chart_source": "eigen contentlijst; doel: standaard van smmkit of eigen keuze",
    "lcss.chart_axis": "aandeel (%)",
    "lcss.row": "{category}: {count} post(s), {share} % (doel {target} %)",
    "lcss.field_text": "Post",
    "lcss.field_type": "Soort post",
}
