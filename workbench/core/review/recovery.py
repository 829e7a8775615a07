"""The recovery journal: unsaved work kept beside the project, so a crash loses nothing.

Autosave writes here, not to the catalogs: only an explicit save puts a translator's work in a
catalog. One JSON file per language (`.workbench/recovery/<domain>.<lang>.json`), written
atomically, holds each unsaved entry's key (msgctxt, msgid), values and baseline (what the
catalog held when the change was made); version 1 journals (keyed by msgid, one form) are
still read. The next open offers it back (restore or discard); a real save or an
explicit discard removes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from workbench.core.catalogs.entries import is_human_edited
from workbench.core.review.entries import entry_value, forms_of, set_forms
from workbench.core.review.model import SessionModel
from workbench.core.sources.units import UnitKey
from workbench.core.textio import atomic_write

JOURNAL_FORMAT = "workbench-recovery"
JOURNAL_VERSION = 2


@dataclass(frozen=True)
class RecoveryReport:
    lang: str
    restored: int  # entries put back as unsaved changes
    changed_on_disk: tuple[str, ...]  # sources whose entry changed since: mine restored, check


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
                entries = [
                    {
                        "context": key.context,
                        "msgid": key.source,
                        "forms": list(forms_of(lane.entries[key])),
                        "flags": list(lane.entries[key].flags),
                        "comment": lane.entries[key].comment,
                        "baseline": [list(baseline[0]), baseline[1]],
                    }
                    for key in lane.touched
                    for baseline in [lane.baseline.get(key, (("",), False))]
                ]
            if not entries:
                self._forget_journal(lang)
                continue
            journal = {
                "format": JOURNAL_FORMAT,
                "version": JOURNAL_VERSION,
                "document": self.source.name,
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
            for key, values in entries.items():
                if key not in self._weight:
                    continue  # the sentence or entry left the source
                entry = self._ensure_entry(lane, key)
                forms, fuzzy = entry_value(entry)
                if values["baseline"] not in (None, (forms, fuzzy)):
                    changed.append(key.source)
                if len(values["forms"]) == len(forms):  # else the plural forms changed: skip
                    set_forms(entry, values["forms"])
                entry.flags = list(values["flags"])
                entry.comment = values["comment"]
                if is_human_edited(entry):
                    lane.edited.add(key)
                else:
                    lane.edited.discard(key)
                self._changed(lane, key)
                restored += 1
        return RecoveryReport(lang, restored, tuple(changed))

    def discard_recovery(self, lang: str | None = None) -> None:
        """Forget the journal of `lang` (every language when None); waits for a journal
        being written."""
        with self._io_lock:
            for code in [lang] if lang else self.targets:
                self._forget_journal(code)

    def _read_journal(self, lang: str) -> dict[UnitKey, dict[str, Any]]:
        """The journal's entries by key, or nothing when there is none, it is not ours, or it
        belongs to another catalog of the same name."""
        try:
            data = json.loads(self.recovery_path(lang).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != JOURNAL_FORMAT:
            return {}
        if data.get("catalog") not in (None, str(self.catalog_path(lang))):
            return {}
        entries = data.get("entries")
        if data.get("version") == 1 and isinstance(entries, dict):  # msgid -> values
            entries = [
                {
                    **values,
                    "msgid": msgid,
                    "forms": [values.get("msgstr")],
                    "baseline": _v1_baseline(values.get("baseline")),
                }
                for msgid, values in entries.items()
                if isinstance(values, dict)
            ]
        if not isinstance(entries, list):
            return {}
        found = {}
        for values in entries:
            if _valid_entry(values):
                baseline = values.get("baseline")
                values["baseline"] = (
                    (tuple(baseline[0]), bool(baseline[1]))
                    if isinstance(baseline, list)
                    and len(baseline) == 2
                    and isinstance(baseline[0], list)
                    else None
                )
                found[UnitKey(values.get("context"), values["msgid"])] = values
        return found


def _v1_baseline(baseline: Any) -> Any:
    if isinstance(baseline, list) and len(baseline) == 2:
        return [[baseline[0]], baseline[1]]
    return None


def _valid_entry(values: Any) -> bool:
    return (
        isinstance(values, dict)
        and isinstance(values.get("msgid"), str)
        and isinstance(values.get("context"), str | None)
        and isinstance(values.get("forms"), list)
        and all(isinstance(form, str) for form in values["forms"])
        and bool(values["forms"])
        and isinstance(values.get("comment"), str)
        and isinstance(values.get("flags"), list)
        and all(isinstance(flag, str) for flag in values["flags"])
    )
