"""QA checks on translations, each a small named unit whose docstring is its title.

Like Translate Toolkit's pofilter: a check looks at one source string and its translation,
knowing both languages, and reports problems with a severity (critical, functional,
cosmetic). `run_checks` runs them on one pair; `check_catalog` on every entry of a PO file,
with the catalog checks (CATALOG_CHECKS): what `msgfmt -c` calls fatal (`msgfmt.py`, format
strings per flag in `formats.py`), and the languages.
"""

from workbench.core.checks.base import CatalogCheck, Check, Pair, Problem, Severity
from workbench.core.checks.catalog import (
    EntryProblems,
    catalog_languages,
    check_catalog,
    check_entry,
    check_loaded_catalog,
    iso_language_name,
)
from workbench.core.checks.msgfmt import CatalogProblem, is_fatal, msgfmt_problems
from workbench.core.checks.registry import CATALOG_CHECKS, CHECKS, run_checks, select_checks

__all__ = [
    "CATALOG_CHECKS",
    "CHECKS",
    "CatalogCheck",
    "CatalogProblem",
    "Check",
    "EntryProblems",
    "Pair",
    "Problem",
    "Severity",
    "catalog_languages",
    "check_catalog",
    "check_entry",
    "check_loaded_catalog",
    "is_fatal",
    "iso_language_name",
    "msgfmt_problems",
    "run_checks",
    "select_checks",
]
