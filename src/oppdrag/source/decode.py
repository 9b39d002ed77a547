"""A file's bytes as text: UTF-8 only, and no binary data."""

from __future__ import annotations

from dataclasses import dataclass

from oppdrag import codes
from oppdrag.diagnostics import Finding, Position, Severity
from oppdrag.source.findings import excerpt, file_finding

_UTF8_BOM = b"\xef\xbb\xbf"
_OTHER_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)
_BINARY_PROBE = 8192


@dataclass(frozen=True, slots=True)
class DecodedText:
    """The text of a file, or the finding that says why there is none."""

    text: str | None
    finding: Finding | None = None


def decode(raw: bytes) -> DecodedText:
    """Turn a file's bytes into text: UTF-8 with or without BOM, nothing else."""
    for bom, name in _OTHER_BOMS:
        if raw.startswith(bom):
            return DecodedText(
                None, file_finding(codes.NOT_UTF8, "encoding.other", encoding=name)
            )
    if b"\x00" in raw[:_BINARY_PROBE]:
        return DecodedText(None, file_finding(codes.BINARY_FILE, "file.binary"))
    if raw.startswith(_UTF8_BOM):
        raw = raw[len(_UTF8_BOM) :]
    try:
        return DecodedText(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        line_start = raw.rfind(b"\n", 0, error.start) + 1
        column = len(raw[line_start : error.start].decode("utf-8", "replace")) + 1
        byte = raw[error.start]
        position = Position(line, column)
        shown = raw.decode("utf-8", "replace").splitlines()
        return DecodedText(
            None,
            Finding(
                code=codes.NOT_UTF8,
                severity=Severity.ERROR,
                message_id="encoding.not_utf8",
                args={"byte": f"0x{byte:02X}"},
                position=position,
                excerpt=excerpt(shown, position),
            ),
        )
