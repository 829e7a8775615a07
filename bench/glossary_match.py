"""Benchmark: glossary term matching cost against the number of terms.

Matches a 10,000-term glossary and a 100-term glossary against the same synthetic segments
(deterministic: a fixed random seed) and prints segments per second for each and their
ratio. The automaton reads each word once whatever the number of terms, so the ratio should
stay near 1 (target: at most 1.5).

    python bench/glossary_match.py                 # 100,000 segments
    python bench/glossary_match.py --segments 5000 # quicker
"""

from __future__ import annotations

import argparse
import random
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.core.glossary import Concept, Glossary, Term, find_terms

TARGET_RATIO = 1.5


def make_words(rng: random.Random, count: int) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 10))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered


def make_glossary(rng: random.Random, single: list[str], multi: list[str], size: int) -> Glossary:
    """A quarter one-word terms, the rest two to four words (from a separate vocabulary)."""
    concepts = []
    for number in range(size):
        if rng.random() < 0.25:
            text = rng.choice(single)
        else:
            text = " ".join(rng.choices(multi, k=rng.randint(2, 4)))
        concepts.append(Concept(f"c{number}", (Term(text.capitalize(), "fr"),)))
    return Glossary(tuple(concepts))


def make_segments(
    rng: random.Random, filler: list[str], terms: list[str], near_misses: list[str], count: int
) -> list[str]:
    """Sentences of 12-25 ordinary words holding one or two glossary terms and one near miss
    (the start of a longer term that does not go on), so both glossaries find the same terms
    while the large one also follows and abandons partial matches."""
    segments = []
    for _ in range(count):
        sentence = rng.choices(filler, k=rng.randint(12, 25))
        for _ in range(rng.randint(1, 2)):
            sentence.insert(rng.randrange(len(sentence)), rng.choice(terms))
        sentence.insert(rng.randrange(len(sentence)), rng.choice(near_misses))
        segments.append(" ".join(sentence).capitalize() + ".")
    return segments


def segments_per_second(glossary: Glossary, segments: list[str]) -> tuple[float, int]:
    find_terms(glossary, segments[0], "fr", inflected=False)  # build the automaton first
    started = time.perf_counter()
    found = sum(len(find_terms(glossary, text, "fr", inflected=False)) for text in segments)
    return len(segments) / (time.perf_counter() - started), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--terms", type=int, default=10_000)
    arguments = parser.parse_args()

    rng = random.Random(20200627)
    words = make_words(rng, 35_000)
    single, multi, filler = words[:5_000], words[5_000:15_000], words[15_000:]
    large = make_glossary(rng, single, multi, arguments.terms)
    small = Glossary(large.concepts[:100])
    # Every segment holds terms that both glossaries know, so both report the same matches.
    shared_terms = [concept.terms[0].text for concept in small.concepts]
    near_misses = [
        text.rsplit(" ", 1)[0]
        for text in (concept.terms[0].text for concept in large.concepts[100:])
        if text.count(" ") >= 2
    ]
    segments = make_segments(rng, filler, shared_terms, near_misses, arguments.segments)

    started = time.perf_counter()
    find_terms(large, "", "fr", inflected=False)
    build = time.perf_counter() - started
    small_rate, small_found = segments_per_second(small, segments)
    large_rate, large_found = segments_per_second(large, segments)
    ratio = small_rate / large_rate

    print(f"segments: {len(segments):,}; automaton for {len(large):,} terms built in {build:.2f} s")
    print(f"{len(small):>6,} terms: {small_rate:>10,.0f} segments/s ({small_found:,} matches)")
    print(f"{len(large):>6,} terms: {large_rate:>10,.0f} segments/s ({large_found:,} matches)")
    verdict = "ok" if ratio <= TARGET_RATIO else "TOO SLOW"
    print(
        f"ratio {len(large):,} / {len(small):,} terms: {ratio:.2f}x (target <= {TARGET_RATIO}x): {verdict}"
    )
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
