"""How long an input a CTranslate2 model takes, and cutting longer ones into pieces it can take.

A Transformer with a position table of L rows cannot encode position L or beyond: CTranslate2
then raises "No position encodings are defined for positions >= L". The table's size is read
from `model.bin` (CTranslate2 has no API for it); a model without a table (relative or
rotary positions) has no such limit, and CTranslate2's own input cap applies.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# CTranslate2 truncates inputs past this many tokens by default (`max_input_length`).
CTRANSLATE2_INPUT_CAP = 1024
# Room for the tokens the model adds around a source (</s>, and <s> in some models).
RESERVED_POSITIONS = 2
# The most chunks a sentence is translated in; the rest of a longer one is left untranslated.
MAX_PARTS = 32
WORD_START = "\u2581"  # SentencePiece's "▁": the piece begins a word
_POSITION_TABLE = "position_encodings/encodings"
# SentencePiece's byte fallback writes a byte as "<0xHH>"; 0x80-0xBF continue a character.
_CONTINUATION_BYTE = re.compile(r"<0x[89AB][0-9A-F]>", re.IGNORECASE)
# Binary format versions whose header we know (ctranslate2/specs/model_spec.py `_serialize`).
_KNOWN_VERSIONS = range(2, 7)


def position_limit(model_dir: Path) -> int | None:
    """How many positions the model's position table has (the smallest of encoder and
    decoder); None when it has none or `model.bin` is not a format we know."""
    try:
        with (Path(model_dir) / "model.bin").open("rb") as handle:
            sizes = [
                shape[0]
                for name, shape in _variable_shapes(handle)
                if name.endswith(_POSITION_TABLE) and shape
            ]
    except (OSError, struct.error, UnicodeDecodeError, ValueError):
        return None
    return min(sizes) if sizes else None


def _variable_shapes(handle: BinaryIO) -> list[tuple[str, tuple[int, ...]]]:
    """(name, shape) of every variable in a CTranslate2 `model.bin`, skipping the weights."""

    def number(fmt: str) -> int:
        size = struct.calcsize(fmt)
        data = handle.read(size)
        if len(data) != size:
            raise ValueError("model.bin ends early")
        return int(struct.unpack(fmt, data)[0])

    def string() -> str:
        length = number("<H")
        return handle.read(length).rstrip(b"\0").decode("utf-8")

    if number("<I") not in _KNOWN_VERSIONS:
        raise ValueError("unknown model.bin version")
    string()  # the spec name
    number("<I")  # the spec revision
    shapes = []
    for _ in range(number("<I")):
        name = string()
        shape = tuple(number("<I") for _ in range(number("<B")))
        number("<B")  # dtype
        handle.seek(number("<I"), 1)
        shapes.append((name, shape))
    return shapes


def input_pieces_limit(positions: int | None) -> int:
    """The most source pieces the model takes in one call: its position table, less the tokens
    it adds (CTranslate2's input cap for a model without a table)."""
    return max(1, (positions or CTRANSLATE2_INPUT_CAP) - RESERVED_POSITIONS)


def part_pieces(limit: int, max_decoding_length: int) -> int:
    """How long the parts of a sentence over `limit` are: short enough that each part's
    translation (often a little longer than its source) fits the output cap too."""
    return max(1, min(limit, max_decoding_length * 2 // 3))


@dataclass(frozen=True)
class SplitSentence:
    """A sentence's pieces as the model gets them: chunks, and how many pieces were left out."""

    chunks: tuple[list[str], ...]
    dropped: int = 0  # pieces past MAX_PARTS chunks, not translated

    @property
    def length(self) -> int:
        return sum(len(chunk) for chunk in self.chunks)


def split_sentence(
    pieces: Sequence[str], limit: int, part: int, max_parts: int = MAX_PARTS
) -> SplitSentence:
    """`pieces` whole if the model takes them (at most `limit`), else in parts of at most
    `part` pieces; past `max_parts` parts the rest is dropped (a 1 MB line would otherwise keep
    the engine busy for hours on what is surely not a sentence)."""
    if len(pieces) <= limit:
        return SplitSentence((list(pieces),))
    kept = split_pieces(pieces, part, max_parts)
    return SplitSentence(tuple(kept), len(pieces) - sum(len(chunk) for chunk in kept))


def split_pieces(
    pieces: Sequence[str], limit: int, max_parts: int | None = None
) -> list[list[str]]:
    """`pieces` cut into runs of at most `limit` (the first `max_parts` runs, if given): after
    punctuation where the window has it, else between words, else inside a word (never inside
    one character's UTF-8 bytes)."""
    chunks: list[list[str]] = []
    start = 0
    while len(pieces) - start > limit:
        if max_parts is not None and len(chunks) == max_parts:
            return chunks
        end = _cut(pieces, start, start + limit)
        chunks.append(list(pieces[start:end]))
        start = end
    if max_parts is None or len(chunks) < max_parts:
        chunks.append(list(pieces[start:]))
    return chunks


def joins_words(chunk: Sequence[str]) -> bool:
    """Whether a chunk begins a new word, so its translation is joined with a space."""
    return bool(chunk) and chunk[0].startswith(WORD_START)


def _cut(pieces: Sequence[str], start: int, stop: int) -> int:
    """Where to end the chunk that begins at `start`; at most `stop`, always past `start`."""
    late = range(stop, start + (stop - start) // 2, -1)  # the window's second half, last first
    for end in late:
        if pieces[end].startswith(WORD_START) and _ends_in_punctuation(pieces[end - 1]):
            return end
    for end in range(stop, start, -1):
        if pieces[end].startswith(WORD_START):
            return end
    for end in range(stop, start, -1):
        if not _is_continuation_byte(pieces[end]):
            return end
    return stop


def _ends_in_punctuation(piece: str) -> bool:
    return bool(piece) and unicodedata.category(piece[-1]).startswith("P")


def _is_continuation_byte(piece: str) -> bool:
    return _CONTINUATION_BYTE.fullmatch(piece) is not None
