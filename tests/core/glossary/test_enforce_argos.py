"""Enforcement through the tiny real Argos packages (fr→en copy, en→az permuted pieces)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPO
from workbench.core.glossary import check_terms, find_terms, load_glossary
from workbench.core.glossary.enforce import TermEnforcer
from workbench.core.sources.document import load_document


@pytest.mark.parametrize("target", ["en", "az"])
def test_seed_terms_all_come_out_preferred(tiny_packages, seed_path: Path, target: str) -> None:
    from workbench.core.engines.argos import open_engine

    glossary = load_glossary(REPO / "glossaries" / "azertac.tbx")
    sentences = [segment.text for segment in load_document(seed_path).segments]
    engine = open_engine("fr", target, install_missing=False)
    plain = engine.translate_batch(sentences, n_best=1)
    wrong_without = sum(
        len(check_terms(glossary, s, h[0].text, "fr", target))
        for s, h in zip(sentences, plain, strict=True)
    )
    assert wrong_without > 10  # the copy model leaves French names in place

    results = TermEnforcer(glossary, "fr", target).translate(engine, sentences, n_best=2)
    occurrences = 0
    for sentence, result in zip(sentences, results, strict=True):
        best = result.hypotheses[0].text
        assert check_terms(glossary, sentence, best, "fr", target) == [], (sentence, best)
        assert not any(note.endswith("(failed)") for note in result.notes)
        occurrences += len(find_terms(glossary, sentence, "fr", inflected=False))
    assert occurrences >= 40
