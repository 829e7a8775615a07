"""The recovery journal: unsaved work kept beside the project, so a crash loses nothing.

Autosave writes here, not to the catalogs: only an explicit save puts a translator's work in a
catalog. One JSON file per language (`.workbench/recovery/<domain>.<lang>.json`), written
atomically, holds each unsaved entry's values and the baseline (what the catalog held when
the change was made). The next open offers it back (restore or discard); a real save or an
explicit discard removes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from workbench.core.catalogs.entries import is_human_edited
from workbench.core.review.entries import entry_value
from workbench.core.review.model import SessionModel
from workbench.core.textio import atomic_write

JOURNAL_FORMAT = "workbench-recovery"
JOURNAL_VERSION = 1


@dataclass(frozen=True)
class RecoveryReport:
    lang: str
    restored: int  # entries put back as unsaved changes
    changed_on_disk: tuple[str, ...]  # msgids whose catalog changed since: mine restored, check


class RecoveryMixin(SessionModel):
    """Writing, offering back and forgetting the journal of unsaved changes."""

    def write_recovery(self) -> tuple[str, ...]:
        """Journal every language with unsaved changes (and drop the journal of the others);
        returns the languages journalled. Safe from a worker; one at a time with saves, so a
        journal never outlives the save that made it stale."""
        with self._io_lock:
            return self._write_recovery()

    def _write_recovery(self) -> tuple[str, ...]:
        journalled = []
        for lang, lane in list(self._lanes.items()):
            with self._lock:
                entries = {
                    msgid: {
                        "msgstr": lane.entries[msgid].msgstr,
                        "flags": list(lane.entries[msgid].flags),
                        "comment": lane.entries[msgid].comment,
                        "baseline": list(lane.baseline.get(msgid, ("", False))),
                    }
                    for msgid in lane.touched
                }
            if not entries:
                self._forget_journal(lang)
                continue
            journal = {
                "format": JOURNAL_FORMAT,
                "version": JOURNAL_VERSION,
                "document": self.document.name,
                "catalog": str(self.catalog_path(lang)),
                "lang": lang,
                "entries": entries,
            }
            text = json.dumps(journal, ensure_ascii=False, indent=1) + "\n"
            atomic_write(self.recovery_path(lang), text)
            journalled.append(lang)
        return tuple(journalled)

    def recoverable(self) -> dict[str, int]:
        """Languages with a journal left by an earlier run, and how many entries each holds."""
        found = {}
        for lang in self.targets:
            entries = self._read_journal(lang)
            if entries:
                found[lang] = len(entries)
        return found

    def restore_recovery(self, lang: str) -> RecoveryReport:
        """Put the journal's entries back as unsaved changes (the journal stays until a save
        or a discard)."""
        entries = self._read_journal(lang)
        restored = 0
        changed: list[str] = []
        with self._lock:
            lane = self._lane(lang)
            for msgid, values in entries.items():
                if msgid not in self._weight:
                    continue  # the sentence left the document
                entry = self._ensure_entry(lane, msgid)
                if list(entry_value(entry)) != values.get("baseline", list(entry_value(entry))):
                    changed.append(msgid)
                entry.msgstr = values["msgstr"]
                entry.flags = list(values["flags"])
                entry.comment = values["comment"]
                if is_human_edited(entry):
                    lane.edited.add(msgid)
                else:
                    lane.edited.discard(msgid)
                self._changed(lane, msgid)
                restored += 1
        return RecoveryReport(lang, restored, tuple(changed))

    def discard_recovery(self, lang: str | None = None) -> None:
        """Forget the journal of `lang` (every language when None); waits for a journal
        being written."""
        with self._io_lock:
            for code in [lang] if lang else self.targets:
                self._forget_journal(code)

    def _read_journal(self, lang: str) -> dict[str, dict[str, Any]]:
        """The journal's entries, or nothing when there is none or it is not ours."""
        try:
            data = json.loads(self.recovery_path(lang).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != JOURNAL_FORMAT:
            return {}
        entries = data.get("entries")
        if not isinstance(entries, dict):
            return {}
        return {
            msgid: values
            for msgid, values in entries.items()
            if isinstance(values, dict)
            and isinstance(values.get("msgstr"), str)
            and isinstance(values.get("comment"), str)
            and isinstance(values.get("flags"), list)
            and all(isinstance(flag, str) for flag in values["flags"])
        }
