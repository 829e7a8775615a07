"""What `msgfmt -c` (--check-format --check-header --check-domain) treats as fatal, per catalog.

GNU msgfmt refuses to compile a catalog with: no header (or an empty one); plural entries but no
`nplurals=`/`plural=` in the header; an invalid nplurals or plural expression, or one that can
produce a negative form, a form past nplurals or a division by zero (evaluated for n = 0…1000);
plural entries whose count of forms differs from nplurals; a translation that does not begin and
end with a line break exactly when its msgid does; a format string (per the entry's flag) that
does not match its msgid's (`formats.py`). Like msgfmt, obsolete, fuzzy and untranslated
entries are skipped (a plural entry is untranslated when its first form is empty); the review
checks pass `include_fuzzy=True` to see the drafts too, since approving one makes it count.
The plural expression is parsed by Python's own `gettext.c2py`, the parser gettext.py uses.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import polib

from workbench.core.catalogs.plurals import PluralRule, parse_plural_rule
from workbench.core.checks.base import Severity
from workbench.core.checks.formats import active_format, format_problems

# msgfmt evaluates the plural formula on these numbers and calls a form "often used" (checked
# strictly) when at least 5 of them select it.


@dataclass(frozen=True)
class CatalogProblem:
    """A problem found at a line of a catalog (the header's or an entry's)."""

    line: int
    check: str
    severity: Severity
    message: str
    entry: polib.POEntry | None  # None for the header


def msgfmt_problems(
    po: polib.POFile, path: Path | None = None, *, include_fuzzy: bool = False
) -> list[CatalogProblem]:
    """Every problem that makes `msgfmt -c` fail on this catalog (plus its charset warning)."""
    line = header_line(path)
    problems: list[CatalogProblem] = []
    entries = [entry for entry in po if _counted(entry, include_fuzzy)]
    if not po.metadata:
        problems.append(
            CatalogProblem(
                line, "header", Severity.CRITICAL, "the header is missing or empty", None
            )
        )
    else:
        problems.extend(_charset_problems(po.metadata, line))
    rule, plural_problems = _plural_rule(po.metadata, entries, line)
    problems.extend(plural_problems)
    for entry in entries:
        problems.extend(_entry_problems(entry, rule))
    return problems


def is_fatal(problem: CatalogProblem) -> bool:
    """Whether msgfmt -c fails on it (the charset and language warnings do not)."""
    return problem.severity is Severity.CRITICAL


def _counted(entry: polib.POEntry, include_fuzzy: bool) -> bool:
    """Whether msgfmt looks at the entry: live, translated (first form), not fuzzy."""
    if entry.obsolete or not entry.msgid:
        return False
    if not include_fuzzy and entry.fuzzy:
        return False
    first = entry.msgstr_plural.get(0, "") if entry.msgid_plural else entry.msgstr
    return bool(first)


def header_line(path: Path | None) -> int:
    """The line of the header's `msgid ""`, where msgfmt reports header problems (1 if none)."""
    if path is None or not Path(path).is_file():
        return 1
    with Path(path).open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, 1):
            if re.match(r'msgid\s+""\s*$', line):
                return number
            if line.startswith("msgid"):
                break
    return 1


def _charset_problems(metadata: dict[str, str], line: int) -> Iterator[CatalogProblem]:
    content_type = metadata.get("Content-Type", "")
    match = re.search(r"charset=([^\s;]+)", content_type)
    if not match:
        yield CatalogProblem(
            line,
            "charset",
            Severity.FUNCTIONAL,
            "the header has no Content-Type charset (set Content-Type: text/plain; charset=UTF-8)",
            None,
        )
    elif not _known_encoding(match[1]):
        yield CatalogProblem(
            line,
            "charset",
            Severity.FUNCTIONAL,
            f"charset {match[1]} is not an encoding name (use UTF-8)",
            None,
        )


def _known_encoding(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _plural_rule(
    metadata: dict[str, str], entries: list[polib.POEntry], line: int
) -> tuple[PluralRule | None, list[CatalogProblem]]:
    """The header's plural rule, and the problems msgfmt's check_plural finds with it."""
    plural_entries = [entry for entry in entries if entry.msgid_plural]
    header = _header_text(metadata)
    if not metadata:
        return None, []
    rule, error = parse_plural_rule(header)
    if error and (plural_entries or ("plural=" in header and "nplurals=" in header)):
        return None, [CatalogProblem(line, "header", Severity.CRITICAL, error, None)]
    if rule is None:
        return None, []
    wrong = [entry for entry in plural_entries if len(entry.msgstr_plural) != rule.nplurals]
    if wrong:
        problems = [
            CatalogProblem(
                entry.linenum,
                "pluralforms",
                Severity.CRITICAL,
                f"{len(entry.msgstr_plural)} plural forms where the header's Plural-Forms says "
                f"nplurals = {rule.nplurals}",
                entry,
            )
            for entry in wrong
        ]
        return None, problems  # after an error msgfmt checks plural forms leniently
    return rule, []


def catalog_plural_rule(po: polib.POFile) -> PluralRule | None:
    """The plural rule of a catalog's header, or None when it has no valid one."""
    return parse_plural_rule(_header_text(po.metadata))[0] if po.metadata else None


def _header_text(metadata: dict[str, str]) -> str:
    return "\n".join(f"{key}: {value}" for key, value in metadata.items())


def _entry_problems(entry: polib.POEntry, rule: PluralRule | None) -> Iterator[CatalogProblem]:
    def problem(check: str, message: str) -> CatalogProblem:
        return CatalogProblem(entry.linenum, check, Severity.CRITICAL, message, entry)

    forms = _forms(entry)
    for side, test in (("begin", str.startswith), ("end", str.endswith)):
        expected = test(entry.msgid, "\n")
        if entry.msgid_plural and test(entry.msgid_plural, "\n") != expected:
            yield problem("newlines", f"msgid and msgid_plural do not both {side} with \\n")
        for label, text in forms:
            if test(text, "\n") != expected:
                yield problem("newlines", f"msgid and {label} do not both {side} with \\n")
    kind = active_format(entry.flags)
    if kind is None:
        return
    source, source_label = (
        (entry.msgid_plural, "msgid_plural") if entry.msgid_plural else (entry.msgid, "msgid")
    )
    for index, (label, text) in enumerate(forms):
        strict = not entry.msgid_plural or (
            rule is not None and index < len(rule.often) and rule.often[index]
        )
        for message in format_problems(
            kind, source, text, strict=strict, msgid_label=source_label, msgstr_label=label
        ):
            yield problem("formats", message)


def _forms(entry: polib.POEntry) -> list[tuple[str, str]]:
    if entry.msgid_plural:
        return [
            (f"msgstr[{index}]", entry.msgstr_plural[index])
            for index in sorted(entry.msgstr_plural)
        ]
    return [("msgstr", entry.msgstr)]


def entry_fatal_problems(entry: polib.POEntry, rule: PluralRule | None) -> list[CatalogProblem]:
    """What makes `msgfmt -c` reject this entry once it is translated and not fuzzy (the
    review asks before it approves or saves one)."""
    return list(_entry_problems(entry, rule))
