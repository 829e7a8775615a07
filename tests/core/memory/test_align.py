"""Sentence alignment against gold alignments with merged, split, dropped and added sentences.

Precision and recall are over sentence links (each bead links every source sentence in it
with every target sentence in it); they are printed (run with -s to see them) and asserted.
"""

from __future__ import annotations

import random

import pytest

from bench.align import links, precision_recall, synthetic_documents
from tests.support.seed_parallel import HUMAN, MACHINE, SOURCE, edited_translation
from workbench.core.memory.align import AlignedPair, align_documents


def report(label: str, pairs: list[AlignedPair], gold: list) -> tuple[float, float]:
    precision, recall = precision_recall(pairs, gold)
    print(f"\n{label}: precision {precision:.3f}, recall {recall:.3f} ({len(links(gold))} links)")
    return precision, recall


def assert_covers_everything_in_order(pairs: list[AlignedPair], n: int, m: int) -> None:
    sources = [i for pair in pairs for i in pair.source_indices]
    targets = [j for pair in pairs for j in pair.target_indices]
    assert sources == list(range(n))
    assert targets == list(range(m))


def test_the_seed_article_with_a_machine_translation_bridge():
    targets, gold = edited_translation()
    pairs = align_documents(SOURCE, targets, bridge=MACHINE)
    precision, recall = report("seed article, MT bridge", pairs, gold)
    assert precision >= 0.9 and recall >= 0.9
    assert_covers_everything_in_order(pairs, len(SOURCE), len(targets))
    found = {(pair.source_indices, pair.target_indices): pair for pair in pairs}
    assert found[((1, 2), (1,))].kind == "2-1"  # the merge
    assert found[((7,), (6, 7))].kind == "1-2"  # the split
    assert found[((8,), ())].doubtful  # the sentence left out


def test_every_wrong_pair_of_the_seed_is_flagged_for_review():
    targets, gold = edited_translation()
    pairs = align_documents(SOURCE, targets, bridge=MACHINE)
    wrong = [pair for pair in pairs if (pair.source_indices, pair.target_indices) not in gold]
    assert all(pair.doubtful for pair in wrong)
    sure = [pair for pair in pairs if not pair.doubtful]
    assert all((pair.source_indices, pair.target_indices) in gold for pair in sure)
    assert len(sure) >= len(gold) - 3


def test_the_seed_article_on_lengths_and_shared_names_only():
    targets, gold = edited_translation()
    pairs = align_documents(SOURCE, targets)
    precision, recall = report("seed article, no bridge", pairs, gold)
    assert precision >= 0.9 and recall >= 0.9


def test_a_faithful_translation_aligns_one_to_one():
    pairs = align_documents(SOURCE, HUMAN, bridge=MACHINE)
    assert [(p.source_indices, p.target_indices) for p in pairs] == [
        ((i,), (i,)) for i in range(len(SOURCE))
    ]
    identical = align_documents(SOURCE, MACHINE, bridge=MACHINE)
    assert {pair.score for pair in identical} == {1.0}
    assert not any(pair.doubtful for pair in identical)


@pytest.mark.parametrize("use_bridge", [True, False], ids=["bridge", "lengths"])
def test_a_long_synthetic_document_pair(use_bridge):
    data = synthetic_documents(800, seed=11)
    bridge = data.bridge if use_bridge else None
    pairs = align_documents(data.sources, data.targets, bridge=bridge)
    precision, recall = report(f"synthetic, 800 sentences, bridge={use_bridge}", pairs, data.gold)
    assert_covers_everything_in_order(pairs, len(data.sources), len(data.targets))
    threshold = 0.97 if use_bridge else 0.9
    assert precision >= threshold and recall >= threshold
    assert {pair.kind for pair in pairs} == {"1-1", "2-1", "1-2", "1-0", "0-1"}


def test_a_long_run_of_missing_sentences_is_found_with_a_bridge():
    data = synthetic_documents(1500, seed=5)
    # The translator skipped the 120 sentences after source sentence 700: their beads lose
    # their targets, and later targets move up.
    start = next(k for k, (sources, _) in enumerate(data.gold) if sources and sources[0] >= 700)
    skipped = data.gold[start : start + 120]
    dropped = {j for _, targets in skipped for j in targets}
    renumber = {}
    for j in range(len(data.targets)):
        if j not in dropped:
            renumber[j] = len(renumber)
    targets = [data.targets[j] for j in sorted(renumber)]
    gold = data.gold[:start] + [(sources, ()) for sources, _ in skipped if sources]
    gold += [(s, tuple(renumber[j] for j in t)) for s, t in data.gold[start + 120 :]]
    pairs = align_documents(data.sources, targets, bridge=data.bridge)
    precision, recall = report("1,500 sentences, 120 missing in a row", pairs, gold)
    assert precision >= 0.97 and recall >= 0.97


def test_empty_sides_give_only_unpaired_sentences():
    assert [p.kind for p in align_documents(["Un.", "Deux."], [])] == ["1-0", "1-0"]
    assert [p.kind for p in align_documents([], ["One."], bridge=[])] == ["0-1"]
    assert align_documents([], []) == []


def test_random_input_is_always_covered_in_order():
    rng = random.Random(3)
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta"]
    for _ in range(30):
        n, m = rng.randrange(0, 12), rng.randrange(0, 12)
        sources = [" ".join(rng.choices(words, k=rng.randint(1, 8))) for _ in range(n)]
        targets = [" ".join(rng.choices(words, k=rng.randint(1, 8))) for _ in range(m)]
        for bridge in (None, sources):
            pairs = align_documents(sources, targets, bridge=bridge)
            assert_covers_everything_in_order(pairs, n, m)
            assert all(0.0 <= pair.score <= 1.0 for pair in pairs)


def test_the_bridge_must_match_the_source():
    with pytest.raises(ValueError, match="one translation per source sentence"):
        align_documents(["Un.", "Deux."], ["One."], bridge=["One."])
