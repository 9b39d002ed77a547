"""Nynorsk: the portfolio report's own words, and the terms it shows.

Nynorsk is a language of the report (oppdrag report --lang nn). Other
messages, such as findings, are shown in bokmål, which nynorsk readers read.
"""

from __future__ import annotations

from oppdrag.locale import Msg
from oppdrag.locale.nb import MESSAGES as BOKMAL

MESSAGES: dict[str, Msg] = {
    # Only the words that differ from bokmål are listed; the rest are bokmål's.
    **BOKMAL,
    "type.accelerating": Msg("akselererande"),
    "type.transforming": Msg("transformerande"),
    "criterion.scope": Msg("avgrensing"),
    "criterion.lever": Msg("hovudverkemiddel"),
    "criterion.problem": Msg("kva slags problem"),
    "criterion.solutions": Msg("openheit for løysingar"),
    "criterion.actors": Msg("breidd i aktørar"),
    "criterion.who_acts": Msg("kven som må endre seg"),
    "criterion.state_role": Msg("rolla til staten"),
    "criterion.instruments": Msg("verkemiddel"),
    "criterion.incumbents": Msg("etablerte aktørar og strid"),
    "criterion.goal": Msg("korleis målet er formulert"),
    "criterion.sectors": Msg("sektorbreidd"),
    "ui.warning": Msg("åtvaring"),
    "report.skip": Msg("Hopp til innhaldet"),
    "report.contents": Msg("Innhald"),
    "report.counties": Msg("Fylke"),
    "report.summary": Msg(
        "{missions} oppdrag i {files} filer: {accelerating} akselererande, "
        "{transforming} transformerande, {undetermined} ubestemte ({borderline} "
        "grensetilfelle). Regelbok {version}, oppdrag {tool}."
    ),
    "report.map_caption": Msg(
        "Kvar rute er eit fylke, plassert omtrent som på eit kart; tala er "
        "akselererande, transformerande og ubestemte oppdrag i fylket. Dei same tala "
        "står i tabellen."
    ),
    "report.by_type_caption": Msg(
        "Stolpane viser oppdraga i kvart fylke etter type; tabellen ved sida av har "
        "tala."
    ),
    "report.findings_totals": Msg("Funn frå sjekken"),
    "report.other_findings": Msg("Funn i heile filer og strategiar"),
    "report.no_county": Msg("Utan fylke"),
    "report.owner": Msg("Eigar"),
    "report.s3_caption": Msg(
        "Kva for prioriteringar for smart spesialisering kvart oppdrag nemner."
    ),
    "report.sectors": Msg("Sektorar"),
    "report.sdgs": Msg("Berekraftsmål"),
    "report.instruments": Msg("Verkemiddel"),
    "report.actors": Msg("Breidd i aktørar"),
    "report.actor_kinds": Msg("Typar aktørar"),
    "report.actor_sectors": Msg("Samfunnssektorar"),
    "report.actor_count": Msg("Aktørar"),
    "report.none": Msg("Ingen oppgjevne."),
    "report.timeline_caption": Msg(
        "Kvar rad er eit oppdrag: år for utgangsverdi (opne sirklar), målår (fylte) "
        "og fristen (ein strek). Tabellen har dei same åra."
    ),
    "report.explanation": Msg("Kvifor denne typen"),
    "report.negated": Msg("nekta"),
    "report.flip": Msg("Kva som ville endra det"),
    "report.severity": Msg("Alvorsgrad"),
    "report.invalid": Msg("Ugyldig: ikkje klassifisert"),
    "report.declared": Msg("Oppgjeven"),
    "report.sheet_counties": Msg("Fylke"),
    # Values of the format, in words (the report).
    "status.proposed": Msg("føreslått"),
    "status.adopted": Msg("vedteken"),
    "status.discontinued": Msg("avslutta"),
    "instrument.research": Msg("forsking"),
    "instrument.taxation": Msg("skattar og avgifter"),
    "instrument.behaviour_change": Msg("åtferdsendring"),
    "instrument.service_redesign": Msg("nye tenester"),
    "instrument.partnership": Msg("partnarskap"),
    "instrument.other": Msg("anna"),
    "actor.research": Msg("forsking"),
    "actor.citizens": Msg("innbyggjarar"),
    "actor.other": Msg("anna"),
    "sector.public": Msg("offentleg sektor"),
}
