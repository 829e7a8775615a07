"""Running the checks on gettext catalogs: every live entry, fuzzy ones included.

The target language is the catalog's `Language` header (or the `<lang>/LC_MESSAGES/` folder it
sits in); the source language is the caller's, else the `X-Source-Language` header, else
English, gettext's default.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import polib

from workbench.core.catalog import Catalog, entry_forms, load_catalog
from workbench.core.checks.base import Problem, Severity
from workbench.core.checks.registry import run_checks, select_checks

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
    translated from English, the language most gettext catalogs are written in."""
    return catalog.languages(source_lang, default_source=DEFAULT_SOURCE_LANGUAGE)


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
    select_checks(only)  # unknown names fail before any work
    source, target = catalog_languages(catalog, source_lang)
    report = []
    for entry in catalog.entries():
        if not entry.msgid:  # a stray header
            continue
        problems = check_entry(entry, source, target, only=only, glossary=glossary)
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
) -> list[Problem]:
    """The problems of one entry; each plural form is checked against its source form."""
    problems: list[Problem] = []
    for label, source, target in entry_forms(entry):
        for problem in run_checks(
            source, target, source_lang, target_lang, only=only, glossary=glossary
        ):
            labelled = Problem(problem.check, problem.severity, f"{label}{problem.message}")
            if labelled not in problems:
                problems.append(labelled)
    return problems


def _shown_translation(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        return entry.msgstr_plural.get(0, "") if entry.msgstr_plural else ""
    return entry.msgstr
