"""The fuzzy index of one language pair: which stored sources can reach a similarity.

Fuzzy similarity is rapidfuzz's `fuzz.ratio` (normalised Indel distance on characters), chosen
over token-based scores because it measures the editing a translator must do, gives partial
credit to inflected forms (traduit / traduits) and keeps word order, which matters when reusing
a translation. To stay fast at 100,000 units, each language pair's sources are loaded lazily
into an in-memory word index (lowercased, accents removed), and only units that pass two
filters are scored:

- a length window that is exact for `fuzz.ratio`: a ratio of at least t is impossible when
  the lengths differ by more than t allows;
- a count filter on words: a source must share at least a fraction (2t - 1) of the query's
  distinct words (half of them at 75%). The counts come from numpy over the posting lists of
  the query's words; a word found in more than a tenth of the sources ("de", "la") is not read,
  and the count needed drops by one for each such word, so skipping it loses nothing. The word
  bound stands in for the character ratio: a match whose edits touch most of its words (a typo
  in every other word) can escape it; tests and bench/memory_lookup.py measure its recall
  against a full scan. Queries of one or two words are filtered by length only.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np
from rapidfuzz import fuzz, process

_WORD = re.compile(r"\w+")
# The combining diacritics blocks: what NFKD splits off accented letters.
_COMBINING_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+"
)


class FuzzyIndex:
    """The sources of one language group pair: keys, lengths and a word -> positions index."""

    # A word in more than this share of the sources is not read: it can add at most one to a
    # source's count of shared words, and the required count is lowered by one instead.
    FREQUENT = 0.1
    FEW_WORDS = 3

    def __init__(self) -> None:
        self.row_ids: list[int] = []
        self.keys: list[str] = []
        self.lengths = _IntColumn()
        self.postings: dict[str, list[int]] = {}
        self._arrays: dict[str, np.ndarray] = {}  # postings as arrays, rebuilt after an add

    @classmethod
    def build(cls, rows: Iterable[tuple[int, str]]) -> FuzzyIndex:
        """An index of (row id, source key) rows, built in one pass."""
        index = cls()
        postings: defaultdict[str, list[int]] = defaultdict(list)
        row_ids, keys = index.row_ids, index.keys
        for position, (row_id, key) in enumerate(rows):
            row_ids.append(row_id)
            keys.append(key)
            for word in set(index_words(key)):
                postings[word].append(position)
        index.postings = dict(postings)
        index._arrays = {word: np.array(found, dtype=np.int32) for word, found in postings.items()}
        index.lengths = _IntColumn([len(key) for key in keys])
        return index

    def add(self, row_id: int, key: str) -> None:
        position = len(self.row_ids)
        self.row_ids.append(row_id)
        self.keys.append(key)
        self.lengths.append(len(key))
        for word in set(index_words(key)):
            self.postings.setdefault(word, []).append(position)
            self._arrays.pop(word, None)

    def search(self, key: str, threshold: float) -> list[tuple[int, float]]:
        """(row id, fuzz.ratio score 0..100) of the units at or above the threshold."""
        if not self.keys:
            return []
        candidates = self._candidates(set(index_words(key)), threshold)
        lengths = self.lengths.view()[candidates]
        low, high = length_window(len(key), threshold)
        candidates = candidates[(lengths >= low) & (lengths <= high)].tolist()
        keys = self.keys
        found = process.extract(
            key,
            [keys[position] for position in candidates],
            scorer=fuzz.ratio,
            score_cutoff=threshold * 100,
            limit=None,
        )
        return [(self.row_ids[candidates[index]], score) for _, score, index in found]

    def _candidates(self, words: set[str], threshold: float) -> np.ndarray:
        """Positions of the sources that share enough of the query's words (count filter)."""
        needed = math.ceil(max(0.0, 2 * threshold - 1) * len(words))
        if len(words) < self.FEW_WORDS or needed < 1:
            # Too few words for the word bound to mean much: the length window alone filters.
            return np.arange(len(self.keys))
        present = sorted(
            (w for w in words if w in self.postings), key=lambda w: len(self.postings[w])
        )
        frequent = len(self.keys) * self.FREQUENT
        while needed > 1 and present and len(self.postings[present[-1]]) > frequent:
            present.pop()
            needed -= 1
        if not present:
            return np.arange(0)
        counts = np.bincount(
            np.concatenate([self._array(word) for word in present]), minlength=len(self.keys)
        )
        return np.flatnonzero(counts >= needed)

    def _array(self, word: str) -> np.ndarray:
        array = self._arrays.get(word)
        if array is None:
            array = self._arrays[word] = np.array(self.postings[word], dtype=np.int32)
        return array


class _IntColumn:
    """A growable integer array: cheap appends, and a numpy view for vectorised filters."""

    def __init__(self, values: Sequence[int] = ()) -> None:
        self._data = np.array(values, dtype=np.int64) if values else np.zeros(1024, dtype=np.int64)
        self._size = len(values)

    def append(self, value: int) -> None:
        if self._size == len(self._data):
            self._data = np.concatenate([self._data, np.zeros(len(self._data), dtype=np.int64)])
        self._data[self._size] = value
        self._size += 1

    def view(self) -> np.ndarray:
        return self._data[: self._size]


def index_words(key: str) -> list[str]:
    """Index terms: lowercased words without accents (president finds président)."""
    decomposed = unicodedata.normalize("NFKD", key.casefold())
    return _WORD.findall(_COMBINING_MARKS.sub("", decomposed))


def length_window(length: int, threshold: float) -> tuple[float, float]:
    """Lengths a source may have and still reach `threshold` with fuzz.ratio.

    ratio = 1 - indel / (a + b) and indel >= |a - b|, so ratio >= t needs
    b in [a * t / (2 - t), a * (2 - t) / t].
    """
    if threshold <= 0:
        return 0.0, math.inf
    return length * threshold / (2 - threshold) - 1e-9, length * (2 - threshold) / threshold + 1e-9
