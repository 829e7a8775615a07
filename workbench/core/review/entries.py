"""Small operations on polib entries and machine candidates that the session's parts share.

A translation is handled as its *forms*: one string for a singular entry, one per
`msgstr[i]` for a plural one, so every part treats both kinds the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import polib

from workbench.core.engines.base import Hypothesis

Forms = tuple[str, ...]


def forms_of(entry: polib.POEntry) -> Forms:
    """The entry's translation: (msgstr,), or msgstr[0], msgstr[1], … of a plural entry."""
    if entry.msgid_plural:
        return tuple(entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural))
    return (entry.msgstr,)


def set_forms(entry: polib.POEntry, forms: Sequence[str]) -> None:
    if entry.msgid_plural:
        entry.msgstr_plural = dict(enumerate(forms))
    else:
        entry.msgstr = forms[0] if forms else ""


def entry_value(entry: polib.POEntry) -> tuple[Forms, bool]:
    """What a change to the entry is measured by: its forms and whether it is fuzzy."""
    return forms_of(entry), "fuzzy" in entry.flags


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
        msgctxt=entry.msgctxt,
        msgid_plural=entry.msgid_plural,
        msgstr=entry.msgstr,
        msgstr_plural=dict(entry.msgstr_plural),
        flags=list(entry.flags),
        comment=entry.comment,
        tcomment=entry.tcomment,
        occurrences=list(entry.occurrences),
    )
