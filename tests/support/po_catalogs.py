"""Writing small gettext catalogs for tests, through polib."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib


@dataclass(frozen=True)
class Entry:
    msgid: str
    msgstr: str = ""
    fuzzy: bool = False
    obsolete: bool = False
    msgctxt: str | None = None
    msgid_plural: str = ""
    msgstr_plural: dict[int, str] = field(default_factory=dict)


def write_catalog(
    path: Path,
    entries: list[Entry | tuple[str, str]],
    *,
    language: str | None = "en",
    source_language: str | None = "fr",
) -> Path:
    """A PO file at `path` holding `entries` ((msgid, msgstr) pairs or Entry), with a header."""
    po = polib.POFile()
    po.metadata = {
        "Project-Id-Version": "test",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if language:
        po.metadata["Language"] = language
        po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    if source_language:
        po.metadata["X-Source-Language"] = source_language
    for item in entries:
        entry = item if isinstance(item, Entry) else Entry(*item)
        po_entry = polib.POEntry(
            msgid=entry.msgid,
            msgstr=entry.msgstr,
            msgctxt=entry.msgctxt,
            msgid_plural=entry.msgid_plural,
            msgstr_plural=dict(entry.msgstr_plural),
            obsolete=entry.obsolete,
        )
        if entry.fuzzy:
            po_entry.flags.append("fuzzy")
        po.append(po_entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path
