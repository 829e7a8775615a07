"""Glossary enforcement through fake engines: rerank, placeholders, suffixes, pivots, notes."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import REPO
from workbench.core.engines.base import Engine, Hypothesis, PivotEngine
from workbench.core.errors import Cancelled
from workbench.core.glossary import Glossary, check_terms, load_glossary
from workbench.core.glossary.enforce import TermEnforcer


class FakeEngine(Engine):
    """Translates with a function returning n-best texts; records every batch call."""

    def __init__(self, source: str, target: str, translate: Callable[[str], list[str]]) -> None:
        super().__init__()
        self.source, self.target = source, target
        self._translate = translate
        self.calls: list[list[str]] = []

    @property
    def signature(self) -> str:
        return f"fake {self.source}-{self.target}"

    def translate_batch(self, sentences, **kwargs):  # type: ignore[no-untyped-def]
        self.calls.append(list(sentences))
        return super().translate_batch(sentences, **kwargs)

    def translate_prepared(self, batch: list[str], n_best: int) -> list[list[Hypothesis]]:
        return [
            [Hypothesis(text, -0.1 * rank) for rank, text in enumerate(self._translate(s)[:n_best])]
            for s in batch
        ]


def copy(sentence: str) -> list[str]:
    return [sentence]


def scramble(sentence: str) -> list[str]:
    """Like the tiny en→az test model: lowercase ASCII words of 3+ letters change."""
    return [re.sub(r"\b[a-z]{3,}\b", lambda m: m.group()[::-1], sentence)]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary(REPO / "glossaries" / "azertac.tbx")


def test_rerank_prefers_the_compliant_hypothesis(glossary: Glossary) -> None:
    engine = FakeEngine(
        "fr", "az", lambda s: ["Hikmet Hadjiyev Bakuda idi.", "Hikmət Hacıyev Bakıda idi."]
    )
    [result] = TermEnforcer(glossary, "fr", "az").translate(
        engine, ["Hikmet Hadjiyev était à Bakou."], n_best=2
    )
    assert [h.text for h in result.hypotheses] == [
        "Hikmət Hacıyev Bakıda idi.",
        "Hikmet Hadjiyev Bakuda idi.",
    ]
    assert result.notes == [
        "Term: Hikmet Hadjiyev → Hikmət Hacıyev (rerank)",
        "Term: Bakou → Bakı (rerank)",
    ]
    assert result.problems == []
    assert len(engine.calls) == 1  # no placeholder pass was needed


def locative(sentence: str) -> list[str]:
    """A fake fr→az model: "à X" becomes "X" + a locative ending it guesses as "da"."""
    return [re.sub(r"\bà (l')?(\w+)", r"\2da", sentence)]


def test_placeholder_restores_the_term_and_keeps_the_suffix(glossary: Glossary) -> None:
    engine = FakeEngine("fr", "az", locative)
    sentences = ["Il vit à Bakou.", "Il parle à l'ONU.", "Rien à signaler."]
    results = TermEnforcer(glossary, "fr", "az").translate(engine, sentences, n_best=1)
    assert [r.hypotheses[0].text for r in results] == [
        "Il vit Bakıda.",  # ZX1Qda -> Bakı + da
        "Il parle BMT-də.",  # re-harmonised for "be-em-te" and written with a hyphen
        "Rien signalerda.",
    ]
    assert results[0].notes == ["Term: Bakou → Bakı (placeholder)"]
    assert results[1].notes == ["Term: ONU → BMT (placeholder)"]
    assert results[2].notes == []
    assert all(not r.problems for r in results)
    # Batched: one call for every sentence, then one call for the sentences that needed help.
    assert engine.calls == [sentences, ["Il vit à ZX1Q.", "Il parle à l'ZX1Q."]]
    assert (
        results[0].hypotheses[1].text == "Il vit Bakouda."
    )  # the unenforced output stays as an alternative


def test_pivot_keeps_the_term_protected_on_the_first_leg(glossary: Glossary) -> None:
    first = FakeEngine("fr", "en", copy)
    second = FakeEngine("en", "az", scramble)
    engine = PivotEngine(first, second)
    sentences = ["Hikmet Hadjiyev est à Bakou avec l'OMS.", "Le sommet est fini."]
    results = TermEnforcer(glossary, "fr", "az").translate(engine, sentences, n_best=1)
    best = results[0].hypotheses[0]
    assert best.text == "Hikmət Hacıyev tse à Bakı ceva l'ÜST."
    assert best.pivot == "Hikmat Hajiyev est à Baku avec l'WHO."
    assert results[0].problems == []
    assert check_terms(glossary, sentences[0], best.pivot, "fr", "en") == []
    assert {note.rsplit(" (", 1)[1] for note in results[0].notes} == {"placeholder)"}
    assert results[1].hypotheses[0].text == "Le temmos tse inif."
    # Each leg is called once per phase with all its sentences.
    assert first.calls == [sentences, ["ZX1Q est à ZX2Q avec l'ZX3Q."]]
    assert second.calls == [sentences, ["ZX1Q est à ZX2Q avec l'ZX3Q."]]


def test_terms_already_right_are_left_alone(glossary: Glossary) -> None:
    engine = FakeEngine("fr", "en", copy)
    [result] = TermEnforcer(glossary, "fr", "en").translate(engine, ["AZERTAC, New York"])
    assert result.hypotheses[0].text == "AZERTAC, New York"
    assert result.notes == [
        "Term: AZERTAC → AZERTAC (already correct)",
        "Term: New York → New York (already correct)",
    ]
    assert len(engine.calls) == 1


def test_a_model_that_drops_placeholders_is_reported_as_failed(glossary: Glossary) -> None:
    engine = FakeEngine("fr", "en", lambda s: [re.sub(r"ZX\d+Q", "", s)])
    [result] = TermEnforcer(glossary, "fr", "en").translate(engine, ["Il vit à Bakou."])
    assert result.hypotheses[0].text == "Il vit à Bakou."
    assert result.notes == ["Term: Bakou → Baku (failed)"]
    assert [p.kind for p in result.problems] == ["missing", "deprecated"]


def test_placeholder_pass_picks_the_hypothesis_that_kept_the_placeholders(
    glossary: Glossary,
) -> None:
    def unreliable(sentence: str) -> list[str]:
        if "ZX1Q" in sentence:
            return [sentence.replace("ZX1Q", "ZXQ"), sentence]
        return [sentence, sentence.upper()]

    engine = FakeEngine("fr", "en", unreliable)
    [result] = TermEnforcer(glossary, "fr", "en").translate(engine, ["Il vit à Bakou."], n_best=2)
    assert result.hypotheses[0].text == "Il vit à Baku."


def test_adjacent_placeholders_are_each_restored(glossary: Glossary) -> None:
    engine = FakeEngine("fr", "az", lambda s: [s.replace("ZX1Q et ZX2Q", "ZX1Q-ZX2Qda")])
    [result] = TermEnforcer(glossary, "fr", "az").translate(engine, ["Bakou et New York"])
    assert result.hypotheses[0].text == "Bakı-Nyu-Yorkda"
    assert result.problems == []


def test_progress_counts_the_first_pass_and_cancel_is_honoured(glossary: Glossary) -> None:
    counted: list[int] = []
    engine = FakeEngine("fr", "en", copy)
    TermEnforcer(glossary, "fr", "en").translate(
        engine, ["Il vit à Bakou.", "Bonjour."], progress=counted.append
    )
    assert sum(counted) == 2
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        TermEnforcer(glossary, "fr", "en").translate(
            FakeEngine("fr", "en", copy), ["Il vit à Bakou."], cancel=cancel
        )


def test_whole_seed_through_a_copy_and_scramble_pivot(glossary: Glossary, seed_path: Path) -> None:
    from workbench.core.sources.document import load_document

    sentences = [segment.text for segment in load_document(seed_path).segments]
    for target, engine in {
        "en": FakeEngine("fr", "en", copy),
        "az": PivotEngine(FakeEngine("fr", "en", copy), FakeEngine("en", "az", scramble)),
    }.items():
        results = TermEnforcer(glossary, "fr", target).translate(engine, sentences, n_best=1)
        for sentence, result in zip(sentences, results, strict=True):
            assert check_terms(glossary, sentence, result.hypotheses[0].text, "fr", target) == []
            assert not any(note.endswith("(failed)") for note in result.notes)
