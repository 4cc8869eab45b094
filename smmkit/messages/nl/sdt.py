MESSAGES = {
    "sdt.title": "Behoefteprofiel van platforms (zelfdeterminatietheorie, Deci & Ryan 2000)",
    "sdt.intro": (
        "Geef per platform aan hoe sterk het elke behoefte vervult: 1 = nauwelijks, 5 = heel sterk. "
        "Vergelijk je profiel daarna met het beeld uit het boek."
    ),
    "sdt.and": "en",
    "sdt.need.competentie": "Competentie",
    "sdt.need.autonomie": "Autonomie",
    "sdt.need.verbondenheid": "Verbondenheid",
    "sdt.not_a_mapping": (
        "De scores moeten een woordenboek zijn, zoals {{\"YouTube\": {{\"competentie\": 5, "
        "\"autonomie\": 3, \"verbondenheid\": 2}}}}, maar je gaf een {kind}."
    ),
    "sdt.empty": "Er staat nog geen enkel platform in je profiel. Voeg minstens één platform toe.",
    "sdt.empty_platform": "Een platform heeft geen naam. Geef elk platform een naam, bijvoorbeeld 'TikTok'.",
    "sdt.duplicate_platform": (
        "Het platform '{platform}' staat er twee keer in (ook als '{other}'). "
        "Houd één van de twee over; hoofdletters tellen niet mee."
    ),
    "sdt.ratings_not_mapping": (
        "Bij '{platform}' hoort per behoefte een score, zoals {{\"competentie\": 4, \"autonomie\": 2, "
        "\"verbondenheid\": 3}}. Gebruik de behoeften {needs}."
    ),
    "sdt.unknown_need": (
        "'{need}' is geen behoefte uit de zelfdeterminatietheorie. Kies uit: {needs}."
    ),
    "sdt.missing_need": (
        "Bij '{platform}' ontbreekt een score voor {missing}. Geef elk platform een score voor {needs}."
    ),
    "sdt.not_a_number": (
        "De score van '{platform}' voor {need} is {value}; dat is geen getal. Vul een getal van 1 tot en met 5 in."
    ),
    "sdt.out_of_range": (
        "De score van '{platform}' voor {need} is {value}, maar de schaal loopt van {low} tot en met {high}. "
        "Kies een score binnen die schaal."
    ),
    "sdt.no_focus": "geen enkele behoefte in het bijzonder (alle drie even hoog)",
    "sdt.platform_no_focus": "{platform} vervult volgens jou alle drie behoeften even sterk: geen duidelijke voorkeur.",
    "sdt.platform_focus": "{platform} vervult volgens jou vooral de behoefte aan {needs}.",
    "sdt.best_for_need": "{need}: het sterkst bij {platforms} (score {score}).",
    "sdt.compare_same": (
        "{platform}: jij legt de nadruk op {own}, het boek op {reference} — dezelfde richting. "
        "Overeenkomst {overlap} % (gemiddeld {difference} punt verschil)."
    ),
    "sdt.compare_other": (
        "{platform}: jij legt de nadruk op {own}, maar het boek op {reference}. "
        "Overeenkomst {overlap} % (gemiddeld {difference} punt verschil). Waar komt dat verschil vandaan?"
    ),
    "sdt.compare_total": "Gemiddelde overeenkomst met het boekbeeld over {n} platform(s): {overlap} %.",
    "sdt.compare_none": (
        "Geen van je platforms komt voor in het boekbeeld, dus vergelijken kan niet. "
        "Het boek noemt {platforms}."
    ),
    "sdt.only_own": (
        "Het boek zegt niets over {platforms}. Beredeneer zelf welke behoefte daar de nadruk krijgt."
    ),
    "sdt.book_note": (
        "Het boekbeeld is een vereenvoudiging: 5 voor de behoefte die het boek bij een platform noemt, "
        "2 voor de andere twee. Het boek benadrukt zelf dat de meeste platforms een mix vervullen."
    ),
    "sdt.own_heading": "Jouw profiel",
    "sdt.compare_heading": "Vergelijking met het boekbeeld",
    "sdt.compare_toggle": "Vergelijk met het boekbeeld",
    "sdt.load_book": "Neem het boekbeeld over",
    "sdt.name_too_long": (
        "De naam van een platform mag hoogstens {limit} tekens hebben; '{start}…' heeft er {length}. "
        "Kies een kortere naam."
    ),
    "sdt.confirm_book": "Het boekbeeld vervangt al je eigen scores. Weet je het zeker?",
    "sdt.confirm_book_own": (
        "Het boekbeeld vervangt al je eigen scores en haalt je eigen platforms weg ({platforms}). "
        "Weet je het zeker? Sla je werk eerst op als je het wilt bewaren."
    ),
    "sdt.confirm_book_yes": "Ja, neem het boekbeeld over",
    "sdt.new_platform": "Nieuw platform",
    "sdt.chart_kind": "Grafiek",
    "sdt.chart_bars": "Staven",
    "sdt.chart_radar": "Profiel",
    "sdt.chart_title": "Behoeften per platform (Deci & Ryan, 2000)",
    "sdt.chart_source": "eigen beoordeling; boekbeeld naar Rietberg & Ruigrok (2025), §1.4.1",
    "sdt.chart_axis": "score (1–5)",
    "sdt.book_marker": "boekbeeld",
    "sdt.platform_exists": "'{platform}' staat al in je profiel. Kies een andere naam.",
    "sdt.example_note": (
        "Voorbeeld: zo beoordeelt een communicatieadviseur van Gemeente Hoorn haar eigen gebruik. "
        "Verschuif de schuifjes naar jouw eigen gebruik."
    ),
    "sdt.col.platform": "platform",
    "sdt.col.focus": "sterkste_behoefte",
    "sdt.col.book_focus": "nadruk_boek",
    "sdt.col.overlap": "overeenkomst_pct",
    "sdt.slider_name": "{platform} – {need}",
    "sdt.alt_book": "De zwarte streepjes tonen wat het boek verwacht: {values}.",
}
MESSAGES["sdt.bad_state"] = (
    "In dit bestand staat een onbekende instelling: 'compare' moet waar of onwaar zijn en 'chart' "
    "één van {charts}. Sla je werk opnieuw op vanuit de widget."
)
