"""Small operations on polib entries and machine candidates that the session's parts share."""

from __future__ import annotations

from collections.abc import Iterable

import polib

from workbench.core.engines.base import Hypothesis


def entry_value(entry: polib.POEntry) -> tuple[str, bool]:
    """What a change to the entry is measured by: its text and whether it is fuzzy."""
    return entry.msgstr, "fuzzy" in entry.flags


def unique_hypotheses(hypotheses: Iterable[Hypothesis]) -> tuple[Hypothesis, ...]:
    seen: set[str] = set()
    kept = []
    for hypothesis in hypotheses:
        if hypothesis.text and hypothesis.text not in seen:
            seen.add(hypothesis.text)
            kept.append(hypothesis)
    return tuple(kept)


def copy_entry(entry: polib.POEntry) -> polib.POEntry:
    return polib.POEntry(
        msgid=entry.msgid,
        msgstr=entry.msgstr,
        flags=list(entry.flags),
        comment=entry.comment,
        tcomment=entry.tcomment,
        occurrences=list(entry.occurrences),
    )
