"""Punctuation checks: end punctuation, brackets, quotation marks as each language writes them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names, get_month_names

from workbench.core.checks.base import Pair, cosmetic
from workbench.core.checks.placeholders import mask_placeholders
from workbench.core.checks.quotes import quotation_marks, quotation_marks_in

# Sentence-final marks of other scripts, read as the Latin mark they stand for.
_END_MARKS = {
    ".": ".", "!": "!", "?": "?", "…": "…", ":": ":",
    "。": ".", "．": ".", "！": "!", "？": "?", "：": ":", "؟": "?", "۔": ".", "։": ".",
    "।": ".", "።": ".", "‼": "!!", "⁇": "??", "⁈": "?!", "⁉": "!?",
}  # fmt: skip
# What may follow the end punctuation: closing quotes and brackets (« oui ». / "yes.").
_CLOSERS = frozenset("»«”“’‘\"')]}›‹」』")
_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSING = {close: open_ for open_, close in _BRACKETS.items()}


def end_punctuation(text: str) -> str:
    """The punctuation a string ends with, in Latin form: "?", "…", ":", "" for none.

    Spaces before it (French "Quoi ?") and closing quotes or brackets around it are skipped,
    and three dots are an ellipsis.
    """
    marks = []
    for char in reversed(text.rstrip()):
        if char in _END_MARKS:
            marks.append(_END_MARKS[char])
        elif not (char in _CLOSERS or char.isspace()):
            break
    return "".join(reversed(marks)).replace("...", "…")


@cosmetic
def endpunc(pair: Pair) -> Iterator[str]:
    """Checks that the translation ends with the same punctuation as the source.

    A question stays a question, a list item keeps its colon, a heading without a full stop
    stays without one. Each language's spacing is respected (French "Quoi ?" = English
    "What?"), closing quotes may move ("« oui »." = "“yes.”"), and ... = …. The dot of an
    abbreviation ("Jan.", "p.m.") may go with it.
    """
    source, target = end_punctuation(pair.source), end_punctuation(pair.target)
    # The dot of "Jan." or "p.m." belongs to the word, not to a sentence.
    if source == "." and not target and is_abbreviation(pair.source, pair.source_lang):
        return
    if target == "." and not source and is_abbreviation(pair.target, pair.target_lang):
        return
    if source != target:
        yield f"the source ends with {_shown(source)}, the translation with {_shown(target)}"


def is_abbreviation(text: str, lang: str) -> bool:
    """Whether `text` is one abbreviated word: with a dot inside (a.m., e.g.) or the start of a
    month or day name (CLDR: Jan., Sept., Wed.)."""
    word = text.strip()
    if not word.endswith(".") or any(char.isspace() for char in word):
        return False
    stem = word[:-1]
    if "." in stem:
        return all(part.isalpha() for part in stem.split("."))
    folded = stem.casefold()
    return len(folded) >= 2 and any(
        name != folded and name.startswith(folded) for name in _calendar_names(lang)
    )


@lru_cache(maxsize=64)
def _calendar_names(lang: str) -> frozenset[str]:
    """The wide month and day names of `lang` (English when CLDR does not know it), folded."""
    try:
        locale = str(Locale.parse(lang.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        locale = "en"
    names = [*get_month_names("wide", locale=locale).values()]
    names += get_day_names("wide", locale=locale).values()
    return frozenset(name.casefold() for name in names)


def _shown(punctuation: str) -> str:
    return f"“{punctuation}”" if punctuation else "no punctuation"


@cosmetic
def brackets(pair: Pair) -> Iterator[str]:
    """Checks that brackets ( ) [ ] { } match the source's and are closed in the right order.

    A translation may add a closed pair, as translators do to explain a name ("Kannada" →
    "الهنديّة (كنّادا)"); a lost or unpaired bracket is reported.
    """
    source, target = mask_placeholders(pair.source), mask_placeholders(pair.target)
    source_counts = Counter(char for char in source if char in "()[]{}")
    target_counts = Counter(char for char in target if char in "()[]{}")
    extra = target_counts - source_counts
    added_pairs = all(extra[open_] == extra[close] for open_, close in _BRACKETS.items())
    if not source_counts - target_counts and added_pairs and not _unbalanced(target):
        return
    if source_counts != target_counts:
        missing = sorted((source_counts - target_counts).elements())
        added = sorted((target_counts - source_counts).elements())
        parts = []
        if missing:
            parts.append(f"missing {' '.join(missing)}")
        if added:
            parts.append(f"added {' '.join(added)}")
        yield "; ".join(parts)
    elif _unbalanced(target) and not _unbalanced(source):
        yield f"brackets are not closed in order: {_unbalanced(target)}"


def _unbalanced(text: str) -> str:
    """What is wrong with the nesting of brackets in `text`, or "" if nothing."""
    stack: list[str] = []
    for char in text:
        if char in _BRACKETS:
            stack.append(char)
        elif char in _CLOSING:
            if not stack or stack[-1] != _CLOSING[char]:
                return f"{char} closes nothing open"
            stack.pop()
    return f"{stack[-1]} is never closed" if stack else ""


@cosmetic
def quotes(pair: Pair) -> Iterator[str]:
    """Checks that quotations are kept, closed, and written with the target language's marks.

    The marks come from CLDR: French « », English and Azerbaijani “ ”, German „ “. Apostrophes
    (l’article, it's) are not quotation marks; typewriter quotes ('slug') count as quotes.
    """
    source_marks = quotation_marks_in(mask_placeholders(pair.source), pair.source_lang)
    target_marks = quotation_marks_in(mask_placeholders(pair.target), pair.target_lang)
    if len(source_marks) != len(target_marks):
        yield (
            f"the source has {_count(source_marks)} quotation marks, "
            f"the translation {_count(target_marks)}"
        )
    marks = quotation_marks(pair.target_lang)
    native = f"{marks.start}…{marks.end}"
    foreign = sorted(
        {mark for mark in target_marks if mark not in marks.marks and mark not in "\"'"}
    )
    if foreign:
        yield f"{' '.join(foreign)} {'is' if len(foreign) == 1 else 'are'} not how {pair.target_lang} quotes: use {native}"
    if '"' in target_marks and '"' not in source_marks and '"' not in marks.marks:
        yield f'straight quotes " where {pair.target_lang} writes {native}'
    if len(source_marks) == len(target_marks) and not foreign:  # foreign marks: said once
        yield from _unclosed(target_marks, marks.pairs)


def _unclosed(found: list[str], pairs: tuple[tuple[str, str], ...]) -> Iterator[str]:
    for open_, close in (*pairs, ('"', '"')):
        if open_ == close:
            if found.count(open_) % 2:
                yield f"an odd number of {open_}: a quotation is not closed"
            continue
        opened, closed = found.count(open_), found.count(close)
        if opened != closed:
            yield f"{opened} {open_} but {closed} {close}: a quotation is not closed"


def _count(marks: list[str]) -> str:
    return str(len(marks)) if marks else "no"
