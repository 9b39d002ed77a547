"""Rule documentation, the one place it is written: terminal, Markdown, JSON, SARIF."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import assert_never

from oppdrag.reporters import RuleFormat
from oppdrag.rules.registry import FAMILIES, Rule


def _examples(rule: Rule) -> list[str]:
    return [
        "Example (fails):",
        "",
        *("    " + line for line in rule.fail.rstrip("\n").splitlines()),
        "",
        "Use instead:",
        "",
        *("    " + line for line in rule.ok.rstrip("\n").splitlines()),
    ]


def render_rule_text(rule: Rule) -> str:
    """One rule as plain text: what it checks, why, and examples."""
    lines = [
        f"{rule.code} {rule.name} ({rule.severity.value})",
        "",
        f"What it checks: {rule.summary}",
        "",
        f"Why it matters: {rule.why}",
        "",
        *_examples(rule),
    ]
    return "\n".join(lines) + "\n"


def render_rules_markdown(rules: Sequence[Rule]) -> str:
    """The rules reference (docs/rules.md), grouped by family."""
    lines = [
        "# Rules",
        "",
        "Generated from the rule registry by `oppdrag rule --all --format markdown`;",
        "do not edit by hand. Each rule can be selected, ignored or given another",
        "severity in the settings, and waived in a file with",
        "`# oppdrag: ignore[CODE] -- reason`.",
        "",
        "| code | name | default severity | what it checks |",
        "|---|---|---|---|",
    ]
    lines += [
        f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {r.severity.value} "
        f"| {r.summary} |"
        for r in rules
    ]
    for family, title in FAMILIES.items():
        members = [r for r in rules if r.family == family]
        if not members:
            continue
        lines += ["", f"## {family}: {title}"]
        for rule in members:
            lines += [
                "",
                f"### {rule.code}",
                "",
                f"**{rule.name}** ({rule.severity.value})",
                "",
                f"*What it checks.* {rule.summary}",
                "",
                f"*Why it matters.* {rule.why}",
                "",
                "Fails:",
                "",
                "```yaml",
                rule.fail.rstrip("\n"),
                "```",
                "",
                "Passes:",
                "",
                "```yaml",
                rule.ok.rstrip("\n"),
                "```",
            ]
    return "\n".join(lines) + "\n"


def render_rules_json(rules: Sequence[Rule]) -> str:
    """Every rule as JSON, for tools."""
    document = [
        {
            "code": r.code,
            "name": r.name,
            "family": r.family,
            "severity": r.severity.value,
            "summary": r.summary,
            "why": r.why,
            "fails": r.fail,
            "passes": r.ok,
        }
        for r in rules
    ]
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render_rules(rules: Sequence[Rule], fmt: RuleFormat) -> str:
    """The rules in one of ``oppdrag rule``'s formats."""
    match fmt:
        case RuleFormat.TEXT:
            return "\n".join(render_rule_text(r) for r in rules)
        case RuleFormat.JSON:
            return render_rules_json(rules)
        case RuleFormat.MARKDOWN:
            return render_rules_markdown(rules)
        case _:
            assert_never(fmt)


def rule_help_text(rule: Rule) -> str:
    """A rule's help as plain text (SARIF's help.text)."""
    return (
        f"{rule.summary}\n\nWhy: {rule.why}\n\n"
        f"Fails:\n{rule.fail.rstrip()}\n\nPasses:\n{rule.ok.rstrip()}\n"
    )


def rule_help_markdown(rule: Rule) -> str:
    """A rule's help as Markdown (SARIF's help.markdown)."""
    return (
        f"**What it checks:** {rule.summary}\n\n**Why it matters:** {rule.why}\n\n"
        f"**Fails:**\n\n{_example(rule.fail)}\n\n**Passes:**\n\n{_example(rule.ok)}\n"
    )


def _example(example: str) -> str:
    """A YAML block, or plain italics for a description like ``(a binary file)``."""
    stripped = example.strip()
    if stripped.startswith("(") and stripped.endswith(")") and "\n" not in stripped:
        return f"*{stripped}*"
    return f"```yaml\n{example.rstrip()}\n```"
