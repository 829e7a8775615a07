"""Running the checks on gettext catalogs: every live entry, fuzzy ones included.

The target language is the catalog's `Language` header (or the `<lang>/LC_MESSAGES/` folder it
sits in); the source language is the caller's, else the `X-Source-Language` header, else
English, gettext's default.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import polib
from babel import Locale

from workbench.core.catalogs.entries import entry_forms
from workbench.core.catalogs.pofile import Catalog, load_catalog
from workbench.core.checks.base import Problem, Severity
from workbench.core.checks.msgfmt import (
    PluralRule,
    catalog_plural_rule,
    header_line,
    msgfmt_problems,
)
from workbench.core.checks.registry import run_checks, select_checks
from workbench.core.errors import InputError
from workbench.core.languages import normalise_language

if TYPE_CHECKING:
    from workbench.core.glossary import Glossary

DEFAULT_SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class EntryProblems:
    """The problems of one catalog entry, with where to find it."""

    path: Path
    line: int  # of the entry in the PO file, from 1
    msgid: str
    msgstr: str
    msgctxt: str | None
    fuzzy: bool
    problems: tuple[Problem, ...]

    @property
    def worst(self) -> Severity:
        return min((problem.severity for problem in self.problems), key=lambda s: s.rank)


def catalog_languages(catalog: Catalog, source_lang: str | None = None) -> tuple[str, str]:
    """(source, target) language of a catalog; a catalog that names no source is checked as
    translated from English, the language most gettext catalogs are written in. A code CLDR
    has no locale for but that names an ISO 639 language (udm, Udmurt) is taken as it is."""
    try:
        return catalog.languages(source_lang, default_source=DEFAULT_SOURCE_LANGUAGE)
    except InputError:
        folder = catalog.path.parent
        target = catalog.language or (folder.parent.name if folder.name == "LC_MESSAGES" else "")
        source = source_lang or catalog.source_language or DEFAULT_SOURCE_LANGUAGE
        if not (iso_language_name(target) and iso_language_name(source)):
            raise
        known = [normalise_language(code) if _in_cldr(code) else code for code in (source, target)]
        return known[0], known[1]


def iso_language_name(code: str) -> str | None:
    """The English name of the language a code names, from CLDR's list of ISO 639 languages."""
    base = code.strip().replace("-", "_").split("_")[0].split("@")[0].lower()
    return _language_names().get(base)


@lru_cache(maxsize=1)
def _language_names() -> dict[str, str]:
    """CLDR's English names of languages, by ISO 639 code, many of them without a locale."""
    return dict(Locale("en").languages)


def _in_cldr(code: str) -> bool:
    try:
        normalise_language(code)
    except InputError:
        return False
    return True


def language_problems(catalog: Catalog, source_lang: str | None = None) -> list[Problem]:
    """A warning for a language CLDR has no data for: its checks fall back to defaults."""
    problems = []
    for code in catalog_languages(catalog, source_lang):
        if not _in_cldr(code):
            problems.append(
                Problem(
                    "language",
                    Severity.FUNCTIONAL,
                    f"{code} ({iso_language_name(code)}) is an ISO 639 language CLDR has no locale "
                    f"for: numbers, quotes and lengths are checked with default conventions",
                )
            )
    return problems


def check_catalog(
    po_path: Path,
    *,
    source_lang: str | None = None,
    only: Collection[str] | None = None,
    glossary: Glossary | None = None,
) -> list[EntryProblems]:
    """Read a PO file and check it: the entries that have problems, in file order."""
    return check_loaded_catalog(
        load_catalog(Path(po_path)), source_lang=source_lang, only=only, glossary=glossary
    )


def check_loaded_catalog(
    catalog: Catalog,
    *,
    source_lang: str | None = None,
    only: Collection[str] | None = None,
    glossary: Glossary | None = None,
) -> list[EntryProblems]:
    """Every problem: the header's first (line of `msgid ""`), then each entry's, in file order.

    The catalog checks (msgfmt's fatal errors, `msgfmt.py`) also look at fuzzy drafts, which
    msgfmt skips: approving such a draft would make the catalog fail to compile."""
    select_checks(only)  # unknown names fail before any work

    def wanted(name: str) -> bool:
        return only is None or name in only

    source, target = catalog_languages(catalog, source_lang)
    found = msgfmt_problems(catalog.po, catalog.path, include_fuzzy=True)
    header = [
        Problem(p.check, p.severity, p.message)
        for p in found
        if p.entry is None and wanted(p.check)
    ]
    header.extend(p for p in language_problems(catalog, source_lang) if wanted(p.check))
    rule = catalog_plural_rule(catalog.po)
    by_entry: dict[int, list[Problem]] = {}
    for p in found:
        if p.entry is not None and wanted(p.check):
            by_entry.setdefault(id(p.entry), []).append(Problem(p.check, p.severity, p.message))
    report = []
    if header:
        report.append(
            EntryProblems(
                catalog.path, header_line(catalog.path), "", "", None, False, tuple(header)
            )
        )
    for entry in catalog.entries():
        if not entry.msgid:  # a stray header
            continue
        problems = by_entry.get(id(entry), [])
        problems += check_entry(
            entry, source, target, only=only, glossary=glossary, plural_rule=rule
        )
        if problems:
            report.append(
                EntryProblems(
                    path=catalog.path,
                    line=entry.linenum,
                    msgid=entry.msgid,
                    msgstr=_shown_translation(entry),
                    msgctxt=entry.msgctxt,
                    fuzzy=entry.fuzzy,
                    problems=tuple(problems),
                )
            )
    return report


def check_entry(
    entry: polib.POEntry,
    source_lang: str,
    target_lang: str,
    *,
    only: Collection[str] | None = None,
    glossary: Glossary | None = None,
    plural_rule: PluralRule | None = None,
) -> list[Problem]:
    """The problems of one entry; each plural form is checked against its source form.

    With the catalog's `plural_rule`, a form it picks for one number only may leave out a
    placeholder, as msgfmt allows."""
    problems: list[Problem] = []
    for index, (label, source, target) in enumerate(entry_forms(entry)):
        for problem in run_checks(
            source,
            target,
            source_lang,
            target_lang,
            only=only,
            glossary=glossary,
            flags=entry.flags,
            single_number=bool(entry.msgid_plural) and _single_number(plural_rule, index),
        ):
            labelled = Problem(problem.check, problem.severity, f"{label}{problem.message}")
            if labelled not in problems:
                problems.append(labelled)
    return problems


def _single_number(rule: PluralRule | None, index: int) -> bool:
    return rule is not None and index < len(rule.often) and not rule.often[index]


def _shown_translation(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        return entry.msgstr_plural.get(0, "") if entry.msgstr_plural else ""
    return entry.msgstr
