"""A person's changes: translating, approving, unapproving, choosing a machine alternative.

Edits never lose the machine output: before a person changes or approves a draft, every
machine candidate is written to the entry's comments as an alternative ("pinned").
"""

from __future__ import annotations

from dataclasses import replace

import polib

from workbench.core.catalogs.comments import (
    EDITED_NOTE,
    Draft,
    machine_comment,
    machine_record,
    strip_machine_comment,
)
from workbench.core.catalogs.entries import set_fuzzy
from workbench.core.catalogs.merge import join_lines
from workbench.core.review.model import SessionModel
from workbench.core.review.state import DraftBefore, LanguageState


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
            lane.pending_memory.pop(msgid, None)
            draft = lane.drafts.get(msgid)
            if draft is not None and text == draft.msgstr:
                self._back_to_draft(lane, entry, draft)
                return True
            if msgid not in lane.edited:
                lane.drafts[msgid] = DraftBefore(
                    entry.msgstr, entry.comment, tuple(entry.flags), msgid in lane.touched
                )
            self._pin_alternatives(lane, entry)
            entry.msgstr = text
            set_fuzzy(entry, bool(text))
            if msgid not in lane.edited:
                # first: a line after our labelled lines would read as their continuation
                entry.comment = join_lines(EDITED_NOTE, entry.comment)
                lane.edited.add(msgid)
            self._changed(lane, msgid)
            return True

    def _back_to_draft(self, lane: LanguageState, entry: polib.POEntry, draft: DraftBefore) -> None:
        """An edit undone back to the text it started from: the entry as it was, not "edited"."""
        msgid = entry.msgid
        entry.msgstr, entry.comment, entry.flags = draft.msgstr, draft.comment, list(draft.flags)
        lane.edited.discard(msgid)
        del lane.drafts[msgid]
        self._changed(lane, msgid)
        if not draft.touched:  # the entry is as on disk again: nothing of it to save
            lane.touched.pop(msgid, None)

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
            lane.drafts.pop(msgid, None)  # approved: the draft it started from is history
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
        if record is None or not record.signature or not record.alternatives:
            return  # no machine output to keep (a memory draft has its own TM: line)
        best, *others = record.alternatives
        if any(other.text == best.text for other in others):
            return  # pinned before (approved, then unapproved): pinning adds nothing twice
        draft = Draft(record.alternatives, record.signature, record.notes)
        pinned = replace(draft, hypotheses=draft.hypotheses[:1] + draft.hypotheses)
        entry.comment = join_lines(strip_machine_comment(entry.comment), machine_comment(pinned))
