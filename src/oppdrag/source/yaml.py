"""The two YAML loaders: a fast C-accelerated safe loader and a round-trip one.

Every file goes through :func:`load_fast`, which keeps the composed nodes so
positions need no second read (see ``source/positions.py``). The round-trip reader
gives the second opinion on constructs the two parsers may read differently
(``source/second_opinion.py``). Both follow YAML 1.2 (so ``no`` stays a string), accept
and reject the same texts and return the same data; tests over the YAML test
suite and generated data hold them to that.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Any

from _ruamel_yaml import CParser  # the C reader
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from oppdrag.diagnostics import Finding, Position
from oppdrag.source.build import Duplicate, build_document
from oppdrag.source.second_opinion import disagreement, needs_second_opinion
from oppdrag.source.shape import (
    CORE_TAG_PREFIX,
    Limits,
    UnsupportedYaml,
    check_tree,
    node_position,
    shown_value,
    stream_problem,
    tag_of,
)
from oppdrag.source.yaml_errors import yaml_error_finding

# The kind of value a core tag asks for, in the words of the messages.
_KINDS = {
    "tag:yaml.org,2002:bool": "boolean",
    "tag:yaml.org,2002:int": "whole_number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:timestamp": "date",
    "tag:yaml.org,2002:null": "empty",
    "tag:yaml.org,2002:map": "mapping",
    "tag:yaml.org,2002:seq": "list",
}


@dataclass(frozen=True, slots=True)
class Document:
    """One YAML document of a stream, as plain data."""

    index: int
    line: int
    data: Any
    # Start lines of the items of a top-level ``missions:`` list (county strategies).
    mission_lines: tuple[int, ...] = ()
    # Keys written twice in one mapping: the first value is kept.
    duplicate_keys: tuple[tuple[str, Position], ...] = ()
    # The composed node tree, for positions without a second read (classification).
    node: Any = None


@dataclass(slots=True)
class LoadResult:
    """The documents read before any error, and the error that stopped the read."""

    documents: list[Document] = field(default_factory=list)
    error: Finding | None = None


class _RecordingConstructor(SafeConstructor):
    """Keeps the first value of a duplicate key and records the duplicate.

    Raising would stop at the first duplicate; recording lets the rest of the
    document be validated, so every problem is reported in one run.
    """

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        """Build one value; a value its type cannot read is reported at its place.

        ruamel's constructors fail with KeyError, IndexError or ValueError on
        values such as ``!!bool x``, an empty ``!!int`` or the date 2024-13-45.
        """
        try:
            return super().construct_object(node, deep=deep)
        except UnsupportedYaml:
            raise
        except YAMLError:
            if not isinstance(node, ScalarNode):
                raise  # merge keys and the like: ruamel's message says it
            raise self._bad_value(node) from None
        except Exception:  # any failure to build a value is the input's
            raise self._bad_value(node) from None

    @staticmethod
    def _bad_value(node: Any) -> UnsupportedYaml:
        return UnsupportedYaml(
            "yaml.bad_value",
            node_position(node),
            value=shown_value(node.value),
            expected=_KINDS.get(node.tag, "other"),
            tag=str(node.tag).replace(CORE_TAG_PREFIX, "!!"),
        )

    def check_mapping_key(
        self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any
    ) -> bool:
        if key in mapping:
            duplicates: list[tuple[str, Position]] = self.__dict__.setdefault(
                "duplicates", []
            )
            duplicates.append((str(key), node_position(key_node)))
            return False
        return True


class _FastResolver(VersionedResolver):
    """The YAML 1.2 resolver without its per-scalar version lookup.

    ruamel asks for the YAML version (through a chain of attribute errors) for
    every scalar, which is a third of the fast read's time; with the C parser
    the version is always the loader's, 1.2, so it is looked up once.
    """

    @property
    def processing_version(self) -> Any:
        return (1, 2)

    @property
    def versioned_resolver(self) -> Any:
        cached = self.__dict__.get("_resolvers")
        if cached is None:
            cached = super().versioned_resolver
            self.__dict__["_resolvers"] = cached
        return cached

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """The tag of a node; a short scalar's answer is remembered across files."""
        if kind is not ScalarNode or len(value) > _SCALAR_TAG_LENGTH:
            return super().resolve(kind, value, implicit)
        key = (value, implicit)
        tag = _SCALAR_TAGS.get(key)
        if tag is None:
            if len(_SCALAR_TAGS) > _SCALAR_TAG_LIMIT:
                _SCALAR_TAGS.clear()
            tag = _SCALAR_TAGS[key] = super().resolve(kind, value, implicit)
        return tag


# Short scalars repeat across a batch (keys, choices, years): their resolved
# tags. Texts hardly ever repeat; remembering them would only cost memory.
_SCALAR_TAGS: dict[tuple[Any, Any], Any] = {}

_SCALAR_TAG_LENGTH = 40
_SCALAR_TAG_LIMIT = 20_000


class _FastLoader(CParser, _RecordingConstructor, _FastResolver):  # type: ignore[misc]
    """The C parser with our constructor and resolver, as ruamel would assemble it.

    ``YAML(typ="safe").get_constructor_parser`` makes this class anew for every
    text, and ``YAML()`` searches the disk for plug-ins each time: about 6 % of
    reading a proposal. The class is made once here, with the same settings
    (no version requested, duplicate keys recorded by the constructor).
    """

    def __init__(self, stream: str) -> None:
        CParser.__init__(self, stream)
        self._parser = self._composer = self
        _RecordingConstructor.__init__(self, loader=self)
        self.allow_duplicate_keys = False
        _FastResolver.__init__(self, version=None, loadumper=self)


