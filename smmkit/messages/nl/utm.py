"""Dutch texts for UTM links and attribution."""
MESSAGES = {
    "utm.field.url": "webadres",
    "utm.field.source": "bron (utm_source)",
    "utm.field.medium": "soort kanaal (utm_medium)",
    "utm.field.campaign": "campagne (utm_campaign)",
    "utm.field.content": "variant (utm_content)",
    "utm.field.model": "attributiemodel",
    "utm.bad_url": "'{url}' is geen volledig webadres. Begin met https://, bijvoorbeeld https://www.gemeente.nl/warmtescan.",
    "utm.url_space": "In '{url}' staat een spatie, en een webadres heeft geen spaties. Haal de spatie weg of kopieer het adres opnieuw uit je browser.",
    "utm.bad_label": "'{value}' kan niet als {field}. Gebruik alleen letters, cijfers, punten en streepjes, bijvoorbeeld 'instagram' of 'warmtescan-2026'.",
    "utm.bad_path": "Geef de klikken van één persoon als lijst kanalen in volgorde, bijvoorbeeld ['instagram', 'facebook', 'nieuwsbrief'].",
    # UTMBuilder (smmkit.widgets.utm)
    "utm.w.title": "UTM-links maken",
    "utm.w.intro": (
        "Vul het webadres en de labels in en kopieer de link eronder. De kit schrijft de labels in kleine letters "
        "zonder spaties, zodat je statistieken 'Instagram' en 'instagram' niet als twee bronnen tellen. Kies het "
        "soort kanaal uit een vaste lijst: zo kun je kanalen later met elkaar vergelijken. Zet elke link die je "
        "gaat gebruiken in de lijst en exporteer die als CSV voor je collega's."
    ),
    "utm.w.url": "Webadres",
    "utm.w.source": "Bron",
    "utm.w.medium": "Soort kanaal",
    "utm.w.campaign": "Campagne",
    "utm.w.content": "Variant",
    "utm.w.source_hint": "bijvoorbeeld instagram of nieuwsbrief",
    "utm.w.content_hint": "mag leeg, of bijvoorbeeld video-a",
    "utm.w.medium.social": "social (eigen bericht)",
    "utm.w.medium.advertentie": "advertentie (betaald bericht)",
    "utm.w.medium.e-mail": "e-mail (nieuwsbrief, mailing)",
    "utm.w.medium.qr-code": "qr-code (affiche, flyer)",
    "utm.w.link": "Je link met UTM-codes:",
    "utm.w.rewritten": "'{typed}' staat in de link als '{label}'.",
    "utm.w.add": "Zet in lijst",
    "utm.w.remove_last": "Laatste weghalen",
    "utm.w.added": "Toegevoegd. Er staan nu {count} links in je lijst.",
    "utm.w.duplicate": "Deze link staat al in je lijst.",
    "utm.w.fix_first": "Deze link kan nog niet in de lijst: verbeter eerst wat er hierboven staat.",
    "utm.w.empty_list": "Je lijst is nog leeg. Met 'Zet in lijst' bewaar je de link hierboven.",
    "utm.w.col.source": "bron",
    "utm.w.col.medium": "soort kanaal",
    "utm.w.col.campaign": "campagne",
    "utm.w.col.content": "variant",
    "utm.w.col.link": "link",
}
