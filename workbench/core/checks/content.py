"""Checks on what the translation says: is there one, is it a copy, is anything lost or added."""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.core.checks.base import Pair, functional
from workbench.core.checks.placeholders import mask_placeholders
from workbench.core.glossary.text import primary_language
from workbench.core.sources.segment import split_sentences

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]")
# Characters of text per character of the same text in English: rough averages over parallel
# corpora and localisation practice (Romance and German run longer, CJK much shorter). They
# only centre the tolerated range; the range itself is wide.
_LENGTH_VS_ENGLISH = {
    "en": 1.0, "fr": 1.2, "es": 1.2, "it": 1.15, "pt": 1.2, "ca": 1.2, "ro": 1.15, "de": 1.25,
    "nl": 1.2, "sv": 1.05, "da": 1.05, "nb": 1.05, "fi": 1.1, "pl": 1.15, "cs": 1.05,
    "ru": 1.15, "uk": 1.15, "tr": 1.05, "az": 1.1, "el": 1.2, "ar": 0.95, "he": 0.85,
    "fa": 0.95, "hi": 1.1, "ja": 0.55, "ko": 0.6, "zh": 0.35,
}  # fmt: skip
# A translation between half and twice the expected length passes; shorter strings vary too
# much to judge ("Non." / "No.", "OK" / "D'accord").
LENGTH_TOLERANCE = 2.0
# A copy of the source counts from this many words of this many letters ("Stop. Stop.").
UNCHANGED_MIN_WORDS = 2
UNCHANGED_MIN_WORD = 2
LENGTH_MIN_SOURCE = 15


@functional
def untranslated(pair: Pair) -> Iterator[str]:
    """Checks that the entry has a translation: not empty, not just white space.

    When it has none, no other check runs on it.
    """
    if pair.source.strip() and not pair.target.strip():
        yield "not translated" if not pair.target else "the translation is only white space"


@functional
def unchanged(pair: Pair) -> Iterator[str]:
    """Checks that the translation is not a copy of the source.

    Only a copy of at least two real words (two letters or more) is reported, as pofilter leaves
    out strings too short to judge: one word is as likely a cognate or a name (Total, Date,
    Afrikaans, April) as an oversight, and "a.m." an abbreviation. Strings with nothing to
    translate are left alone too: numbers, URLs, placeholders, acronyms (ONU, AZERTAC) and
    names of several words (Ilham Aliyev), whose every word is capitalised; and so is a copy
    into a variety of the source's own language (en → en_GB).
    """
    if primary_language(pair.source_lang) == primary_language(pair.target_lang):
        return
    source, target = _folded(pair.source), _folded(pair.target)
    if source and source == target and _has_words_to_translate(pair.source):
        yield "the translation is the same as the source"


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def _has_words_to_translate(text: str) -> bool:
    words = _WORD.findall(mask_placeholders(text))
    if sum(1 for word in words if len(word) >= UNCHANGED_MIN_WORD) < UNCHANGED_MIN_WORDS:
        return False
    if all(word.isupper() for word in words):
        return False
    # Names end without a full stop; "Stop. Stop." is two sentences, not a name.
    is_name = (
        len(words) > 1
        and all(word[0].isupper() for word in words)
        and not _SENTENCE_END.search(text)
    )
    return not is_name


@functional
def sentencecount(pair: Pair) -> Iterator[str]:
    """Checks that the translation has as many sentences as the source.

    A sentence lost or two merged may be fine, or may be a sentence the engine dropped.
    Sentences are split by each language's rules (abbreviations such as "M." or "və s.").
    """
    source = len(split_sentences(pair.source, pair.source_lang))
    target = len(split_sentences(pair.target, pair.target_lang))
    if source != target:
        yield f"{_sentences(source)} in the source, {_sentences(target)} in the translation"


def _sentences(count: int) -> str:
    return f"{count} sentence" if count == 1 else f"{count} sentences"


def length_range(source_lang: str, target_lang: str) -> tuple[float, float]:
    """The tolerated range of (translation length / source length) for a language pair."""
    expected = _length_factor(target_lang) / _length_factor(source_lang)
    return expected / LENGTH_TOLERANCE, expected * LENGTH_TOLERANCE


def _length_factor(lang: str) -> float:
    return _LENGTH_VS_ENGLISH.get(re.split(r"[_\-]", lang)[0].lower(), 1.0)


@functional
def length(pair: Pair) -> Iterator[str]:
    """Checks that the translation is neither far shorter nor far longer than the source.

    The tolerated range depends on the language pair (French runs about a fifth longer than
    English); a truncated output or a repeating engine falls outside it.
    """
    source, target = len(" ".join(pair.source.split())), len(" ".join(pair.target.split()))
    if source < LENGTH_MIN_SOURCE:
        return
    low, high = length_range(pair.source_lang, pair.target_lang)
    ratio = target / source
    if not low <= ratio <= high:
        direction = "shorter" if ratio < low else "longer"
        yield (
            f"the translation is {direction} than expected: {target} characters for {source} "
            f"(expected {low:.2f}–{high:.2f} times as long for {pair.source_lang}→{pair.target_lang})"
        )


@functional
def glossary(pair: Pair) -> Iterator[str]:
    """Checks the glossary's terms: each source term translated as the glossary says.

    Runs only when a glossary is given (`--glossary`).
    """
    if pair.glossary is None:
        return
    from workbench.core.glossary import check_terms

    for problem in check_terms(
        pair.glossary, pair.source, pair.target, pair.source_lang, pair.target_lang
    ):
        yield problem.message
