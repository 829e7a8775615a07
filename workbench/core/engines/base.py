"""The engine contract.

`Engine.translate_batch()` is the one public call: it removes duplicate sentences, serves
repeats from a cache, sorts the rest by length so batches carry little padding, cuts them
into batches, honours a cancel event between batches and reports progress. An engine fills
in only how to prepare a sentence (tokenise) and how to translate one batch.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.core.errors import Cancelled

if TYPE_CHECKING:
    from workbench.core.engines.completion import Completion

ProgressCallback = Callable[[int], None]  # called with how many sentences just finished


@dataclass(frozen=True)
class Hypothesis:
    """One candidate translation; `score` is a log-probability (higher is better)."""

    text: str
    score: float
    pivot: str | None = None  # the intermediate (English) text, for a pivoted translation
    origin: str = ""  # where a candidate that is not the engine's came from ("TM 87%")
    note: str = ""  # what the engine had to do to it ("translated in 3 parts"), for the catalog
    logprob: float | None = None  # the model's mean log-probability per token (confidence.py)


class Engine(ABC):
    """A translator from `source` to `target` language."""

    source: str
    target: str
    batch_size: int = 32
    legs: int = 1  # how many translations each sentence goes through (progress counts each)

    def __init__(self) -> None:
        self._cache: dict[tuple[str, int], list[Hypothesis]] = {}
        self._cache_lock = threading.Lock()

    @property
    @abstractmethod
    def signature(self) -> str:
        """Engine, model package and version, decoding settings: recorded with every output."""

    def translate_batch(
        self,
        sentences: Sequence[str],
        *,
        n_best: int = 1,
        cancel: threading.Event | None = None,
        progress: ProgressCallback | None = None,
    ) -> list[list[Hypothesis]]:
        """n-best hypotheses (best first) for each sentence, in input order."""
        n_best = max(1, n_best)
        unique = list(dict.fromkeys(sentences))
        with self._cache_lock:
            todo = [s for s in unique if (s, n_best) not in self._cache]
        cached = len(unique) - len(todo)
        if progress and cached:
            progress(cached)
        if todo:
            prepared = self.prepare(todo)
            order = sorted(range(len(todo)), key=lambda i: self.length(prepared[i]))
            chunks = [
                order[begin : begin + self.batch_size]
                for begin in range(0, len(order), self.batch_size)
            ]
            batches = [[prepared[i] for i in chunk] for chunk in chunks]
            for number, results in self.translate_batches(batches, n_best, cancel):
                chunk = chunks[number]
                with self._cache_lock:
                    for index, hypotheses in zip(chunk, results, strict=True):
                        self._cache[(todo[index], n_best)] = hypotheses
                if progress:
                    progress(len(chunk))
        with self._cache_lock:
            by_sentence = {s: self._cache[(s, n_best)] for s in unique}
        return [list(by_sentence[s]) for s in sentences]

    def translate_batches(
        self, batches: list[list[Any]], n_best: int, cancel: threading.Event | None
    ) -> Iterator[tuple[int, list[list[Hypothesis]]]]:
        """(batch number, results) for every batch, in any order: the loop that cluster mode
        (workbench.core.cluster) runs on Ray instead of in this process."""
        for number, batch in enumerate(batches):
            if cancel is not None and cancel.is_set():
                raise Cancelled("translation cancelled")
            yield number, self.translate_prepared(batch, n_best)

    def complete(self, source: str, prefix: str, n: int = 1) -> list[Completion]:
        """The rest of the translation of `source` that continues exactly `prefix`, best first."""
        from workbench.core.engines.completion import complete_by_translation

        return complete_by_translation(self, source, prefix, n)

    def prepare(self, sentences: list[str]) -> list[Any]:
        """Turn sentences into the engine's input (tokens); identity by default."""
        return list(sentences)

    def length(self, prepared: Any) -> int:
        """The size that batching sorts by."""
        return len(prepared)

    @abstractmethod
    def translate_prepared(self, batch: list[Any], n_best: int) -> list[list[Hypothesis]]:
        """Translate one batch of prepared inputs: n-best hypotheses each, best first."""


class PivotEngine(Engine):
    """Two engines in a row (fr→en→az): the first leg's best output feeds the second leg."""

    def __init__(self, first: Engine, second: Engine) -> None:
        super().__init__()
        self.first, self.second = first, second
        self.source, self.target = first.source, second.target
        self.batch_size = max(first.batch_size, second.batch_size)
        self.legs = first.legs + second.legs

    @property
    def signature(self) -> str:
        return f"{self.first.signature} + {self.second.signature}"

    def translate_batch(
        self,
        sentences: Sequence[str],
        *,
        n_best: int = 1,
        cancel: threading.Event | None = None,
        progress: ProgressCallback | None = None,
    ) -> list[list[Hypothesis]]:
        # Progress counts each leg: a pivoted sentence is done after `legs` steps.
        pivots = [
            h[0]
            for h in self.first.translate_batch(
                sentences, n_best=1, cancel=cancel, progress=progress
            )
        ]
        seconds = self.second.translate_batch(
            [p.text for p in pivots], n_best=n_best, cancel=cancel, progress=progress
        )
        return [
            [
                Hypothesis(
                    h.text,
                    h.score + pivot.score,
                    pivot=pivot.text,
                    note="; ".join(note for note in (pivot.note, h.note) if note),
                    logprob=chained_logprob(pivot, h),
                )
                for h in hyps
            ]
            for pivot, hyps in zip(pivots, seconds, strict=True)
        ]

    def complete(self, source: str, prefix: str, n: int = 1) -> list[Completion]:
        from workbench.core.engines.completion import complete_pivot

        return complete_pivot(self, source, prefix, n)

    def translate_prepared(self, batch: list[Any], n_best: int) -> list[list[Hypothesis]]:
        return self.translate_batch(batch, n_best=n_best)


def chained_logprob(first: Hypothesis, second: Hypothesis) -> float | None:
    """Two legs' mean log-probabilities add: the confidences (their exps) multiply."""
    if first.logprob is None or second.logprob is None:
        return None
    return first.logprob + second.logprob
