"""Spacing and typing slips: doubled words, double spaces, white space at either end."""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.core.checks.base import Pair, cosmetic
from workbench.core.checks.placeholders import mask_placeholders

# A word, or any other single non-space character (which separates words).
_TOKEN = re.compile(r"\w+(?:['’-]\w+)*|\S")
_DOUBLE_SPACE = re.compile(r" {2,}")
# Words a language legitimately doubles: French "nous nous sommes", English "had had".
_VALID_DOUBLES: dict[str, frozenset[str]] = {
    "fr": frozenset({"nous", "vous"}),
    "en": frozenset({"had", "that"}),
}
_WHITESPACE_NAMES = {
    " ": "space",
    "\u00a0": "no-break space",
    "\u202f": "narrow no-break space",
    "\t": "tab",
    "\n": "line break",
    "\r": "carriage return",
}


@cosmetic
def doublewords(pair: Pair) -> Iterator[str]:
    """Checks for a word typed twice in the translation ("the the").

    Only words separated by nothing but white space count; words a language doubles on
    purpose (French "nous nous", English "had had") do not.
    """
    valid = _VALID_DOUBLES.get(pair.target_lang.split("_")[0], frozenset())
    previous = ""
    repeated: list[str] = []
    for match in _TOKEN.finditer(mask_placeholders(pair.target)):
        word = match.group().casefold()
        if word[0].isalnum() and word == previous and word not in valid and word not in repeated:
            repeated.append(word)
        previous = word if word[0].isalnum() else ""
    for word in repeated:
        yield f"the word “{word}” is repeated"


@cosmetic
def doublespacing(pair: Pair) -> Iterator[str]:
    """Checks for double spaces in the translation that the source does not have (or the reverse)."""
    source = len(_DOUBLE_SPACE.findall(pair.source))
    target = len(_DOUBLE_SPACE.findall(pair.target))
    if source != target:
        yield f"{_double_spaces(target)} in the translation, {_double_spaces(source)} in the source"


def _double_spaces(count: int) -> str:
    return {0: "no double space", 1: "1 double space"}.get(count, f"{count} double spaces")


@cosmetic
def startwhitespace(pair: Pair) -> Iterator[str]:
    """Checks that the translation starts with the same white space as the source."""
    source, target = _leading(pair.source), _leading(pair.target)
    if source != target:
        yield f"the source starts with {describe_whitespace(source)}, the translation with {describe_whitespace(target)}"


@cosmetic
def endwhitespace(pair: Pair) -> Iterator[str]:
    """Checks that the translation ends with the same white space as the source.

    A trailing space or line break is often part of the message ("Name: "): the program
    puts something right after it.
    """
    source, target = _trailing(pair.source), _trailing(pair.target)
    if source != target:
        yield f"the source ends with {describe_whitespace(source)}, the translation with {describe_whitespace(target)}"


def _leading(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trailing(text: str) -> str:
    return text[len(text.rstrip()) :]


def describe_whitespace(whitespace: str) -> str:
    """White space in words: "no white space", "2 spaces", "a line break and a space"."""
    if not whitespace:
        return "no white space"
    runs: list[tuple[str, int]] = []
    for char in whitespace:
        if runs and runs[-1][0] == char:
            runs[-1] = (char, runs[-1][1] + 1)
        else:
            runs.append((char, 1))
    words = []
    for char, count in runs:
        name = _WHITESPACE_NAMES.get(char, f"U+{ord(char):04X}")
        words.append(f"a {name}" if count == 1 else f"{count} {name}s")
    return " and ".join(words)
