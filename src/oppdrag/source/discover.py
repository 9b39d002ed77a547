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
    # Files that are links to a file outside the repository (or, outside any
    # repository, outside the folder walked): reported, never opened.
    outside: set[str] = field(default_factory=set)
    # Linked folders found by walking that lead outside: left out.
    not_followed: list[str] = field(default_factory=list)


def discover(
    paths: Iterable[str],
    ignore: IgnoreRules | None = None,
    *,
    force_exclude: bool = False,
) -> Discovery:
    """Files named directly, ``-`` for standard input, and YAML files under folders.

    Folders are searched for ``*.yaml`` and ``*.yml``, skipping hidden files
    and folders and what ``ignore`` says to skip. Each folder is searched and
    each file found once, however many links lead to it (under the first
    name found); a link back into a folder being searched is reported. Links
    that lead out of the repository (out of the folder, outside any
    repository) are not followed. Files named directly are always checked,
    also when a folder walk finds them too, unless ``force_exclude`` asks
    for ``ignore`` to apply to them (as pre-commit names every file).
    """
    found = Discovery()
    # Each file's identity (its real path) and the name it is checked under.
    seen: dict[str, str] = {}
    for raw in paths:
        if raw == STDIN:
            if STDIN not in seen:
                seen[STDIN] = STDIN
                found.files.append(STDIN)
        elif os.path.isdir(raw):
            _add_folder(found, seen, raw, ignore)
        elif os.path.lexists(raw):
            if not (force_exclude and ignore is not None and ignore.ignored(Path(raw))):
                _add_named(found, seen, raw)
        else:
            found.problems.append(PathProblem("ui.path_missing", raw))
    return found


def _add_named(found: Discovery, seen: dict[str, str], raw: str) -> None:
    key = os.path.realpath(raw)
    top = _repository_top(os.path.abspath(os.path.dirname(raw) or "."))
    outside = top is not None and not _within(key, os.path.realpath(top))
    if outside:
        key = _location(raw)  # the link itself: its target is not looked at
    if key in seen:
        # Named and found by walking: a named file is checked whatever it holds.
        found.walked.discard(seen[key])
        return
    seen[key] = raw
    found.files.append(raw)
    if outside:
        found.outside.add(raw)


def _add_folder(
    found: Discovery, seen: dict[str, str], raw: str, ignore: IgnoreRules | None
) -> None:
    real = os.path.realpath(raw)
    top = _repository_top(os.path.abspath(raw))
    boundary = os.path.realpath(top) if top is not None else real
    if not _within(real, boundary):
        found.problems.append(PathProblem("ui.link_outside", raw))
        return
    # A folder named on the command line is searched even if git ignores it;
    # what git ignores inside it is still left out.
    rules = ignore.inside(Path(raw)) if ignore is not None else None
    any_yaml = False
    problems = len(found.problems)
    walk = _Walk(boundary, found, rules)
    for name, key, outside in walk.files(str(Path(raw)), real):
        any_yaml = True
        if key in seen:
            continue  # found before: named, or through another link
        seen[key] = name
        found.files.append(name)
        found.walked.add(name)
        if outside:
            found.outside.add(name)
    # A folder that could not be read inside it has its own message.
    if not any_yaml and len(found.problems) == problems:
        found.problems.append(PathProblem("ui.no_yaml", raw))


def _repository_top(folder: str) -> str | None:
    """The folder holding ``.git`` at or above ``folder`` (an absolute path)."""
    while True:
        if os.path.exists(os.path.join(folder, ".git")):
            return folder
        above = os.path.dirname(folder)
        if above == folder:
            return None
        folder = above


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _location(name: str) -> str:
    """Where the file ``name`` itself is (its folder resolved, not the file)."""
    absolute = os.path.abspath(name)
    return os.path.join(
        os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute)
    )


def _join(folder: str, name: str) -> str:
    """``folder/name`` as pathlib writes it ('x' for '.' and 'x')."""
    if folder == ".":
        return name
    return folder + name if folder.endswith(os.sep) else folder + os.sep + name