def fast_loader(text: str) -> Any:
    """A loader over ``text``: composes nodes (``get_node``) and builds values."""
    return _FastLoader(text)


def read_trusted(text: str) -> Any:
    """The first document of YAML shipped with oppdrag itself (the rulebook).

    The package's own files need no limits or second opinion; they are read
    with the fast reader's cached resolver to keep start-up short.
    """
    return _FastLoader(text).get_single_data()


def load_fast(text: str, limits: Limits) -> LoadResult:
    """Read every document with the C parser; stop at the first syntax error.

    When the text may use a construct the two readers disagree on, the
    round-trip reader gives a second opinion (see :mod:`oppdrag.source.second_opinion`).
    """
    result = _read_fast(text, limits)
    if result.error is None and needs_second_opinion(text):
        fast_data = [doc.data for doc in result.documents]
        result.error = disagreement(text, fast_data, limits.max_depth)
    return result


def _read_fast(text: str, limits: Limits) -> LoadResult:
    result = LoadResult()
    with warnings.catch_warnings():
        # ruamel warns about legal YAML (a reused anchor name); say nothing.
        warnings.simplefilter("ignore")
        _read_documents(text, limits, result)
    return result


def _read_documents(text: str, limits: Limits, result: LoadResult) -> None:
    try:
        problem = stream_problem(text, limits)
        if problem is not None:
            raise problem
        loader = _FastLoader(text)
        try:
            _compose_documents(loader, _Lines(text), limits, result)
        finally:
            loader.dispose()
    except Exception as error:  # every failure to read is the input's
        result.error = yaml_error_finding(error, text)


def _compose_documents(
    loader: Any, lines: _Lines, limits: Limits, result: LoadResult
) -> None:
    """Compose, check and build each document in turn, up to the mission budget.

    Each document counts as one mission, a county strategy as its missions.
    Past the budget the rest of the file is not read: the documents before
    it are kept, and the budget's finding ends the read as an error would.
    """
    missions = 0
    end = Position(1, 1)
    while loader.check_node():
        if missions >= limits.max_missions:
            raise _too_many_missions(_next_position(loader, end), limits)
        node = loader.get_node()
        end = Position.from_mark(node.end_mark)
        data, duplicates = _build(loader, node, check_tree(node, limits))
        items = _mission_items(node)
        listed = _missions_of(data)
        room = limits.max_missions - missions
        cut: Position | None = None
        if listed is not None and len(listed) > room:
            # The missions past the budget are left out, and so are their keys.
            cut = node_position(items[room] if room < len(items) else node)
            data = {**data, "missions": listed[:room]}
            duplicates = [d for d in duplicates if _before(d[1], cut)]
        result.documents.append(
            Document(
                index=len(result.documents),
                line=_document_line(node, data, lines),
                data=data,
                mission_lines=tuple(item.start_mark.line + 1 for item in items),
                duplicate_keys=tuple(duplicates),
                node=node,
            )
        )
        if cut is not None:
            raise _too_many_missions(cut, limits)
        missions += max(1, len(listed or ()))


def _before(position: Position, limit: Position) -> bool:
    return (position.line, position.column) < (limit.line, limit.column)


def _missions_of(data: Any) -> list[Any] | None:
    """A county strategy's list of missions, as validation will read it."""
    if isinstance(data, dict) and ("missions" in data or "strategy" in data):
        missions = data.get("missions")
        if isinstance(missions, list):
            return missions
    return None


def _next_position(loader: Any, fallback: Position) -> Position:
    """Where the next document's first value is, read without composing it.

    The document may be of any size, so it is not composed; a syntax error at
    its start leaves the end of the document before it.
    """
    try:
        event = loader.get_event()
    except Exception:  # the rest of the file is not read, nor judged
        return fallback
    return Position.from_mark(event.start_mark)


def _too_many_missions(where: Position, limits: Limits) -> UnsupportedYaml:
    return UnsupportedYaml("file.too_many_missions", where, limit=limits.max_missions)


class _Lines:
    """The text's lines, split once and only if a document needs them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: list[str] | None = None

    def get(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.splitlines()
        return self._lines


def _build(loader: Any, node: Any, merges: bool) -> tuple[Any, list[Duplicate]]:
    """A document's data and duplicate keys; merge keys need ruamel's constructor."""
    if merges:
        data = loader.construct_document(node)
        return data, loader.__dict__.pop("duplicates", [])
    try:
        return build_document(node, loader.construct_object)
    finally:
        # What construct_document would reset: the scalars built for this document.
        loader.constructed_objects = {}
        loader.recursive_objects = {}


def _document_line(node: Any, data: Any, text: _Lines) -> int:
    """The line a document starts on; for an empty one, its '---' line.

    The text is split once for the whole file: 100,000 empty documents each
    splitting it anew took minutes.
    """
    line = int(node.start_mark.line)
    if data is None:
        lines = text.get()
        for number in range(min(line, len(lines) - 1), -1, -1):
            if lines[number].startswith("---"):
                return number + 1
    return line + 1


def _mission_items(node: Any) -> list[Any]:
    """The nodes of a top-level ``missions:`` list (county strategies)."""
    if not tag_of(node).endswith(":map"):
        return []
    for key, value in node.value:
        if key.value == "missions" and tag_of(value).endswith(":seq"):
            return list(value.value)
    return []
