"""Sentence alignment of a document and its existing translation, as Bleualign does it.

The source sentences are machine translated (the *bridge*), so both sides can be compared in
the target language; a dynamic programme then finds the cheapest chain of beads, 1-1, 2-1,
1-2 (a sentence merged or split by the translator), 1-0 and 0-1 (a sentence left out or
added), from the start of both documents to their end.

Similarity is rapidfuzz's `fuzz.ratio` on the lowercased words of each side sorted
alphabetically (a token-sort ratio): machine and human translations choose the same words
but not always the same order, and unlike a token-set score it still punishes a sentence
that covers only half of the other (which is how merges and splits are told from 1-1 beads).
Scores are rescaled against the median score of sentence pairs far from the diagonal, so
0 means "no better than two unrelated sentences" and 1 means identical. Without a bridge the
source is compared with the target directly (names, numbers and cognates) and a Gale-Church
length term, the probability that the lengths match, carries half of the score.

Long documents are not scored cell by cell: confident 1-1 matches found in a window around
the diagonal are chained into monotone anchors (longest increasing subsequence), and the
programme only visits the rectangles between consecutive anchors, or a band around their
diagonal when a gap is large.
"""

from __future__ import annotations

import math
import random
import statistics
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
from rapidfuzz import fuzz, process, utils

# Bead shapes: (source sentences, target sentences).
BEADS: tuple[tuple[int, int], ...] = ((1, 1), (2, 1), (1, 2), (1, 0), (0, 1))

SKIP_COST = 0.45  # a sentence left unpaired; two unrelated sentences (score 0) cost 1.0 paired
MERGE_PENALTY = 0.15  # a 2-1 or 1-2 bead must beat a 1-1 bead by a margin
MERGE_GAIN = 0.1  # a 2-1 or 1-2 bead scoring less above its best 1-1 part than this is doubtful
FULL_MATRIX_CELLS = 250_000  # up to about 500 x 500 sentences, visit every cell
ANCHOR_MIN_SCORE = 0.5  # rescaled score a 1-1 match needs to become an anchor
ANCHOR_MARGIN = 10.0  # ...and its lead over the second best candidate (ratio points)
ANCHOR_WINDOW = 0.1  # anchor candidates: within this share of the document of the diagonal
ANCHOR_BLOCK = 64  # source sentences scored against their windows in one call
MARGIN = 3  # rows of the corridor reach this far beyond the anchors' rectangles
BAND = 25  # half-width of the band through a large gap (plus its imbalance)
GAP_CELLS = 10_000  # a gap with more cells than this gets a band, not its full rectangle
LENGTH_VARIANCE = 6.8  # Gale and Church's variance of target length per source character


@dataclass(frozen=True)
class AlignedPair:
    """One bead: the source and target sentences it pairs, how well, and whether to review it."""

    source_indices: tuple[int, ...]
    target_indices: tuple[int, ...]
    source: str
    target: str
    score: float  # 0..1: rescaled similarity (0 for a sentence left unpaired)
    doubtful: bool

    @property
    def kind(self) -> str:
        return f"{len(self.source_indices)}-{len(self.target_indices)}"

    @property
    def is_pair(self) -> bool:
        """Both sides hold text: the bead can become a translation memory unit."""
        return bool(self.source_indices and self.target_indices)


def align_documents(
    source_sentences: Sequence[str],
    target_sentences: Sequence[str],
    *,
    bridge: Sequence[str] | None = None,
    doubt_below: float = 0.25,
) -> list[AlignedPair]:
    """Align two documents' sentences, in order; each sentence is in exactly one pair.

    `bridge` is the machine translation of each source sentence (same length as the source).
    Flagged doubtful: every 1-0 or 0-1 pair, pairs scoring below `doubt_below`, and 2-1 or
    1-2 pairs that match hardly better than one of their sentences alone (a short sentence
    the translator added, or dropped, may hide inside them).
    """
    if bridge is not None and len(bridge) != len(source_sentences):
        raise ValueError("the bridge must hold one translation per source sentence")
    sources, targets = list(source_sentences), list(target_sentences)
    scorer = _Scorer(sources, targets, list(bridge) if bridge is not None else None)
    pairs: list[AlignedPair] = []
    i = j = 0
    for a, b in _cheapest_path(scorer, _corridor(scorer)):
        score = scorer.score(i, a, j, b) if a and b else 0.0
        pairs.append(
            AlignedPair(
                source_indices=tuple(range(i, i + a)),
                target_indices=tuple(range(j, j + b)),
                source=" ".join(sources[i : i + a]),
                target=" ".join(targets[j : j + b]),
                score=round(score, 4),
                doubtful=_doubtful(scorer, i, a, j, b, score, doubt_below),
            )
        )
        i, j = i + a, j + b
    return pairs


