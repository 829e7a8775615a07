"""Gettext catalogs: the PO/POT files a translation job writes and a translator reviews.

Owns the file (`pofile.py`: the one reader, checked as msgfmt checks, and the renderer), the
entry (`entries.py`: key, state, forms, the unit it is), the machine output recorded in its
comments (`comments.py`: `Draft`, `MachineRecord`), the template and msgmerge-style merging
(`merge.py`), where catalogs live (`paths.py`), plural forms (`plurals.py`), a catalog read as
a source (`source.py`) and the confidence of its drafts (`confidence.py`). The jobs on whole
catalogs that also use the QA checks or the memory, importing one edited elsewhere
(`importing.py`), compiling to .mo (`compile.py`) and statistics (`stats.py`), are imported by
their own paths: nothing else here imports the checks, the memory or the glossary.
"""

from workbench.core.catalogs.comments import Draft, MachineRecord, machine_record
from workbench.core.catalogs.entries import EntryState, entry_key, entry_state, units_of_catalog
from workbench.core.catalogs.merge import (
    UpdateSummary,
    build_template,
    catalog_plural_forms,
    merge_catalog,
    plan_catalog,
    write_plans,
)
from workbench.core.catalogs.paths import (
    catalog_path,
    find_catalogs,
    settled_keys,
    settled_msgids,
    template_path,
)
from workbench.core.catalogs.pofile import Catalog, load_catalog, parse_po, render

__all__ = [
    "Catalog",
    "Draft",
    "EntryState",
    "MachineRecord",
    "UpdateSummary",
    "build_template",
    "catalog_path",
    "catalog_plural_forms",
    "entry_key",
    "entry_state",
    "find_catalogs",
    "load_catalog",
    "machine_record",
    "merge_catalog",
    "parse_po",
    "plan_catalog",
    "render",
    "settled_keys",
    "settled_msgids",
    "template_path",
    "units_of_catalog",
    "write_plans",
]
