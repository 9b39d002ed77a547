"""Which files to leave out of a folder walk: .gitignore rules and exclude globs."""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oppdrag.source.gitignore import Pattern
    from oppdrag.source.gitindex import Tracked

# A .gitignore larger than this is not read (its patterns do not apply): such a
# file is no list of names but a way to slow every run down.
MAX_GITIGNORE_BYTES = 1024 * 1024


# The helper classes below are plain classes, not dataclasses: a dataclass
# costs a millisecond of start-up, and every run imports this module.


class _Repository:
    """A git repository: its top folder, and the YAML files git tracks in it."""

    __slots__ = ("_read", "_tracked", "top")

    def __init__(self, top: str) -> None:
        self.top = top
        self._tracked: Tracked | None = None
        self._read = False

    def tracked(self) -> Tracked | None:
        """The tracked YAML files, read once; None when they cannot be known."""
        if not self._read:
            from oppdrag.source.gitindex import tracked_yaml  # noqa: PLC0415 -- rarely

            self._tracked = tracked_yaml(self.top)
            self._read = True
        return self._tracked


class _Folder:
    """What git thinks of one folder, and the patterns that apply inside it."""

    __slots__ = ("ignored", "names", "patterns", "repository")

    def __init__(
        self,
        repository: _Repository | None,
        names: tuple[bytes, ...] = (),
        ignored: bool = False,
        patterns: tuple[Pattern, ...] = (),
    ) -> None:
        self.repository = repository
        # The folder's names from the repository's top.
        self.names = names
        # Ignored itself, or inside an ignored folder: git does not look inside.
        self.ignored = ignored
        self.patterns = patterns


_OUTSIDE = _Folder(None)


class IgnoreRules:
    """Answers 'skip this path?' for a folder walk.

    ``.gitignore`` files are read from the git repository's top folder down to
    each folder walked, and matched as git matches them; a file git tracks is
    never left out for a .gitignore (git itself does not ignore it).
    ``exclude`` globs are matched against the path relative to ``root`` (the
    settings file's folder).
    """

    __slots__ = (
        "_base",
        "_folders",
        "_gitignores",
        "_repositories",
        "exclude",
        "respect_gitignore",
        "root",
        "walk_root",
    )

    def __init__(
        self,
        respect_gitignore: bool = True,
        exclude: Sequence[str] = (),
        root: Path | None = None,
    ) -> None:
        self.respect_gitignore = respect_gitignore
        self.exclude = exclude
        self.root = root
        # The folder the user named: it and the folders above it are searched
        # even when a .gitignore lists them (see ``inside``).
        self.walk_root: str | None = None
        # Shared by the rules of every walk in a run: .gitignore files, indexes.
        self._gitignores: dict[str, tuple[Pattern, ...]] = {}
        self._repositories: dict[str, _Repository] = {}
        # What git thinks of each folder met; per walk (see ``walk_root``).
        self._folders: dict[str, _Folder] = {}
        self._base: str | None = None

    def inside(self, folder: Path) -> IgnoreRules:
        """The rules for a walk of ``folder``, which the user named explicitly."""
        rules = IgnoreRules(self.respect_gitignore, self.exclude, self.root)
        rules.walk_root = os.path.realpath(folder)
        rules._gitignores = self._gitignores
        rules._repositories = self._repositories
        return rules

    def ignored(self, path: Path) -> bool:
        """True when ``path`` (a file named with --force-exclude) is to be skipped."""
        # realpath, unlike Path.resolve, does not raise on a link that loops.
        real = os.path.realpath(path)
        return self.skips(real, os.path.isdir(real))

    def skips(self, real: str, is_dir: bool) -> bool:
        """True when the folder or file at ``real`` (a resolved path) is skipped."""
        if self.exclude and self._excluded(real):
            return True
        return self.respect_gitignore and self._git_ignored(real, is_dir)

    def _excluded(self, real: str) -> bool:
        if self._base is None:
            self._base = os.path.realpath(self.root or Path.cwd())
        try:
            text = Path(real).relative_to(self._base).as_posix()
        except ValueError:
            text = Path(real).as_posix()
        return any(fnmatch.fnmatch(text, glob) for glob in self.exclude)

    def _git_ignored(self, real: str, is_dir: bool) -> bool:
        parent, name = os.path.split(real)
        folder = self._folder(parent)
        repository = folder.repository
        if repository is None or not name:
            return False
        names = (*folder.names, os.fsencode(name))
        if not (folder.ignored or _last_match(folder.patterns, names, is_dir)):
            return False
        tracked = repository.tracked()
        if tracked is None:
            return False  # not known whether git tracks it: check it
        path = b"/".join(names)
        return not (tracked.has_below(path) if is_dir else tracked.has_file(path))

    def _folder(self, real: str) -> _Folder:
        """What git thinks of the folder ``real``, working up to a known one."""
        unknown = []
        folder = real
        while folder not in self._folders:
            unknown.append(folder)
            above = os.path.dirname(folder)
            if above == folder or _is_top(folder):
                break
            folder = above
        for each in reversed(unknown):
            self._folders[each] = self._new_folder(each)
        return self._folders[real]

    def _new_folder(self, real: str) -> _Folder:
        if _is_top(real):
            repository = self._repositories.setdefault(real, _Repository(real))
            return _Folder(repository, (), False, self._gitignore(real, 0))
        above, name = os.path.split(real)
        parent = self._folders.get(above, _OUTSIDE) if name else _OUTSIDE
        if parent.repository is None:
            return _OUTSIDE
        names = (*parent.names, os.fsencode(name))
        ignored = parent.ignored or _last_match(parent.patterns, names, is_dir=True)
        if ignored and self._named(real):
            ignored = False
        patterns = parent.patterns
        if not ignored:
            patterns += self._gitignore(real, len(names))
        return _Folder(parent.repository, names, ignored, patterns)

    def _named(self, real: str) -> bool:
        """True for the walked folder itself and the folders above it."""
        start = self.walk_root
        return start is not None and (
            start == real or start.startswith(real.rstrip(os.sep) + os.sep)
        )

    def _gitignore(self, folder: str, depth: int) -> tuple[Pattern, ...]:
        if folder not in self._gitignores:
            self._gitignores[folder] = _read_gitignore(folder, depth)
        return self._gitignores[folder]


def _is_top(folder: str) -> bool:
    return os.path.exists(os.path.join(folder, ".git"))


def _last_match(
    patterns: Sequence[Pattern], names: Sequence[bytes], is_dir: bool
) -> bool:
    """As in git: the last pattern that matches decides ('!' takes a file back)."""
    for pattern in reversed(patterns):
        if pattern.base < len(names) and pattern.matches(names, is_dir):
            return not pattern.negative
    return False


def _read_gitignore(folder: str, depth: int) -> tuple[Pattern, ...]:
    """The patterns of the folder's .gitignore; a link is not followed, as in git."""
    path = os.path.join(folder, ".gitignore")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return ()
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_GITIGNORE_BYTES:
            return ()
        data = handle.read(MAX_GITIGNORE_BYTES + 1)
    if len(data) > MAX_GITIGNORE_BYTES:
        return ()
    from oppdrag.source.gitignore import parse_lines  # noqa: PLC0415 -- walks only

    return tuple(parse_lines(data, depth))
