"""PO and POT files read and written through polib: the one reader, checked as msgfmt checks.

`load_catalog` reads a .po or .pot into a `Catalog` (the polib file and the stamp that guards
against overwriting someone's edits); `render` writes it back as polib does, but keeps our
labelled automatic comments one line each.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

import polib

from workbench.core.catalogs.entries import entry_key
from workbench.core.errors import InputError
from workbench.core.languages import normalise_language
from workbench.core.sources.units import UnitKey
from workbench.core.textio import FileStamp, atomic_write, decode_utf8, read_input_bytes

WRAP_WIDTH = 79


@dataclass
class Catalog:
    """A PO file as read, with the stamp that guards against overwriting someone's edits."""

    path: Path
    po: polib.POFile
    stamp: FileStamp

    @property
    def language(self) -> str:
        return self.po.metadata.get("Language", "")

    @property
    def source_language(self) -> str:
        return self.po.metadata.get("X-Source-Language", "")

    def languages(
        self, source: str | None = None, *, default_source: str | None = None
    ) -> tuple[str, str]:
        """(source, target) languages, normalised: the target from the Language header (else the
        LANG/LC_MESSAGES/ folder), the source from `source`, else X-Source-Language, else
        `default_source`; an InputError that says what to set when either is unknown."""
        folder = self.path.parent
        target = self.language or (folder.parent.name if folder.name == "LC_MESSAGES" else "")
        if not target:
            raise InputError(
                f"cannot tell the language of {self.path}: set its Language header (e.g. Language: az) "
                f"or keep it under LANG/LC_MESSAGES/"
            )
        source = source or self.source_language or default_source
        if not source:
            raise InputError(
                f"cannot tell the source language of {self.path}: it has no X-Source-Language header; "
                f"pass --from (e.g. --from fr)"
            )
        return normalise_language(source), normalise_language(target)

    def entries(self) -> list[polib.POEntry]:
        """The live (non-obsolete) entries, in file order."""
        return [entry for entry in self.po if not entry.obsolete]

    def find(self, msgid: str) -> polib.POEntry | None:
        return self.po.find(msgid)

    def save(self) -> None:
        """Write atomically; ConflictError if the file changed on disk since it was read."""
        self.stamp = atomic_write(self.path, render(self.po), expected=self.stamp)

    def changed_on_disk(self) -> bool:
        return FileStamp.of(self.path) != self.stamp


_POLIB_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")


def parse_po(text: str, origin: Path | str = "<catalog>") -> polib.POFile:
    """Parse PO text with polib; a one-line `file:line: what is wrong` InputError for malformed
    input, and for a catalog msgfmt would reject as holding an entry twice."""
    if not text.strip():
        raise InputError(f"{origin} is empty: not a gettext catalog")
    _check_quoted_strings(text, origin)
    try:
        po = polib.pofile(text, wrapwidth=WRAP_WIDTH)
    except (OSError, ValueError) as error:
        message = str(error).splitlines()[0] if str(error) else ""
        found = _POLIB_LINE.search(message)
        where = f"{origin}:{found[1]}" if found else str(origin)
        detail = (found[2] if found and found[2] else "") or "syntax error"
        raise InputError(_not_valid(where, origin, detail)) from None
    _check_duplicates(po, text, origin)
    return po


def _not_valid(where: str, origin: Path | str, detail: str) -> str:
    return f"{where}: {detail}; {origin} is not a valid PO file: fix it or restore a backup"


def _check_duplicates(po: polib.POFile, text: str, origin: Path | str) -> None:
    # msgfmt refuses a catalog holding (msgctxt, msgid) twice; merging one would lose a version.
    first: dict[UnitKey, int] = {}
    for entry in po:
        if entry.obsolete:
            continue
        key = entry_key(entry)
        if key not in first:
            first[key] = getattr(entry, "linenum", 0)
            continue
        lines = text.splitlines()
        seen, line = (_msgid_line(lines, n) for n in (first[key], entry.linenum))
        raise InputError(
            f"{origin}:{line}: duplicate message definition (first at line {seen}); "
            f"msgfmt rejects it: remove one copy (msguniq merges them)"
        )


