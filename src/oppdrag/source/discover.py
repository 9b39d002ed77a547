"""Turn the paths a user gives into the list of files to check."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oppdrag.source.ignore import IgnoreRules

YAML_SUFFIXES = (".yaml", ".yml")
STDIN = "-"


@dataclass(frozen=True, slots=True)
class PathProblem:
    """A path that could not be used at all (reported on stderr, exit code 2)."""

    message_id: str
    path: str
    reason: str = ""


@dataclass(slots=True)
class Discovery:
    """The files found, in a stable order, and the paths that could not be used."""

    files: list[str] = field(default_factory=list)
    problems: list[PathProblem] = field(default_factory=list)
    # Files found by walking a folder (not named): these may be left out when
    # they are plainly not proposals (see oppdrag.validation.documents).
    walked: set[str] = field(default_factory=set)


def discover(
    paths: Iterable[str],
    ignore: IgnoreRules | None = None,
    *,
    force_exclude: bool = False,
) -> Discovery:
    """Files named directly, ``-`` for standard input, and YAML files under folders.

    Folders are searched recursively for ``*.yaml`` and ``*.yml``, skipping
    hidden files and folders and what ``ignore`` says to skip; linked folders
    are followed unless they lead back into a folder already being searched.
    Files named directly are always checked, unless ``force_exclude`` asks
    for ``ignore`` to apply to them too (as pre-commit names every file).
    """
    found = Discovery()
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            _add(found, seen, STDIN)
        elif os.path.isdir(raw):
            _add_folder(found, seen, raw, ignore)
        elif os.path.lexists(raw):
            if not (force_exclude and ignore is not None and ignore.ignored(Path(raw))):
                _add(found, seen, raw)
        else:
            found.problems.append(PathProblem("ui.path_missing", raw))
    return found


def _add_folder(
    found: Discovery, seen: set[str], raw: str, ignore: IgnoreRules | None
) -> None:
    before = len(found.files)
    # A folder named on the command line is searched even if git ignores it;
    # what git ignores inside it is still left out.
    rules = ignore.inside(Path(raw)) if ignore is not None else None
    for name in _walk(Path(raw), found.problems, rules):
        if _add(found, seen, name):
            found.walked.add(name)
    if len(found.files) == before and not _has_yaml_problem(found, raw):
        found.problems.append(PathProblem("ui.no_yaml", raw))


def _add(found: Discovery, seen: set[str], name: str) -> bool:
    key = name if name == STDIN else os.path.normpath(os.path.abspath(name))
    if key in seen:
        return False
    seen.add(key)
    found.files.append(name)
    return True


def _has_yaml_problem(found: Discovery, root: str) -> bool:
    return any(p.path.startswith(root) for p in found.problems)


def _walk(
    root: Path, problems: list[PathProblem], ignore: IgnoreRules | None
) -> Iterator[str]:
    yield from _walk_folder(root, (os.path.realpath(root),), problems, ignore)


def _walk_folder(
    folder: Path,
    ancestors: tuple[str, ...],
    problems: list[PathProblem],
    ignore: IgnoreRules | None,
) -> Iterator[str]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as error:
        problems.append(
            PathProblem("ui.path_unreadable", str(folder), error.strerror or "")
        )
        return
    for entry in entries:
        path = Path(folder, entry.name)
        # Hidden files are tool settings (.pre-commit-config.yaml, .gitlab-ci.yml).
        if entry.name.startswith(".") or (ignore is not None and ignore.ignored(path)):
            continue
        if _is_folder(entry):
            real = os.path.realpath(path)
            if real in ancestors:
                problems.append(PathProblem("ui.symlink_loop", str(path)))
                continue
            yield from _walk_folder(path, (*ancestors, real), problems, ignore)
        elif entry.name.lower().endswith(YAML_SUFFIXES):
            yield str(path)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False