class _Folder:
    """A folder being searched: its name as shown, its real path, what is left."""

    # A plain class: a dataclass costs start-up time, and every run imports this.
    __slots__ = ("entries", "identity", "real", "shown")

    def __init__(
        self,
        shown: str,
        real: str,
        entries: Iterator[os.DirEntry[str]],
        identity: tuple[int, int],
    ) -> None:
        self.shown = shown
        self.real = real
        self.entries = entries
        self.identity = identity


# A YAML file found: the name it is shown under, its identity (the real path,
# or for a link out, where the link is) and whether it is a link out.
_Found = tuple[str, str, bool]


class _Walk:
    """One folder walk, with its own stack rather than calls into itself.

    A folder thousands deep is walked like any other, and each folder is
    walked once, known by device and inode: links from many places to one
    folder (each folder linking twice to the next) cost one walk of it.
    """

    __slots__ = ("boundary", "found", "ignore", "searching", "stack", "walked")

    def __init__(
        self, boundary: str, found: Discovery, ignore: IgnoreRules | None
    ) -> None:
        self.boundary = boundary
        self.found = found
        self.ignore = ignore
        self.stack: list[_Folder] = []
        # The folders on the way down to the current one, and every folder walked.
        self.searching: set[tuple[int, int]] = set()
        self.walked: set[tuple[int, int]] = set()

    def files(self, root: str, real_root: str) -> Iterator[_Found]:
        """Each YAML file under ``root``, in name order, folders as they come."""
        self._enter(root, real_root)
        while self.stack:
            folder = self.stack[-1]
            entry = next(folder.entries, None)
            if entry is None:
                self.stack.pop()
                self.searching.discard(folder.identity)
            else:
                yield from self._visit(folder, entry)

    def _visit(self, folder: _Folder, entry: os.DirEntry[str]) -> Iterator[_Found]:
        name = entry.name
        # Hidden files are tool settings (.pre-commit-config.yaml, .gitlab-ci.yml).
        if name.startswith("."):
            return
        is_folder = _is_folder(entry)
        if not is_folder and not name.lower().endswith(YAML_SUFFIXES):
            return
        shown = _join(folder.shown, name)
        location = _join(folder.real, name)
        real = os.path.realpath(location) if entry.is_symlink() else location
        if not _within(real, self.boundary):
            yield from self._link_out(shown, location, is_folder)
        elif self.ignore is not None and self.ignore.skips(real, is_folder):
            return
        elif is_folder:
            self._enter(shown, real)
        else:
            yield shown, real, False

    def _link_out(self, shown: str, location: str, is_folder: bool) -> Iterator[_Found]:
        """A link leading out: a linked file is reported, a linked folder noted."""
        # git sees the link itself (never a folder): its own name decides.
        if self.ignore is not None and self.ignore.skips(location, is_dir=False):
            return
        if is_folder:
            self.found.not_followed.append(shown)
        else:
            yield shown, location, True

    def _enter(self, shown: str, real: str) -> None:
        identity = _identity(real, self.found, shown)
        if identity is None:
            return
        if identity in self.walked:
            if identity in self.searching:
                self.found.problems.append(PathProblem("ui.symlink_loop", shown))
            return
        self.walked.add(identity)
        entries = _entries(shown, self.found)
        if entries is not None:
            self.stack.append(_Folder(shown, real, iter(entries), identity))
            self.searching.add(identity)


def _entries(folder: str, found: Discovery) -> list[os.DirEntry[str]] | None:
    try:
        with os.scandir(folder) as listing:
            return sorted(listing, key=lambda e: e.name)
    except OSError as error:
        found.problems.append(
            PathProblem("ui.path_unreadable", folder, error.strerror or "")
        )
        return None


def _identity(real: str, found: Discovery, shown: str) -> tuple[int, int] | None:
    """A folder's device and inode: the same folder however it is reached."""
    try:
        info = os.stat(real)
    except OSError as error:
        found.problems.append(
            PathProblem("ui.path_unreadable", shown, error.strerror or "")
        )
        return None
    return info.st_dev, info.st_ino


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=True)
    except OSError:
        return False
