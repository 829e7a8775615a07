"""A person's changes: translating, approving, unapproving, choosing a machine alternative.

Edits never lose the machine output: before a person changes or approves a draft, every
machine candidate is written to the entry's comments as an alternative ("pinned").
"""

from __future__ import annotations

from dataclasses import replace

import polib

from workbench.core.catalog import (
    EDITED_NOTE,
    Draft,
    join_lines,
    machine_comment,
    machine_record,
    set_fuzzy,
    strip_machine_comment,
)
from workbench.core.review.model import SessionModel
from workbench.core.review.state import LanguageState


class EditingMixin(SessionModel):
    """The translator's changes to cells, each recorded as a change to the lane."""

    def set_translation(self, index: int, lang: str, text: str) -> bool:
        """A person's translation for the row: kept as a draft (fuzzy) until approved."""
        msgid = self.segments[index].text
        with self._lock:
            lane = self._lane(lang)
            entry = lane.entries.get(msgid)
            if text == (entry.msgstr if entry is not None else ""):
                return False
            entry = self._ensure_entry(lane, msgid)
            self._pin_alternatives(lane, entry)
            entry.msgstr = text
            set_fuzzy(entry, bool(text))
            if msgid not in lane.edited:
                # first: a line after our labelled lines would read as their continuation
                entry.comment = join_lines(EDITED_NOTE, entry.comment)
                lane.edited.add(msgid)
            lane.pending_memory.pop(msgid, None)
            self._changed(lane, msgid)
            return True

    def approve(self, index: int, lang: str) -> bool:
        """Clear the fuzzy flag of a translated row; False if it is empty or already approved."""
        msgid = self.segments[index].text
        with self._lock:
            lane = self._lane(lang)
            entry = lane.entries.get(msgid)
            if entry is None or not entry.msgstr or "fuzzy" not in entry.flags:
                return False
            self._pin_alternatives(lane, entry)
            set_fuzzy(entry, False)
            lane.pending_memory[msgid] = entry.msgstr
            self._changed(lane, msgid)
            return True

    def unapprove(self, index: int, lang: str) -> bool:
        """Mark an approved row as needing review again (fuzzy)."""
        msgid = self.segments[index].text
        with self._lock:
            lane = self._lane(lang)
            entry = lane.entries.get(msgid)
            if entry is None or not entry.msgstr or "fuzzy" in entry.flags:
                return False
            set_fuzzy(entry, True)
            lane.pending_memory.pop(msgid, None)
            self._changed(lane, msgid)
            return True

    def choose_alternative(self, index: int, lang: str, number: int) -> str | None:
        """Use machine candidate `number` (from 1) as the translation; None if there is none."""
        candidates = self.alternatives(index, lang)
        if not 1 <= number <= len(candidates):
            return None
        text = candidates[number - 1].text
        self.set_translation(index, lang, text)
        return text

    def copy_source(self, index: int, lang: str) -> str:
        text = self.segments[index].text
        self.set_translation(index, lang, text)
        return text

    def _pin_alternatives(self, lane: LanguageState, entry: polib.POEntry) -> None:
        """Before a person changes a draft, record the machine's best as an alternative too."""
        msgid = entry.msgid
        if msgid in lane.edited or not entry.msgstr or "fuzzy" not in entry.flags:
            return  # already pinned, or nothing machine-made in msgstr
        record = machine_record(entry)
        if record is None or not record.alternatives:
            return
        draft = Draft(record.alternatives, record.signature, record.notes)
        pinned = replace(draft, hypotheses=draft.hypotheses[:1] + draft.hypotheses)
        entry.comment = join_lines(strip_machine_comment(entry.comment), machine_comment(pinned))
