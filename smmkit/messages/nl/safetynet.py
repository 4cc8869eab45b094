"""Dutch texts of the safety net (smmkit.safetynet): every key ``safety.X`` says what went
wrong, ``safety.X.tip`` what to try. Short, in plain words, no jargon without its meaning."""
MESSAGES = {
    # the box
    "safety.title": "✘ Deze cel stopte met een fout ({ename}). Zo los je het op:",
    "safety.short": "✘ {ename}: de uitleg in het Nederlands staat in het oranje kader hierboven "
                    "(de originele foutmelding kun je daar openklappen).",
    "safety.try": "Probeer:",
    "safety.original": "Originele foutmelding (Python, Engels)",
    "safety.where": "Regel {line}: {code}",
    "safety.near": " Bedoel je `{near}`?",
    "safety.and_more": "nog {n} andere",
    "safety.warn_title": "⚠ Let op: deze cel werkte, maar doet misschien iets anders dan je bedoelt.",
    # warnings after a cell that ran
    "safety.warn_comma": "`{name} = {a},{b}` is voor Python geen kommagetal: de komma maakt er een rijtje van twee "
                         "getallen van, ({a}, {b}). In Python schrijf je een kommagetal met een punt.",
    "safety.warn_comma.tip": "Schrijf `{name} = {a}.{b}` en voer de cel opnieuw uit.",
    "safety.warn_thousands": "`{name} = {text}` is voor Python het getal {value}: de punt is in Python de decimale "
                             "punt, geen duizendtalscheiding.",
    "safety.warn_thousands.tip": "Bedoel je {right}? Schrijf dan `{name} = {right}` (of, beter leesbaar, "
                                 "`{name} = {under}`). Bedoelde je echt {value}, dan is alles goed.",
    # syntax: how the cell is written
    "safety.bracket_open": "Er staat een haakje `{bracket}` open dat nergens gesloten wordt.",
    "safety.bracket_open.tip": "Tel de haakjes: elk `(` heeft een `)` nodig, elk `[` een `]` en elk `{{` een `}}`. "
                               "Zet het sluithaakje op de plek waar de opdracht af is (vaak aan het eind van de regel).",
    "safety.bracket_extra": "Er staat een sluithaakje `{bracket}` te veel: er hoort geen openingshaakje bij.",
    "safety.bracket_extra.tip": "Haal het overbodige `{bracket}` weg, of zet het ontbrekende openingshaakje op de "
                                "goede plek.",
    "safety.bracket_mismatch": "Het haakje `{closing}` sluit een haakje `{opening}`: die twee horen niet bij elkaar.",
    "safety.bracket_mismatch.tip": "Sluit `(` met `)`, `[` met `]` en `{{` met `}}`. Kijk welk haakje je het laatst "
                                   "opende.",
    "safety.quote_open": "Een tekst tussen aanhalingstekens is niet afgesloten: het tweede aanhalingsteken ontbreekt.",
    "safety.quote_open.tip": "Zet een tekst altijd tussen twee gelijke tekens: \"Facebook\" of 'Facebook'. Let op een "
                             "aanhalingsteken midden in de tekst (zoals in 's avonds): gebruik dan de andere soort "
                             "eromheen.",
    "safety.curly_quotes": "In de cel staan krulletjes-aanhalingstekens (“ ” of ‘ ’), bijvoorbeeld doordat je tekst "
                           "uit Word, een pdf of een chat hebt geplakt. Python kent alleen de rechte \" en '.",
    "safety.curly_quotes.tip": "Typ de aanhalingstekens in de cel opnieuw met het toetsenbord.",
    "safety.invalid_char": "In de cel staat een teken dat Python niet kent: `{char}` (vaak een geplakt teken zoals een "
                           "lange streep of een onzichtbare spatie).",
    "safety.invalid_char.tip": "Haal dat teken weg of typ het stukje opnieuw met het toetsenbord; gebruik - voor min.",
    "safety.print_parens": "`print` is een functie: wat je wilt tonen moet tussen haakjes.",
    "safety.print_parens.tip": "Schrijf print(\"tekst\") of print(waarde).",
    "safety.equals": "Eén `=` betekent in Python 'bewaar onder deze naam'. Om twee dingen te vergelijken gebruik je "
                     "`==`.",
    "safety.equals.tip": "Schrijf in een voorwaarde `==`, bijvoorbeeld if kanaal == \"Facebook\": of "
                         "tabel[tabel[\"jaar\"] == 2012].",
    "safety.assign_literal": "Links van `=` moet de naam staan waaronder je iets bewaart, rechts de waarde. Hier staat "
                             "links iets wat geen naam is.",
    "safety.assign_literal.tip": "Draai het om: `naam = waarde`, bijvoorbeeld aantal = 5. Wilde je vergelijken, gebruik "
                                 "dan `==`.",
    "safety.colon": "Na `if`, `for`, `while`, `def` en `else` hoort een dubbele punt `:`.",
    "safety.colon.tip": "Zet een `:` aan het eind van die regel en laat de regels eronder inspringen (4 spaties).",
    "safety.comma": "Tussen twee waarden in een lijst of tussen twee invoerwaarden van een functie ontbreekt een "
                    "komma.",
    "safety.comma.tip": "Zet komma's tussen de waarden: [10, 9, 8] of round(x, 1).",
    "safety.leading_zero": "Een getal mag in Python niet met een 0 beginnen (zoals 08).",
    "safety.leading_zero.tip": "Laat de voorloopnul weg: 8 in plaats van 08. Is het een code zoals een postcode, "
                               "zet hem dan tussen aanhalingstekens: \"0800\".",
    "safety.number_letters": "Direct na een getal staan letters. Een naam mag niet met een cijfer beginnen, en een "
                             "getal kan geen letters bevatten.",
    "safety.number_letters.tip": "Begin een naam met een letter (jaar_2012 in plaats van 2012jaar), of zet een tekst "
                                 "tussen aanhalingstekens.",
    "safety.name_space": "Een naam (variabele) mag geen spatie bevatten.",
    "safety.name_space.tip": "Gebruik een liggend streepje: aantal_gegroeid in plaats van aantal gegroeid. Gebruik "
                             "precies de naam die de opdracht noemt.",
    "safety.percent_sign": "Een %-teken achter een getal kent Python niet: 50% is voor Python geen getal.",
    "safety.percent_sign.tip": "Schrijf alleen het getal (50 als percentage, of 0.5 als fractie) zonder %-teken.",
    "safety.syntax_generic": "Python kan deze regel niet lezen: er staat iets wat niet volgens de schrijfregels is "
                             "(een haakje, aanhalingsteken, komma of dubbele punt te veel of te weinig).",
    "safety.syntax_generic.tip": "Vergelijk de regel die hieronder genoemd wordt teken voor teken met het voorbeeld "
                                 "uit de uitleg.",
    "safety.indent_unexpected": "Deze regel begint met spaties (springt in) terwijl daar geen reden voor is.",
    "safety.indent_unexpected.tip": "Haal de spaties aan het begin van de regel weg. Alleen regels onder een if, for "
                                    "of def springen in.",
    "safety.indent_expected": "Na een regel die eindigt op `:` (if, for, def …) moeten de regels eronder inspringen.",
    "safety.indent_expected.tip": "Zet 4 spaties (of één Tab) voor de regels die bij die if of for horen.",
    "safety.indent_mismatch": "De regels springen niet even ver in: Python weet niet bij welk blok deze regel hoort.",
    "safety.indent_mismatch.tip": "Laat regels die bij elkaar horen precies even ver inspringen (steeds 4 spaties).",
    "safety.indent_tabs": "In het inspringen zijn tabs en spaties door elkaar gebruikt.",
    "safety.indent_tabs.tip": "Haal het inspringen weg en zet het opnieuw, steeds met 4 spaties.",
    # names
    "safety.name_near": "De naam `{name}` bestaat (nog) niet. Bedoel je `{near}`?",
    "safety.name_near.tip": "Let op spelling en hoofdletters: `{near}` en `{name}` zijn voor Python verschillende "
                            "namen. Bedoel je iets nieuws, voer dan eerst de cel uit waarin `{name} = ...` staat.",
    "safety.name_kit": "`{name}` is een hulpmiddel of tabel die een eerdere cel klaarzet, maar die cel is nog niet "
                       "uitgevoerd (of de kernel is opnieuw gestart).",
    "safety.name_kit.tip": "Kies in het menu Uitvoeren → Alle cellen erboven uitvoeren. Voer daarna "
                           "deze cel opnieuw uit.",
    "safety.name_quotes": "De naam `{name}` bestaat niet. Bedoel je de tekst \"{name}\"? Een tekst staat altijd "
                          "tussen aanhalingstekens.",
    "safety.name_quotes.tip": "Schrijf \"{name}\" (met aanhalingstekens), bijvoorbeeld kanaal == \"{name}\". Is het een "
                              "variabele uit een eerdere cel, voer die cel dan eerst uit.",
    "safety.name_unknown": "De naam `{name}` bestaat (nog) niet.",
    "safety.name_unknown.tip": "Is het een variabele uit een eerdere cel? Voer dan eerst de cellen erboven uit "
                               "(Uitvoeren → Alle cellen erboven uitvoeren). Is het een tekst, zet hem dan tussen "
                               "aanhalingstekens: \"{name}\".",
    "safety.name_constant": "`{name}` kent Python niet; ja, nee en leeg schrijf je als True, False en None, met een "
                            "hoofdletter.",
    "safety.name_constant.tip": "Schrijf {right} in plaats van {name}.",
    # tables and keys
    "safety.key_column": "De tabel heeft geen kolom `{key}`.{near} De kolommen heten: {columns}.",
    "safety.key_column.tip": "Gebruik de kolomnaam precies zoals hij in de tabel staat (kleine letters, underscores "
                             "in plaats van spaties), tussen aanhalingstekens: tabel[\"kolomnaam\"].",
    "safety.key_row": "De tabel heeft geen rij met het label `{key}`.{near} De rijen heten: {rows}.",
    "safety.key_row.tip": "Kijk met tabel.index welke rijlabels er zijn, of selecteer met een voorwaarde: "
                          "tabel[tabel[\"kolom\"] == waarde].",
    "safety.key_label": "`{key}` staat niet in deze kolom of reeks.{near} Wel aanwezig: {labels}.",
    "safety.key_label.tip": "Gebruik een label dat er wel in staat, precies zo geschreven (let op hoofdletters en of "
                            "het een getal of een tekst is: 2012 is iets anders dan \"2012\").",
    "safety.key_empty": "Je zoekt `{key}` in een lege selectie: er zit niets in.",
    "safety.key_empty.tip": "Kijk naar de voorwaarde die de selectie maakte: staat de tekst erin precies zoals in de "
                            "tabel (hoofdletters!)? Bekijk de selectie door alleen haar naam in een cel te zetten.",
    "safety.key_column_unknown": "De tabel heeft geen kolom (of rij) `{key}`.",
    "safety.key_column_unknown.tip": "Bekijk welke kolommen er zijn met tabel.columns en schrijf de naam precies "
                                     "zo, met dezelfde hoofdletters, tussen aanhalingstekens: tabel[\"kolomnaam\"].",
    "safety.key_dict": "De sleutel `{key}` bestaat niet.{near}",
    "safety.key_dict.tip": "Kijk welke sleutels er zijn (bijvoorbeeld met list(woordenboek)) en schrijf de sleutel "
                           "precies zo, met dezelfde hoofdletters.",
    "safety.attr_column": "Een tabel heeft geen onderdeel `.{name}`. Bedoel je de kolom `{near}`? De kolommen heten: "
                          "{columns}.",
    "safety.attr_column.tip": "Schrijf tabel[\"{near}\"]: met vierkante haken en aanhalingstekens werkt het altijd.",
    "safety.attr_near": "Een {kind} heeft geen onderdeel `.{name}`. Bedoel je `.{near}`?",
    "safety.attr_near.tip": "Verbeter de spelling: `.{near}`. Let op meervoud en hoofdletters.",
    "safety.attr_unknown": "Een {kind} heeft geen onderdeel `.{name}`.",
    "safety.attr_unknown.tip": "Kijk in de uitleg van het hoofdstuk hoe het voorbeeld deze stap doet, of in welke "
                               "variabele het resultaat staat.",
    "safety.attr_none": "Je gebruikt `.{name}` op None: de variabele is leeg.",
    "safety.attr_none.tip": "Een functie als print() geeft niets terug. Bewaar de berekening zelf, niet de print: "
                            "x = berekening, en daarna print(x).",
    # text and numbers
    "safety.decimal_comma": "`{name}` is ({a}, {b}): een rijtje van twee getallen, geen kommagetal. In Python maakt "
                            "een komma een rijtje; een kommagetal schrijf je met een punt.",
    "safety.decimal_comma.tip": "Schrijf `{name} = {a}.{b}`, voer die cel opnieuw uit en daarna deze.",
    "safety.concat_text": "Je plakt tekst en een getal aan elkaar met +. Dat kan Python niet zomaar.",
    "safety.concat_text.tip": "Gebruik een f-string: f\"Groei: {{groei}} volgers\", of maak van het getal eerst tekst "
                              "met str(groei).",
    "safety.text_number": "Hier wordt tekst met een getal gecombineerd ({op}). Waarschijnlijk staat een getal tussen "
                          "aanhalingstekens (\"26\" is tekst, 26 is een getal).",
    "safety.text_number.tip": "Haal de aanhalingstekens rond het getal weg, of zet tekst om met float(\"26.5\"). "
                              "Bekijk de waarde door alleen de naam in een cel te zetten.",
    "safety.ellipsis": "Er staat nog `...` (drie puntjes) op de plek van je antwoord of berekening.",
    "safety.ellipsis.tip": "Vervang de drie puntjes door je eigen berekening en voer de cel opnieuw uit.",
    "safety.none_value": "Een van de waarden is None (leeg), bijvoorbeeld omdat je het resultaat van print() hebt "
                         "bewaard.",
    "safety.none_value.tip": "Bewaar de berekening zelf: x = berekening, en toon hem daarna met print(x).",
    "safety.shadowed": "Je hebt de naam `{name}` zelf gebruikt voor een waarde. Daardoor werkt de ingebouwde functie "
                       "{name}() niet meer.",
    "safety.shadowed.tip": "Kies een andere naam voor je waarde (bijvoorbeeld mijn_{name}), en kies dan Kernel → "
                           "Herstart Kernel… Voer daarna de cellen opnieuw uit.",
    "safety.call_table": "Je gebruikt ronde haken op een tabel, alsof het een functie is.",
    "safety.call_table.tip": "Een kolom kies je met vierkante haken: tabel[\"kolom\"].",
    "safety.not_callable": "Je zet ronde haken achter iets wat geen functie is (een {kind}).",
    "safety.not_callable.tip": "Haal de haken weg, of kijk of er een rekenteken ontbreekt: 2(3 + 4) schrijf je als "
                               "2 * (3 + 4).",
    "safety.not_subscriptable": "Je gebruikt vierkante haken op iets waar dat niet kan (een {kind}).",
    "safety.not_subscriptable.tip": "Een functie roep je aan met ronde haken: load(\"naam\"), round(x, 1).",
    "safety.arguments": "De functie {function} kreeg niet de invoer die ze verwacht.{detail}",
    "safety.arguments.keyword": " Ze kent geen invoer met de naam `{word}`.",
    "safety.arguments.tip": "Vergelijk je aanroep met het voorbeeld uit de uitleg: de volgorde, het aantal waarden en "
                            "de namen vóór de =-tekens.",
    "safety.float_comma": "De tekst '{value}' is geen getal voor Python, door de komma.",
    "safety.float_comma.tip": "Gebruik een punt als decimaalteken: {right}.",
    "safety.float_text": "De tekst '{value}' kan Python niet in een getal omzetten.",
    "safety.float_text.tip": "Zet alleen cijfers (en een punt voor de decimalen) in de tekst, zonder %, eenheid of "
                             "spaties.",
    "safety.int_text": "De tekst '{value}' is geen geheel getal.",
    "safety.int_text.tip": "Gebruik float(...) voor een kommagetal, of zorg dat er alleen cijfers staan.",
    "safety.and_or": "Je combineert voorwaarden op een hele kolom met `and`, `or` of `not`. Dat werkt niet op "
                     "kolommen.",
    "safety.and_or.tip": "Gebruik & (en), | (of) en ~ (niet), met haakjes om elke voorwaarde: "
                         "tabel[(tabel[\"jaar\"] == 2012) & (tabel[\"maat\"] == \"gebruik\")].",
    "safety.empty_item": "Je vraagt één waarde uit een selectie, maar de selectie heeft er geen (of meer dan één).",
    "safety.empty_item.tip": "Bekijk de selectie eerst (zet haar naam alleen in een cel). Is ze leeg, controleer dan "
                             "de tekst in je voorwaarde: precies zoals in de tabel, met hoofdletters.",
    "safety.length": "Het aantal waarden past niet bij het aantal rijen van de tabel.",
    "safety.length.tip": "Geef precies één waarde per rij, of reken met een kolom van dezelfde tabel.",
    "safety.empty_selection": "Je selectie is leeg: geen enkele rij voldoet aan je voorwaarde. Daarom is er geen "
                              "eerste rij (.iloc[0]).",
    "safety.empty_selection.tip": "Controleer de voorwaarde: staat de tekst precies zoals in de tabel (\"Facebook\", "
                                  "niet \"facebook\")? Klopt het jaar en de kolomnaam? Bekijk de selectie door haar "
                                  "zonder .iloc[0] uit te voeren.",
    "safety.iloc_range": "Die positie bestaat niet: de selectie heeft maar {rows} rij(en). Tellen begint bij 0.",
    "safety.iloc_range.tip": "Gebruik .iloc[0] voor de eerste rij en .iloc[-1] voor de laatste.",
    "safety.iloc_unknown": "Die positie bestaat niet in je selectie. Vaak is de selectie leeg: geen enkele rij "
                           "voldoet aan je voorwaarde. Tellen begint bij 0.",
    "safety.iloc_unknown.tip": "Bekijk de selectie zonder .iloc[...]. Staat de tekst in je voorwaarde precies zoals "
                               "in de tabel (\"Facebook\", niet \"facebook\")? Gebruik .iloc[0] voor de eerste rij.",
    "safety.list_range": "Die positie bestaat niet in de lijst: tellen begint bij 0, dus de laatste positie is één "
                         "minder dan de lengte.",
    "safety.list_range.tip": "Gebruik [0] voor het eerste element en [-1] voor het laatste; len(lijst) geeft de lengte.",
    "safety.zero_division": "Je deelt door nul. Dat kan niet, ook niet in Python.",
    "safety.zero_division.tip": "Kijk welk getal onder de deelstreep staat (na /). Is het 0 of een lege selectie? Vul "
                                "een getal groter dan 0 in, of controleer de selectie.",
    # the rest
    "safety.module_missing": "Er is geen module `{name}`.{near}",
    "safety.module_missing.tip": "Controleer de spelling (import pandas as pd). Gebruik alleen modules die de cursus "
                                 "noemt; die zijn al geïnstalleerd.",
    "safety.import_name": "`{module}` heeft geen onderdeel `{name}`.{near}",
    "safety.import_name.tip": "Controleer de spelling in de import-regel; kijk in de eerste cel van het hoofdstuk hoe "
                              "het daar staat.",
    "safety.file_missing": "Het bestand '{path}' bestaat niet in deze map.{near}",
    "safety.file_missing.tip": "Controleer de bestandsnaam (ook de extensie, zoals .json of .csv). Bewaar het bestand "
                               "eerst met de knop Opslaan of met .save(\"naam.json\").",
    "safety.interrupted": "De cel is onderbroken (met de stopknop ■ of Kernel → Onderbreek de Kernel).",
    "safety.interrupted.tip": "Voer de cel opnieuw uit als je het resultaat wilt. Duurt hij steeds te lang, kijk dan "
                              "of een lus (for, while) wel stopt.",
    "safety.recursion": "Een functie roept zichzelf eindeloos aan.",
    "safety.recursion.tip": "Kijk of de functie ergens stopt, of herstart de kernel (Kernel → Herstart Kernel…).",
    "safety.generic": "Python meldt een fout van het soort {ename}. De regel waar het misging staat hieronder.",
    "safety.generic.tip": "Vergelijk die regel met het voorbeeld in de uitleg. Kom je er niet uit, klap dan de originele "
                          "foutmelding open en vraag je docent ernaar; noem de laatste regel ervan.",
    # issue #20: mistakes with numbers and templates
    "safety.blank": "Er staat nog `___` in deze regel: de open plek uit het voorbeeld, die jij moet invullen. "
                    "Python leest `___` als een oude uitkomst, en daarmee gaat het mis.",
    "safety.blank.tip": "Vervang `___` door wat de opdracht vraagt (een kolomnaam tussen aanhalingstekens, een getal "
                        "of een naam) en voer de cel opnieuw uit.",
    "safety.comma_in_line": "`{text}` is voor Python geen kommagetal maar twee losse getallen, {a} en {b}: een komma "
                            "scheidt waarden. In Python schrijf je een kommagetal met een punt.",
    "safety.comma_in_line.tip": "Schrijf {a}.{b} in plaats van {text}, dus: `{right}`",
    "safety.key_number_column": "De tabel heeft een kolom {key} als getal, maar jij zoekt de tekst \"{key}\" (met "
                                "aanhalingstekens). Voor Python zijn dat twee verschillende dingen. De kolommen: "
                                "{columns}.",
    "safety.key_number_column.tip": "Laat de aanhalingstekens weg: tabel[{key}] in plaats van tabel[\"{key}\"].",
    "safety.method_no_call": "Na `.{name}` ontbreken de haakjes. Zonder haakjes is `.{name}` de rekenopdracht zelf, "
                             "nog niet de uitkomst.",
    "safety.method_no_call.tip": "Zet haakjes erachter: `.{name}()`, voer die cel opnieuw uit en daarna deze.",
    "safety.warn_comma_expr": "`{name} = {text}` is voor Python geen berekening met kommagetallen: de komma's maken er "
                              "een rijtje van {n} waarden van.",
    "safety.warn_comma_expr.tip": "Schrijf kommagetallen met een punt: `{name} = {right}`, en voer de cel opnieuw uit.",
    "safety.warn_comma_list": "In de lijst `{name}` staat `{text}`: voor Python zijn dat twee getallen ({a} en {b}), "
                              "dus de lijst heeft {n} waarden in plaats van {m}.",
    "safety.warn_comma_list.tip": "Schrijf {a}.{b}: `{name} = {right}`, en voer de cel opnieuw uit.",
    "safety.warn_blank": "Er staat nog `___` in deze cel: de open plek uit het voorbeeld. Python leest `___` als een "
                         "oude uitkomst, dus de uitkomst van deze cel klopt niet.",
    # what kind of value (instead of Python's type names)
    "safety.kind.table": "tabel (DataFrame)",
    "safety.kind.column": "kolom (Series)",
    "safety.kind.text": "tekst",
    "safety.kind.number": "getal",
    "safety.kind.truth": "True of False",
    "safety.kind.list": "lijst",
    "safety.kind.dict": "woordenboek",
    "safety.kind.tuple": "rijtje losse waarden (gemaakt door een komma)",
    "safety.kind.none": "lege waarde (None)",
    "safety.kind.method": "rekenopdracht (zonder haakjes erachter)",
    "safety.kind.module": "module",
    "safety.kind.ellipsis": "open plek (...)",
    "safety.kind.other": "waarde van een ander soort",
    "safety.warn_blank.tip": "Vervang `___` door wat de opdracht vraagt en voer de cel opnieuw uit.",
}
