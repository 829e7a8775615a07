"""Text as term matching sees it: words folded for comparison, the separators between them.

A text becomes a sequence of words (runs of letters and digits) and, between two words, a
separator key. Words are compared case-insensitively (with the Turkic dotted/dotless i rule
for Azerbaijani and Turkish); separators are compared by their punctuation alone, with
every apostrophe written ' and hyphens counted as spaces, so "Covid-19" = "Covid 19",
"d’Azerbaïdjan" = "d'Azerbaïdjan" and "H.Hadjiyev" = "H. Hadjiyev". Offsets always point
into the caller's text, also when it had to be NFC-normalised first.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
APOSTROPHES = "'’‘ʼ`´′ʹ"  # the variants people and models type
HYPHENS = "-‐‑‒–—―−"
_SEPARATOR_TABLE = str.maketrans({**dict.fromkeys(APOSTROPHES, "'"), **dict.fromkeys(HYPHENS, "-")})
_TURKIC = frozenset({"az", "tr", "crh", "gag", "tt"})  # languages with the dotted/dotless i pair
SPACE_KEY = " "


def primary_language(code: str) -> str:
    """ "az" for "az", "az_Latn_AZ" or "AZ-latn"."""
    return code.replace("-", "_").split("_", 1)[0].lower()


def is_turkic(lang: str) -> bool:
    return primary_language(lang) in _TURKIC


def fold_word(word: str, turkic: bool = False) -> str:
    """A word as compared: case-folded, "I" -> "ı" and "İ" -> "i" in Turkic languages."""
    if turkic:
        word = word.replace("I", "ı").replace("İ", "i")
    elif "İ" in word:
        word = word.replace("İ", "i")
    return word.casefold()


def casefold_text(text: str) -> str:
    """Loose comparison of whole strings (searching a glossary for a name)."""
    return fold_word(unicodedata.normalize("NFC", text)).translate(_SEPARATOR_TABLE)


def separator_key(raw: str) -> str:
    """The key of what stands between two words: its punctuation, or " " if only spaces."""
    punctuation = "".join(
        char for char in raw.translate(_SEPARATOR_TABLE) if char != "-" and not char.isspace()
    )
    return punctuation or SPACE_KEY


@dataclass(frozen=True)
class Words:
    """A text cut into words: offsets into the original text, folded keys, separator keys."""

    text: str  # the original text
    starts: list[int]
    ends: list[int]
    keys: list[str]  # folded words
    separators: list[str]  # separators[i]: key of the separator before word i ("" for i == 0)

    def __len__(self) -> int:
        return len(self.keys)

    def raw(self, index: int) -> str:
        return self.text[self.starts[index] : self.ends[index]]

    def raw_separator(self, index: int) -> str:
        """The text between word index - 1 and word index."""
        return self.text[self.ends[index - 1] : self.starts[index]]


def split_words(text: str, lang: str = "") -> Words:
    """Cut `text` into words; linear in its length."""
    turkic = is_turkic(lang) if lang else False
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return _split(text, text, None, turkic)
    normalised, offsets = _nfc_with_offsets(text)
    return _split(text, normalised, offsets, turkic)


def _split(original: str, text: str, offsets: list[int] | None, turkic: bool) -> Words:
    spans = [match.span() for match in _WORD.finditer(text)]
    folded = _fold_text(text, turkic)
    if folded is not None:
        keys = [folded[start:end] for start, end in spans]
    else:  # a character whose case folding is longer than itself (ß): fold word by word
        keys = [fold_word(text[start:end], turkic) for start, end in spans]
    separators = [""] if spans else []
    cache = _SEPARATOR_KEYS
    for (_, previous_end), (start, _) in itertools.pairwise(spans):
        raw = text[previous_end:start]
        key = cache.get(raw)
        if key is None:
            key = separator_key(raw)
            if len(cache) < _SEPARATOR_CACHE_SIZE:
                cache[raw] = key
        separators.append(key)
    if offsets is None:
        starts = [start for start, _ in spans]
        ends = [end for _, end in spans]
    else:
        starts = [offsets[start] for start, _ in spans]
        ends = [offsets[end] for _, end in spans]
    return Words(original, starts, ends, keys, separators)


_SEPARATOR_KEYS: dict[str, str] = {" ": SPACE_KEY}
_SEPARATOR_CACHE_SIZE = 4096


def _fold_text(text: str, turkic: bool) -> str | None:
    """The whole text folded at once, if folding keeps every offset; None otherwise."""
    if turkic:
        text = text.replace("I", "ı").replace("İ", "i")
    elif "İ" in text:
        text = text.replace("İ", "i")
    folded = text.casefold()
    return folded if len(folded) == len(text) else None


def _nfc_with_offsets(text: str) -> tuple[str, list[int]]:
    """NFC of `text` and, for each of its characters, the offset it came from (plus the end)."""
    pieces: list[str] = []
    offsets: list[int] = []
    index, length = 0, len(text)
    while index < length:
        cluster_end = index + 1
        while cluster_end < length and unicodedata.combining(text[cluster_end]):
            cluster_end += 1
        composed = unicodedata.normalize("NFC", text[index:cluster_end])
        pieces.append(composed)
        offsets.extend([index] * len(composed))
        index = cluster_end
    offsets.append(length)
    return "".join(pieces), offsets