def _doubtful(
    scorer: _Scorer, i: int, a: int, j: int, b: int, score: float, doubt_below: float
) -> bool:
    if not (a and b) or score < doubt_below:
        return True
    if a + b == 3:  # does the second sentence add anything to the match?
        parts = [(i, j), (i + 1, j)] if a == 2 else [(i, j), (i, j + 1)]
        return score - max(scorer.score(pi, 1, pj, 1) for pi, pj in parts) < MERGE_GAIN
    return False


class _Scorer:
    """Rescaled similarity of a group of source sentences and a group of target sentences."""

    def __init__(self, sources: list[str], targets: list[str], bridge: list[str] | None) -> None:
        self.n, self.m = len(sources), len(targets)
        left = bridge if bridge is not None else sources
        self.use_length = bridge is None
        # [k][i]: k + 1 sentences from i, lowercased, words sorted; "" past the end.
        self.left = (_prepared(left, 1), _prepared(left, 2))
        self.right = (_prepared(targets, 1), _prepared(targets, 2))
        # Prefix sums of lengths: the length of sentences i..i+a-1 is prefix[i + a] - prefix[i].
        self.source_prefix = np.cumsum([0] + [len(text) for text in sources])
        self.target_prefix = np.cumsum([0] + [len(text) for text in targets])
        self.length_ratio = max(int(self.target_prefix[-1]), 1) / max(
            int(self.source_prefix[-1]), 1
        )
        self.baseline = self._baseline()

    def raw(self, i: int, a: int, j: int, b: int) -> float:
        return fuzz.ratio(self.left[a - 1][i], self.right[b - 1][j]) / 100.0

    def rescale(self, raw: np.ndarray) -> np.ndarray:
        """Similarity (0..1) rescaled so what unrelated sentence pairs score counts as 0."""
        return np.clip((raw - self.baseline) / (1.0 - self.baseline), 0.0, 1.0)

    def score(self, i: int, a: int, j: int, b: int) -> float:
        """0..1 for the bead that pairs sources i..i+a-1 with targets j..j+b-1."""
        return float(self.scores(i, a, j, j, b)[0])

    def scores(self, i: int, a: int, first: int, last: int, b: int) -> np.ndarray:
        """score(i, a, j, b) for every j in first..last, in one vectorised call."""
        raw = process.cdist(
            [self.left[a - 1][i]], self.right[b - 1][first : last + 1], scorer=fuzz.ratio
        )[0]
        similarity = self.rescale(raw / 100.0)
        if not self.use_length:
            return similarity
        return 0.5 * similarity + 0.5 * self._length_match(i, a, first, last, b)

    def _length_match(self, i: int, a: int, first: int, last: int, b: int) -> np.ndarray:
        """Gale-Church: the probability that lengths this far apart are translations."""
        source = float(self.source_prefix[i + a] - self.source_prefix[i] + a - 1)
        starts = np.arange(first, last + 1)
        target = self.target_prefix[starts + b] - self.target_prefix[starts] + b - 1
        delta = (target - source * self.length_ratio) / math.sqrt(
            max(source, 1.0) * LENGTH_VARIANCE
        )
        return _erfc(np.abs(delta) / math.sqrt(2))

    def _baseline(self) -> float:
        """The median raw score of 1-1 pairs far from the diagonal: what chance gives."""
        rng = random.Random(0)
        far = max(3, (self.n + self.m) // 40)
        samples = []
        for _ in range(min(400, self.n * self.m)):
            i, j = rng.randrange(self.n), rng.randrange(self.m)
            if abs(j - i * self.m / self.n) > far:
                samples.append(self.raw(i, 1, j, 1))
        return min(0.8, statistics.median(samples)) if len(samples) >= 10 else 0.3


def _erfc(x: np.ndarray) -> np.ndarray:
    """erfc for x >= 0 (Abramowitz and Stegun 7.1.26, error below 1.5e-7); numpy has none."""
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (
        0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))
    )
    return poly * np.exp(-x * x)


def _prepared(sentences: list[str], size: int) -> list[str]:
    joined = [
        " ".join(sentences[i : i + size]) if i + size <= len(sentences) else ""
        for i in range(len(sentences))
    ]
    return [" ".join(sorted(utils.default_process(text).split())) for text in joined]


