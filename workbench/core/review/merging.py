"""Changes made outside: noticing them, reloading a catalog, or merging it with my changes."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.core.review.entries import copy_entry, entry_value, forms_of, set_forms
from workbench.core.review.model import SessionModel
from workbench.core.review.state import LanguageState, count_states


@dataclass(frozen=True)
class MergeReport:
    lang: str
    kept_mine: int  # my changed entries written over the disk version
    took_theirs: int  # entries changed on disk that I had not touched
    both_changed: tuple[str, ...]  # sources changed on disk *and* by me: mine kept, check them


class MergingMixin(SessionModel):
    """Catalogs changed on disk: which ones, and taking them with or without my changes."""

    def changed_on_disk(self) -> tuple[str, ...]:
        """Languages whose catalog file is no longer what the session read or last wrote."""
        return tuple(
            lang for lang, lane in list(self._lanes.items()) if lane.catalog.changed_on_disk()
        )

    def reload(self, lang: str) -> None:
        """Discard my changes to `lang` and take the catalog as it is on disk."""
        with self._io_lock:
            self.attach(self.read_language(lang))
            self.check_all(langs=[lang])  # the header's problem count, right away

    def merge(self, lang: str) -> MergeReport:
        """Take the catalog on disk, keeping the entries I changed since it was read."""
        with self._io_lock:
            report = self.merge_from(self.read_language(lang))
            self.check_all(langs=[lang])  # the header's problem count, right away
            return report

    def merge_from(self, theirs: LanguageState) -> MergeReport:
        """Merge a freshly read state (see `merge`) into the session; fast, in one step."""
        lang = theirs.lang
        with self._lock:
            mine = self._lane(lang)
            both_changed = []
            for key in mine.touched:
                my_entry = mine.entries[key]
                their_entry = theirs.entries.get(key)
                if their_entry is None:
                    their_entry = copy_entry(my_entry)
                    theirs.catalog.po.append(their_entry)
                    theirs.entries[key] = their_entry
                else:
                    their_value = entry_value(their_entry)
                    if their_value != mine.baseline.get(
                        key, (("",), False)
                    ) and their_value != entry_value(my_entry):
                        both_changed.append(key.source)
                    if my_entry.msgid_plural and not their_entry.msgid_plural:
                        their_entry.msgid_plural = my_entry.msgid_plural
                    set_forms(their_entry, forms_of(my_entry))
                    their_entry.flags = list(my_entry.flags)
                    their_entry.comment = my_entry.comment
                if key in mine.edited:
                    theirs.edited.add(key)
            took_theirs = sum(
                1
                for key, value in theirs.baseline.items()
                if key not in mine.touched and mine.baseline.get(key) != value
            )
            theirs.touched = dict(mine.touched)
            theirs.revision = mine.revision
            theirs.pending_memory = dict(mine.pending_memory)
            theirs.drafts = {m: d for m, d in mine.drafts.items() if m in mine.touched}
            count_states(theirs, self._weight)
            self.attach(theirs)
        return MergeReport(lang, len(theirs.touched), took_theirs, tuple(both_changed))
