"""Sentence alignment speed: pairs/s on a 5,000-sentence synthetic document pair.

The target document is made of random Zipf-distributed words; the bridge (the machine
translation of the source) is the target with a quarter of its words replaced and some
neighbours swapped, as a real MT output differs from a human one; the source is the target
enciphered letter by letter, with endings and small words added so that lengths vary as a
translation's do (for the length-only mode). About one target sentence in fifteen is merged
with the next, split in two, dropped, or preceded by an inserted one, so the gold alignment
has every bead shape. Prints pairs/s and precision/recall of the links against that gold,
with and without the bridge.

    python bench/align.py [--sentences 5000]
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.core.memory.align import AlignedPair, align_documents

LETTERS = "abcdefghijklmnopqrstuvwxyz"
CIPHER = str.maketrans(LETTERS, "qwertzuiopasdfghjklyxcvbnm")


@dataclass(frozen=True)
class SyntheticPair:
    sources: list[str]
    targets: list[str]
    bridge: list[str]
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]]  # beads: source and target indices


def synthetic_documents(sentences: int, seed: int = 7, edit_every: int = 15) -> SyntheticPair:
    """A source, its edited human translation, the MT bridge, and the gold beads."""
    rng = random.Random(seed)
    words = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(2, 10))) for _ in range(5000)]
    weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(words))))

    def sentence() -> str:
        return " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(8, 30)))

    def machine(text: str) -> str:
        tokens = [
            rng.choices(words, cum_weights=weights)[0] if rng.random() < 0.25 else token
            for token in text.split()
        ]
        for _ in range(len(tokens) // 8):
            k = rng.randrange(len(tokens) - 1)
            tokens[k], tokens[k + 1] = tokens[k + 1], tokens[k]
        return " ".join(tokens)

    human = [sentence() for _ in range(sentences)]
    sources = [french(rng, text) for text in human]
    bridge = [machine(text) for text in human]
    targets: list[str] = []
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i = 0
    while i < sentences:
        edit = (
            rng.choice(("merge", "split", "drop", "add")) if rng.random() < 1 / edit_every else ""
        )
        if edit == "merge" and i + 1 < sentences:  # two sources merged into one target
            gold.append(((i, i + 1), (len(targets),)))
            targets.append(f"{human[i]} {human[i + 1]}")
            i += 2
            continue
        if edit == "split":  # one source split into two targets
            tokens = human[i].split()
            half = len(tokens) // 2
            gold.append(((i,), (len(targets), len(targets) + 1)))
            targets += [" ".join(tokens[:half]), " ".join(tokens[half:])]
        elif edit == "drop":  # the translator left a sentence out
            gold.append(((i,), ()))
        else:
            if edit == "add":  # the translator added a sentence
                gold.append(((), (len(targets),)))
                targets.append(sentence())
            gold.append(((i,), (len(targets),)))
            targets.append(human[i])
        i += 1
    return SyntheticPair(sources, targets, bridge, gold)


def french(rng: random.Random, text: str) -> str:
    """A stand-in translation: other letters, endings and small words, so lengths vary."""
    out = []
    for word in text.split():
        if rng.random() < 0.15:
            out.append(rng.choice(("le", "la", "de", "des", "que")))
        out.append(word.translate(CIPHER) + rng.choice(("", "", "e", "es", "ent")))
    return " ".join(out)


def links(beads: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> set[tuple[int, int]]:
    """Every (source, target) sentence pair the beads join."""
    return {(i, j) for sources, targets in beads for i in sources for j in targets}


def precision_recall(pairs: list[AlignedPair], gold: list) -> tuple[float, float]:
    found = links([(pair.source_indices, pair.target_indices) for pair in pairs])
    expected = links(gold)
    correct = len(found & expected)
    return correct / (len(found) or 1), correct / (len(expected) or 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=5000)
    args = parser.parse_args()
    data = synthetic_documents(args.sentences)
    print(f"{len(data.sources):,} source and {len(data.targets):,} target sentences")
    for label, bridge in (("with bridge", data.bridge), ("lengths only", None)):
        started = time.perf_counter()
        pairs = align_documents(data.sources, data.targets, bridge=bridge)
        elapsed = time.perf_counter() - started
        precision, recall = precision_recall(pairs, data.gold)
        doubtful = sum(pair.doubtful for pair in pairs)
        print(
            f"{label:>12}: {len(pairs):,} pairs in {elapsed:5.1f} s = {len(pairs) / elapsed:7,.0f} "
            f"pairs/s; precision {precision:.3f}, recall {recall:.3f}; {doubtful} doubtful"
        )


if __name__ == "__main__":
    main()
