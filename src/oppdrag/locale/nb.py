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
        "dette er ikke gyldig YAML: {detail}",
        "Sjekk innrykk, kolon og anførselstegn på denne linjen og linjen før.",
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
    "yaml.recursive_alias": Msg(
        "et alias («*navn») viser til en gruppe som inneholder seg selv",
        "Fjern aliaset eller skriv verdiene ut.",
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
    "criterion.scope": Msg("avgrensning"),
    "criterion.lever": Msg("hovedvirkemiddel"),
    "criterion.change": Msg("type endring"),
    "criterion.problem": Msg("problemets art"),
    "criterion.solutions": Msg("åpenhet for løsninger"),
    "criterion.actors": Msg("bredde i aktører"),
    "criterion.instruments": Msg("virkemidler"),
    "criterion.goal": Msg("hvordan målet er formulert"),
    "criterion.sectors": Msg("sektorbredde"),
    "criterion.horizon": Msg("tidshorisont"),
    "about.scope": Msg(
        "Avgrenset til ett fagfelt, én teknologi, én næring eller verdikjede "
        "(akselererende), eller bredt og samfunnsomfattende (transformerende)."
    ),
    "about.lever": Msg(
        "Forskning, teknologiutvikling og oppskalering (akselererende), eller "
        "teknologi pluss endringer i atferd, praksis, institusjoner og normer "
        "(transformerende)."
    ),
    "about.change": Msg(
        "Øke tempoet på en vei man allerede er på (akselererende), eller endre "
        "retning, omstille og fase ut (transformerende)."
    ),
    "about.problem": Msg(
        "Et avgrenset, veldefinert problem (akselererende), eller en floke: mange "
        "sammenvevde, omstridte problemer med stor usikkerhet (transformerende)."
    ),
    "about.solutions": Msg(
        "En navngitt teknologi som løsningen (akselererende), eller åpent for mange "
        "løsninger, funnet nedenfra og gjennom eksperimentering (transformerende)."
    ),
    "about.actors": Msg(
        "Få aktører: bedrifter, forskere, klynger (akselererende), eller mange: "
        "innbyggere, kommuner, sivilsamfunn, flere sektorer (transformerende)."
    ),
    "about.instruments": Msg(
        "Finansiering, testfasiliteter, infrastruktur og kompetanse (akselererende), "
        "eller også regulering, avgifter, planlegging og tjenestereform "
        "(transformerende)."
    ),
    "about.goal": Msg(
        "Et mål for produkter eller teknologi: kapasitet, anlegg, antall utdannede "
        "(akselererende), eller et samfunnsmål: utslipp, helse, utjevning "
        "(transformerende)."
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
        "{score}, sikkerhet {confidence}); sterkeste grunner: {criteria}",
        "Se begrunnelsen med «oppdrag explain FIL». Hvis erklæringen stemmer, viser "
        "teksten kanskje ikke ennå hva som gjør oppdraget {declared}.",
    ),
    "explain.result": Msg(
        "skår {score} (terskel {threshold}), sikkerhet {confidence}, belegg for "
        "{coverage} av kriteriene, regelbok {version}"
    ),
    "explain.criterion": Msg("kriterium / belegg"),
    "explain.weight": Msg("vekt"),
    "explain.accelerating": Msg("akselererende"),
    "explain.transforming": Msg("transformerende"),
    "explain.contribution": Msg("bidrag"),
    "explain.about": Msg("hva det ser på"),
    "explain.signals": Msg("signalord"),
    "explain.structured": Msg("også: aktører, virkemidler, sektorer eller frist"),
    "explain.total": Msg(
        "Sum = ({terms}) / {total_weight} = {score} {relation} terskelen {threshold}, "
        "så oppdraget er {type}."
    ),
    "explain.rulebook": Msg(
        "Regelbok {version}: transformerende når samlet skår er over {threshold}; "
        "grensetilfelle innenfor {margin} fra den."
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
    "ui.type": Msg("type"),
    "ui.score": Msg("skår"),
    "ui.confidence": Msg("sikkerhet"),
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
    "ui.summary_findings": Msg("{errors} feil, {warnings} advarsel(er)"),
    "ui.all_valid": Msg("Alle oppdragene er gyldige."),
    "ui.help": Msg("hjelp"),
    "ui.mission": Msg("oppdrag"),
    "ui.document": Msg("dokument"),
    "ui.error": Msg("feil"),
    "ui.warning": Msg("advarsel"),
    "ui.info": Msg("info"),
    "ui.path_missing": Msg("{path}: filen eller mappen finnes ikke"),
    "ui.path_unreadable": Msg("{path}: kan ikke leses ({reason})"),
    "ui.no_yaml": Msg("{path}: ingen .yaml- eller .yml-filer i denne mappen"),
    "ui.symlink_loop": Msg(
        "{path}: hoppet over, lenken fører tilbake til en mappe over den"
    ),
    "ui.no_paths": Msg("ingen filer å sjekke"),
    "ui.stdin_name": Msg("<stdin>"),
    "ui.exists": Msg("{path} finnes allerede; legg til --force for å overskrive den"),
    "ui.wrote": Msg("skrev {path}"),
    "ui.hint_usage": Msg("Kjør «oppdrag --help» for kommandoer og valg."),
}
