"""English messages: every finding, term and line the tool shows."""

from __future__ import annotations

from oppdrag.locale import Msg

MESSAGES: dict[str, Msg] = {
    # What YAML read a value as (used inside other messages).
    "kind.text": Msg("text"),
    "kind.whole_number": Msg("a whole number"),
    "kind.number": Msg("a number"),
    "kind.boolean": Msg("yes/no (true/false)"),
    "kind.year": Msg("a year, such as 2030"),
    "kind.list": Msg("a list"),
    "kind.mapping": Msg("a group of keys"),
    "kind.date": Msg("a date"),
    "kind.empty": Msg("nothing (an empty value)"),
    "kind.other": Msg("something else"),
    # The file as a whole.
    "file.too_large": Msg(
        "the file is {size} bytes, more than the limit of {limit} bytes",
        "Split it into smaller files, or raise the limit with --max-file-size.",
    ),
    "file.binary": Msg(
        "this is not a text file (it contains binary data)",
        "Proposals must be YAML text files saved as UTF-8.",
    ),
    "file.empty": Msg(
        "the file is empty",
        "Write a proposal in it, or start from the template: oppdrag new.",
    ),
    "file.unreadable": Msg(
        "the file cannot be read: {reason}",
        "Check that the file exists and that you may read it.",
    ),
    "file.internal_error": Msg(
        "oppdrag failed while checking this file ({error}); this is a fault in "
        "oppdrag, and the other files were still checked",
        "Please report it to the oppdrag maintainers with this file attached, "
        "or the smallest part of it that shows the fault.",
    ),
    "file.stdin_too_large": Msg(
        "standard input holds more than the limit of {limit} bytes",
        "Pipe a smaller file, or raise the limit with --max-file-size.",
    ),
    "file.too_many_missions": Msg(
        "this file holds more than {limit} missions (each document counts as one, "
        "and each mission of a strategy); the rest of the file was not checked",
        "Split the file into smaller ones, with a proposal or a county strategy in "
        "each.",
    ),
    "file.link_outside": Msg(
        "this file is a link to a file outside the repository (or outside the folder "
        "being checked), so it was not read",
        "Put the proposal itself in the repository, not a link to it.",
    ),
    "file.not_regular": Msg(
        "this is not a regular file (a named pipe, a device or a socket), so it was "
        "not read",
        "Give the path of a saved file, or pipe the text in: "
        "oppdrag validate - < file.",
    ),
    "encoding.other": Msg(
        "the file is saved as {encoding}, not UTF-8",
        "Save it again as UTF-8 (in Notepad++: Encoding → UTF-8; in VS Code: "
        "'Save with Encoding' → UTF-8).",
    ),
    "encoding.not_utf8": Msg(
        "the file is not valid UTF-8 (byte {byte}); it was probably saved as "
        "Latin-1 or Windows-1252",
        "Save it again as UTF-8 (in Notepad++: Encoding → Convert to UTF-8; in "
        "VS Code: 'Save with Encoding' → UTF-8).",
    ),
    # YAML itself.
    "yaml.syntax": Msg(
        "this is not valid YAML: {detail}",
        "Check the indentation, colons and quotes on this line and the one before.",
    ),
    "yaml.colon_in_value": Msg(
        "a colon followed by a space inside a value: YAML reads it as the start of "
        "another key",
        'Put the whole value in quotes, e.g. title: "Havvind: en ny næring".',
    ),
    "yaml.unclosed_quote": Msg(
        "the quote that starts here is never closed",
        "Add the closing quote at the end of the value.",
    ),
    "yaml.indentation": Msg(
        "the indentation of this line does not fit the lines above it",
        "Indent keys of the same group by the same number of spaces.",
    ),
    "yaml.undefined_alias": Msg(
        "'*' refers to an anchor ('&name') that is not defined above",
        "Write the value itself; proposals need no anchors or aliases.",
    ),
    "yaml.bad_character": Msg(
        "the file contains a control character ({character}) that YAML does not allow",
        "Delete the character; it is often left behind by copying from a PDF.",
    ),
    "yaml.duplicate_key": Msg(
        "the key '{key}' appears twice in the same group",
        "Keep one of them: YAML tools silently drop one value, so the other "
        "would be lost.",
    ),
    "yaml.custom_tag": Msg(
        "the file uses a YAML tag (a word starting with '!') that proposals do not use",
        "Remove the tag; write the value as plain text, a number or a list.",
    ),
    "yaml.unsupported_type": Msg(
        "the file uses a YAML type (set, ordered map, pairs or binary data) that "
        "proposals do not use",
        "Write the value as plain text, a number, a list or a group of keys.",
    ),
    "yaml.complex_key": Msg(
        "a key is a list or a group of keys; proposals only use words as keys",
        "Write the key as a single word such as 'title'.",
    ),
    "yaml.too_deep": Msg(
        "the document is nested more than {limit} levels deep",
        "Proposals need only a few levels; check the indentation.",
    ),
    "yaml.too_many_nodes": Msg(
        "the document expands to more than {limit} values (aliases repeat parts of it)",
        "Remove the aliases ('*name'); a proposal never needs this many values.",
    ),
    "yaml.too_many_values": Msg(
        "the document holds more than {limit} values (texts, numbers, lists and "
        "groups of keys)",
        "A proposal holds a few hundred values; check how the file was made.",
    ),
    "yaml.file_too_many_values": Msg(
        "the file holds more than {limit} values (texts, numbers, lists and groups "
        "of keys); oppdrag reads at most {limit} in one file",
        "Split the file into smaller ones; a proposal holds a few hundred values.",
    ),
    "yaml.recursive_alias": Msg(
        "an alias ('*name') refers to a group that contains itself",
        "Remove the alias or write the values out.",
    ),
    "yaml.bad_value": Msg(
        "'{value}' cannot be read as {expected}",
        "Correct the value, or put it in quotes if it is meant as text.",
    ),
    "yaml.bad_tagged_value": Msg(
        "'{value}' cannot be read as {expected}, which its tag '{tag}' asks for",
        "Remove the tag '{tag}' (proposals need no tags) and correct the value.",
    ),
    "yaml.reserved_value": Msg(
        "'{value}' has a special meaning in YAML and cannot stand alone as a value",
        "Put it in quotes if you mean the text.",
    ),
    "yaml.too_many_keys": Msg(
        "this group has {count} keys; oppdrag reads at most {limit} in one group",
        "A proposal needs a few dozen keys at most; check how the file was made.",
    ),
    "yaml.text_too_long": Msg(
        "this value is {length} characters long; one value may have at most {limit}",
        "Shorten the text; put long background material in a document and refer "
        "to it under 'references'.",
    ),
    "yaml.number_too_long": Msg(
        "this number is {length} characters long; oppdrag reads numbers of at most "
        "{limit} characters",
        "Check the value; put it in quotes if it is meant as text.",
    ),
    "yaml.comment_glued": Msg(
        "a comment ('#') must be separated from what comes before it by a space",
        "Put a space before '#'.",
    ),
    "yaml.directive_placement": Msg(
        "a directive ('%YAML' or '%TAG') comes after a document without '...' "
        "before it",
        "Proposals need no directives; remove the line.",
    ),
    "yaml.under_indented": Msg(
        "this line continues a value but is not indented more than its key",
        "Indent the continued line, or write the value on one line.",
    ),
    "yaml.lone_dash": Msg(
        "a lone '-' inside brackets is not a valid value",
        'Quote it ("-") or remove it.',
    ),
    "yaml.tab": Msg(
        "a tab character is used for layout; YAML only allows spaces there",
        "Replace the tab with spaces (most editors can show tabs and convert them).",
    ),
    "yaml.ambiguous": Msg(
        "YAML readers would read this file differently (an anchor, tag or "
        "directive is used in an unusual way)",
        "Remove anchors ('&name'), tags ('!name') and directives ('%YAML'); "
        "proposals need none of them.",
    ),
    "yaml.parser_failed": Msg(
        "the YAML reader could not read this: {detail}",
        "Check the line for unusual characters or indentation.",
    ),
    "document.empty": Msg(
        "the document is empty",
        "Remove the extra '---' line, or write a proposal in this document.",
    ),
    "document.not_mapping": Msg(
        "the document is {actual}, but a proposal is a group of keys such as 'id:' "
        "and 'title:'",
        "Start from the template: oppdrag new.",
    ),
    "mission.not_mapping": Msg(
        "this mission is {actual}, but a mission is a group of keys such as 'id:' "
        "and 'title:'",
        "Write each mission as a group of keys under '- '.",
    ),
    # The schema.
    "schema.missing": Msg(
        "the required field '{field}' is missing",
        "Add '{field}:' here; see 'oppdrag new' for an example.",
    ),
    "schema.unknown_key": Msg(
        "unknown key '{key}'",
        "Allowed keys here: {allowed}.",
        "Did you mean '{suggestion}'?",
    ),
    "schema.choice": Msg(
        "'{value}' is not an allowed value for {field}",
        "Allowed values: {allowed}.",
        "Did you mean '{suggestion}'? Allowed values: {allowed}.",
    ),
    "schema.version": Msg(
        "schema_version is {value}, but this version of oppdrag reads version 1",
        "Write 'schema_version: 1'.",
    ),
    "schema.too_small": Msg(
        "{field} is {value}, but it must be at least {ge}",
        "Check the number; years are written in full, such as 2030.",
    ),
    "schema.not_finite": Msg(
        "{field} is {value}, which is not a number that can be counted",
        "Write {field} as an ordinary number, such as 1500.",
    ),
    "schema.too_large": Msg(
        "{field} is {value}, but it must be at most {le}",
        "Check the number; years are written in full, such as 2030.",
    ),
    "schema.text_too_short": Msg(
        "{field} is too short ({value}); it needs at least {min_length} characters",
        "Write a few words that say what the mission is about.",
    ),
    "schema.text_too_long": Msg(
        "{field} is too long; it may have at most {max_length} characters",
        "Shorten it; put the details in the challenge or the approach.",
    ),
    "schema.list_too_short": Msg(
        "{field} is empty, but it needs at least {min_length} item(s)",
        "Add at least one item under '{field}:'.",
    ),
    "schema.period_order": Msg(
        "the period starts in {start}, after it ends in {end}",
        "Swap the years, or correct the one that is wrong.",
    ),
    "schema.duplicate_item": Msg(
        "{value} is listed more than once in {field}",
        "List each value once.",
    ),
    "schema.wrong_type": Msg(
        "{field} should be {expected}, but it is {actual} ({value})",
        "Write {field} as {expected}.",
    ),
    "schema.quoted_number": Msg(
        "{field} is a number in quotes ({value}), which makes it text",
        "Remove the quotes: {field}: {value}",
    ),
    "schema.wrong_type_date": Msg(
        "{field} should be {expected}, but YAML read '{value}' as a date",
        'Put the value in quotes, like "{value}", if you mean text; for a year, '
        "write only the year.",
    ),
    "schema.wrong_type_empty": Msg(
        "{field} is empty, but it should be {expected}",
        "Write a value after '{field}:', or remove the line if the field is optional.",
    ),
    "schema.bad_id": Msg(
        "the id '{value}' is not a valid identifier",
        "Use 3–64 lower-case letters a–z, digits and hyphens, starting and ending "
        "with a letter or digit, such as 'vestland-green-industry'.",
    ),
    "schema.bad_currency": Msg(
        "'{value}' is not a currency code",
        "Use a three-letter ISO code in capitals, such as NOK or EUR.",
    ),
    "schema.blank_text": Msg(
        "{field} is blank",
        "Write some text, or remove the field if it is optional.",
    ),
    "schema.other": Msg(
        "{field}: {detail}", "Check the value against 'oppdrag schema'."
    ),
    "county.empty": Msg(
        "the list of counties is empty",
        "Name at least one county, or remove the field.",
    ),
    "county.type": Msg(
        "a county must be written as a name or a two-digit number",
        "For example: 'Vestland' or 46.",
    ),
    "county.former": Msg(
        "'{value}' is no longer a county; since 2024 it is {successors}",
        "Write the county (or the list of counties) the mission belongs to now.",
    ),
    "county.unknown": Msg(
        "'{value}' is not one of Norway's 15 counties",
        "Counties: {allowed}.",
        "Did you mean '{suggestion}'?",
    ),
    # Classification.
    "type.accelerating": Msg("accelerating"),
    "type.transforming": Msg("transforming"),
    "type.undetermined": Msg("undetermined"),
    "criterion.scope": Msg("scope"),
    "criterion.lever": Msg("main lever"),
    "criterion.change": Msg("type of change"),
    "criterion.phase_out": Msg("phase-out"),
    "criterion.problem": Msg("nature of the problem"),
    "criterion.solutions": Msg("openness of solutions"),
    "criterion.actors": Msg("breadth of actors"),
    "criterion.who_acts": Msg("who must act differently"),
    "criterion.state_role": Msg("role of the state"),
    "criterion.instruments": Msg("policy instruments"),
    "criterion.incumbents": Msg("incumbents and contest"),
    "criterion.goal": Msg("how the goal is stated"),
    "criterion.sectors": Msg("sector reach"),
    "criterion.horizon": Msg("time horizon"),
    "about.scope": Msg(
        "Bounded to one field, technology, industry or value chain (accelerating), or "
        "broad, systemic and across sectors (transforming)."
    ),
    "about.lever": Msg(
        "Research, technology development, building and scale-up (accelerating), or "
        "changes in behaviour, practices, norms and ways of living (transforming)."
    ),
    "about.change": Msg(
        "Speeding up or expanding an existing path (accelerating), or transforming, "
        "restructuring and changing direction (transforming)."
    ),
    "about.phase_out": Msg(
        "Ending or phasing out what exists: fossil fuels, an industry, building on "
        "nature (transforming only)."
    ),
    "about.problem": Msg(
        "A technical, well-defined problem or bottleneck (accelerating), or a wicked "
        "one: many linked causes, goal conflicts, uncertainty (transforming)."
    ),
    "about.solutions": Msg(
        "A named technology or plant as the solution (accelerating), or open to many "
        "solutions, found bottom-up and by experiment (transforming)."
    ),
    "about.actors": Msg(
        "Firms, researchers, clusters (accelerating), or citizens, municipalities, "
        "civil society and many kinds of actor (transforming)."
    ),
    "about.who_acts": Msg(
        "Producers and industry change what they make (accelerating), or people, "
        "households and users change what they do every day (transforming)."
    ),
    "about.state_role": Msg(
        "The state funds research, firms and investments (accelerating), or sets "
        "rules, charges and caps and coordinates many actors (transforming)."
    ),
    "about.instruments": Msg(
        "Test facilities, infrastructure, training and procurement (accelerating), or "
        "planning, land use, redesigned services and information (transforming)."
    ),
    "about.incumbents": Msg(
        "Strengthening established industries and their position (accelerating), or a "
        "contested direction: resistance, winners and losers, fairness (transforming)."
    ),
    "about.goal": Msg(
        "An output target: plants, capacity, people trained, production "
        "(accelerating), or a societal outcome: emissions, health, inclusion, nature "
        "(transforming)."
    ),
    "about.sectors": Msg(
        "How many sectors and parts of society the mission reaches; one or two "
        "(accelerating), or many (transforming)."
    ),
    "about.horizon": Msg(
        "A weak signal: a near deadline (accelerating) or a far one, 2045 or later "
        "(transforming)."
    ),
    "classify.disagrees": Msg(
        "declared as {declared}, but the rulebook finds it {detected} (score {score}, "
        "{margin} from the threshold, strength of evidence {strength}); strongest "
        "reasons: {criteria}",
        "See the reasoning with 'oppdrag explain FILE'. If the declaration is right, "
        "the text may not yet show what makes the mission {declared}.",
    ),
    "classify.contradiction": Msg(
        "the text speaks of broad change ('{words}'), but the structured fields "
        "describe a bounded effort: {facts}",
        "Either widen the structured fields (sectors, actors, instruments) or describe "
        "the mission as it is; the classification follows the structured fields here.",
    ),
    "explain.result": Msg(
        "score {score} (threshold {threshold}, margin {margin}); strength of evidence "
        "{strength} ({band}), on {coverage} of the criteria; rulebook {version}"
    ),
    "explain.band.weak": Msg("weak"),
    "explain.band.moderate": Msg("moderate"),
    "explain.band.strong": Msg("strong"),
    "explain.undetermined": Msg(
        "Not enough evidence to say: the strength of evidence is {strength}, below "
        "{minimum}. Say what the mission changes, who takes part and how success is "
        "measured."
    ),
    "explain.for": Msg("Pointing to {type}: {criteria}"),
    "explain.against": Msg("Strongest evidence against: {evidence}"),
    "explain.flip": Msg(
        "What would change the verdict: without these {count} piece(s) of evidence "
        "it would be {other} ({score}): {evidence}"
    ),
    "explain.no_flip": Msg(
        "What would change the verdict: no few pieces of evidence decide it; the "
        "evidence for {type} is broad."
    ),
    "explain.negated": Msg("negated: not counted"),
    "explain.listed": Msg("in a bare list or tags: counts little"),
    "explain.needed": Msg("named as needed"),
    "explain.contradicted": Msg("contradicted by the structured fields: counts less"),
    "explain.criterion": Msg("criterion / evidence"),
    "explain.weight": Msg("weight"),
    "explain.accelerating": Msg("accelerating"),
    "explain.transforming": Msg("transforming"),
    "explain.contribution": Msg("contribution"),
    "explain.about": Msg("what it looks at"),
    "explain.signals": Msg("concepts (examples)"),
    "explain.structured": Msg("also: actors, instruments, sectors or deadline"),
    "explain.total": Msg(
        "Total = ({terms}) / {total_weight} = {score} {relation} threshold "
        "{threshold}, so the mission is {type}."
    ),
    "explain.rulebook": Msg(
        "Rulebook {version}: transforming when the total score is above {threshold}; "
        "borderline within {margin} of it; undetermined when the strength of evidence "
        "is below {minimum}."
    ),
    "explain.pick_one": Msg(
        "{path} holds {count} missions; choose one with --id: {ids}"
    ),
    "explain.no_such_id": Msg("{path}: no mission with the id '{id}'; ids: {ids}"),
    "explain.invalid": Msg(
        "{path}: the mission is not valid, so it cannot be classified; run "
        "'oppdrag validate {path}'"
    ),
    "eval.header": Msg(
        "{count} labelled mission(s) (declared_type), rulebook {version}"
    ),
    "eval.accuracy": Msg("Accuracy: {correct}/{count} = {accuracy}"),
    "eval.confusion": Msg("Confusion matrix (rows: declared, columns: detected)"),
    "eval.ablation": Msg("Ablation: accuracy without each criterion"),
    "eval.without": Msg("without"),
    "eval.accuracy_short": Msg("accuracy"),
    "eval.change": Msg("change"),
    "eval.wrong": Msg("Misclassified"),
    "eval.none_labelled": Msg("no valid mission with a declared_type to evaluate"),
    "eval.borderline": Msg("borderline: {count}"),
    "eval.undetermined": Msg("undetermined: {count}"),
    # Rules (oppdrag check).
    "rule.Q101": Msg(
        "the objective has no measurable target: no target value and no number in "
        "the statement",
        "Add targets with an indicator, unit, baseline and target value, or put the "
        "number in the statement.",
    ),
    "rule.Q102": Msg(
        "the target '{indicator}' has no year",
        "Add 'year:': when is the target to be reached?",
    ),
    "rule.Q103": Msg(
        "the target '{indicator}' has no baseline",
        "Add 'baseline:' and 'baseline_year:', the value today.",
    ),
    "rule.Q104": Msg(
        "the target '{indicator}' has no unit",
        "Add 'unit:', such as 'kt CO2e', 'persons' or 'per cent'.",
    ),
    "rule.Q105": Msg(
        "the deadline {year} has passed (it is {now} now)",
        "Set a new deadline, or set 'status:' to completed or discontinued.",
    ),
    "rule.Q106": Msg(
        "the target year {year} is after the mission's deadline {deadline}",
        "Move the target year to {deadline} or earlier, or move the deadline.",
    ),
    "rule.Q107": Msg(
        "the challenge is described in only {words} words and lists no sub-problems",
        "Say what is wrong, for whom and why it is hard ({least} words or more), or "
        "list the linked sub-problems under 'problems:'.",
    ),
    "rule.Q108": Msg(
        "placeholder text is left in the proposal: '{text}'",
        "Write the real text before the proposal goes further.",
    ),
    "rule.Q109": Msg(
        "one technology, {technology}, is presented as the whole solution",
        "Missions stay open to several solutions: state the goal without the "
        "technology, or name the alternatives in scope.technologies.",
    ),
    "rule.Q110": Msg(
        "the proposal names no actors",
        "Add 'actors:' with who takes part, what kind of actor and in what role.",
    ),
    "rule.Q111": Msg(
        "all actors come from one sector",
        "Add actors from another sector: business, research, municipalities, civil "
        "society or citizens.",
    ),
    "rule.Q112": Msg(
        "no actor has the role 'lead'",
        "Give the actor that owns the mission 'role: lead'.",
    ),
    "rule.Q113": Msg(
        "a transforming mission without citizens, civil society or municipalities "
        "among its actors",
        "Add the people and local communities whose practices must change (kind: "
        "citizens, civil_society or municipality).",
    ),
    "rule.Q114": Msg(
        "the proposal lists no policy instruments",
        "Add 'instruments:' such as financing, procurement, regulation or competence.",
    ),
    "rule.Q115": Msg(
        "only one kind of policy instrument ({instrument})",
        "Missions combine several instruments; consider which others this one needs.",
    ),
    "rule.Q116": Msg(
        "a regional business mission without a link to smart specialisation",
        "Add 'smart_specialisation:' with the county's S3 priority areas it serves.",
    ),
    "rule.Y101": Msg(
        "'{value}' is text here, but YAML 1.1 tools read it as true or false",
        'Put it in quotes: "{value}".',
    ),
    "rule.Y102": Msg(
        "'{value}' is read as written here, but YAML 1.1 tools read it as another "
        "number",
        'Put it in quotes: "{value}" (or drop the leading zero if it is a number).',
    ),
    "rule.B201": Msg(
        "the id '{id}' is also used at {where}",
        "Give each mission its own id.",
    ),
    "rule.B202": Msg(
        "the same objective statement is also in {where}",
        "Write this mission's own objective, or merge the two missions.",
    ),
    "rule.O001": Msg(
        "this suppression of {codes} gives no reason",
        "Add the reason after '--', e.g. '# oppdrag: ignore[Q103] -- agreed with the "
        "finance committee'.",
    ),
    "rule.O002": Msg(
        "this suppression of {codes} suppresses nothing",
        "Remove the comment: the problem it was for is gone, or on another line.",
    ),
    "rule.O003": Msg(
        "the suppression names an unknown rule code '{code}'",
        "Check the code with 'oppdrag rule --all'.",
    ),
    "rule.O004": Msg(
        "this comment looks like a waiver but is not one; it waives nothing",
        "Write the rule codes in brackets: # oppdrag: ignore[Q108] -- the reason.",
    ),
    "check.baseline": Msg(
        "baseline: {hidden} known finding(s) hidden, {fixed} fixed since"
    ),
    "check.fixed": Msg("fixed: {file} {code} {path}"),
    "ui.code": Msg("code"),
    "ui.severity": Msg("severity"),
    "ui.message": Msg("message"),
    "ui.no_problems": Msg("No problems found."),
    "ui.type": Msg("type"),
    "ui.score": Msg("score"),
    "ui.strength": Msg("evidence"),
    "ui.margin": Msg("margin"),
    "ui.declared": Msg("declared"),
    "ui.reasons": Msg("top reasons"),
    "ui.borderline": Msg("borderline"),
    "ui.file": Msg("file"),
    "ui.id": Msg("id"),
    "ui.title": Msg("title"),
    "ui.county": Msg("county"),
    "ui.by_type": Msg("By type"),
    "ui.by_county": Msg("By county"),
    "ui.count": Msg("missions"),
    "ui.not_classified": Msg(
        "{count} mission(s) not classified because they are invalid"
    ),
    "ui.none": Msg("none"),
    # Lines about the run.
    "ui.summary": Msg(
        "{files} file(s), {units} mission(s): {valid} valid, {invalid} invalid"
    ),
    "ui.summary_findings": Msg(
        "{errors} error(s), {warnings} warning(s), {infos} info(s)"
    ),
    "ui.summary_unchecked": Msg("{count} file(s) could not be checked"),
    "ui.all_valid": Msg("All missions are valid."),
    "ui.help": Msg("help"),
    "ui.mission": Msg("mission"),
    "ui.document": Msg("document"),
    "ui.error": Msg("error"),
    "ui.warning": Msg("warning"),
    "ui.info": Msg("info"),
    "ui.stdin_closed": Msg(
        "'-' asks to read standard input, but standard input is closed"
    ),
    "ui.interrupted": Msg("interrupted; no report was written"),
    "ui.path_missing": Msg("{path}: no such file or directory"),
    "ui.path_unreadable": Msg("{path}: cannot be read ({reason})"),
    "ui.no_yaml": Msg("{path}: no .yaml or .yml files in this directory"),
    "ui.symlink_loop": Msg(
        "{path}: skipped, the link leads back into a folder above it"
    ),
    "ui.link_outside": Msg(
        "{path}: skipped, the link leads outside the repository it is in"
    ),
    "ui.not_followed": Msg(
        "left out {count} linked folder(s) that lead outside the repository (or the "
        "folder checked): {folders}"
    ),
    "ui.no_paths": Msg("no files to check"),
    "ui.stdin_name": Msg("<stdin>"),
    "ui.exists": Msg("{path} already exists; add --force to overwrite it"),
    "ui.cannot_write": Msg(
        "{path}: cannot write the report ({reason}); nothing was changed there"
    ),
    "ui.cannot_write_stdout": Msg(
        "cannot write to standard output ({reason}); the report did not reach it"
    ),
    "ui.report_kept": Msg(
        "{path} was not written, as a path given could not be used; it keeps what it "
        "held"
    ),
    "ui.note": Msg("note"),
    "ui.read_stopped": Msg(
        "oppdrag could not read on from here, so nothing in this document or after it "
        "was checked; fixing this may show more problems"
    ),
    "ui.one_stdout": Msg(
        "only one format can be written to the screen ({formats}); give the others "
        "a file, e.g. -f sarif:report.sarif"
    ),
    "ui.same_target": Msg("two formats would be written to the same file, {path}"),
    "ui.internal_error": Msg(
        "oppdrag failed ({error}); this is a fault in oppdrag, not in your files. "
        "Please report it with the command you ran; 'oppdrag --debug …' shows "
        "where it happened"
    ),
    "ui.skipped": Msg(
        "left out {count} YAML file(s) that are not proposals (no proposal key at "
        "the top): {files}; name a file to check it anyway"
    ),
    "ui.others_folded": Msg("{count} warning(s) and info(s)"),
    "ui.more_findings": Msg(
        "…and {count} more finding(s), not listed here: run oppdrag check to see "
        "them all, or open the SARIF report."
    ),
    "ui.wrote": Msg("wrote {path}"),
    "ui.hint_usage": Msg("Run 'oppdrag --help' for the commands and options."),
    # The portfolio report (oppdrag report).
    "report.title": Msg("Mission portfolio"),
    "report.skip": Msg("Skip to the content"),
    "report.contents": Msg("Contents"),
    "report.overview": Msg("Overview"),
    "report.counties": Msg("Counties"),
    "report.missions": Msg("Missions"),
    "report.summary": Msg(
        "{missions} missions in {files} files: {accelerating} accelerating, "
        "{transforming} transforming, {undetermined} undetermined ({borderline} "
        "borderline). Rulebook {version}, oppdrag {tool}."
    ),
    "report.map": Msg("Missions by county"),
    "report.map_caption": Msg(
        "Each tile is a county, placed roughly as on a map; the numbers are its "
        "accelerating, transforming and undetermined missions. The same numbers are "
        "in the table."
    ),
    "report.by_type": Msg("Missions by type"),
    "report.by_type_caption": Msg(
        "Bars show the missions of each county by type; the table beside it has the "
        "numbers."
    ),
    "report.findings_totals": Msg("Findings of the check"),
    "report.rule": Msg("Rule"),
    "report.other_findings": Msg("Findings on whole files and strategies"),
    "report.county": Msg("County"),
    "report.no_county": Msg("No county given"),
    "report.national": Msg("National"),
    "report.total": Msg("Total"),
    "report.borderline": Msg("borderline"),
    "report.mission": Msg("Mission"),
    "report.type": Msg("Type"),
    "report.strength": Msg("Evidence"),
    "report.status": Msg("Status"),
    "report.deadline": Msg("Deadline"),
    "report.budget": Msg("Budget"),
    "report.currency": Msg("Currency"),
    "report.owner": Msg("Owner"),
    "report.file": Msg("File"),
    "report.missions_of": Msg("Missions in {county}"),
    "report.s3": Msg("Smart specialisation"),
    "report.s3_caption": Msg(
        "Which of the county's smart-specialisation priorities each mission names."
    ),
    "report.sectors": Msg("Sectors"),
    "report.sdgs": Msg("Sustainable Development Goals"),
    "report.instruments": Msg("Instruments"),
    "report.actors": Msg("Breadth of actors"),
    "report.actor_kinds": Msg("Kinds of actor"),
    "report.actor_sectors": Msg("Sectors of society"),
    "report.actor_count": Msg("Actors"),
    "report.none": Msg("None named."),
    "report.yes": Msg("yes"),
    "report.no": Msg("no"),
    "report.timeline": Msg("Timeline"),
    "report.timeline_caption": Msg(
        "Each row is a mission: baseline years (open circles), target years (filled) "
        "and the deadline (a bar). The table lists the same years."
    ),
    "report.baseline_years": Msg("Baseline years"),
    "report.target_years": Msg("Target years"),
    "report.explanation": Msg("Why this type"),
    "report.criterion": Msg("Criterion"),
    "report.weight": Msg("Weight"),
    "report.score": Msg("Score"),
    "report.contribution": Msg("Contribution"),
    "report.evidence": Msg("Evidence"),
    "report.towards": Msg("towards {type}"),
    "report.negated": Msg("negated"),
    "report.flip": Msg("What would change it"),
    "report.findings": Msg("Findings"),
    "report.no_findings": Msg("No findings."),
    "report.severity": Msg("Severity"),
    "report.code": Msg("Code"),
    "report.message": Msg("Message"),
    "report.line": Msg("Line"),
    "report.invalid": Msg("Invalid: not classified"),
    "report.back": Msg("Back to {county}"),
    "report.back_top": Msg("Back to the top"),
    "report.declared": Msg("Declared"),
    "report.sheet_missions": Msg("Missions"),
    "report.sheet_evidence": Msg("Evidence"),
    "report.sheet_findings": Msg("Findings"),
    "report.sheet_counties": Msg("Counties"),
    "report.words": Msg("Words"),
    "report.sentence": Msg("Sentence"),
    "report.path": Msg("Field"),
    "report.pole": Msg("Towards"),
    # Values of the format, in words (the report).
    "status.draft": Msg("draft"),
    "status.proposed": Msg("proposed"),
    "status.adopted": Msg("adopted"),
    "status.active": Msg("active"),
    "status.completed": Msg("completed"),
    "status.discontinued": Msg("discontinued"),
    "instrument.research": Msg("research"),
    "instrument.innovation": Msg("innovation"),
    "instrument.demonstration": Msg("demonstration"),
    "instrument.infrastructure": Msg("infrastructure"),
    "instrument.procurement": Msg("procurement"),
    "instrument.financing": Msg("financing"),
    "instrument.competence": Msg("competence"),
    "instrument.cluster": Msg("clusters"),
    "instrument.regulation": Msg("regulation"),
    "instrument.taxation": Msg("taxes and fees"),
    "instrument.planning": Msg("planning"),
    "instrument.information": Msg("information"),
    "instrument.behaviour_change": Msg("behaviour change"),
    "instrument.service_redesign": Msg("redesigned services"),
    "instrument.phase_out": Msg("phase-out"),
    "instrument.partnership": Msg("partnership"),
    "instrument.other": Msg("other"),
    "actor.county": Msg("county"),
    "actor.municipality": Msg("municipality"),
    "actor.state": Msg("state"),
    "actor.business": Msg("business"),
    "actor.research": Msg("research"),
    "actor.education": Msg("education"),
    "actor.civil_society": Msg("civil society"),
    "actor.citizens": Msg("citizens"),
    "actor.finance": Msg("finance"),
    "actor.other": Msg("other"),
    "sector.public": Msg("public sector"),
    "sector.business": Msg("business"),
    "sector.knowledge": Msg("knowledge"),
    "sector.civil": Msg("civil society"),
}
