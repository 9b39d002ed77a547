"""What the YAML readers raise, as located findings in plain language."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from oppdrag import codes
from oppdrag.diagnostics import Finding, Position
from oppdrag.source.findings import located_finding
from oppdrag.source.shape import UnsupportedYaml

# What reading hostile text can raise. ruamel also fails with AssertionError,
# TypeError or ValueError on some inputs (e.g. a '%YAML 1.3' directive), and its
# round-trip reader with a RuntimeError on some comment layouts. Those are input
# problems, reported as YAML errors rather than crashing the run.
LOAD_ERRORS = (YAMLError, RuntimeError, AssertionError, TypeError, ValueError)


def yaml_error_finding(error: BaseException, text: str) -> Finding:
    """A located finding for a YAML error, a duplicate key or unsupported input."""
    if isinstance(error, UnsupportedYaml):
        position = error.position or Position(1, 1)
        message_id = error.message_id
        if message_id == "yaml.bad_value" and _tag_at(text, position):
            message_id = "yaml.bad_tagged_value"
        return located_finding(
            _UNSUPPORTED_CODES.get(error.message_id, codes.UNSUPPORTED_YAML_FEATURE),
            message_id,
            text,
            position,
            **error.args_for_message,
        )
    position = _error_position(error, text)
    if isinstance(error, ReaderError):
        return located_finding(
            codes.INVALID_YAML,
            "yaml.bad_character",
            text,
            position,
            character=_reader_char(error),
        )
    if not isinstance(error, LOAD_ERRORS):
        detail = f"{type(error).__name__}: {error}"
        return located_finding(
            codes.INVALID_YAML, "yaml.parser_failed", text, position, detail=detail
        )
    if _is_tag_error(error):
        return located_finding(
            codes.UNSUPPORTED_YAML_FEATURE, "yaml.custom_tag", text, position
        )
    detail = str(getattr(error, "problem", None) or error)
    context = str(getattr(error, "context", None) or "")
    code, message_id = _syntax_message(detail, context, text, position)
    return located_finding(code, message_id, text, position, detail=detail)


def _syntax_message(
    problem: str, context: str, text: str, position: Position
) -> tuple[str, str]:
    """The code and message for the parser's words, the common cases said plainly.

    The parser explains in English and in its own terms; the mistakes people
    make most often get a message of their own, in the user's language.
    """
    at = _character_at(text, position)
    if "tab character" in problem or (at == "\t" and "cannot start" in problem):
        return codes.AMBIGUOUS_YAML, "yaml.tab"
    if "mapping values are not allowed" in problem:
        before = _line_at(text, position)[: position.column - 1]
        if ": " in before:  # a key and its value came first: 'title: Havvind: …'
            return codes.INVALID_YAML, "yaml.colon_in_value"
    if "end of stream" in problem and "quoted scalar" in context:
        return codes.INVALID_YAML, "yaml.unclosed_quote"
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return codes.INVALID_YAML, "yaml.indentation"
    if "undefined alias" in problem:
        return codes.INVALID_YAML, "yaml.undefined_alias"
    return codes.INVALID_YAML, "yaml.syntax"


def _line_at(text: str, position: Position) -> str:
    lines = text.splitlines()
    return lines[position.line - 1] if 1 <= position.line <= len(lines) else ""


def _character_at(text: str, position: Position) -> str:
    line = _line_at(text, position)
    return line[position.column - 1 : position.column]


_UNSUPPORTED_CODES = {
    "yaml.bad_value": codes.INVALID_YAML,
    "yaml.too_deep": codes.NESTING_TOO_DEEP,
    "yaml.too_many_nodes": codes.ALIAS_BOMB,
    "yaml.recursive_alias": codes.ALIAS_BOMB,
    "yaml.too_many_keys": codes.VALUE_TOO_LARGE,
    "yaml.text_too_long": codes.VALUE_TOO_LARGE,
    "yaml.number_too_long": codes.VALUE_TOO_LARGE,
    "yaml.too_many_values": codes.VALUE_TOO_LARGE,
    "yaml.file_too_many_values": codes.VALUE_TOO_LARGE,
    "file.too_many_missions": codes.TOO_MANY_MISSIONS,
}


def _tag_at(text: str, position: Position) -> bool:
    """True when a tag such as '!!int' is written where the value starts."""
    lines = text.splitlines()
    if not 1 <= position.line <= len(lines):
        return False
    return lines[position.line - 1][position.column - 1 :].startswith("!")


def _error_position(error: BaseException, text: str) -> Position:
    if isinstance(error, MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        # At the end of the file (an unclosed quote or bracket), the place where the
        # unfinished thing began is more useful than the end.
        if mark is not None and _at_end(mark, text) and error.context_mark is not None:
            mark = error.context_mark
        if mark is not None:
            return Position.from_mark(mark)
    offset = getattr(error, "position", None)
    if isinstance(offset, int):
        before = text[:offset]
        return Position(before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1)
    return Position(1, 1)


def _at_end(mark: Any, text: str) -> bool:
    lines = text.splitlines()
    return bool(
        mark.line >= len(lines)
        or (mark.line == len(lines) - 1 and mark.column >= len(lines[-1]))
    )


def _reader_char(error: ReaderError) -> str:
    character = getattr(error, "character", None)
    if isinstance(character, str):
        return f"U+{ord(character):04X}"
    if isinstance(character, int):
        return f"U+{character:04X}"
    return "?"


def _is_tag_error(error: BaseException) -> bool:
    problem = str(getattr(error, "problem", "") or "")
    return "could not determine a constructor for the tag" in problem
