"""Practice class data of h01-introductie (see tools/make_class.py): typical mistakes per answer cell and
open answers that belong to this assignment. Each student's case differs (smmkit.variant), so a mistake
is written the way a student would: a fixed guess, a confusion of two terms, or a slip in the calculation."""
from __future__ import annotations

WRONG = {
    # a platform instead of a need; the book's synonym "relatie" instead of the word asked for; a fixed guess
    "h01_behoefte_antwoord": ['behoefte = vraag1["platform"]', 'behoefte = "relatie"', 'behoefte = "competentie"'],
    # the part of the cycle instead of the phase; the book's "selecteren" for every purchase; a fixed guess
    "h01_klantfase_antwoord": ['klantfase = "gebruikscyclus"', 'klantfase = "koopcyclus"', 'klantfase = "onderzoeken"'],
    # shared and earned swapped for everything others do; the kit's rule forgotten: "social" counted as shared
    "h01_peso_antwoord": ['peso = "shared"', 'peso = "earned"', 'peso = "social"'],
    # the customer-cycle phase instead of the flywheel part; a fixed guess
    "h01_flywheel_antwoord": ['flywheel = "inspiratie"', 'flywheel = "influencing"', 'flywheel = "listening"'],
    # the percentage itself; forgot to divide by 100; not rounded (a float where a number of people is asked)
    "h01_bereik_antwoord": ['geschat_bereik = vraag5["percentage"]',
                            'geschat_bereik = round(vraag5["inwoners"] * vraag5["percentage"])',
                            'geschat_bereik = vraag5["inwoners"] * vraag5["percentage"] / 100'],
    # a yes/no instead of the decision; the decision the other way round; a fixed answer
    "h01_vervolgstap_antwoord": ['vervolgstap = "ja"',
                                 'vervolgstap = {True: "extra kanaal erbij", False: "alleen dit kanaal"}'
                                 '[geschat_bereik >= vraag5["doel"]]',
                                 'vervolgstap = "extra kanaal erbij"'],
}

# Open answers per open (markdown) answer cell: good, thin and poor ones.
OPEN_ANSWERS = {
    "h01_advies": [
        "Ik adviseer de gemeente om met Facebook te beginnen. Gemeenten schatten dat 47,37 % van de inwoners "
        "Facebook gebruikt (Kok, 2012); voor onze gemeente zijn dat ongeveer 19.895 mensen, meer dan het doel van "
        "15.000. Berichten over werkzaamheden in de wijk spelen in op verbondenheid: inwoners willen weten wat er in "
        "hun straat gebeurt en praten erover met buren (Rietberg & Ruigrok, 2025). Kanttekening: het percentage is "
        "een schatting van ambtenaren uit 2012, en een derde van de gemeenten kon geen cijfer geven. Meet daarom eerst "
        "zelf welke kanalen inwoners nu gebruiken.\n\n"
        "- Kok, D. (Red.). (2012). *Sociale media en gemeenten*.\n"
        "- Rietberg, D., & Ruigrok, K. (2025). *Social media management* (2e dr.). Noordhoff.",
        "YouTube, want daar kun je filmpjes over de werkzaamheden op zetten en mensen leren daarvan (competentie). "
        "Ongeveer 42 % gebruikt het. De cijfers zijn wel oud.",
        "Facebook, omdat iedereen op Facebook zit.",
    ],
    "h01_klantreis": [
        "In de fase onderzoeken (koopcyclus) zet de fietsenwinkel testvideo's van e-bikes op YouTube: influencing "
        "met owned media, zodat wie zich oriënteert de winkel vindt. Volgens Kemp (2024) zoekt ruim een kwart van de "
        "internetgebruikers op social media inspiratie om iets te kopen; dat cijfer is wereldwijd, dus de winkel moet "
        "nagaan of het voor haar klanten geldt. In de fase onderhouden (gebruikscyclus) volgt de winkel wat klanten "
        "over hun accu zeggen en reageert ze snel: listening.\n\n"
        "- Kemp, S. (2024). *Digital 2024: Global overview report*. DataReportal.",
        "De winkel kan reclame maken op Instagram (paid, influencing) en klanten helpen als er iets kapot is. "
        "25 % zoekt inspiratie op social media.",
        "Ze moeten meer posten op social media zodat meer mensen ze kennen.",
    ],
}
