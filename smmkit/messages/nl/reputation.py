"""Dutch texts for the reputation temple (Elving in Kok 2012, after Fombrun & Shanley 1990) and its widget."""
MESSAGES = {
    "reputation.driver.leadership": "leiderschap en visie",
    "reputation.driver.emotional_appeal": "emotionele aantrekkingskracht",
    "reputation.driver.workplace": "arbeidsomstandigheden",
    "reputation.driver.citizenship": "maatschappelijke betrokkenheid",
    "reputation.driver.products": "producten en diensten",
    "reputation.driver.financial": "financiële prestaties",
    "reputation.driver.credibility": "geloofwaardigheid",
    "reputation.driver.trust": "vertrouwen",
    "reputation.driver.honesty": "eerlijkheid",
    "reputation.part.pillar": "pijler",
    "reputation.part.foundation": "fundament",
    "reputation.not_a_dict": "Geef de scores als dict met per onderdeel (pijler of fundament) een getal van 1 tot 5. "
                             "Je gaf een {kind}.",
    "reputation.unknown_driver": "'{driver}' is geen onderdeel van de reputatietempel. Geldig zijn: {valid}.",
    "reputation.missing": "Er ontbreekt een score voor: {drivers}. Geef elk onderdeel een score van 1 tot 5.",
    "reputation.old_layout": "Deze scores horen bij een oudere indeling van de reputatietempel in de kit "
                             "('{driver}' bestaat niet meer). De kit volgt nu de tempel zoals Elving die beschrijft, naar Fombrun & Shanley (1990). "
                             "{valid} Zet je scores opnieuw met de schuifjes en bewaar ze daarna opnieuw.",
    "reputation.valid_parts": "Geldig zijn de pijlers {pillars} en de fundamenten {foundations}.",
    "reputation.advice.even": "Alle pijlers scoren gelijk ({score}). Kijk of je echt verschil ziet tussen de pijlers.",
    "reputation.advice.weakest": "Zwakste pijler: {pillars} (score {score}). Hier is de tempel het kwetsbaarst.",
    "reputation.advice.strongest": "Sterkste pijler: {pillars} (score {score}). Laat dit zien, bijvoorbeeld met verhalen van inwoners of klanten.",
    "reputation.advice.foundation": "Zwakste deel van het fundament: {foundation} (score {score}).",
    "reputation.advice.story.credibility": "Werk aan je corporate story: vertel waarom de organisatie bestaat en waar "
                                           "ze voor staat, en laat met echte voorbeelden zien dat ze daarnaar handelt. "
                                           "Zo wordt het verhaal geloofwaardig.",
    "reputation.advice.story.trust": "Vertrouwen groeit als je doet wat je zegt. Leg in je corporate story uit wat je "
                                     "belooft, en laat daarna zien dat je het nakomt, ook je reactietijd op social media.",
    "reputation.advice.story.honesty": "Vertel in je corporate story ook wat er misgaat en waarom je een besluit neemt. "
                                       "Een verhaal dat fouten weglaat, wordt op social media snel doorgeprikt.",
    "reputation.advice.shaky": "Het fundament (gemiddeld {f_mean}) is zwakker dan de pijlers (gemiddeld {p_mean}). Een mooie gevel op een wankele basis houdt geen stand bij de eerste crisis.",
    "reputation.advice.charm_over_honesty": "Emotionele aantrekkingskracht scoort duidelijk hoger dan eerlijkheid: "
                                            "mensen vinden je sympathiek, maar twijfelen of je open bent. Die sympathie "
                                            "slaat om zodra iets verzwegens naar buiten komt, en op social media gaat dat snel.",
    "reputation.advice.social": "Tip: luister op social media gericht naar wat mensen over '{pillar}' zeggen, en pak dat eerst aan voordat je erover gaat zenden.",
    "reputation.w.title": "Reputatietempel (Elving in Kok, 2012, naar Fombrun & Shanley, 1990)",
    "reputation.w.intro": "Geef elke pijler en elk fundament een score van 1 (zwak) tot 5 (sterk), bijvoorbeeld "
                          "zoals inwoners of klanten het zien. De zes pijlers rusten op drie fundamenten.",
    "reputation.w.pillars": "Pijlers",
    "reputation.w.foundation": "Fundamenten",
    "reputation.w.means": "Gemiddeld: pijlers {pillars}, fundamenten {foundation}, alles samen {overall} (schaal 1-5).",
    "reputation.w.chart_title": "Reputatietempel: score per pijler en fundament",
    "reputation.w.source": "reputatietempel: Elving (in Kok, 2012), naar Fombrun & Shanley (1990); scores: eigen oordeel",
    "reputation.w.axis": "score (1-5)",
}
