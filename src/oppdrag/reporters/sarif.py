"""SARIF 2.1.0, the format code-scanning tools (GitHub, Azure DevOps) read."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from oppdrag.diagnostics import Severity, format_path, json_pointer
from oppdrag.locale import Lang, text
from oppdrag.report import RunReport, posix_path
from oppdrag.reporters.ruledocs import rule_help_markdown, rule_help_text
from oppdrag.reporters.tabular import FlatFinding, fingerprints, flatten
from oppdrag.rules.registry import ALL_RULES, Rule
from oppdrag.visible import json_escaped

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/oppdrag/oppdrag"
FINGERPRINT_KEY = "oppdrag/v1"

_LEVEL = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}
_DRIVE = re.compile(r"^[A-Za-z]:/")


def render_sarif(report: RunReport, lang: Lang) -> str:
    """The run as a SARIF log with one run, its rules and one result per finding.

    Only the rules that have results are listed, in registry order.

    Args:
        report: The run to render.
        lang: The language of the result messages (rule texts are English).

    Returns:
        The SARIF JSON document.
    """
    items = flatten(report, lang, from_root=True)
    codes = _rule_codes(items)
    index = {code: i for i, code in enumerate(codes)}
    base = _SOURCE_ROOT if report.root is not None else None
    results = [
        _result(item, index[item.finding.code], fingerprint, base)
        for item, fingerprint in zip(items, fingerprints(items), strict=True)
    ]
    run: dict[str, Any] = {
        "tool": {"driver": _driver(report.tool_version, codes)},
        "invocations": [_invocation(report, lang)],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if report.root is not None:
        # Paths are relative to the project's top folder, named here.
        root_uri = Path(report.root).as_uri().rstrip("/") + "/"
        run["originalUriBaseIds"] = {_SOURCE_ROOT: {"uri": root_uri}}
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_escaped(json.dumps(log, ensure_ascii=False, indent=2)) + "\n"


def _rule_codes(items: list[FlatFinding]) -> list[str]:
    """The codes with results: known rules in registry order, then unknown codes."""
    used = {item.finding.code for item in items}
    known = [rule.code for rule in ALL_RULES if rule.code in used]
    unknown = [item.finding.code for item in items if item.finding.code not in known]
    return known + list(dict.fromkeys(unknown))


def _driver(version: str, codes: list[str]) -> dict[str, Any]:
    rules = {rule.code: rule for rule in ALL_RULES}
    return {
        "name": "oppdrag",
        "version": version,
        "informationUri": INFORMATION_URI,
        "rules": [
            _descriptor(rules[code]) if code in rules else {"id": code}
            for code in codes
        ],
    }


def _descriptor(rule: Rule) -> dict[str, Any]:
    """A reportingDescriptor: what the rule checks, why, and two examples."""
    return {
        "id": rule.code,
        "name": _pascal(rule.name),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": f"{rule.summary} {rule.why}"},
        "help": {"text": rule_help_text(rule), "markdown": rule_help_markdown(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": list(dict.fromkeys((rule.family, *rule.tags)))},
    }


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.split("-"))


# The name SARIF consumers (GitHub code scanning) give the repository's top folder.
_SOURCE_ROOT = "%SRCROOT%"


def _result(
    item: FlatFinding, rule_index: int, fingerprint: str, base: str | None
) -> dict[str, Any]:
    finding = item.finding
    message = f"{item.message}\n{item.help}" if item.help else item.message
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[finding.severity],
        "message": {"text": message},
        "locations": [_location(item, base)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    properties = _properties(item)
    if properties:
        result["properties"] = properties
    return result


def _location(item: FlatFinding, base: str | None) -> dict[str, Any]:
    artifact = {"uri": artifact_uri(item.file)}
    if base is not None and not artifact["uri"].startswith("file:"):
        artifact["uriBaseId"] = base
    return {
        "physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": item.line, "startColumn": item.column},
        }
    }


def _properties(item: FlatFinding) -> dict[str, str]:
    """Where in the data the finding is, and in which mission, for other tools."""
    properties = {}
    if item.finding.path:
        properties["dataPath"] = format_path(item.finding.path)
        properties["pointer"] = json_pointer(item.finding.path)
    if item.mission_id:
        properties["missionId"] = item.mission_id
    return properties


def artifact_uri(path: str, sep: str = os.sep) -> str:
    """The report path as a URI reference: forward slashes, percent-encoded.

    Args:
        path: The path as the report holds it (relative as given).
        sep: The system's path separator: only it becomes '/' (on Linux a
            backslash is part of a name, and is percent-encoded).

    Returns:
        A relative URI reference, or a ``file:`` URI for a Windows drive path.
    """
    posix = posix_path(path, sep)
    if _DRIVE.match(posix):
        return "file:///" + quote(posix, safe="/:")
    if posix.startswith("/"):  # outside the project: a full file: URI
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")


def _invocation(report: RunReport, lang: Lang) -> dict[str, Any]:
    """Whether every path could be used, and a notification for each that could not."""
    notifications = [
        {
            "level": "error",
            "message": {"text": text(lang, p.message_id, path=p.path, reason=p.reason)},
        }
        for p in report.problems
    ]
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return invocation
