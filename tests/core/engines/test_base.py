"""Engine.translate_batch: deduplication, caching, length-sorted batching, cancel, progress."""

import threading

import pytest

from workbench.core.engines.base import Engine, Hypothesis, PivotEngine
from workbench.core.errors import Cancelled


class RecordingEngine(Engine):
    """Upper-cases its input and records every batch it is asked to translate."""

    def __init__(self, source="fr", target="en", batch_size=2, transform=str.upper):
        super().__init__()
        self.source, self.target, self.batch_size = source, target, batch_size
        self.transform = transform
        self.batches: list[list[str]] = []

    @property
    def signature(self):
        return "recording"

    def translate_prepared(self, batch, n_best):
        self.batches.append(list(batch))
        return [
            [Hypothesis(self.transform(s) + "!" * rank, -float(rank)) for rank in range(n_best)]
            for s in batch
        ]


def test_results_follow_input_order_with_n_best():
    engine = RecordingEngine()
    out = engine.translate_batch(["bb", "a", "ccc"], n_best=2)
    assert [[h.text for h in hyps] for hyps in out] == [["BB", "BB!"], ["A", "A!"], ["CCC", "CCC!"]]


def test_identical_sentences_are_translated_once():
    engine = RecordingEngine(batch_size=10)
    out = engine.translate_batch(["x", "y", "x", "x"])
    assert [h[0].text for h in out] == ["X", "Y", "X", "X"]
    assert sorted(s for batch in engine.batches for s in batch) == ["x", "y"]


def test_batches_are_sorted_by_length_and_bounded():
    engine = RecordingEngine(batch_size=2)
    engine.translate_batch(["aaaa", "a", "aaa", "aa", "aaaaa"])
    assert engine.batches == [["a", "aa"], ["aaa", "aaaa"], ["aaaaa"]]


def test_cache_serves_repeats_across_calls():
    engine = RecordingEngine()
    engine.translate_batch(["one", "two"])
    engine.batches.clear()
    engine.translate_batch(["two", "three"])
    assert engine.batches == [["three"]]


def test_progress_counts_every_sentence_once():
    engine = RecordingEngine(batch_size=2)
    seen = []
    engine.translate_batch(["a", "b", "c", "a"], progress=seen.append)
    assert sum(seen) == 3


def test_cancel_stops_between_batches():
    engine = RecordingEngine(batch_size=1)
    cancel = threading.Event()

    def stop_after_first(_):
        cancel.set()

    with pytest.raises(Cancelled):
        engine.translate_batch(["a", "bb", "ccc"], cancel=cancel, progress=stop_after_first)
    assert len(engine.batches) == 1


def test_pivot_feeds_the_best_first_leg_output_to_the_second_leg():
    first = RecordingEngine("fr", "en", transform=str.upper)
    second = RecordingEngine("en", "az", transform=lambda s: s[::-1])
    pivot = PivotEngine(first, second)
    out = pivot.translate_batch(["abc"], n_best=2)
    assert [h.text for h in out[0]] == ["CBA", "CBA!"]
    assert out[0][0].pivot == "ABC"
    assert (pivot.source, pivot.target, pivot.legs) == ("fr", "az", 2)
    assert pivot.signature == "recording + recording"
