"""Protection: pieces of a string the engine must not touch ride through it as placeholders.

One mechanism serves glossary terms (`glossary/enforce.py`) and the pieces of a catalog string that are
not words: format placeholders (per the entry's flags, and unflagged `%s`/`%(name)s`/`{name}`
that look like them), HTML/XML tags and entities, URLs and e-mail addresses. Each piece becomes
a placeholder of capitals and digits (`ZX1Q`, `ZX2Q`), which SentencePiece models copy
through; after translation each placeholder must appear exactly once, or the output is
rejected. Leading and trailing white space (a `\\n` that ends a message) is cut off before
translation and put back after, since models drop it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

# Placeholder shapes, tried in order until one does not already occur in the text.
PLACEHOLDER_SHAPES = (("ZX", "Q"), ("QZ", "X"), ("XQ", "Z"))
# Any placeholder of those shapes: the QA checks flag one that reaches the output.
PLACEHOLDER_PATTERN = re.compile(
    r"(?<![^\W_])(?:" + "|".join(rf"{head}\d+{tail}" for head, tail in PLACEHOLDER_SHAPES) + ")"
)

TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")
ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")
# printf as C, Python and Objective-C write it; no space flag, so French "50 % des" is no spec.
PRINTF = re.compile(
    r"%(?:(?P<position>\d+)\$|\((?P<key>\w+)\))?"
    r"[-+#0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|q|j|z|t)?"
    r"(?P<type>[diouxXeEfFgGaAcspn@%])"
)
# A brace field, not an escaped `{{` / `}}`: {} {0} {name} {name.attr[0]!r:>10}
BRACE = re.compile(r"(?<!\{)\{(?P<field>[\w.\[\]]*)(?:![rsa])?(?::[^{}]*)?\}(?!\})")
URL = re.compile(
    r"\b(?:https?|ftp)://[^\s<>«»“”\"]+|\bwww\.[^\s<>«»“”\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)

# Format flags and the placeholder syntax they declare.
PRINTF_FLAGS = ("c-format", "python-format")
BRACE_FLAGS = ("python-brace-format",)


def free_shape(text: str) -> tuple[str, str] | None:
    """The first placeholder shape that does not already occur in `text`."""
    return next(
        (
            (head, tail)
            for head, tail in PLACEHOLDER_SHAPES
            if not re.search(rf"{head}\d+{tail}", text, re.IGNORECASE)
        ),
        None,
    )


@dataclass(frozen=True)
class Placeholders:
    """Placeholders of one shape: how they are written, found and counted."""

    shape: tuple[str, str]

    def token(self, number: int) -> str:
        return f"{self.shape[0]}{number}{self.shape[1]}"

    def pattern(self, joiners: str = "") -> re.Pattern[str]:
        """Placeholders (case-insensitive; models change case); with `joiners`, also the ending
        a model glued on (ZX1Qnin, ZX1Q-nin) unless it is the next placeholder."""
        head, tail = self.shape
        if not joiners:
            return re.compile(rf"{head}(\d+){tail}", re.IGNORECASE)
        return re.compile(
            rf"{head}(\d+){tail}(?:([{joiners}]?)(?!{head}\d+{tail})(\w+))?", re.IGNORECASE
        )

    def numbers(self, text: str) -> Counter[int]:
        return Counter(int(match.group(1)) for match in self.pattern().finditer(text))

    def intact(self, text: str, expected: Collection[int]) -> bool:
        """Every expected placeholder exactly once, and no other."""
        return self.numbers(text) == Counter(list(expected))

    def survivors(self, text: str, expected: Collection[int]) -> int:
        """How many of the expected placeholders occur exactly once."""
        found = self.numbers(text)
        return sum(1 for number in expected if found[number] == 1)


def mask(
    text: str, spans: list[tuple[int, int]], placeholders: Placeholders, first: int = 1
) -> tuple[str, dict[int, str]]:
    """`text` with each (start, end) span (sorted, not overlapping) replaced by a placeholder;
    returns the masked text and placeholder number -> the piece it stands for."""
    pieces: list[str] = []
    originals: dict[int, str] = {}
    cursor = 0
    for number, (start, end) in enumerate(spans, first):
        pieces.append(text[cursor:start])
        pieces.append(placeholders.token(number))
        originals[number] = text[start:end]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces), originals


@dataclass(frozen=True)
class Shielded:
    """A string ready for the engine: its protected pieces masked, its edge white space cut."""

    text: str  # what the engine translates
    prefix: str = ""
    suffix: str = ""
    placeholders: Placeholders | None = None
    pieces: Mapping[int, str] = field(default_factory=dict)  # number -> original piece

    def restore(self, translation: str) -> str | None:
        """The translation with the pieces and edges put back; None if the engine dropped,
        repeated or invented a placeholder (the draft cannot be trusted)."""
        body = translation.strip()
        if self.placeholders is not None:
            if not self.placeholders.intact(body, self.pieces):
                return None
            body = self.placeholders.pattern().sub(
                lambda match: self.pieces[int(match.group(1))], body
            )
        return f"{self.prefix}{body}{self.suffix}"

    def lost(self, translation: str) -> list[str]:
        """The pieces that did not come through exactly once (for the note on the entry)."""
        if self.placeholders is None:
            return []
        found = self.placeholders.numbers(translation)
        return [piece for number, piece in self.pieces.items() if found[number] != 1]


def shield(text: str, flags: Collection[str] = ()) -> Shielded:
    """Protect what must survive translation in `text`, per the entry's format `flags`."""
    body = text.strip()
    prefix = text[: len(text) - len(text.lstrip())]
    suffix = text[len(prefix) + len(body) :]
    spans = protected_spans(body, flags)
    shape = free_shape(body) if spans else None
    if shape is None:
        return Shielded(body, prefix, suffix)
    placeholders = Placeholders(shape)
    masked, pieces = mask(body, spans, placeholders)
    return Shielded(masked, prefix, suffix, placeholders, pieces)


def protected_spans(text: str, flags: Collection[str] = ()) -> list[tuple[int, int]]:
    """(start, end) of every piece to protect, sorted and not overlapping (longest first wins)."""
    found: list[tuple[int, int]] = []
    for pattern, keep in _finders(frozenset(flags)):
        found.extend(match.span() for match in pattern.finditer(text) if keep(match))
    found.sort(key=lambda span: (span[0], -span[1]))
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if end > start and (not spans or start >= spans[-1][1]):
            spans.append((start, end))
    return spans


Finder = tuple[re.Pattern[str], Callable[[re.Match[str]], bool]]


@lru_cache(maxsize=32)
def _finders(flags: frozenset[str]) -> tuple[Finder, ...]:
    def anything(match: re.Match[str]) -> bool:
        return True

    def plain_printf(match: re.Match[str]) -> bool:
        # Unflagged, only what is unmistakably a placeholder: %s, %d, %1$s, %(name)s.
        return bool(match["key"] or match["position"]) or match.group() in ("%s", "%d")

    finders: list[Finder] = [(URL, anything), (TAG, anything), (ENTITY, anything)]
    refused = {flag.removeprefix("no-") for flag in flags if flag.startswith("no-")}
    printf_declared = any(flag in flags for flag in PRINTF_FLAGS)
    if printf_declared:
        finders.append((PRINTF, anything))
    elif not refused.intersection(PRINTF_FLAGS):
        finders.append((PRINTF, plain_printf))
    if not refused.intersection(BRACE_FLAGS):
        finders.append((BRACE, anything))
    return tuple(finders)
