"""Source documents: paragraphs (split at blank lines) and sentence segments with offsets.

Offsets index the document's text exactly as read (BOM removed, line endings kept), so
`rebuild()` with every segment mapped to itself gives back the original text byte for byte.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from workbench.core.errors import InputError
from workbench.core.languages import normalise_language
from workbench.core.sources.segment import split_sentences
from workbench.core.textio import check_control_characters, read_text

# A paragraph break is a line holding nothing but white space. A CR is a line break of its own
# only when no LF follows: otherwise the CR and LF of one CRLF would count as two line breaks.
_LINE_BREAK = r"(?:\r\n|\n|\r(?!\n))"
_PARAGRAPH_BREAK = re.compile(rf"{_LINE_BREAK}[ \t\f\v]*{_LINE_BREAK}(?:[ \t\f\v]*{_LINE_BREAK})*")
_WHITESPACE_RUN = re.compile(r"\s+")
_FOLDABLE = re.compile(r"\s\s|[^\S ]")  # two white spaces in a row, or any but a plain space
# "name.fr.txt" -> ("name", "fr"); the language part is a BCP-47-ish code.
_LANGUAGE_SUFFIX = re.compile(r"^(?P<stem>.+)\.(?P<lang>[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})?)$")


@dataclass(frozen=True)
class Segment:
    """One sentence of a document: what the translator translates."""

    id: str  # "3.2": paragraph 3, sentence 2 (both from 1); stable while the paragraph is
    paragraph: int  # index of the paragraph, from 0
    start: int  # offset of the first character in Document.text
    end: int  # offset just past the last character
    line: int  # line of `start`, from 1 (for catalog references)
    text: str  # the sentence with inner line breaks and runs of white space folded to one space


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Document:
    path: Path | None
    lang: str
    text: str
    paragraphs: tuple[Paragraph, ...]

    @cached_property  # read per row by the TUI and the aligner: built once
    def segments(self) -> tuple[Segment, ...]:
        return tuple(segment for paragraph in self.paragraphs for segment in paragraph.segments)

    @property
    def name(self) -> str:
        """The catalog domain: the file name without `.txt` and without its language suffix."""
        return document_domain(self.path) if self.path else "document"

    def __iter__(self) -> Iterator[Segment]:
        return iter(self.segments)


def document_domain(path: Path) -> str:
    """`article.fr.txt` -> `article`; a suffix that is not a language code stays (`report.old`)."""
    stem = Path(path).stem if Path(path).suffix.lower() in {".txt", ".text"} else Path(path).name
    match = _LANGUAGE_SUFFIX.match(stem)
    return match["stem"] if match and language_from_name(Path(stem + ".txt")) else stem


def check_domain(name: str) -> str:
    """`name` if it is a plain file name for a catalog (no folder, no `..`); InputError if not,
    since `locales/<lang>/LC_MESSAGES/<domain>.po` must stay inside the catalog folder."""
    if (
        not name.strip()
        or name in {".", ".."}
        or "/" in name
        or "\\" in name
        or "\0" in name
        or name.startswith(".")
        or Path(name).is_absolute()
    ):
        raise InputError(
            f"--domain '{name}' is not a plain catalog name; give a name like 'article' "
            f"(no '/', no '..', not starting with '.')"
        )
    return name


def language_from_name(path: Path) -> str | None:
    """The language code in a name like `article.fr.txt`, if it names a known language."""
    stem = Path(path).stem
    match = _LANGUAGE_SUFFIX.match(stem)
    if not match:
        return None
    try:
        return normalise_language(match["lang"])
    except InputError:
        return None


def parse_document(text: str, lang: str, path: Path | None = None) -> Document:
    """Split `text` into paragraphs and sentence segments for language `lang`."""
    paragraphs: list[Paragraph] = []
    line_starts = _line_starts(text)
    for start, end in _paragraph_spans(text):
        index = len(paragraphs)
        segments: list[Segment] = []
        for s_start, s_end in split_sentences(text[start:end], lang):
            absolute_start, absolute_end = start + s_start, start + s_end
            if not has_visible_character(text[absolute_start:absolute_end]):
                continue  # zero-width spaces, BOMs: nothing a translator could translate
            number = len(segments) + 1
            segments.append(
                Segment(
                    id=f"{index + 1}.{number}",
                    paragraph=index,
                    start=absolute_start,
                    end=absolute_end,
                    line=_line_of(line_starts, absolute_start),
                    text=_fold_whitespace(text[absolute_start:absolute_end]),
                )
            )
        if segments:
            paragraphs.append(Paragraph(index, start, end, tuple(segments)))
    return Document(path=path, lang=lang, text=text, paragraphs=tuple(paragraphs))


def load_document(path: Path, lang: str | None = None) -> Document:
    """Read and segment a UTF-8 text document; the language comes from `lang` or the name."""
    path = Path(path)
    text = read_text(path, "document")
    check_control_characters(text, path)
    code = normalise_language(lang) if lang else language_from_name(path)
    if code is None:
        raise InputError(
            f"cannot tell the language of {path.name}; name it like NAME.fr.txt or pass --from fr"
        )
    document = parse_document(text, code, path)
    if not document.paragraphs:
        raise InputError(f"{path} is empty: there is no sentence to translate")
    return document


def rebuild(
    document: Document, translation: Mapping[str, str] | Callable[[Segment], str | None]
) -> str:
    """The document's text with each segment replaced by its translation.

    `translation` maps a segment's text (or the segment, if callable) to the new text; a segment
    with no translation keeps its source text, so layout and untranslated parts stay in place.
    """
    lookup: Callable[[Segment], str | None]
    lookup = (
        translation if callable(translation) else (lambda segment: translation.get(segment.text))
    )
    pieces: list[str] = []
    cursor = 0
    for segment in document.segments:
        pieces.append(document.text[cursor : segment.start])
        replacement = lookup(segment)
        pieces.append(replacement if replacement else document.text[segment.start : segment.end])
        cursor = segment.end
    pieces.append(document.text[cursor:])
    return "".join(pieces)


def has_visible_character(text: str) -> bool:
    """False for text of white space (NBSP, U+3000 included) and invisible format characters
    (zero-width space, BOM, joiners) only."""
    return any(not (c.isspace() or unicodedata.category(c) == "Cf") for c in text)


def _fold_whitespace(sentence: str) -> str:
    # Most sentences have nothing to fold; the regular expression is only paid when needed.
    return _WHITESPACE_RUN.sub(" ", sentence) if _FOLDABLE.search(sentence) else sentence


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    cursor = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield from _trimmed(text, cursor, match.start())
        cursor = match.end()
    yield from _trimmed(text, cursor, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for match in re.finditer(r"\r\n|\n|\r", text):
        starts.append(match.end())
    return starts


def _line_of(line_starts: list[int], offset: int) -> int:
    return bisect_right(line_starts, offset)
