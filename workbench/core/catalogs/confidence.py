"""The distribution of the model's confidence over a catalog's machine drafts (for `stats`).

A machine draft is a fuzzy entry whose MT comment records a confidence (see
`engines/confidence.py`); a person's edit or an approval leaves the draft's confidence out.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

import polib

from workbench.core.catalogs.comments import machine_record
from workbench.core.catalogs.entries import is_human_edited

BINS = 5  # histogram bins of 0.2


def draft_confidence(entry: polib.POEntry) -> float | None:
    """The model's confidence in `entry`'s machine draft; None when it is not one."""
    if entry.obsolete or "fuzzy" not in entry.flags or not entry.msgstr:
        return None
    if is_human_edited(entry):
        return None
    record = machine_record(entry)
    return record.confidence if record is not None else None


@dataclass(frozen=True)
class ConfidenceSummary:
    count: int
    minimum: float
    quartiles: tuple[float, float, float]  # Q1, median, Q3
    maximum: float
    histogram: tuple[int, ...]  # drafts per bin: 0-0.2, 0.2-0.4, … 0.8-1

    def describe(self) -> str:
        q1, median, q3 = self.quartiles
        bins = " ".join(
            f"{i / BINS:.1f}-{(i + 1) / BINS:.1f}:{n}" for i, n in enumerate(self.histogram)
        )
        return (
            f"{self.count} drafts · min {self.minimum:.2f} · Q1 {q1:.2f} · median {median:.2f}"
            f" · Q3 {q3:.2f} · max {self.maximum:.2f} ({bins})"
        )

    def as_json(self) -> dict[str, object]:
        return {
            "drafts": self.count,
            "min": round(self.minimum, 4),
            "q1": round(self.quartiles[0], 4),
            "median": round(self.quartiles[1], 4),
            "q3": round(self.quartiles[2], 4),
            "max": round(self.maximum, 4),
            "histogram": list(self.histogram),
        }


def summarize(values: Iterable[float]) -> ConfidenceSummary | None:
    """Quartiles and a histogram of `values` (None when there are none)."""
    data = sorted(values)
    if not data:
        return None
    if len(data) == 1:
        quartiles = (data[0], data[0], data[0])
    else:
        q1, median, q3 = statistics.quantiles(data, n=4, method="inclusive")
        quartiles = (q1, median, q3)
    histogram = [0] * BINS
    for value in data:
        histogram[min(BINS - 1, int(value * BINS))] += 1
    return ConfidenceSummary(len(data), data[0], quartiles, data[-1], tuple(histogram))
