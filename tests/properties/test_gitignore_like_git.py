""".gitignore patterns leave out exactly the files git leaves out.

oppdrag matches .gitignore patterns itself (``oppdrag.source.gitignore``), in
time linear in the pattern, where a regular expression could backtrack for
minutes. Each case here is a small repository: git's own answer
(``git ls-files --others --ignored --exclude-standard``) is the reference.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oppdrag.source.ignore import IgnoreRules
from tests.conftest import git, needs_git, write

# {folder of a .gitignore: its text}, and the files of the repository.
Case = tuple[dict[str, bytes], list[str]]

CASES: dict[str, Case] = {
    "names at any depth": (
        {"": b"*.yaml\n!keep.yaml\nfoo\n"},
        ["a.yaml", "keep.yaml", "d/b.yaml", "d/keep.yaml", "foo/x.md", "d/foo"],
    ),
    "anchored with a slash": (
        {"": b"/top.yaml\nd/x.yaml\n", "d": b"/y.yaml\n"},
        ["top.yaml", "d/top.yaml", "d/x.yaml", "e/d/x.yaml", "d/y.yaml", "d/e/y.yaml"],
    ),
    "folders only": (
        {"": b"build/\nnotes/\n"},
        ["build/a.yaml", "x/build/b.yaml", "notes", "y/notes/c.yaml"],
    ),
    "a folder cannot be taken back into": (
        {"": b"drafts/\n!drafts/keep.yaml\nold/*\n!old/keep.yaml\n"},
        ["drafts/keep.yaml", "drafts/x.yaml", "old/keep.yaml", "old/x.yaml"],
    ),
    "two stars": (
        {"": b"**/gen\na/**/b.yaml\nlog/**\n**\\/c.yaml\n"},
        [
            "gen/x",
            "p/q/gen/y",
            "a/b.yaml",
            "a/x/y/b.yaml",
            "ab.yaml",
            "log/x",
            "x/log/y",
            "c.yaml",
            "z/c.yaml",
        ],
    ),
    "stars within a name": (
        {"": b"a**b\n*a*a*a*b\nx*\n"},
        ["ab", "a-x-b", "aaab", "aaaa", "xy", "q/xz", "aab"],
    ),
    "brackets and classes": (
        {
            "": b"[ab].yaml\n[!c-e]x.yaml\n[[:digit:]]*\n[]]z\n[a-]q\n"
            b"[[:nosuch:]]\nopen[\n"
        },
        [
            "a.yaml",
            "c.yaml",
            "cx.yaml",
            "fx.yaml",
            "1st",
            "]z",
            "-q",
            "bq",
            "n",
            "open[",
        ],
    ),
    "escapes and spaces": (
        {"": b"\\#hash\n\\!bang\nsp\\ \ntrail   \nstar\\*\n# comment\n\n"},
        ["#hash", "!bang", "sp ", "sp", "trail", "trail ", "star*", "starx"],
    ),
    "line ends and a byte order mark": (
        {"": b"\xef\xbb\xbfbom.yaml\r\ncr.yaml\r\nlast.yaml"},
        ["bom.yaml", "cr.yaml", "last.yaml", "other.yaml"],
    ),
    "deeper files decide last": (
        {"": b"*.yaml\n", "keep": b"!*.yaml\n", "keep/no": b"x.yaml\n"},
        ["a.yaml", "keep/a.yaml", "keep/no/x.yaml", "keep/no/y.yaml"],
    ),
    "bytes that are not ASCII": (
        {"": "?.yaml\nø*\n".encode()},
        ["a.yaml", "ø.yaml", "øst", "å.yaml"],
    ),
}


def git_ignores(root: Path) -> set[str]:
    """The files git leaves out (untracked and ignored), .gitignore files aside."""
    listed = git(root, "ls-files", "--others", "--ignored", "--exclude-standard", "-z")
    return {
        os.fsdecode(name)
        for name in listed.split(b"\0")
        if name and not name.endswith(b".gitignore")
    }


def oppdrag_ignores(root: Path, files: list[str]) -> set[str]:
    """The files oppdrag's walk would leave out for a .gitignore."""
    rules = IgnoreRules()
    top = os.path.realpath(root)
    return {name for name in files if rules.skips(os.path.join(top, name), False)}


def make_repository(root: Path, case: Case) -> None:
    gitignores, files = case
    git(root, "init", "-q")
    for folder, text in gitignores.items():
        write(root / folder / ".gitignore", text)
    for name in files:
        write(root / name, "x\n")


@needs_git
@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_the_same_files_as_git_are_left_out(case: Case, tmp_path: Path) -> None:
    """Each pattern leaves out what git leaves out, and nothing else."""
    make_repository(tmp_path, case)

    assert oppdrag_ignores(tmp_path, case[1]) == git_ignores(tmp_path)


# Random patterns from the pieces git treats specially, and names they may match.
PIECES = [
    *"ab*?/!\\- ",
    "**",
    "[ab]",
    "[!a]",
    "[a-b]",
    "[]a]",
    "[[:alpha:]]",
    "\\*",
    "\\ ",
    "\\/",
    "/**/",
    "[",
]
NAMES = ["a", "b", "ab", "ba", "aa", "a b", "[a]", "*", "!a", "a\\b", "-", "ø"]

patterns = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join)
gitignore_text = st.lists(patterns, min_size=1, max_size=4).map(
    lambda lines: ("\n".join(lines) + "\n").encode()
)
paths = st.lists(st.sampled_from(NAMES), min_size=1, max_size=4).map("/".join)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    folders = draw(st.lists(st.sampled_from(["", "a", "a/b"]), min_size=1, unique=True))
    gitignores = {folder: draw(gitignore_text) for folder in folders}
    names = draw(st.lists(paths, min_size=1, max_size=10, unique=True))
    # A name cannot be both a file and a folder.
    taken = [*names, *(folder for folder in folders if folder)]
    files = [
        name
        for name in names
        if not any(other.startswith(name + "/") for other in taken)
        and name not in folders
    ]
    return gitignores, files


@needs_git
@pytest.mark.slow
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(case=cases())
def test_random_patterns_leave_out_what_git_leaves_out(case: Case) -> None:
    """Any pattern of stars, brackets, escapes and slashes agrees with git."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_repository(root, case)

        assert oppdrag_ignores(root, case[1]) == git_ignores(root)
