"""QA checks on translations, each a small named unit whose docstring is its title.

Like Translate Toolkit's pofilter: a check looks at one source string and its translation,
knowing both languages, and reports problems with a severity (critical, functional,
cosmetic). `run_checks` runs them on one pair; `check_catalog` on every entry of a PO file.
"""

from workbench.core.checks.base import Check, Pair, Problem, Severity
from workbench.core.checks.catalog import (
    EntryProblems,
    catalog_languages,
    check_catalog,
    check_entry,
    check_loaded_catalog,
    iso_language_name,
)
from workbench.core.checks.msgfmt import (
    CATALOG_CHECKS,
    CatalogCheck,
    CatalogProblem,
    is_fatal,
    msgfmt_problems,
)
from workbench.core.checks.registry import CHECKS, run_checks, select_checks

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
