"""What the review checks a translation with: `check`'s checks plus msgfmt -c's verdict.

Each plural form is checked against the source it translates, the entry's format flags
respected; what would make `msgfmt -c` reject the entry is said msgfmt's way, once. The
checks run on a detached entry, so a worker never reads an entry the UI is changing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import polib

from workbench.core.sources.units import TranslationUnit

if TYPE_CHECKING:
    from workbench.core.catalogs.plurals import PluralRule
    from workbench.core.checks import Problem
    from workbench.core.glossary import Glossary


def probe_entry(unit: TranslationUnit, forms: Sequence[str]) -> polib.POEntry:
    """A detached entry with the unit's source and flags and these forms."""
    flags = [flag for flag in unit.flags if flag != "fuzzy"]
    if unit.is_plural:
        return polib.POEntry(
            msgid=unit.source,
            msgctxt=unit.context,
            msgid_plural=unit.plural_source,
            msgstr_plural=dict(enumerate(forms)),
            flags=flags,
        )
    return polib.POEntry(msgid=unit.source, msgctxt=unit.context, msgstr=forms[0], flags=flags)


def msgfmt_rejection(unit: TranslationUnit, forms: Sequence[str], rule: PluralRule | None) -> str:
    """Why `msgfmt -c` would reject these forms once approved ("" when it would not)."""
    from workbench.core.checks.msgfmt import entry_fatal_problems

    problems = entry_fatal_problems(probe_entry(unit, forms), rule)
    return problems[0].message if problems else ""


def translation_problems(
    unit: TranslationUnit,
    forms: Sequence[str],
    source_lang: str,
    target_lang: str,
    *,
    glossary: Glossary | None,
    rule: PluralRule | None,
) -> list[Problem]:
    """Every problem of the translation `forms` of `unit`."""
    from workbench.core.checks import Problem  # on first use: opening stays fast
    from workbench.core.checks.catalog import check_entry
    from workbench.core.checks.msgfmt import entry_fatal_problems

    probe = probe_entry(unit, forms)
    found: list[Problem] = []
    if all(forms):  # an empty form is "untranslated"; its format is judged once filled
        found = [Problem(p.check, p.severity, p.message) for p in entry_fatal_problems(probe, rule)]
    fatal_checks = {problem.check for problem in found}  # said once, msgfmt's way
    for problem in check_entry(
        probe, source_lang, target_lang, glossary=glossary, plural_rule=rule
    ):
        if problem.check not in fatal_checks and problem not in found:
            found.append(problem)
    return found
