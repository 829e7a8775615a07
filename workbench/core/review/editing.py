"""A person's changes: translating, approving, unapproving, choosing a machine alternative.

Edits never lose the machine output: before a person changes or approves a draft, every
machine candidate is written to the entry's comments as an alternative ("pinned"). A plural
row is edited form by form (`form` is the msgstr index), and approved only when every form is
translated and msgfmt -c would accept it.
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
from workbench.core.catalogs.entries import entry_key, has_translation, is_complete, set_fuzzy
from workbench.core.catalogs.merge import join_lines
from workbench.core.errors import InputError
from workbench.core.review.checking import msgfmt_rejection
from workbench.core.review.entries import forms_of, set_forms
from workbench.core.review.model import SessionModel
from workbench.core.review.state import DraftBefore, LanguageState
from workbench.core.sources.units import UnitKey


class EditingMixin(SessionModel):
    """The translator's changes to cells, each recorded as a change to the lane."""

    def set_translation(self, index: int, lang: str, text: str, form: int = 0) -> bool:
        """A person's translation for the row (for a plural row, of its form `form`): kept as a
        draft (fuzzy) until approved."""
        key = self.segments[index].key
        with self._lock:
            lane = self._lane(lang)
            forms = list(self._forms(lane, key, lane.entries.get(key)))
            if not 0 <= form < len(forms):
                raise InputError(f"this entry has no plural form {form} in {lang}")
            if text == forms[form]:
                return False
            entry = self._ensure_entry(lane, key)
            forms = list(self._forms(lane, key, entry))
            forms[form] = text
            lane.pending_memory.pop(key, None)
            draft = lane.drafts.get(key)
            if draft is not None and tuple(forms) == draft.forms:
                self._back_to_draft(lane, entry, draft)
                return True
            if key not in lane.edited:
                lane.drafts[key] = DraftBefore(
                    forms_of(entry), entry.comment, tuple(entry.flags), key in lane.touched
                )
            self._pin_alternatives(lane, entry)
            set_forms(entry, forms)
            set_fuzzy(entry, any(forms))
            if key not in lane.edited:
                # first: a line after our labelled lines would read as their continuation
                entry.comment = join_lines(EDITED_NOTE, entry.comment)
                lane.edited.add(key)
            self._changed(lane, key)
            return True

    def _back_to_draft(self, lane: LanguageState, entry: polib.POEntry, draft: DraftBefore) -> None:
        """An edit undone back to the text it started from: the entry as it was, not "edited"."""
        key = entry_key(entry)
        set_forms(entry, draft.forms)
        entry.comment, entry.flags = draft.comment, list(draft.flags)
        lane.edited.discard(key)
        del lane.drafts[key]
        self._changed(lane, key)
        if not draft.touched:  # the entry is as on disk again: nothing of it to save
            lane.touched.pop(key, None)

    def approve(self, index: int, lang: str) -> bool:
        """Clear the fuzzy flag of a translated row; False if it is empty, has an empty plural
        form, or is approved already. InputError when msgfmt -c would reject the translation
        (a format directive or a line break that does not match): approving it would make the
        catalog fail to compile."""
        key = self.segments[index].key
        with self._lock:
            lane = self._lane(lang)
            entry = lane.entries.get(key)
            if entry is None or not is_complete(entry) or "fuzzy" not in entry.flags:
                return False
            self.refuse_invalid(lang, key, forms_of(entry))
            self._pin_alternatives(lane, entry)
            set_fuzzy(entry, False)
            lane.drafts.pop(key, None)  # approved: the draft it started from is history
            if not entry.msgid_plural:
                lane.pending_memory[key] = entry.msgstr
            self._changed(lane, key)
            return True

    def refuse_invalid(self, lang: str, key: UnitKey, forms: tuple[str, ...]) -> None:
        """InputError (one line) when msgfmt -c would reject these forms of the entry."""
        reason = msgfmt_rejection(self._units[key], forms, self._lane(lang).plural_rule)
        if reason:
            raise InputError(f"not approved: msgfmt -c would reject it ({reason})")

    def unapprove(self, index: int, lang: str) -> bool:
        """Mark an approved row as needing review again (fuzzy)."""
        key = self.segments[index].key
        with self._lock:
            lane = self._lane(lang)
            entry = lane.entries.get(key)
            if entry is None or not has_translation(entry) or "fuzzy" in entry.flags:
                return False
            set_fuzzy(entry, True)
            lane.pending_memory.pop(key, None)
            self._changed(lane, key)
            return True

    def choose_alternative(self, index: int, lang: str, number: int) -> str | None:
        """Use machine candidate `number` (from 1) as the translation; None if there is none."""
        candidates = self.alternatives(index, lang)
        if not 1 <= number <= len(candidates):
            return None
        text = candidates[number - 1].text
        self.set_translation(index, lang, text)
        return text

    def source_of_form(self, index: int, lang: str, form: int = 0) -> str:
        """What form `form` of the row translates: the singular or the plural source."""
        unit = self.segments[index].unit
        slots = self.plural_slots(index, lang)
        if unit.plural_source is None or (form < len(slots) and slots[form].singular):
            return unit.source
        return unit.plural_source

    def copy_source(self, index: int, lang: str) -> str:
        """Every form gets the source it translates; returns the first form's."""
        forms = len(self.plural_slots(index, lang)) or 1
        for form in range(forms):
            self.set_translation(index, lang, self.source_of_form(index, lang, form), form)
        return self.source_of_form(index, lang, 0)

    def _pin_alternatives(self, lane: LanguageState, entry: polib.POEntry) -> None:
        """Before a person changes a draft, record the machine's best as an alternative too."""
        if entry_key(entry) in lane.edited or not entry.msgstr or "fuzzy" not in entry.flags:
            return  # already pinned, or nothing machine-made in msgstr (plural: see `Draft`)
        record = machine_record(entry)
        if record is None or not record.signature or not record.alternatives:
            return  # no machine output to keep (a memory draft has its own TM: line)
        best, *others = record.alternatives
        if any(other.text == best.text for other in others):
            return  # pinned before (approved, then unapproved): pinning adds nothing twice
        draft = Draft(record.alternatives, record.signature, record.notes)
        pinned = replace(draft, hypotheses=draft.hypotheses[:1] + draft.hypotheses)
        entry.comment = join_lines(strip_machine_comment(entry.comment), machine_comment(pinned))
