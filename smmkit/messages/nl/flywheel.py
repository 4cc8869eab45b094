"""Dutch texts for the Social Customer Flywheel model and its widget."""
MESSAGES = {
    "flywheel.part.influencing": "beïnvloeden (influencing)",
    "flywheel.part.selling": "verkopen (selling)",
    "flywheel.part.listening": "luisteren (listening)",
    "flywheel.cocreation": "cocreatie (raakpunt van beide cycli)",
    "flywheel.buying": "koopcyclus",
    "flywheel.usage": "gebruikscyclus",
    "flywheel.field.name": "naam van het contactmoment",
    "flywheel.field.phase": "fase",
    "flywheel.field.part": "onderdeel van het flywheel",
    "flywheel.bad_phase_number": "De klantcyclus heeft fase 1 tot en met 8; {value} bestaat niet. "
                                 "Gebruik een nummer van 1 tot 8 of de naam van de fase.",
    "flywheel.missing_key": "Bij dit contactmoment ontbreekt: {keys}. Geef name, phase en part op.",
    "flywheel.bad_item": "Ik kan {item} niet lezen als contactmoment. Geef (naam, fase, onderdeel) "
                         "of een dict met name, phase en part.",
    "flywheel.advice.none": "Je hebt nog geen contactmomenten geplaatst. Begin met één moment per fase.",
    "flywheel.advice.covered": "Je plan vult {covered} van de {total} vakjes (8 fasen × 3 onderdelen).",
    "flywheel.advice.empty_phases": "Fasen zonder enig contactmoment: {phases}. "
                                    "Wat doet de klant daar, en kun je er via social media bij zijn?",
    "flywheel.advice.empty_parts": "Niet gebruikt: {parts}. Bedenk per fase wat je hier zou kunnen doen.",
    "flywheel.advice.only_buying": "Alles zit in de koopcyclus. Na de aankoop begint het behouden van de klant: "
                                   "denk aan webcare, tips bij gebruik en een moment rond vervanging.",
    "flywheel.advice.only_usage": "Alles zit in de gebruikscyclus. Hoe vinden nieuwe klanten je? "
                                  "Plan ook iets voor inspiratie, onderzoeken, evalueren en selecteren.",
    "flywheel.advice.lopsided": "Het zwaartepunt ligt sterk in de {heavy}. Kijk of de andere cyclus genoeg aandacht krijgt.",
    "flywheel.advice.no_cocreation": "Er staat nog niets bij cocreatie. Waar zouden klanten of inwoners mee kunnen denken of maken?",
    "flywheel.advice.complete": "Elke fase en elk onderdeel van het flywheel heeft minstens één contactmoment. Goed gedekt!",
    "flywheel.w.title": "Social Customer Flywheel: contactmomenten plaatsen",
    "flywheel.w.intro": "Zet elk contactmoment in een fase van de klantcyclus en kies of je beïnvloedt, verkoopt of luistert.",
    "flywheel.w.new": "Nieuw contactmoment",
    "flywheel.w.share": "{covered} van {total} vakjes gevuld ({share} %)",
    "flywheel.w.name": "Contactmoment",
    "flywheel.w.goals": "Doel en voorbeeld-KPI's per onderdeel (Merkx, 2023)",
    "flywheel.w.goal": "{part}: doel {goal}; meet bijvoorbeeld {kpis}.",
    "flywheel.w.channel": "Kanaal",
    "flywheel.w.part": "Flywheel",
    "flywheel.w.chart_title": "Aantal contactmomenten per vakje",
    "flywheel.w.source": "klantcyclus (Rietberg & Ruigrok, 2025) en social flywheel (Merkx, 2023); eigen plaatsing",
    "flywheel.w.axis": "fasen 1-4: {buying}   |   fasen 5-8: {usage}   (– = leeg vakje)",
    "flywheel.w.alt": (
        "Raster '{title}': per deel van het vliegwiel (rijen) en per fase (kolommen) het aantal "
        "contactmomenten. {rows} {empty} van de {total} vakjes zijn leeg."
    ),
    "flywheel.w.alt_row": "{part}: {cells}.",
    "flywheel.w.alt_none": "nog geen contactmomenten",
}
