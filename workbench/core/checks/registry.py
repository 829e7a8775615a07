"""The checks by name, and running them on one source/target pair."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from workbench.core.checks import content, numbers, placeholders, punctuation, spacing
from workbench.core.checks.base import CatalogCheck, Check, Pair, Problem, Severity
from workbench.core.errors import InputError

if TYPE_CHECKING:
    from workbench.core.glossary import Glossary

# Every check, by name, in the order reports list them.
CHECKS: dict[str, Check] = {
    check.name: check
    for check in (
        content.untranslated,
        content.unchanged,
        placeholders.placeholders,
        numbers.numbers,
        content.glossary,
        content.sentencecount,
        content.length,
        punctuation.endpunc,
        punctuation.brackets,
        punctuation.quotes,
        spacing.doublewords,
        spacing.doublespacing,
        spacing.startwhitespace,
        spacing.endwhitespace,
    )
}


# Checks of a whole catalog, run by `check_loaded_catalog`: what msgfmt -c calls fatal
# (msgfmt.py) and what a catalog's header tells about its languages (checks/catalog.py).
CATALOG_CHECKS: dict[str, CatalogCheck] = {
    check.name: check
    for check in (
        CatalogCheck(
            "header",
            Severity.CRITICAL,
            "Checks that the catalog has a header and, when it has plural entries, a valid "
            "Plural-Forms (nplurals and a plural formula that fits it), as msgfmt -c requires.",
        ),
        CatalogCheck(
            "pluralforms",
            Severity.CRITICAL,
            "Checks that every plural entry has as many forms as the header's nplurals.",
        ),
        CatalogCheck(
            "formats",
            Severity.CRITICAL,
            "Checks format strings per the entry's flag (c-format with %1$s, python-format "
            "named and positional, python-brace-format, javascript-format), as msgfmt --check-format.",
        ),
        CatalogCheck(
            "newlines",
            Severity.CRITICAL,
            "Checks that the translation begins and ends with a line break exactly when the msgid does.",
        ),
        CatalogCheck(
            "language",
            Severity.FUNCTIONAL,
            "Checks that the languages are ones CLDR has data for; an ISO 639 code it lacks "
            "(udm) is accepted with this warning and checked with default conventions.",
        ),
        CatalogCheck(
            "charset",
            Severity.FUNCTIONAL,
            "Checks that the header declares a Content-Type with a known charset (msgfmt warns).",
        ),
    )
}


def select_checks(only: Collection[str] | None = None) -> list[Check]:
    """The entry checks named in `only` (all when None), in report order; InputError for names
    that are neither an entry check nor a catalog check (CATALOG_CHECKS)."""
    if only is None:
        return list(CHECKS.values())
    known = set(CHECKS) | set(CATALOG_CHECKS)
    unknown = sorted(set(only) - known)
    if unknown:
        raise InputError(
            f"unknown check {', '.join(unknown)}; 'workbench check --list' shows the {len(known)} checks"
        )
    return [check for name, check in CHECKS.items() if name in only]


def run_checks(
    source: str,
    target: str,
    source_lang: str,
    target_lang: str,
    *,
    only: Collection[str] | None = None,
    glossary: Glossary | None = None,
    flags: Collection[str] = (),
    single_number: bool = False,
) -> list[Problem]:
    """The problems of one translation; an untranslated string gets only `untranslated`.

    `flags` are the catalog entry's (python-format, no-c-format, …); `single_number` says the
    string is a plural form chosen by one number only (see Pair)."""
    pair = Pair(source, target, source_lang, target_lang, glossary, frozenset(flags), single_number)
    selected = select_checks(only)
    if not target.strip():
        selected = [check for check in selected if check is content.untranslated]
    return [problem for check in selected for problem in check.run(pair)]
