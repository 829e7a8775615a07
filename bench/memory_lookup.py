"""Translation memory lookup speed: lookups/s with 1,000 vs 100,000 units, as a ratio.

The memory is filled with synthetic French-like sentences (Zipf-distributed words, 5-30 per
sentence), and queried with edited copies of stored sentences (a word or two replaced, dropped
or added: the fuzzy matches a translator gets) and with unrelated sentences (no match). The
same queries run against both sizes; an index that scales keeps the ratio small, where a
brute-force scan would be about 100 times slower at 100k. Recall is the share of the fuzzy
matches a brute-force rapidfuzz scan finds that the indexed lookup also returns.

    python bench/memory_lookup.py [--small 1000] [--large 100000] [--queries 400]
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.core.memory import MemoryUnit, TranslationMemory, normalise_key

LETTERS = "abcdefghijklmnopqrstuvwxyzéèàç"
THRESHOLD = 0.75


def vocabulary(rng: random.Random, size: int = 30_000) -> tuple[list[str], list[float]]:
    """Words and their cumulative Zipf weights: a few words are everywhere, most are rare."""
    words = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 11))) for _ in range(size)]
    return words, list(itertools.accumulate(1.0 / (rank + 1) for rank in range(size)))


def sentence(rng: random.Random, words: list[str], weights: list[float]) -> str:
    text = " ".join(rng.choices(words, cum_weights=weights, k=rng.randint(5, 30)))
    return text[0].upper() + text[1:] + "."


def edited(rng: random.Random, text: str, words: list[str], weights: list[float]) -> str:
    """`text` with about one word in ten replaced, dropped or added."""
    tokens = text.rstrip(".").split()
    for _ in range(max(1, len(tokens) // 10)):
        position = rng.randrange(len(tokens))
        action = rng.choice(("replace", "drop", "add"))
        if action == "replace":
            tokens[position] = rng.choices(words, cum_weights=weights)[0]
        elif action == "drop" and len(tokens) > 3:
            del tokens[position]
        else:
            tokens.insert(position, rng.choices(words, cum_weights=weights)[0])
    return " ".join(tokens) + "."


def build(path: Path, sources: list[str]) -> TranslationMemory:
    memory = TranslationMemory(path)
    memory.add_many(
        MemoryUnit(text, f"EN {index}", "fr", "en", origin="bench")
        for index, text in enumerate(sources)
    )
    return memory


def measure(memory: TranslationMemory, queries: list[str]) -> tuple[float, float, int]:
    """(seconds to load the index, lookups per second, queries that found a match)."""
    started = time.perf_counter()
    memory.lookup("préchauffage de l'index", "fr", "en", threshold=THRESHOLD)
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    results = [memory.lookup(query, "fr", "en", threshold=THRESHOLD) for query in queries]
    elapsed = time.perf_counter() - started
    return loaded, len(queries) / elapsed, sum(1 for found in results if found)


def recall(memory: TranslationMemory, sources: list[str], queries: list[str]) -> float:
    """Share of every unit a brute-force scan finds above the threshold that lookup returns."""
    keys = [normalise_key(text) for text in sources]
    expected_total = hit = 0
    for query in queries:
        scan = process.extract(
            normalise_key(query), keys, scorer=fuzz.ratio, score_cutoff=THRESHOLD * 100, limit=None
        )
        expected = {keys[index] for _, _, index in scan}
        got = memory.lookup(query, "fr", "en", threshold=THRESHOLD, limit=len(expected) + 5)
        expected_total += len(expected)
        hit += len(expected & {normalise_key(match.source) for match in got})
    return hit / expected_total if expected_total else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=400)
    args = parser.parse_args()

    rng = random.Random(20240627)
    words, weights = vocabulary(rng)
    sources = [sentence(rng, words, weights) for _ in range(args.large)]
    small_sources = sources[: args.small]
    # Half the queries are edits of sentences both memories hold, half match nothing.
    queries = [
        edited(rng, rng.choice(small_sources), words, weights) for _ in range(args.queries // 2)
    ]
    queries += [sentence(rng, words, weights) for _ in range(args.queries - len(queries))]

    with tempfile.TemporaryDirectory() as folder:
        rates = {}
        for label, chosen in (("small", small_sources), ("large", sources)):
            started = time.perf_counter()
            with build(Path(folder) / f"{label}.sqlite", chosen) as memory:
                built = time.perf_counter() - started
                loaded, rate, with_match = measure(memory, queries)
                if label == "large":
                    found_share = recall(memory, sources, queries[: args.queries // 4])
            rates[label] = rate
            print(
                f"{len(chosen):>7,} units: stored in {built:5.1f} s, index loaded in {loaded:5.2f} s, "
                f"{rate:8,.0f} lookups/s, {with_match}/{len(queries)} queries matched"
            )
    print(
        f"slowdown {args.small:,} -> {args.large:,} units: {rates['small'] / rates['large']:.1f}x"
    )
    print(f"recall of the indexed lookup against a brute-force scan (100k): {found_share:.3f}")


if __name__ == "__main__":
    main()
