"""Meldinger på bokmål: alle funn, begreper og linjer verktøyet viser."""

from __future__ import annotations

from oppdrag.locale import Msg

MESSAGES: dict[str, Msg] = {
    "kind.text": Msg("tekst"),
    "kind.whole_number": Msg("et heltall"),
    "kind.number": Msg("et tall"),
    "kind.boolean": Msg("ja/nei (true/false)"),
    "kind.year": Msg("et årstall, for eksempel 2030"),
    "kind.list": Msg("en liste"),
    "kind.mapping": Msg("en gruppe med nøkler"),
    "kind.date": Msg("en dato"),
    "kind.empty": Msg("ingenting (en tom verdi)"),
    "kind.other": Msg("noe annet"),
    "file.too_large": Msg(
        "filen er {size} byte, mer enn grensen på {limit} byte",
        "Del den i mindre filer, eller hev grensen med --max-file-size.",
    ),
    "file.binary": Msg(
        "dette er ikke en tekstfil (den inneholder binære data)",
        "Forslag må være YAML-tekstfiler lagret som UTF-8.",
    ),
    "file.empty": Msg(
        "filen er tom",
        "Skriv et forslag i den, eller start fra malen: oppdrag new.",
    ),
    "file.unreadable": Msg(
        "filen kan ikke leses: {reason}",
        "Sjekk at filen finnes og at du har lov til å lese den.",
    ),
    "file.internal_error": Msg(
        "oppdrag feilet under kontrollen av denne filen ({error}); feilen ligger "
        "i oppdrag, og de andre filene ble likevel kontrollert",
        "Meld fra til dem som vedlikeholder oppdrag, med filen vedlagt, eller den "
        "minste delen av den som viser feilen.",
    ),
    "file.stdin_too_large": Msg(
        "standard inndata har mer enn grensen på {limit} byte",
        "Send inn en mindre fil, eller hev grensen med --max-file-size.",
    ),
    "file.too_many_missions": Msg(
        "filen har mer enn {limit} oppdrag (hvert dokument teller som ett, og hvert "
        "oppdrag i en strategi); resten av filen ble ikke kontrollert",
        "Del filen i mindre filer, med ett forslag eller én fylkesstrategi i hver.",
    ),
    "file.link_outside": Msg(
        "denne filen er en lenke til en fil utenfor git-depotet (eller utenfor mappen "
        "som sjekkes), og den ble ikke lest",
        "Legg selve forslaget i depotet, ikke en lenke til det.",
    ),
    "file.not_regular": Msg(
        "dette er ikke en vanlig fil (et navngitt rør, en enhet eller en sokkel), og "
        "den ble ikke lest",
        "Oppgi stien til en lagret fil, eller send teksten inn: "
        "oppdrag validate - < fil.",
    ),
    "encoding.other": Msg(
        "filen er lagret som {encoding}, ikke UTF-8",
        "Lagre den på nytt som UTF-8 (i Notepad++: Koding → UTF-8; i VS Code: "
        "«Save with Encoding» → UTF-8).",
    ),
    "encoding.not_utf8": Msg(
        "filen er ikke gyldig UTF-8 (byte {byte}); den er trolig lagret som "
        "Latin-1 eller Windows-1252",
        "Lagre den på nytt som UTF-8 (i Notepad++: Koding → Konverter til UTF-8; "
        "i VS Code: «Save with Encoding» → UTF-8).",
    ),
    "yaml.syntax": Msg(
        "dette er ikke gyldig YAML (YAML-leseren sier «{detail}»)",
        "Sjekk innrykk, kolon og anførselstegn på denne linjen og linjen før.",
    ),
    "yaml.colon_in_value": Msg(
        "kolon fulgt av mellomrom inne i en verdi: YAML leser det som starten på "
        "en ny nøkkel",
        'Sett hele verdien i anførselstegn, f.eks. title: "Havvind: en ny næring".',
    ),
    "yaml.unclosed_quote": Msg(
        "anførselstegnet som starter her, blir aldri lukket",
        "Legg til det avsluttende anførselstegnet på slutten av verdien.",
    ),
    "yaml.indentation": Msg(
        "innrykket på denne linjen passer ikke med linjene over",
        "Rykk inn nøkler i samme gruppe med like mange mellomrom.",
    ),
    "yaml.undefined_alias": Msg(
        "«*» viser til et anker («&navn») som ikke er definert lenger oppe",
        "Skriv verdien selv; forslag trenger verken ankre eller alias.",
    ),
    "yaml.bad_character": Msg(
        "filen inneholder et kontrolltegn ({character}) som YAML ikke tillater",
        "Slett tegnet; det kommer ofte med når man kopierer fra en PDF.",
    ),
    "yaml.duplicate_key": Msg(
        "nøkkelen «{key}» står to ganger i samme gruppe",
        "Behold én av dem: YAML-verktøy dropper stille den ene verdien, så den "
        "andre ville gått tapt.",
    ),
    "yaml.custom_tag": Msg(
        "filen bruker en YAML-tagg (et ord som starter med «!») som forslag "
        "ikke bruker",
        "Fjern taggen; skriv verdien som vanlig tekst, et tall eller en liste.",
    ),
    "yaml.unsupported_type": Msg(
        "filen bruker en YAML-type (mengde, ordnet tabell, par eller binære data) "
        "som forslag ikke bruker",
        "Skriv verdien som vanlig tekst, et tall, en liste eller en gruppe med nøkler.",
    ),
    "yaml.complex_key": Msg(
        "en nøkkel er en liste eller en gruppe; forslag bruker bare ord som nøkler",
        "Skriv nøkkelen som ett ord, for eksempel «title».",
    ),
    "yaml.too_deep": Msg(
        "dokumentet er nøstet mer enn {limit} nivåer dypt",
        "Forslag trenger bare noen få nivåer; sjekk innrykket.",
    ),
    "yaml.too_many_nodes": Msg(
        "dokumentet blir til mer enn {limit} verdier (aliaser gjentar deler av det)",
        "Fjern aliasene («*navn»); et forslag trenger aldri så mange verdier.",
    ),
    "yaml.too_many_values": Msg(
        "dokumentet har mer enn {limit} verdier (tekster, tall, lister og grupper "
        "av nøkler)",
        "Et forslag har noen hundre verdier; sjekk hvordan filen ble laget.",
    ),
    "yaml.file_too_many_values": Msg(
        "filen har mer enn {limit} verdier (tekster, tall, lister og grupper av "
        "nøkler); oppdrag leser høyst {limit} i én fil",
        "Del filen i mindre filer; et forslag har noen hundre verdier.",
    ),
    "yaml.recursive_alias": Msg(
        "et alias («*navn») viser til en gruppe som inneholder seg selv",
        "Fjern aliaset eller skriv verdiene ut.",
    ),
    "yaml.bad_value": Msg(
        "«{value}» kan ikke leses som {expected}",
        "Rett verdien, eller sett den i anførselstegn hvis den er ment som tekst.",
    ),
    "yaml.bad_tagged_value": Msg(
        "«{value}» kan ikke leses som {expected}, slik taggen «{tag}» krever",
        "Fjern taggen «{tag}» (forslag trenger ingen tagger) og rett verdien.",
    ),
    "yaml.reserved_value": Msg(
        "«{value}» har en egen betydning i YAML og kan ikke stå alene som verdi",
        "Sett den i anførselstegn hvis du mener teksten.",
    ),
    "yaml.too_many_keys": Msg(
        "denne gruppen har {count} nøkler; oppdrag leser høyst {limit} i én gruppe",
        "Et forslag trenger høyst noen titalls nøkler; sjekk hvordan filen ble laget.",
    ),
    "yaml.text_too_long": Msg(
        "denne verdien er {length} tegn lang; én verdi kan ha høyst {limit}",
        "Kort ned teksten; legg langt bakgrunnsstoff i et dokument og vis til det "
        "under «references».",
    ),
    "yaml.number_too_long": Msg(
        "dette tallet er {length} tegn langt; oppdrag leser tall på høyst {limit} tegn",
        "Sjekk verdien; sett den i anførselstegn hvis den er ment som tekst.",
    ),
    "yaml.comment_glued": Msg(
        "en kommentar («#») må ha et mellomrom foran seg",
        "Sett inn et mellomrom foran «#».",
    ),
    "yaml.directive_placement": Msg(
        "et direktiv («%YAML» eller «%TAG») kommer etter et dokument uten «...» "
        "foran seg",
        "Forslag trenger ingen direktiver; fjern linjen.",
    ),
    "yaml.under_indented": Msg(
        "denne linjen fortsetter en verdi, men har ikke mer innrykk enn nøkkelen",
        "Gi den fortsatte linjen mer innrykk, eller skriv verdien på én linje.",
    ),
    "yaml.lone_dash": Msg(
        "en «-» alene inne i klammer er ikke en gyldig verdi",
        'Sett den i anførselstegn ("-") eller fjern den.',
    ),
    "yaml.tab": Msg(
        "et tabulatortegn er brukt til oppsett; YAML tillater bare mellomrom der",
        "Bytt tabulatoren ut med mellomrom (de fleste editorer kan vise og "
        "konvertere tabulatorer).",
    ),
    "yaml.ambiguous": Msg(
        "YAML-lesere ville lest denne filen ulikt (et anker, en tagg eller et "
        "direktiv er brukt på en uvanlig måte)",
        "Fjern ankere («&navn»), tagger («!navn») og direktiver («%YAML»); "
        "forslag trenger ingen av dem.",
    ),
    "yaml.parser_failed": Msg(
        "YAML-leseren klarte ikke å lese dette: {detail}",
        "Sjekk linjen for uvanlige tegn eller innrykk.",
    ),
    "document.empty": Msg(
        "dokumentet er tomt",
        "Fjern den ekstra «---»-linjen, eller skriv et forslag i dette dokumentet.",
    ),
    "document.not_mapping": Msg(
        "dokumentet er {actual}, men et forslag er en gruppe med nøkler som «id:» "
        "og «title:»",
        "Start fra malen: oppdrag new.",
    ),
    "mission.not_mapping": Msg(
        "dette oppdraget er {actual}, men et oppdrag er en gruppe med nøkler som "
        "«id:» og «title:»",
        "Skriv hvert oppdrag som en gruppe med nøkler under «- ».",
    ),
    "schema.missing": Msg(
        "det påkrevde feltet «{field}» mangler",
        "Legg til «{field}:» her; se «oppdrag new» for et eksempel.",
    ),
    "schema.unknown_key": Msg(
        "ukjent nøkkel «{key}»",
        "Tillatte nøkler her: {allowed}.",
        "Mente du «{suggestion}»?",
    ),
    "schema.choice": Msg(
        "«{value}» er ikke en tillatt verdi for {field}",
        "Tillatte verdier: {allowed}.",
        "Mente du «{suggestion}»? Tillatte verdier: {allowed}.",
    ),
    "schema.version": Msg(
        "schema_version er {value}, men denne versjonen av oppdrag leser versjon 1",
        "Skriv «schema_version: 1».",
    ),
    "schema.too_small": Msg(
        "{field} er {value}, men må være minst {ge}",
        "Sjekk tallet; årstall skrives fullt ut, for eksempel 2030.",
    ),
    "schema.not_finite": Msg(
        "{field} er {value}, som ikke er et tall som kan telles",
        "Skriv {field} som et vanlig tall, for eksempel 1500.",
    ),
    "schema.too_large": Msg(
        "{field} er {value}, men kan være høyst {le}",
        "Sjekk tallet; årstall skrives fullt ut, for eksempel 2030.",
    ),
    "schema.text_too_short": Msg(
        "{field} er for kort ({value}); det trengs minst {min_length} tegn",
        "Skriv noen ord om hva oppdraget handler om.",
    ),
    "schema.text_too_long": Msg(
        "{field} er for lang; den kan ha høyst {max_length} tegn",
        "Kort den ned; legg detaljene i utfordringen eller tilnærmingen.",
    ),
    "schema.list_too_short": Msg(
        "{field} er tom, men trenger minst {min_length} element",
        "Legg til minst ett element under «{field}:».",
    ),
    "schema.period_order": Msg(
        "perioden starter i {start}, etter at den slutter i {end}",
        "Bytt om årstallene, eller rett det som er feil.",
    ),
    "schema.duplicate_item": Msg(
        "{value} står mer enn én gang i {field}",
        "Før opp hver verdi bare én gang.",
    ),
    "schema.wrong_type": Msg(
        "{field} skal være {expected}, men er {actual} ({value})",
        "Skriv {field} som {expected}.",
    ),
    "schema.quoted_number": Msg(
        "{field} er et tall i anførselstegn ({value}), og da blir det tekst",
        "Fjern anførselstegnene: {field}: {value}",
    ),
    "schema.wrong_type_date": Msg(
        "{field} skal være {expected}, men YAML leste «{value}» som en dato",
        'Sett verdien i anførselstegn, slik: "{value}", hvis du mener tekst; for '
        "et årstall, skriv bare året.",
    ),
    "schema.wrong_type_empty": Msg(
        "{field} er tom, men skal være {expected}",
        "Skriv en verdi etter «{field}:», eller fjern linjen hvis feltet er valgfritt.",
    ),
    "schema.bad_id": Msg(
        "id-en «{value}» er ikke en gyldig identifikator",
        "Bruk 3–64 små bokstaver a–z, sifre og bindestrek, som starter og slutter "
        "med bokstav eller siffer, for eksempel «vestland-gronn-industri».",
    ),
    "schema.bad_currency": Msg(
        "«{value}» er ikke en valutakode",
        "Bruk en ISO-kode på tre store bokstaver, for eksempel NOK eller EUR.",
    ),
    "schema.blank_text": Msg(
        "{field} er blank",
        "Skriv litt tekst, eller fjern feltet hvis det er valgfritt.",
    ),
    "schema.other": Msg("{field}: {detail}", "Sjekk verdien mot «oppdrag schema»."),
    "county.empty": Msg(
        "listen over fylker er tom",
        "Nevn minst ett fylke, eller fjern feltet.",
    ),
    "county.type": Msg(
        "et fylke skrives som et navn eller et tosifret nummer",
        "For eksempel: «Vestland» eller 46.",
    ),
    "county.former": Msg(
        "«{value}» er ikke lenger et fylke; fra 2024 er det {successors}",
        "Skriv fylket (eller listen over fylker) oppdraget hører til nå.",
    ),
    "county.unknown": Msg(
        "«{value}» er ikke ett av Norges 15 fylker",
        "Fylker: {allowed}.",
        "Mente du «{suggestion}»?",
    ),
    "type.accelerating": Msg("akselererende"),
    "type.transforming": Msg("transformerende"),
    "type.undetermined": Msg("ubestemt"),
    "criterion.scope": Msg("avgrensning"),
    "criterion.lever": Msg("hovedvirkemiddel"),
    "criterion.change": Msg("type endring"),
    "criterion.phase_out": Msg("utfasing"),
    "criterion.problem": Msg("problemets art"),
    "criterion.solutions": Msg("åpenhet for løsninger"),
    "criterion.actors": Msg("bredde i aktører"),
    "criterion.who_acts": Msg("hvem som må endre seg"),
    "criterion.state_role": Msg("statens rolle"),
    "criterion.instruments": Msg("virkemidler"),
    "criterion.incumbents": Msg("etablerte aktører og strid"),
    "criterion.goal": Msg("hvordan målet er formulert"),
    "criterion.sectors": Msg("sektorbredde"),
    "criterion.horizon": Msg("tidshorisont"),
    "about.scope": Msg(
        "Avgrenset til ett fagfelt, én teknologi, én næring eller verdikjede "
        "(akselererende), eller bredt, systemisk og på tvers av sektorer "
        "(transformerende)."
    ),
    "about.lever": Msg(
        "Forskning, teknologiutvikling, utbygging og oppskalering (akselererende), "
        "eller endringer i atferd, praksis, normer og levemåter (transformerende)."
    ),
    "about.change": Msg(
        "Øke tempoet eller bygge ut det som finnes (akselererende), eller "
        "transformere, omstille og endre retning (transformerende)."
    ),
    "about.phase_out": Msg(
        "Avvikle eller fase ut noe som finnes: fossilt, en næring, nedbygging av "
        "natur (bare transformerende)."
    ),
    "about.problem": Msg(
        "Et teknisk, veldefinert problem eller en flaskehals (akselererende), eller en "
        "floke: mange sammenvevde årsaker, målkonflikter, usikkerhet "
        "(transformerende)."
    ),
    "about.solutions": Msg(
        "En navngitt teknologi eller et anlegg som løsningen (akselererende), eller "
        "åpent for mange løsninger, funnet nedenfra og gjennom eksperimentering "
        "(transformerende)."
    ),
    "about.actors": Msg(
        "Bedrifter, forskere, klynger (akselererende), eller innbyggere, kommuner, "
        "sivilsamfunn og mange slags aktører (transformerende)."
    ),
    "about.who_acts": Msg(
        "Produsenter og industri endrer det de lager (akselererende), eller folk, "
        "husholdninger og brukere endrer hva de gjør i hverdagen (transformerende)."
    ),
    "about.state_role": Msg(
        "Staten finansierer forskning, bedrifter og investeringer (akselererende), "
        "eller setter regler, avgifter og tak og samordner mange aktører "
        "(transformerende)."
    ),
    "about.instruments": Msg(
        "Testfasiliteter, infrastruktur, kompetanse og innkjøp (akselererende), eller "
        "planlegging, arealbruk, nye tjenester og informasjon (transformerende)."
    ),
    "about.incumbents": Msg(
        "Styrke etablerte næringer og deres posisjon (akselererende), eller en "
        "omstridt retning: motstand, vinnere og tapere, rettferdighet "
        "(transformerende)."
    ),
    "about.goal": Msg(
        "Et mål for produksjon: anlegg, kapasitet, antall utdannede (akselererende), "
        "eller et samfunnsmål: utslipp, helse, inkludering, natur (transformerende)."
    ),
    "about.sectors": Msg(
        "Hvor mange sektorer og deler av samfunnet oppdraget når; én eller to "
        "(akselererende), eller mange (transformerende)."
    ),
    "about.horizon": Msg(
        "Et svakt signal: en nær frist (akselererende) eller en fjern, 2045 eller "
        "senere (transformerende)."
    ),
    "classify.disagrees": Msg(
        "erklært som {declared}, men regelboken vurderer det som {detected} (skår "
        "{score}, {margin} fra terskelen, styrke på belegget {strength}); sterkeste "
        "grunner: {criteria}",
        "Se begrunnelsen med «oppdrag explain FIL». Hvis erklæringen stemmer, viser "
        "teksten kanskje ikke ennå hva som gjør oppdraget {declared}.",
    ),
    "classify.contradiction": Msg(
        "teksten beskriver bred endring («{words}»), men de strukturerte feltene "
        "beskriver en avgrenset innsats: {facts}",
        "Utvid de strukturerte feltene (sektorer, aktører, virkemidler), eller beskriv "
        "oppdraget slik det er; klassifiseringen følger de strukturerte feltene her.",
    ),
    "explain.result": Msg(
        "skår {score} (terskel {threshold}, margin {margin}); styrke på belegget "
        "{strength} ({band}), for {coverage} av kriteriene; regelbok {version}"
    ),
    "explain.band.weak": Msg("svakt"),
    "explain.band.moderate": Msg("middels"),
    "explain.band.strong": Msg("sterkt"),
    "explain.undetermined": Msg(
        "For lite belegg til å avgjøre: styrken på belegget er {strength}, under "
        "{minimum}. Skriv hva oppdraget endrer, hvem som deltar og hvordan målet "
        "måles."
    ),
    "explain.for": Msg("Peker mot {type}: {criteria}"),
    "explain.against": Msg("Sterkeste belegg mot: {evidence}"),
    "explain.flip": Msg(
        "Hva som ville endret utfallet: uten disse {count} beleggene ville det vært "
        "{other} ({score}): {evidence}"
    ),
    "explain.no_flip": Msg(
        "Hva som ville endret utfallet: ingen få belegg avgjør det; belegget for "
        "{type} er bredt."
    ),
    "explain.negated": Msg("nektet: teller ikke"),
    "explain.listed": Msg("i en ren liste eller stikkord: teller lite"),
    "explain.needed": Msg("nevnt som nødvendig"),
    "explain.contradicted": Msg("motsagt av de strukturerte feltene: teller mindre"),
    "explain.criterion": Msg("kriterium / belegg"),
    "explain.weight": Msg("vekt"),
    "explain.accelerating": Msg("akselererende"),
    "explain.transforming": Msg("transformerende"),
    "explain.contribution": Msg("bidrag"),
    "explain.about": Msg("hva det ser på"),
    "explain.signals": Msg("begreper (eksempler)"),
    "explain.structured": Msg("også: aktører, virkemidler, sektorer eller frist"),
    "explain.total": Msg(
        "Sum = ({terms}) / {total_weight} = {score} {relation} terskelen {threshold}, "
        "så oppdraget er {type}."
    ),
    "explain.rulebook": Msg(
        "Regelbok {version}: transformerende når samlet skår er over {threshold}; "
        "grensetilfelle innenfor {margin} fra den; ubestemt når styrken på belegget "
        "er under {minimum}."
    ),
    "explain.pick_one": Msg("{path} har {count} oppdrag; velg ett med --id: {ids}"),
    "explain.no_such_id": Msg("{path}: ingen oppdrag med id «{id}»; id-er: {ids}"),
    "explain.invalid": Msg(
        "{path}: oppdraget er ikke gyldig og kan ikke klassifiseres; kjør "
        "«oppdrag validate {path}»"
    ),
    "eval.header": Msg("{count} merkede oppdrag (declared_type), regelbok {version}"),
    "eval.accuracy": Msg("Treffsikkerhet: {correct}/{count} = {accuracy}"),
    "eval.confusion": Msg("Forvekslingsmatrise (rader: erklært, kolonner: funnet)"),
    "eval.ablation": Msg("Utelatelse: treffsikkerhet uten hvert kriterium"),
    "eval.without": Msg("uten"),
    "eval.accuracy_short": Msg("treffsikkerhet"),
    "eval.change": Msg("endring"),
    "eval.wrong": Msg("Feilklassifisert"),
    "eval.none_labelled": Msg("ingen gyldige oppdrag med declared_type å evaluere"),
    "eval.borderline": Msg("grensetilfeller: {count}"),
    "eval.undetermined": Msg("ubestemte: {count}"),
    "rule.Q101": Msg(
        "målet har ikke noe målbart måltall: ingen målverdi og ikke noe tall i "
        "målformuleringen",
        "Legg til måltall med indikator, enhet, nullpunkt og målverdi, eller skriv "
        "tallet inn i målformuleringen.",
    ),
    "rule.Q102": Msg(
        "måltallet «{indicator}» har ikke noe år",
        "Legg til «year:»: når skal målet nås?",
    ),
    "rule.Q103": Msg(
        "måltallet «{indicator}» har ikke noe nullpunkt",
        "Legg til «baseline:» og «baseline_year:», verdien i dag.",
    ),
    "rule.Q104": Msg(
        "måltallet «{indicator}» har ingen enhet",
        "Legg til «unit:», for eksempel «kt CO2e», «personer» eller «prosent».",
    ),
    "rule.Q105": Msg(
        "fristen {year} er passert (nå er det {now})",
        "Sett en ny frist, eller sett «status:» til completed eller discontinued.",
    ),
    "rule.Q106": Msg(
        "måltallet skal nås i {year}, etter oppdragets frist {deadline}",
        "Flytt måltallets år til {deadline} eller tidligere, eller flytt fristen.",
    ),
    "rule.Q107": Msg(
        "utfordringen er beskrevet med bare {words} ord og uten delproblemer",
        "Si hva som er galt, for hvem og hvorfor det er vanskelig ({least} ord eller "
        "mer), eller før opp delproblemene under «problems:».",
    ),
    "rule.Q108": Msg(
        "plassholdertekst står igjen i forslaget: «{text}»",
        "Skriv den virkelige teksten før forslaget går videre.",
    ),
    "rule.Q109": Msg(
        "én teknologi, {technology}, er presentert som hele løsningen",
        "Oppdrag skal være åpne for flere løsninger: formuler målet uten teknologien, "
        "eller nevn alternativene i scope.technologies.",
    ),
    "rule.Q110": Msg(
        "forslaget nevner ingen aktører",
        "Legg til «actors:» med hvem som deltar, hva slags aktør og i hvilken rolle.",
    ),
    "rule.Q111": Msg(
        "alle aktørene kommer fra én sektor",
        "Legg til aktører fra en annen sektor: næringsliv, forskning, kommuner, "
        "sivilsamfunn eller innbyggere.",
    ),
    "rule.Q112": Msg(
        "ingen aktør har rollen «lead»",
        "Gi aktøren som eier oppdraget «role: lead».",
    ),
    "rule.Q113": Msg(
        "et transformerende oppdrag uten innbyggere, sivilsamfunn eller kommuner blant "
        "aktørene",
        "Ta med menneskene og lokalsamfunnene som må endre praksis (kind: citizens, "
        "civil_society eller municipality).",
    ),
    "rule.Q114": Msg(
        "forslaget nevner ingen virkemidler",
        "Legg til «instruments:», for eksempel financing, procurement, regulation "
        "eller competence.",
    ),
    "rule.Q115": Msg(
        "bare én type virkemiddel ({instrument})",
        "Oppdrag kombinerer flere virkemidler; vurder hvilke andre dette trenger.",
    ),
    "rule.Q116": Msg(
        "et regionalt næringsoppdrag uten kobling til smart spesialisering",
        "Legg til «smart_specialisation:» med fylkets S3-områder oppdraget støtter.",
    ),
    "rule.Y101": Msg(
        "«{value}» er tekst her, men YAML 1.1-verktøy leser det som sant eller usant",
        'Sett det i anførselstegn: "{value}".',
    ),
    "rule.Y102": Msg(
        "«{value}» leses som skrevet her, men YAML 1.1-verktøy leser et annet tall",
        'Sett det i anførselstegn: "{value}" (eller fjern nullen foran hvis det er '
        "et tall).",
    ),
    "rule.B201": Msg(
        "id-en «{id}» brukes også i {where}", "Gi hvert oppdrag sin egen id."
    ),
    "rule.B202": Msg(
        "den samme målformuleringen står også i {where}",
        "Skriv dette oppdragets eget mål, eller slå de to oppdragene sammen.",
    ),
    "rule.O001": Msg(
        "denne unntakskommentaren for {codes} oppgir ingen grunn",
        "Skriv grunnen etter «--», for eksempel «# oppdrag: ignore[Q103] -- avtalt "
        "med økonomiutvalget».",
    ),
    "rule.O002": Msg(
        "denne unntakskommentaren for {codes} skjuler ingenting",
        "Fjern kommentaren: problemet den gjaldt er borte, eller på en annen linje.",
    ),
    "rule.O003": Msg(
        "unntakskommentaren nevner en ukjent regelkode «{code}»",
        "Sjekk koden med «oppdrag rule --all».",
    ),
    "rule.O004": Msg(
        "denne kommentaren ser ut som et unntak, men er ikke det; den unntar ingenting",
        "Skriv regelkodene i hakeparentes: # oppdrag: ignore[Q108] -- begrunnelsen.",
    ),
    "check.baseline": Msg(
        "grunnlinje: {hidden} kjente funn skjult, {fixed} rettet siden"
    ),
    "check.fixed": Msg("rettet: {file} {code} {path}"),
    "ui.code": Msg("kode"),
    "ui.severity": Msg("alvorlighet"),
    "ui.message": Msg("melding"),
    "ui.no_problems": Msg("Ingen problemer funnet."),
    "ui.type": Msg("type"),
    "ui.score": Msg("skår"),
    "ui.strength": Msg("belegg"),
    "ui.margin": Msg("margin"),
    "ui.declared": Msg("erklært"),
    "ui.reasons": Msg("viktigste grunner"),
    "ui.borderline": Msg("grensetilfelle"),
    "ui.file": Msg("fil"),
    "ui.id": Msg("id"),
    "ui.title": Msg("tittel"),
    "ui.county": Msg("fylke"),
    "ui.by_type": Msg("Etter type"),
    "ui.by_county": Msg("Etter fylke"),
    "ui.count": Msg("oppdrag"),
    "ui.not_classified": Msg(
        "{count} oppdrag er ikke klassifisert fordi de er ugyldige"
    ),
    "ui.none": Msg("ingen"),
    "ui.summary": Msg(
        "{files} fil(er), {units} oppdrag: {valid} gyldige, {invalid} ugyldige"
    ),
    "ui.summary_findings": Msg("{errors} feil, {warnings} advarsel(er), {infos} info"),
    "ui.summary_unchecked": Msg("{count} fil(er) kunne ikke sjekkes"),
    "ui.all_valid": Msg("Alle oppdragene er gyldige."),
    "ui.help": Msg("hjelp"),
    "ui.mission": Msg("oppdrag"),
    "ui.document": Msg("dokument"),
    "ui.error": Msg("feil"),
    "ui.warning": Msg("advarsel"),
    "ui.info": Msg("info"),
    "ui.stdin_closed": Msg(
        "«-» ber om å lese standard inndata, men standard inndata er lukket"
    ),
    "ui.interrupted": Msg("avbrutt; ingen rapport ble skrevet"),
    "ui.path_missing": Msg("{path}: filen eller mappen finnes ikke"),
    "ui.path_unreadable": Msg("{path}: kan ikke leses ({reason})"),
    "ui.no_yaml": Msg("{path}: ingen .yaml- eller .yml-filer i denne mappen"),
    "ui.symlink_loop": Msg(
        "{path}: hoppet over, lenken fører tilbake til en mappe over den"
    ),
    "ui.link_outside": Msg(
        "{path}: hoppet over, lenken fører ut av git-depotet den ligger i"
    ),
    "ui.not_followed": Msg(
        "hoppet over {count} lenkede mappe(r) som fører ut av git-depotet (eller "
        "mappen som sjekkes): {folders}"
    ),
    "ui.no_paths": Msg("ingen filer å sjekke"),
    "ui.stdin_name": Msg("<stdin>"),
    "ui.exists": Msg("{path} finnes allerede; legg til --force for å overskrive den"),
    "ui.cannot_write": Msg(
        "{path}: kan ikke skrive rapporten ({reason}); ingenting ble endret der"
    ),
    "ui.cannot_write_stdout": Msg(
        "kan ikke skrive til standard utdata ({reason}); rapporten kom ikke fram"
    ),
    "ui.report_kept": Msg(
        "{path} ble ikke skrevet, fordi en oppgitt sti ikke kunne brukes; filen "
        "beholder det den hadde"
    ),
    "ui.note": Msg("merk"),
    "ui.read_stopped": Msg(
        "oppdrag kunne ikke lese videre herfra, så ingenting i dette dokumentet eller "
        "etter det ble kontrollert; når dette er rettet, kan flere feil vise seg"
    ),
    "ui.one_stdout": Msg(
        "bare ett format kan skrives til skjermen ({formats}); gi de andre en fil, "
        "f.eks. -f sarif:rapport.sarif"
    ),
    "ui.same_target": Msg("to formater ville blitt skrevet til samme fil, {path}"),
    "ui.internal_error": Msg(
        "oppdrag feilet ({error}); feilen er i oppdrag, ikke i filene dine. "
        "Meld den gjerne fra med kommandoen du kjørte; «oppdrag --debug …» viser "
        "hvor den oppstod"
    ),
    "ui.skipped": Msg(
        "hoppet over {count} YAML-fil(er) som ikke er forslag (ingen forslagsnøkkel "
        "øverst): {files}; oppgi en fil ved navn for å sjekke den likevel"
    ),
    "ui.others_folded": Msg("{count} advarsel(er) og info"),
    "ui.more_findings": Msg(
        "…og {count} funn til, som ikke er listet her: kjør oppdrag check for å se "
        "alle, eller åpne SARIF-rapporten."
    ),
    "ui.wrote": Msg("skrev {path}"),
    "ui.hint_usage": Msg("Kjør «oppdrag --help» for kommandoer og valg."),
    # The portfolio report (oppdrag report).
    "report.title": Msg("Oppdragsportefølje"),
    "report.skip": Msg("Hopp til innholdet"),
    "report.contents": Msg("Innhold"),
    "report.overview": Msg("Oversikt"),
    "report.counties": Msg("Fylker"),
    "report.missions": Msg("Oppdrag"),
    "report.summary": Msg(
        "{missions} oppdrag i {files} filer: {accelerating} akselererende, "
        "{transforming} transformerende, {undetermined} ubestemte ({borderline} "
        "grensetilfeller). Regelbok {version}, oppdrag {tool}."
    ),
    "report.map": Msg("Oppdrag per fylke"),
    "report.map_caption": Msg(
        "Hver rute er et fylke, plassert omtrent som på et kart; tallene er fylkets "
        "akselererende, transformerende og ubestemte oppdrag. De samme tallene står i "
        "tabellen."
    ),
    "report.by_type": Msg("Oppdrag etter type"),
    "report.by_type_caption": Msg(
        "Stolpene viser oppdragene i hvert fylke etter type; tabellen ved siden av "
        "har tallene."
    ),
    "report.findings_totals": Msg("Funn fra sjekken"),
    "report.rule": Msg("Regel"),
    "report.other_findings": Msg("Funn i hele filer og strategier"),
    "report.county": Msg("Fylke"),
    "report.no_county": Msg("Uten fylke"),
    "report.national": Msg("Nasjonalt"),
    "report.total": Msg("Totalt"),
    "report.borderline": Msg("grensetilfelle"),
    "report.mission": Msg("Oppdrag"),
    "report.type": Msg("Type"),
    "report.strength": Msg("Belegg"),
    "report.status": Msg("Status"),
    "report.deadline": Msg("Frist"),
    "report.budget": Msg("Budsjett"),
    "report.currency": Msg("Valuta"),
    "report.owner": Msg("Eier"),
    "report.file": Msg("Fil"),
    "report.missions_of": Msg("Oppdrag i {county}"),
    "report.s3": Msg("Smart spesialisering"),
    "report.s3_caption": Msg(
        "Hvilke av fylkets prioriteringer for smart spesialisering hvert oppdrag "
        "nevner."
    ),
    "report.sectors": Msg("Sektorer"),
    "report.sdgs": Msg("Bærekraftsmål"),
    "report.instruments": Msg("Virkemidler"),
    "report.actors": Msg("Bredde i aktører"),
    "report.actor_kinds": Msg("Typer aktører"),
    "report.actor_sectors": Msg("Samfunnssektorer"),
    "report.actor_count": Msg("Aktører"),
    "report.none": Msg("Ingen oppgitt."),
    "report.yes": Msg("ja"),
    "report.no": Msg("nei"),
    "report.timeline": Msg("Tidslinje"),
    "report.timeline_caption": Msg(
        "Hver rad er et oppdrag: år for utgangsverdi (åpne sirkler), målår (fylte) og "
        "fristen (en strek). Tabellen har de samme årene."
    ),
    "report.baseline_years": Msg("Utgangsår"),
    "report.target_years": Msg("Målår"),
    "report.explanation": Msg("Hvorfor denne typen"),
    "report.criterion": Msg("Kriterium"),
    "report.weight": Msg("Vekt"),
    "report.score": Msg("Skår"),
    "report.contribution": Msg("Bidrag"),
    "report.evidence": Msg("Belegg"),
    "report.towards": Msg("mot {type}"),
    "report.negated": Msg("nektet"),
    "report.flip": Msg("Hva som ville endret det"),
    "report.findings": Msg("Funn"),
    "report.no_findings": Msg("Ingen funn."),
    "report.severity": Msg("Alvorlighet"),
    "report.code": Msg("Kode"),
    "report.message": Msg("Melding"),
    "report.line": Msg("Linje"),
    "report.invalid": Msg("Ugyldig: ikke klassifisert"),
    "report.back": Msg("Tilbake til {county}"),
    "report.back_top": Msg("Til toppen"),
    "report.declared": Msg("Oppgitt"),
    "report.sheet_missions": Msg("Oppdrag"),
    "report.sheet_evidence": Msg("Belegg"),
    "report.sheet_findings": Msg("Funn"),
    "report.sheet_counties": Msg("Fylker"),
    "report.words": Msg("Ord"),
    "report.sentence": Msg("Setning"),
    "report.path": Msg("Felt"),
    "report.pole": Msg("Mot"),
    # Values of the format, in words (the report).
    "status.draft": Msg("utkast"),
    "status.proposed": Msg("foreslått"),
    "status.adopted": Msg("vedtatt"),
    "status.active": Msg("aktiv"),
    "status.completed": Msg("fullført"),
    "status.discontinued": Msg("avsluttet"),
    "instrument.research": Msg("forskning"),
    "instrument.innovation": Msg("innovasjon"),
    "instrument.demonstration": Msg("demonstrasjon"),
    "instrument.infrastructure": Msg("infrastruktur"),
    "instrument.procurement": Msg("innkjøp"),
    "instrument.financing": Msg("finansiering"),
    "instrument.competence": Msg("kompetanse"),
    "instrument.cluster": Msg("klynger"),
    "instrument.regulation": Msg("regulering"),
    "instrument.taxation": Msg("skatter og avgifter"),
    "instrument.planning": Msg("planlegging"),
    "instrument.information": Msg("informasjon"),
    "instrument.behaviour_change": Msg("atferdsendring"),
    "instrument.service_redesign": Msg("nye tjenester"),
    "instrument.phase_out": Msg("utfasing"),
    "instrument.partnership": Msg("partnerskap"),
    "instrument.other": Msg("annet"),
    "actor.county": Msg("fylkeskommune"),
    "actor.municipality": Msg("kommune"),
    "actor.state": Msg("stat"),
    "actor.business": Msg("næringsliv"),
    "actor.research": Msg("forskning"),
    "actor.education": Msg("utdanning"),
    "actor.civil_society": Msg("sivilsamfunn"),
    "actor.citizens": Msg("innbyggere"),
    "actor.finance": Msg("finans"),
    "actor.other": Msg("annet"),
    "sector.public": Msg("offentlig sektor"),
    "sector.business": Msg("næringsliv"),
    "sector.knowledge": Msg("kunnskap"),
    "sector.civil": Msg("sivilsamfunn"),
}
