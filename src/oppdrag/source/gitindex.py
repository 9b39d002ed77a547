"""Which YAML files git tracks: the paths listed in a repository's index.

git leaves .gitignore aside for files it tracks, so a committed file that a
.gitignore lists is still part of the repository, and must be checked. The
index (``.git/index``, format versions 2, 3 and 4 of gitformat-index(5), with
SHA-1 or SHA-256 names) is read here rather than by running git, which would
run the hooks and helpers a checkout's settings may name. When the index cannot
be read with certainty (a split index, damage, a format not known here) the
answer is None: "not known", and the caller checks the file.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass

YAML_ENDINGS = (b".yaml", b".yml")
_HEADER = 12
# Times, device, inode, mode, owner, group and size: ten 32-bit numbers.
_STAT_BYTES = 40
_FLAG_EXTENDED = 0x4000
_NAME_MASK = 0x0FFF


@dataclass(frozen=True, slots=True)
class Tracked:
    """The YAML files git tracks, as paths from the repository's top ('a/b.yaml')."""

    files: frozenset[bytes] = frozenset()
    # Every folder with a tracked YAML file in it, at any depth.
    folders: frozenset[bytes] = frozenset()
    # Folders a sparse index keeps as one entry: what is below is not listed.
    sparse: tuple[bytes, ...] = ()

    def has_file(self, path: bytes) -> bool:
        """True when git tracks the file (or may: it is under a sparse folder)."""
        return path in self.files or self._in_sparse(path)

    def has_below(self, folder: bytes) -> bool:
        """True when git tracks a YAML file somewhere in the folder."""
        return folder in self.folders or self._in_sparse(folder + b"/")

    def _in_sparse(self, path: bytes) -> bool:
        return any(path.startswith(prefix) for prefix in self.sparse)


def tracked_yaml(top: str) -> Tracked | None:
    """The YAML files tracked in the repository whose top folder is ``top``.

    None when that cannot be known. A repository without an index (nothing
    was ever added) tracks nothing.
    """
    index = _index_path(top)
    if index is None:
        return None
    try:
        with open(index, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        return Tracked()
    except OSError:
        return None
    return parse_index(data)


def _index_path(top: str) -> str | None:
    """The index file; a '.git' file (worktrees, submodules) names the git folder."""
    dot_git = os.path.join(top, ".git")
    if os.path.isdir(dot_git):
        return os.path.join(dot_git, "index")
    try:
        with open(dot_git, "rb") as handle:
            first = handle.readline(4096).strip()
    except OSError:
        return None
    if not first.startswith(b"gitdir:"):
        return None
    folder = os.fsdecode(first.removeprefix(b"gitdir:").strip())
    return os.path.join(top, folder, "index")


def parse_index(data: bytes) -> Tracked | None:
    """The tracked YAML files listed in an index file's bytes, or None."""
    if len(data) < _HEADER or data[:4] != b"DIRC":
        return None
    version = int.from_bytes(data[4:8], "big")
    if version not in (2, 3, 4):
        return None
    # The object names' length (SHA-1 or SHA-256) is not in the index itself:
    # only one of the two reads the whole file and matches its checksum.
    for hash_size, algorithm in ((20, "sha1"), (32, "sha256")):
        names = _names(data, version, hash_size)
        if names is not None and _checksum_ok(data, hash_size, algorithm):
            return _tracked(names)
    return None


def _checksum_ok(data: bytes, hash_size: int, algorithm: str) -> bool:
    trailer = data[-hash_size:]
    # index.skipHash writes zeros instead of the checksum.
    if trailer == bytes(hash_size):
        return True
    return trailer == hashlib.new(algorithm, data[:-hash_size]).digest()


def _names(data: bytes, version: int, hash_size: int) -> list[tuple[bytes, int]] | None:
    """Each entry's path and mode, or None when the bytes do not read as an index."""
    count = int.from_bytes(data[8:12], "big")
    end = len(data) - hash_size
    position = _HEADER
    previous = b""
    entries = []
    for _ in range(count):
        read = _entry(data, position, end, _Format(version, hash_size), previous)
        if read is None:
            return None
        name, mode, position = read
        entries.append((name, mode))
        previous = name
    return entries if _extensions_ok(data, position, end) else None


@dataclass(frozen=True, slots=True)
class _Format:
    """An index's format version, and the length of its object names."""

    version: int
    hash_size: int


def _entry(
    data: bytes, start: int, end: int, form: _Format, previous: bytes
) -> tuple[bytes, int, int] | None:
    """The entry at ``start``: its path, its mode and where the next one starts."""
    fixed = _STAT_BYTES + form.hash_size + 2
    if start + fixed > end:
        return None
    mode = int.from_bytes(data[start + 24 : start + 28], "big")
    flags = int.from_bytes(data[start + fixed - 2 : start + fixed], "big")
    position = start + fixed
    if flags & _FLAG_EXTENDED:
        if form.version < 3:
            return None
        position += 2
    if form.version == 4:
        read = _prefixed_name(data, position, end, previous)
        return None if read is None else (read[0], mode, read[1])
    name_end = data.find(b"\0", position, end)
    length = flags & _NAME_MASK
    if name_end < 0 or (length < _NAME_MASK and length != name_end - position):
        return None
    # Padded with one to eight NUL bytes to a multiple of eight.
    return data[position:name_end], mode, start + ((name_end - start + 8) & ~7)


def _prefixed_name(
    data: bytes, position: int, end: int, previous: bytes
) -> tuple[bytes, int] | None:
    """A version 4 path: how much of the previous path to drop, then the rest."""
    dropped = 0
    first = True
    while True:
        if position >= end:
            return None
        byte = data[position]
        position += 1
        if not first:
            dropped += 1
        dropped = (dropped << 7) | (byte & 0x7F)
        first = False
        if not byte & 0x80:
            break
        if dropped > len(previous):
            return None
    if dropped > len(previous):
        return None
    name_end = data.find(b"\0", position, end)
    if name_end < 0:
        return None
    return previous[: len(previous) - dropped] + data[position:name_end], name_end + 1


def _extensions_ok(data: bytes, position: int, end: int) -> bool:
    """Whether the extensions fill the rest; a split index ('link') is not read."""
    while position < end:
        if position + 8 > end or data[position : position + 4] == b"link":
            return False
        position += 8 + int.from_bytes(data[position + 4 : position + 8], "big")
    return position == end


def _tracked(entries: list[tuple[bytes, int]]) -> Tracked:
    files = set()
    folders = set()
    sparse = []
    for name, mode in entries:
        if stat.S_ISDIR(mode):
            sparse.append(name if name.endswith(b"/") else name + b"/")
        elif name.lower().endswith(YAML_ENDINGS):
            files.add(name)
            parts = name.split(b"/")
            for depth in range(1, len(parts)):
                folders.add(b"/".join(parts[:depth]))
    return Tracked(frozenset(files), frozenset(folders), tuple(sparse))
