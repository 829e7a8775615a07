"""Machine output recorded in a catalog entry's automatic comments, written and read back.

Machine output is described in automatic comments (`#.`) that we write and read back, one
labelled line each, so the alternatives and the engine signature survive a round trip
through Poedit or any other PO editor:

    #. MT: argos translate-fr_en 1.0 (beam 4); score -0.1234; logprob -0.3100; confidence 0.73
    #. MT alternative: -0.5321 | the second-best translation
    #. MT pivot (en): the intermediate English text
    #. Term: ...one line per glossary term enforced...

`score` is the beam score; `logprob` the model's mean log-probability per token of the draft
and `confidence` its exp, 0..1 (see `engines/confidence.py`; older comments have neither).
A `Draft` is what the pipeline proposes for an entry, and what these lines describe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polib

from workbench.core.engines.base import Hypothesis
from workbench.core.engines.confidence import confidence

MT_LABEL = "MT: "
ALTERNATIVE_LABEL = "MT alternative: "
PIVOT_LABEL = "MT pivot"
TERM_LABEL = "Term: "
MEMORY_LABEL = "TM: "
NOTE_LABEL = "MT note: "  # what the engine had to do (a long sentence translated in parts)
# A draft thrown away because the engine lost a placeholder or markup: why, on the entry.
REJECTED_LABEL = "MT rejected: "
_WORD_HYPHEN_END = re.compile(r"\w-$")
_MT_FIELD = re.compile(r"; (score|logprob|confidence) (\S+)\s*\Z")
_MACHINE_LABELS = (
    MT_LABEL,
    ALTERNATIVE_LABEL,
    PIVOT_LABEL,
    TERM_LABEL,
    MEMORY_LABEL,
    NOTE_LABEL,
    REJECTED_LABEL,
)
# A person changed this draft but has not approved it yet: re-running translate keeps the text.
EDITED_LABEL = "Edited: "
EDITED_NOTE = f"{EDITED_LABEL}by a translator"


@dataclass(frozen=True)
class Draft:
    """What the pipeline proposes for one source sentence in one target language."""

    hypotheses: tuple[Hypothesis, ...]  # best first; may be empty (no MT)
    signature: str = ""  # engine and package that produced the hypotheses
    notes: tuple[str, ...] = ()  # glossary enforcement, memory origin: one line each
    origin: str = "mt"  # "mt", "tm-exact", "tm-fuzzy"
    approved: bool = False  # an exact memory match the user chose to trust
    forms: tuple[str, ...] = ()  # a plural entry's msgstr[0], msgstr[1]...: all or none

    @property
    def best(self) -> str:
        return self.hypotheses[0].text if self.hypotheses else ""


@dataclass(frozen=True)
class MemorySuggestion:
    """A translation memory match recorded on an entry: how similar its source was, and its text."""

    percent: int
    text: str


@dataclass(frozen=True)
class MachineRecord:
    """The machine output recorded on an entry, read back from its comments."""

    signature: str
    score: float | None
    alternatives: tuple[Hypothesis, ...]  # every candidate, best first (the first is the MT output)
    pivot: str | None
    notes: tuple[str, ...]
    memory: tuple[MemorySuggestion, ...] = ()  # memory matches offered beside the MT, best first
    logprob: float | None = None  # the draft's mean token log-probability (None: not recorded)

    @property
    def confidence(self) -> float | None:
        return confidence(self.logprob)


def machine_comment(draft: Draft) -> str:
    lines = []
    if draft.hypotheses:
        best = draft.hypotheses[0]
        lines.append(
            f"{MT_LABEL}{draft.signature}; score {best.score:.4f}{_confidence_fields(best)}"
        )
        for alternative in draft.hypotheses[1:]:
            lines.append(
                f"{ALTERNATIVE_LABEL}{alternative.score:.4f} | {_one_line(alternative.text)}"
            )
        if best.pivot:
            lines.append(f"{PIVOT_LABEL}: {_one_line(best.pivot)}")
    lines.extend(_one_line(note) for note in draft.notes)
    return "\n".join(lines)


def machine_record(entry: polib.POEntry) -> MachineRecord | None:
    """The machine output recorded on `entry`, or None if it never had any."""
    signature, score, pivot, logprob = "", None, None, None
    alternatives: list[Hypothesis] = []
    notes: list[str] = []
    memory: list[MemorySuggestion] = []
    for line in _machine_lines(entry.comment):
        if line.startswith(MT_LABEL):
            signature, fields = _mt_fields(line[len(MT_LABEL) :])
            score, logprob = _float(fields.get("score", "")), _float(fields.get("logprob", ""))
        elif line.startswith(ALTERNATIVE_LABEL):
            score_text, _, text = line[len(ALTERNATIVE_LABEL) :].partition(" | ")
            alternatives.append(Hypothesis(text, _float(score_text) or 0.0))
        elif line.startswith(PIVOT_LABEL):
            pivot = line.partition(": ")[2]
        elif line.startswith(MEMORY_LABEL):
            notes.append(line)
            percent, _, text = line[len(MEMORY_LABEL) :].partition("% | ")
            if percent.isdigit() and text:
                memory.append(MemorySuggestion(int(percent), text))
        elif line.startswith((TERM_LABEL, NOTE_LABEL)):
            notes.append(line)
    if not signature and not notes:
        return None
    first = Hypothesis(entry.msgstr if "fuzzy" in entry.flags else "", score or 0.0, pivot)
    candidates = ((first,) if first.text else ()) + tuple(alternatives)
    return MachineRecord(
        signature, score, candidates, pivot, tuple(notes), tuple(memory), logprob=logprob
    )


def _confidence_fields(best: Hypothesis) -> str:
    if best.logprob is None:
        return ""
    return f"; logprob {best.logprob:.4f}; confidence {confidence(best.logprob):.2f}"


def _mt_fields(text: str) -> tuple[str, dict[str, str]]:
    """ "sig; score -0.1; logprob -0.3; confidence 0.7" -> ("sig", {"score": "-0.1", ...})."""
    fields: dict[str, str] = {}
    while True:
        match = _MT_FIELD.search(text)
        if match is None:
            return text, fields
        fields.setdefault(match.group(1), match.group(2))
        text = text[: match.start()]


def _machine_lines(comment: str) -> list[str]:
    """Our labelled comment lines, rejoined where a PO writer wrapped them (polib and msgcat wrap
    automatic comments at 79 columns, at spaces and after in-word hyphens; our texts have single
    spaces, so the join is exact but for the rare "word- word" typed with a space)."""
    lines: list[str] = []
    for line in (comment or "").splitlines():
        if lines and lines[-1].startswith(_MACHINE_LABELS) and not line.startswith(_MACHINE_LABELS):
            # textwrap also breaks after a hyphen inside a word ("socio-|économiques").
            glue = "" if _WORD_HYPHEN_END.search(lines[-1]) else " "
            lines[-1] = f"{lines[-1]}{glue}{line}"
        else:
            lines.append(line)
    return lines


def _float(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def strip_machine_comment(comment: str) -> str:
    kept = [line for line in _machine_lines(comment) if not line.startswith(_MACHINE_LABELS)]
    return "\n".join(kept)


def developer_comment(comment: str) -> str:
    """The extractor's notes for translators: the automatic comment lines that are not ours."""
    ours = (*_MACHINE_LABELS, EDITED_LABEL)
    return "\n".join(line for line in _machine_lines(comment) if not line.startswith(ours))


def our_comment(comment: str) -> str:
    """What workbench and the review wrote into an automatic comment (MT records, edits)."""
    ours = (*_MACHINE_LABELS, EDITED_LABEL)
    return "\n".join(line for line in _machine_lines(comment) if line.startswith(ours))
