"""Practice class data of h09-cocreatie (see tools/make_class.py): typical mistakes per answer cell and
open answers that belong to this assignment. Each student has her own case (smmkit.variant), so the
mistakes are written as a student would write them for any case: a neighbouring form of co-creation,
reach instead of followers, a fraction instead of a percentage, the comparison turned round, the tier
read from the reach."""
from __future__ import annotations

WRONG = {
    # every paid or unpaid maker called an influencer, and customers' content taken for a community
    "h09_vorm_antwoord": ['vorm = "influencermarketing"', 'vorm = "brand community"'],
    # the reach instead of the followers as denominator, and a fraction
    "h09_engagement_antwoord": [
        'engagement_rate = round(mijn_maker["interacties_per_post"] / mijn_maker["bereik_per_post"] * 100, 1)',
        'engagement_rate = round(mijn_maker["interacties_per_post"] / mijn_maker["volgers"], 3)'],
    # the followers instead of the reach, and without × 1000
    "h09_kosten_per_1000_antwoord": [
        'kosten_per_1000 = round(mijn_maker["prijs_per_post"] / mijn_maker["volgers"] * 1000, 2)',
        'kosten_per_1000 = round(mijn_maker["prijs_per_post"] / mijn_maker["bereik_per_post"], 2)'],
    # the comparison turned round (higher taken as cheaper), and "the maker is always cheaper"
    "h09_goedkoper_antwoord": ['goedkoper = "maker" if kosten_per_1000 > 8 else "advertentie"',
                               'goedkoper = "maker"'],
    # a fixed tier copied from a classmate, and 'influencer' instead of a tier
    "h09_type_antwoord": ['type_maker = "micro"', 'type_maker = "influencer"', 'type_maker = "micro-influencer"'],
}

OPEN_ANSWERS = {
    "h09_maker_advies": [
        "Voor een kookwinkel kijk ik naar @kookmetkees. Zijn engagement rate is 4,0 %: vier op de honderd "
        "volgers reageren op een bericht. Per 1.000 bereikte mensen kost hij € 7,50, iets minder dan de € 8 van "
        "een advertentie, maar bereik is niet hetzelfde als vertoningen, en de prijs zegt niets over vertrouwen. "
        "Als macro-maker heeft hij een groot publiek dat over koken gaat, dus de fit is goed. Ik raad één "
        "proefbericht aan, herkenbaar als reclame met #adv en het label betaalde samenwerking (Lam, 2018).\n\n"
        "Lam. (2018). *Stop 'sociaal' terug in sociale media!*",
        "De maker is goedkoper dan een advertentie dus ik raad hem aan.",
        "Influencers zijn belangrijk op social media omdat jongeren ze volgen.",
    ],
    "h09_ambassadeurs": [
        "Doelen: meer inwoners zien het werk van de gemeente. Thema's: buitendienst en bibliotheek. "
        "Medewerkers: vrijwilligers uit drie afdelingen. Rollen: delen of zelf video's maken. Buitenwereld: we "
        "koppelen ambassadeurs aan wijkplatforms waar ze al actief zijn. Ondersteuning: een workshop en een "
        "lijst met berichten. Meten: bereik, interacties en aantal actieve ambassadeurs. Medewerkers vindt 47 % "
        "geloofwaardig, tegen 44 % een CEO (Edelman, 2018, via Lam, 2018), maar dat verschil is klein. Risico: "
        "een ondoordachte uitspraak; daarom duidelijke afspraken.\n\n"
        "Lam. (2018). *Stop 'sociaal' terug in sociale media!*",
        "Medewerkers kunnen berichten delen op LinkedIn. We meten de likes.",
        "Ambassadeurs zijn belangrijk.",
    ],
}
