"""Measure the rulebook on labelled missions: accuracy, confusion and ablation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from oppdrag.classify.rulebook import Overrides, Rulebook, apply_overrides
from oppdrag.classify.scorer import Classification, Evidence, Outcome, Scorer
from oppdrag.model.proposal import MissionFields, MissionType
from oppdrag.report import RunReport

# Declared types, and what the rulebook may find (it may also find too little).
TYPES: tuple[str, ...] = tuple(MissionType)
DETECTED: tuple[str, ...] = tuple(Outcome)


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled mission: its declared type and what the rulebook found."""

    file: str
    line: int
    id: str
    declared: str
    fields: MissionFields
    result: Classification

    @property
    def correct(self) -> bool:
        """True when the detected type is the declared one."""
        return self.result.type.value == self.declared


@dataclass(frozen=True, slots=True)
class Ablation:
    """Accuracy when one criterion is left out (its weight set to zero)."""

    criterion: str
    accuracy: float


@dataclass(frozen=True, slots=True)
class Evaluation:
    """How well the rulebook reproduces the declared types."""

    rulebook_version: str
    cases: tuple[Case, ...]
    ablations: tuple[Ablation, ...]

    @property
    def accuracy(self) -> float:
        """Share of cases classified as declared (0 when there are none)."""
        return _accuracy(case.correct for case in self.cases)

    @property
    def correct(self) -> int:
        """The number of cases classified as declared."""
        return sum(case.correct for case in self.cases)

    def confusion(self) -> dict[tuple[str, str], int]:
        """Counts by (declared, detected); 'undetermined' is a column of its own."""
        counts = {(d, f): 0 for d in TYPES for f in DETECTED}
        for case in self.cases:
            counts[(case.declared, case.result.type.value)] += 1
        return counts

    @property
    def borderline(self) -> int:
        """The number of borderline results."""
        return sum(case.result.borderline for case in self.cases)

    @property
    def undetermined(self) -> int:
        """The number of missions the rulebook found too little evidence for."""
        return sum(not case.result.decided for case in self.cases)


def evaluate(report: RunReport, rulebook: Rulebook) -> Evaluation:
    """Compare each labelled mission's classification in ``report`` with its label.

    The run (Plan.CLASSIFY) has classified every valid mission; nothing is
    classified twice. Invalid missions have no classification and are left out.
    """
    cases = []
    for file_report in report.files:
        for unit in file_report.units:
            fields, result = unit.fields, unit.classification
            if fields is None or fields.declared_type is None or result is None:
                continue
            case = Case(
                file_report.path,
                unit.line,
                unit.id or "",
                fields.declared_type,
                fields,
                result,
            )
            cases.append(case)
    ablations = tuple(_ablation(rulebook, cases, c.id) for c in rulebook.criteria)
    return Evaluation(rulebook.rulebook_version, tuple(cases), ablations)


def _ablation(rulebook: Rulebook, cases: list[Case], criterion: str) -> Ablation:
    """The accuracy with one criterion's weight set to zero, from the same evidence."""
    scorer = Scorer(apply_overrides(rulebook, Overrides(weights={criterion: 0.0})))
    hits = (
        scorer.decide(_counted(case.result)).type.value == case.declared
        for case in cases
    )
    return Ablation(criterion, _accuracy(hits))


def _counted(result: Classification) -> list[Evidence]:
    return [e for c in result.criteria for e in c.evidence]


def _accuracy(hits: Iterable[bool]) -> float:
    values = list(hits)
    return sum(values) / len(values) if values else 0.0
