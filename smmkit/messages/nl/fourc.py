MESSAGES = {
    "fourc.title": "Je plan in het 4C-model (Van Belleghem, 2012)",
    "fourc.intro": (
        "Kies bij elke activiteit welke C ze vooral dient. Je ziet meteen hoe je plan de vier C's dekt "
        "en welke C aandacht nodig heeft."
    ),
    "fourc.example_note": "Voorbeeld: een deel van het socialmediaplan van Gemeente Hoorn. Pas het aan of begin opnieuw.",
    "fourc.c.customer_experience": "Customer experience",
    "fourc.c.conversatie": "Conversatie",
    "fourc.c.content": "Content",
    "fourc.c.collaboratie": "Collaboratie",
    "fourc.unsorted": "nog niet ingedeeld",
    "fourc.choose": "— kies een C —",
    "fourc.new_activity": "Nieuwe activiteit, bijv. 'Livestream van de raadsvergadering'",
    "fourc.unknown_c": "'{value}' is geen C uit het 4C-model. Kies uit: {valid}.",
    "fourc.not_a_list": (
        "Een plan is een lijst met activiteiten, zoals [(\"Video over afval\", \"content\")], "
        "maar je gaf een {kind}."
    ),
    "fourc.bad_item": (
        "Regel {number} ({item}) is geen activiteit. Schrijf elke regel als (\"activiteit\", \"C\"); "
        "gebruik None als je de C nog niet weet."
    ),
    "fourc.empty_activity": "Regel {number} heeft geen tekst. Beschrijf de activiteit of haal de regel weg.",
    "fourc.in_row": "Regel {number} ('{text}'): {error}",
    "fourc.empty_plan": "Je plan heeft nog geen activiteiten. Voeg er minstens één toe.",
    "fourc.bad_threshold": (
        "De grens voor 'zwak' moet een percentage tussen 0 en 25 zijn, maar is {value}. "
        "Laat hem weg voor de standaard van 12,5 %."
    ),
    "fourc.nothing_sorted": (
        "Je hebt nog geen van de {n} activiteiten ingedeeld. Kies bij elke activiteit een C."
    ),
    "fourc.some_unsorted": "{n} activiteit(en) heb je nog niet ingedeeld; die tellen hieronder niet mee.",
    "fourc.balanced": "Je plan dekt alle vier de C's redelijk evenwichtig. Mooi!",
    "fourc.missing": "Je plan verwaarloost {c}: geen enkele activiteit.",
    "fourc.weak": "{c} krijgt weinig aandacht: {n} activiteit(en), {share} % van je plan.",
    "fourc.tip.customer_experience": (
        "Denk aan iets wat de ervaring met de organisatie zelf beter maakt, zodat mensen die doorvertellen "
        "(bijv. een melding via social media die zichtbaar snel wordt opgelost)."
    ),
    "fourc.tip.conversatie": (
        "Denk aan luisteren en meepraten in plaats van zenden (bijv. vragen van inwoners "
        "binnen een werkdag beantwoorden)."
    ),
    "fourc.tip.content": (
        "Denk aan iets waar mensen over kunnen praten (bijv. een korte video of een foto-serie)."
    ),
    "fourc.tip.collaboratie": (
        "Denk aan mensen laten meedenken of meebeslissen (bijv. inwoners laten stemmen over een ontwerp)."
    ),
    "fourc.coverage_heading": "Dekking per C",
    "fourc.advice_heading": "Wat valt op",
    "fourc.col.c": "C",
    "fourc.col.activity": "activiteit",
    "fourc.chart_title": "Activiteiten per C (Van Belleghem, 2012)",
    "fourc.chart_source": "eigen indeling van het plan; 4C-model naar Van Belleghem (2012)",
    "fourc.chart_axis": "aantal activiteiten",
    "fourc.field_text": "Activiteit",
    "fourc.field_c": "C",
    "fourc.col_c": "C",
    "fourc.col_count": "Activiteiten",
    "fourc.col_share": "Aandeel",
    "fourc.neglected_mark": "weinig",
}
