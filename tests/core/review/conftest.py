"""A seed document whose catalogs hold what `workbench translate` writes, for the session's tests."""

import pytest

from workbench.core.catalogs.comments import Draft
from workbench.core.catalogs.merge import build_template, merge_catalog
from workbench.core.catalogs.paths import catalog_path
from workbench.core.catalogs.pofile import render
from workbench.core.engines.base import Hypothesis
from workbench.core.sources.document import load_document
from workbench.core.textio import atomic_write

TARGETS = ("en", "az")


def machine_draft(msgid: str, lang: str) -> Draft:
    return Draft(
        (
            Hypothesis(f"{lang.upper()} {msgid}", -0.1),
            Hypothesis(f"{lang} second {msgid}", -0.5),
            Hypothesis(f"{lang} third {msgid}", -0.9),
        ),
        signature="test-engine 1.0",
    )


def write_catalogs(document, locales, targets=TARGETS):
    """What `workbench translate` writes: every entry a fuzzy machine draft with 3 candidates."""
    template = build_template([document], document.name)
    for lang in targets:
        drafts = {entry.msgid: machine_draft(entry.msgid, lang) for entry in template}
        po, _ = merge_catalog(None, template, lang, drafts)
        atomic_write(catalog_path(locales, lang, document.name), render(po))


@pytest.fixture
def seed(tmp_path, seed_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    document = load_document(seed_path)
    write_catalogs(document, tmp_path / "locales")
    return document
