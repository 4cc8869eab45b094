"""Practice class data of h06-merkstrategie (see tools/make_class.py): typical mistakes per answer cell and
open answers that belong to this assignment. Each student has her own case (smmkit.variant), so a mistake is
written as the code a student would type: earned and shared swapped, "owned" for everything on social media,
the wrong noemer, a fraction instead of a percentage."""
from __future__ import annotations

_PESO = (
    '{"paid": "paid", "owned": "owned", "earned": "shared", "shared": "earned"}['  # earned and shared swapped
    '"paid" if "betaalt" in uiting_casus or "koopt" in uiting_casus else '
    '"earned" if "uit zichzelf" in uiting_casus else "shared" if "delen" in uiting_casus or "sturen" in uiting_casus '
    'else "owned"]'
)

WRONG = {
    "h06_peso_antwoord": [
        f"peso_soort = {_PESO}",
        'peso_soort = "owned"',          # "it is about the organisation, so it is owned"
        'peso_soort = "earned"',         # everything others do is "earned"
    ],
    "h06_controle_antwoord": [
        'controle = "hoog"',             # the organisation made the content, so it controls it
        'controle = {"paid": "laag", "owned": "hoog", "earned": "laag", "shared": "hoog"}[peso_soort]',
    ],
    "h06_procent_van_max_antwoord": [
        'procent_van_max = round(gemeente_casus["score"] / 230, 3)',                 # a fraction
        'procent_van_max = round(gemeente_casus["score"] / 145 * 100, 1)',           # the best score as maximum
        'procent_van_max = round(gemeente_casus["score"] / 120 * 100, 1)',           # the followers part as maximum
    ],
    "h06_mix_antwoord": [
        'aandeel_earned_shared = round(mix_casus["earned"] + mix_casus["shared"] / (mix_casus["paid"] + '
        'mix_casus["owned"] + mix_casus["earned"] + mix_casus["shared"]) * 100, 1)',  # brackets forgotten
        'aandeel_earned_shared = round((mix_casus["earned"] + mix_casus["shared"]) / (mix_casus["paid"] + '
        'mix_casus["owned"]) * 100, 1)',                                             # divided by paid + owned
        'aandeel_earned_shared = round((mix_casus["earned"] + mix_casus["shared"]) / (mix_casus["paid"] + '
        'mix_casus["owned"] + mix_casus["earned"] + mix_casus["shared"]), 3)',       # a fraction
    ],
}

OPEN_ANSWERS = {
    "h06_tempel": [
        "Ik beoordeelde mijn hogeschool. Scores: leiderschap 4, emotionele aantrekkingskracht 3, "
        "arbeidsomstandigheden 2, maatschappelijke betrokkenheid 3, producten en diensten 4, financiële prestaties 3; "
        "geloofwaardigheid 4, vertrouwen 3, eerlijkheid 3. Zwakste pijler: arbeidsomstandigheden, want op LinkedIn "
        "las ik berichten van docenten over hoge werkdruk. Zwakste fundament: vertrouwen en eerlijkheid (gelijk), "
        "omdat roosterwijzigingen laat en zonder uitleg komen (berichten op Instagram, maart 2026).",
        "Mijn gemeente scoort gemiddeld. De zwakste is vertrouwen.",
        "Ik heb de scores van de widget laten staan. De zwakste pijler is maatschappelijke betrokkenheid.",
    ],
    "h06_reputatieaanpak": [
        "Eerste uren: binnen een uur reageren we onder het bericht: we zien de reacties, leggen kort uit waarom het "
        "besluit komt en beloven vrijdag een update. Ongenuanceerde reacties noemen gemeenten en wereldsteden als "
        "nadeel (Kok, 2012); zwijgen maakt het erger. Owned: een pagina met vragen en antwoorden. Earned: een interview "
        "met de lokale nieuwssite. Shared: een uitlegvideo die inwoners kunnen doorsturen. Paid: alleen om de "
        "uitnodiging voor een inloopavond in de juiste wijken te krijgen. In mijn campagne uit vraag 4 kwam 48,1 % "
        "van het bereik uit earned en shared media: bijna de helft hebben we niet zelf in de hand, terwijl mensen "
        "juist veel geloof hechten aan wat anderen schrijven (Rietberg & Ruigrok, 2025). Mijn zwakste pijler was maatschappelijke betrokkenheid; "
        "door inwoners mee te laten praten, laten we zien dat we met hen beslissen.\n\n"
        "Kok, D. (Red.). (2012). *Sociale media en gemeenten*.\n"
        "Rietberg, D., & Ruigrok, K. (2025). *Social media management* (2e dr.). Noordhoff.",
        "We reageren snel en zetten owned, paid, earned en shared in. Zo wordt de reputatie beter.",
        "Ik zou de boze reacties verwijderen en het bericht offline halen tot het rustig is.",
    ],
}
