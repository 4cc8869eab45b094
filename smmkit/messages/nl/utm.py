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
}