def _corridor(scorer: _Scorer) -> list[tuple[int, int]]:
    """For each row i (sources consumed), the range of j (targets consumed) to visit."""
    n, m = scorer.n, scorer.m
    if (n + 1) * (m + 1) <= FULL_MATRIX_CELLS:
        return [(0, m)] * (n + 1)
    low, high = [m] * (n + 1), [0] * (n + 1)
    for (i1, j1), (i2, j2) in pairwise([(0, 0), *_anchors(scorer), (n, m)]):
        rows, columns = i2 - i1, j2 - j1
        for i in range(i1, i2 + 1):
            if rows * columns <= GAP_CELLS or rows == 0:
                first, last = j1 - MARGIN, j2 + MARGIN
            else:
                # Sentences left out on one side only shift the path off the straight line
                # by at most the difference in sentence counts.
                width = BAND + abs(rows - columns)
                centre = j1 + (i - i1) * columns / rows
                first, last = math.floor(centre) - width, math.ceil(centre) + width
            low[i] = min(low[i], max(0, first))
            high[i] = max(high[i], min(m, last))
    low[0], high[n] = 0, m
    # Make every row overlap the next so a path always exists: lows and highs never go
    # down, and each row reaches the next row's lowest column.
    for i in range(n - 1, -1, -1):
        low[i] = min(low[i], low[i + 1])
    for i in range(1, n + 1):
        high[i] = max(high[i], high[i - 1])
    for i in range(n - 1, -1, -1):
        high[i] = max(high[i], low[i + 1])
    return list(zip(low, high, strict=True))


def _anchors(scorer: _Scorer) -> list[tuple[int, int]]:
    """Confident 1-1 matches, as (i, j) cells, chained so both indices increase."""
    n, m = scorer.n, scorer.m
    window = max(50, round(ANCHOR_WINDOW * max(n, m)))
    candidates: list[tuple[int, int]] = []
    for top in range(0, n, ANCHOR_BLOCK):  # a block of rows against the union of their windows
        bottom = min(n, top + ANCHOR_BLOCK)
        first = max(0, round(top * m / n) - window)
        last = min(m, round((bottom - 1) * m / n) + window + 1)
        if last - first < 2:
            continue
        scores = process.cdist(
            scorer.left[0][top:bottom], scorer.right[0][first:last], scorer=fuzz.ratio
        )
        best = scores.argmax(axis=1)
        top_two = np.partition(scores, -2, axis=1)
        confident = (top_two[:, -1] - top_two[:, -2] >= ANCHOR_MARGIN) & (
            scorer.rescale(top_two[:, -1] / 100.0) >= ANCHOR_MIN_SCORE
        )
        candidates.extend((top + k, first + int(best[k])) for k in np.flatnonzero(confident))
    return _longest_increasing(candidates)


def _longest_increasing(points: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of points (sorted by i, distinct i) whose j strictly increases."""
    tails: list[int] = []  # tails[k]: smallest j ending a chain of length k + 1
    tail_index: list[int] = []
    previous: list[int] = []
    for index, (_, j) in enumerate(points):
        k = bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_index.append(index)
        else:
            tails[k] = j
            tail_index[k] = index
        previous.append(tail_index[k - 1] if k else -1)
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index >= 0:
        chain.append(points[index])
        index = previous[index]
    return chain[::-1]


def _cheapest_path(scorer: _Scorer, corridor: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The beads of the cheapest path from (0, 0) to (n, m) inside the corridor.

    Rows are computed a whole row at a time: the beads that come from earlier rows are
    vectorised; the 0-1 bead, which comes from the same row, is a running minimum.
    """
    cost: list[np.ndarray] = []
    back: list[np.ndarray] = []
    skip_bead = BEADS.index((0, 1))
    for i, (first, last) in enumerate(corridor):
        width = last - first + 1
        row = np.full(width, math.inf)
        choice = np.full(width, -1, dtype=np.int8)
        if i == 0 and first == 0:
            row[0] = 0.0
        for bead, (a, b) in enumerate(BEADS):
            if not a or i < a:
                continue
            p_first, p_last = corridor[i - a]
            # Columns j of this row whose predecessor j - b lies in row i - a.
            low, high = max(first, p_first + b), min(last, p_last + b)
            if low > high:
                continue
            before = cost[i - a][low - b - p_first : high - b - p_first + 1]
            if b:
                quality = scorer.scores(i - a, a, low - b, high - b, b)
                step = (1.0 - quality) * (a + b) / 2 + (MERGE_PENALTY if a + b > 2 else 0.0)
            else:
                step = SKIP_COST
            total = before + step
            window = slice(low - first, high - first + 1)
            better = total < row[window]
            row[window] = np.where(better, total, row[window])
            choice[window] = np.where(better, bead, choice[window])
        # 0-1 beads: row[j] = min over k <= j of row[k] + (j - k) * SKIP_COST.
        steps = np.arange(width) * SKIP_COST
        reached = np.minimum.accumulate(row - steps) + steps
        choice = np.where(reached < row, skip_bead, choice).astype(np.int8)
        cost.append(reached)
        back.append(choice)
    beads = []
    i, j = scorer.n, scorer.m
    while i or j:
        a, b = BEADS[int(back[i][j - corridor[i][0]])]
        beads.append((a, b))
        i, j = i - a, j - b
    return beads[::-1]
