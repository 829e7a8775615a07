"""Finding many terms in a text at once: an Aho-Corasick automaton over words.

The automaton reads a text word by word (see `text.py`: folded words and separator keys), so
matches are whole words by construction, case, apostrophe and hyphen/space differences vanish,
and French elision needs no rule of its own: "l'OMS" is the word "l", an apostrophe, then the
word "OMS". Reading a text costs one transition per word and separator whatever the number
of terms; every occurrence of every term is reported, then overlaps are resolved: the
longest match wins, then the leftmost, then a non-deprecated term, then glossary order.

With a `Morphology`, a term's last word may also carry an inflection (Azərbaycanın,
movements) or, for abbreviations, a suffix after a hyphen (BMT-nin); the automaton tries the
few stems a word could have, so the cost stays linear.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from workbench.core.glossary.morphology import JOINERS, Morphology, TermShape
from workbench.core.glossary.text import Words, split_words

Payload = TypeVar("Payload")
_SEPARATOR_MARK = "\x00"  # separator symbols never collide with words


@dataclass(frozen=True)
class RawMatch(Generic[Payload]):
    start: int  # offsets in the searched text
    end: int  # includes any inflection (Azərbaycanın, BMT-nin)
    payload: Payload
    ending: str = ""  # the inflection as written in the text ("ın", "-nin"); "" if none


@dataclass(frozen=True)
class _Pattern(Generic[Payload]):
    payload: Payload
    words: int
    capitals_only: bool  # BMT must not match "bmt", WHO not "who"
    rank: int  # tie-break: lower wins (non-deprecated before deprecated, then glossary order)
    shape: TermShape | None


@dataclass(frozen=True)
class _Candidate:
    first_word: int
    last_word: int  # inclusive
    start: int
    end: int
    pattern: int
    ending: str


class TermAutomaton(Generic[Payload]):
    """Every term of one language, compiled once; `find()` is then linear in the text."""

    def __init__(
        self,
        lang: str,
        entries: Iterable[tuple[str, Payload, int]],
        morphology: Morphology | None = None,
    ) -> None:
        """`entries`: (term text, payload, rank) - rank breaks ties between equal matches."""
        self.lang = lang
        self.morphology = morphology
        self._goto: list[dict[str, int]] = [{}]
        self._fail: list[int] = [0]
        self._own: list[list[int]] = [[]]
        self._patterns: list[_Pattern[Payload]] = []
        for text, payload, rank in entries:
            self._add(text, payload, rank)
        self._out = self._link()

    def __len__(self) -> int:
        return len(self._patterns)

    def _add(self, text: str, payload: Payload, rank: int) -> None:
        words = split_words(text, self.lang)
        if not len(words):
            return  # a term with no letter or digit cannot be matched as words
        node = 0
        for symbol in _symbols(words):
            following = self._goto[node].get(symbol)
            if following is None:
                following = len(self._goto)
                self._goto[node][symbol] = following
                self._goto.append({})
                self._fail.append(0)
                self._own.append([])
            node = following
        capitals = all(not char.islower() for char in text) and any(c.isalpha() for c in text)
        shape = self.morphology.shape(text) if self.morphology else None
        self._own[node].append(len(self._patterns))
        self._patterns.append(_Pattern(payload, len(words), capitals, rank, shape))

    def _link(self) -> list[tuple[int, ...]]:
        """Failure links breadth first; each node's output includes its suffixes' outputs."""
        out: list[tuple[int, ...]] = [()] * len(self._goto)
        queue: deque[int] = deque()
        for child in self._goto[0].values():
            out[child] = tuple(self._own[child])
            queue.append(child)
        while queue:
            node = queue.popleft()
            for symbol, child in self._goto[node].items():
                fallback = self._fail[node]
                while fallback and symbol not in self._goto[fallback]:
                    fallback = self._fail[fallback]
                target = self._goto[fallback].get(symbol, 0)
                self._fail[child] = target if target != child else 0
                out[child] = tuple(self._own[child]) + out[self._fail[child]]
                queue.append(child)
        return out

    def _step(self, node: int, symbol: str) -> int:
        goto, fail = self._goto, self._fail
        while node and symbol not in goto[node]:
            node = fail[node]
        return goto[node].get(symbol, 0)

    def find(self, text: str) -> list[RawMatch[Payload]]:
        """The non-overlapping term occurrences in `text`, in text order."""
        return self.find_in(split_words(text, self.lang))

    def find_in(self, words: Words) -> list[RawMatch[Payload]]:
        candidates = self._candidates(words)
        if not candidates:
            return []
        return self._resolve(candidates, len(words))

    def _candidates(self, words: Words) -> list[_Candidate]:
        keys, separators = words.keys, words.separators
        goto, fail, out, patterns = self._goto, self._fail, self._out, self._patterns
        step = self._step
        morphology = self.morphology
        found: list[_Candidate] = []
        node = 0
        for index, key in enumerate(keys):
            if index:
                symbol = _SEPARATOR_MARK + separators[index]
                while node and symbol not in goto[node]:
                    node = fail[node]
                node = goto[node].get(symbol, 0)
            if morphology is not None and len(key) > 2:
                for stem, ending in morphology.stems(key):
                    for pattern_id in out[step(node, stem)]:
                        pattern = patterns[pattern_id]
                        if pattern.shape is not None and morphology.accepts(pattern.shape, ending):
                            found.append(self._candidate(words, index, pattern_id, ending, stem))
            while node and key not in goto[node]:
                node = fail[node]
            node = goto[node].get(key, 0)
            for pattern_id in out[node]:
                found.append(self._candidate(words, index, pattern_id, "", None))
        if not found:
            return found
        return [c for c in found if self._keeps_capitals(words, c)]

    def _candidate(
        self, words: Words, index: int, pattern_id: int, ending: str, stem: str | None
    ) -> _Candidate:
        pattern = self._patterns[pattern_id]
        first = index - pattern.words + 1
        start, end = words.starts[first], words.ends[index]
        if stem is not None:
            raw = words.raw(index)
            return _Candidate(first, index, start, end, pattern_id, raw[len(raw) - len(ending) :])
        joined = self._joined_ending(words, index, pattern)
        if joined:
            return _Candidate(first, index + 1, start, words.ends[index + 1], pattern_id, joined)
        return _Candidate(first, index, start, end, pattern_id, "")

    def _joined_ending(self, words: Words, index: int, pattern: _Pattern[Payload]) -> str:
        """ "-nin" in "BMT-nin": a suffix written after a hyphen or apostrophe, if it is one."""
        if self.morphology is None or pattern.shape is None or index + 1 >= len(words):
            return ""
        joiner = words.raw_separator(index + 1)
        if len(joiner) != 1 or joiner not in JOINERS:
            return ""
        if not self.morphology.accepts_joined(pattern.shape, words.keys[index + 1]):
            return ""
        return joiner + words.raw(index + 1)

    def _keeps_capitals(self, words: Words, candidate: _Candidate) -> bool:
        """An all-capitals term (BMT, WHO) matches only capitals: "who" is not the WHO."""
        if not self._patterns[candidate.pattern].capitals_only:
            return True
        ending = candidate.ending
        joined = bool(ending) and ending[0] in JOINERS
        last = candidate.last_word - 1 if joined else candidate.last_word
        for index in range(candidate.first_word, last + 1):
            raw = words.raw(index)
            if index == last and ending and not joined:
                raw = raw[: len(raw) - len(ending)]
            if any(char.islower() for char in raw):
                return False
        return True

    def _resolve(self, candidates: list[_Candidate], word_count: int) -> list[RawMatch[Payload]]:
        patterns = self._patterns
        candidates.sort(
            key=lambda c: (-(c.end - c.start), c.start, patterns[c.pattern].rank, c.pattern)
        )
        taken = bytearray(word_count)
        chosen: list[_Candidate] = []
        for candidate in candidates:
            span = range(candidate.first_word, candidate.last_word + 1)
            if any(taken[i] for i in span):
                continue
            for i in span:
                taken[i] = 1
            chosen.append(candidate)
        chosen.sort(key=lambda c: c.start)
        return [RawMatch(c.start, c.end, patterns[c.pattern].payload, c.ending) for c in chosen]


def _symbols(words: Words) -> Sequence[str]:
    symbols: list[str] = []
    for index, key in enumerate(words.keys):
        if index:
            symbols.append(_SEPARATOR_MARK + words.separators[index])
        symbols.append(key)
    return symbols