def _msgid_line(lines: list[str], start: int) -> int:
    """The line of an entry's msgid, as msgfmt reports it (polib counts from its comments)."""
    for number in range(max(start, 1), len(lines) + 1):
        if lines[number - 1].lstrip().startswith("msgid"):
            return number
    return start


_KEYWORD_LINE = re.compile(
    r'^(?:#~\s*)?(?:#\|\s*)?(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)?\s*(".*)$'
)
_QUOTED = re.compile(r'^"(?:[^"\\]|\\.)*"\s*$')


def _check_quoted_strings(text: str, origin: Path | str) -> None:
    # polib silently truncates an unterminated string (losing text); msgfmt calls it fatal.
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and not stripped.startswith(("#~", "#|"))):
            continue
        if stripped[-1] == '"' and stripped.count('"') == 2 and "\\" not in stripped:
            continue  # one plain string, closed: most lines, and fine whatever precedes it
        match = _KEYWORD_LINE.match(stripped)
        if match and not _QUOTED.match(match[1]):
            raise InputError(_not_valid(f"{origin}:{number}", origin, "unterminated string"))


def load_catalog(path: Path) -> Catalog:
    """The one catalog reader (.po and .pot) every command uses."""
    path = Path(path)
    data = read_input_bytes(path, "catalog")
    po = parse_po(decode_catalog(data, path), path)
    return Catalog(path=path, po=po, stamp=FileStamp.of_bytes(data))


def decode_catalog(data: bytes, path: Path) -> str:
    """The catalog's text in the charset its header declares (as gettext reads it), else UTF-8."""
    charset = polib.detect_encoding(data).lower().replace("_", "-")
    if charset in {"utf-8", "utf8", "ascii", "us-ascii"}:
        return decode_utf8(data, path, "catalog")
    try:
        return data.decode(charset)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"{path}:{line}: byte 0x{data[error.start]:02x} is not {charset}, the charset its "
            f"header declares; fix the header's Content-Type or the file's encoding"
        ) from None


def render(po: polib.POFile) -> str:
    """`str(po)`, but with `render_entry`'s one-line automatic comments."""
    po.wrapwidth = WRAP_WIDTH
    ordered = [*(e for e in po if not e.obsolete), *po.obsolete_entries()]
    return "\n".join([render_head(po), *(render_entry(entry) for entry in ordered)])


def render_head(po: polib.POFile) -> str:
    """The header comments and the metadata entry, as `str(po)` starts."""
    head = polib.POFile(wrapwidth=WRAP_WIDTH)
    head.header = po.header
    head.metadata = po.metadata
    head.metadata_is_fuzzy = po.metadata_is_fuzzy
    return str(head)


def render_entry(entry: polib.POEntry) -> str:
    """polib's text for `entry`, except that automatic comments stay one line each: polib wraps
    them at the wrap width, which splits our labelled lines (the README promises one each)."""
    if entry.obsolete or not entry.comment:
        return entry.__unicode__(WRAP_WIDTH)
    bare = copy.copy(entry)
    bare.comment = ""
    lines = bare.__unicode__(WRAP_WIDTH).split("\n")
    at = next((i for i, line in enumerate(lines) if not line.startswith("# ")), len(lines))
    lines[at:at] = [f"#. {line}" for line in entry.comment.split("\n")]  # after "# " notes
    return "\n".join(lines)


def translations(catalog: Catalog, *, include_fuzzy: bool = True) -> dict[str, str]:
    """msgid -> msgstr of the live entries that have a translation."""
    return {
        entry.msgid: entry.msgstr
        for entry in catalog.entries()
        if entry.msgstr and (include_fuzzy or "fuzzy" not in entry.flags)
    }
