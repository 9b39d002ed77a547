"""Which files to leave out of a folder walk: .gitignore rules and exclude globs."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


@dataclass(slots=True)
class IgnoreRules:
    """Answers 'skip this path?' for a folder walk.

    ``.gitignore`` files are read from the git repository's top folder down to
    each folder walked, as git does; ``exclude`` globs are matched against the
    path relative to ``root`` (the settings file's folder).
    """

    respect_gitignore: bool = True
    exclude: Sequence[str] = ()
    root: Path | None = None
    # Only .gitignore patterns that match below this folder count (see ``inside``).
    walk_root: Path | None = None
    _specs: dict[Path, GitIgnoreSpec | None] = field(default_factory=dict)

    def inside(self, folder: Path) -> IgnoreRules:
        """The rules for a walk of ``folder``, which the user named explicitly."""
        return IgnoreRules(
            self.respect_gitignore,
            self.exclude,
            self.root,
            Path(os.path.realpath(folder)),
            self._specs,
        )

    def ignored(self, path: Path) -> bool:
        """True when ``path`` (a file or folder found by walking) is to be skipped."""
        # realpath, unlike Path.resolve, does not raise on a link that loops.
        resolved = Path(os.path.realpath(path))
        if self.exclude and self._excluded(resolved):
            return True
        return self.respect_gitignore and self._git_ignored(resolved, path.is_dir())

    def _excluded(self, path: Path) -> bool:
        base = (self.root or Path.cwd()).resolve()
        try:
            text = path.relative_to(base).as_posix()
        except ValueError:
            text = path.as_posix()
        return any(fnmatch.fnmatch(text, glob) for glob in self.exclude)

    def _git_ignored(self, path: Path, is_dir: bool) -> bool:
        top = _repository_top(path)
        if top is None:
            return False
        for folder in [top, *reversed(path.parents)]:
            if folder != top and top not in folder.parents:
                continue
            spec = self._spec(folder)
            if spec is None:
                continue
            if self._matches_below_walk_root(spec, folder, path, is_dir):
                return True
        return False

    def _matches_below_walk_root(
        self, spec: GitIgnoreSpec, folder: Path, path: Path, is_dir: bool
    ) -> bool:
        """Whether the spec ignores ``path`` for a reason below the walked folder.

        As in git, the last pattern that matches decides; a pattern that matches
        only because it matches the named folder itself (or one above it) is
        passed over, since the user asked for that folder.
        """
        relative = path.relative_to(folder).as_posix() + ("/" if is_dir else "")
        start = self.walk_root
        above = ""
        if start is not None and start != folder and folder in start.parents:
            above = start.relative_to(folder).as_posix() + "/"
        ignored = False
        for pattern in spec.patterns:
            if pattern.include is None or pattern.match_file(relative) is None:
                continue
            if above and pattern.match_file(above) is not None:
                continue
            ignored = bool(pattern.include)
        return ignored

    def _spec(self, folder: Path) -> GitIgnoreSpec | None:
        if folder not in self._specs:
            gitignore = folder / ".gitignore"
            spec = None
            if gitignore.is_file():
                lines = gitignore.read_text(
                    encoding="utf-8", errors="replace"
                ).splitlines()
                # Imported here: a run that walks no folder with a .gitignore
                # (a file named on the command line) does not pay for it.
                from pathspec import GitIgnoreSpec  # noqa: PLC0415

                spec = GitIgnoreSpec.from_lines(lines)
            self._specs[folder] = spec
        return self._specs[folder]


def _repository_top(path: Path) -> Path | None:
    for folder in path.parents:
        if (folder / ".git").exists():
            return folder
    return None
