"""Sentence segmentation: SRX-style break and no-break rules with per-language abbreviations.

A break candidate is a run of terminal punctuation (`.`, `!`, `?`, `…`) with the closing quotes
and brackets glued to it (French may put a space before `»`), followed by white space. Line
breaks alone never end a sentence: inside a paragraph they only wrap text. A candidate becomes a
boundary unless a no-break rule holds:

- the next word starts with a lowercase letter (a sentence never does, in fr, en or az);
- the candidate sits inside a quotation, `« … »` or `“ … ”`, that closes in the same paragraph:
  a quoted passage is translated together with its attribution (`«…», a estimé X.`);
- an ellipsis that marks a cut, `(…)` or `[...]`;
- after a lone `.`: a title or connective abbreviation (M., Dr., p. ex., e.g., c.), a reference
  abbreviation before a number (No. 5, p. 12, art. III), initials (H. Aliyev, J.-P. Sartre), or a
  list number (`2. Résultats`).

Abbreviations that may end a sentence (etc., U.S., av. J.-C., və s.) override the initials rule.
In English, where a capital follows almost every full stop, a dotted abbreviation (U.S., a.m.)
or an initial ends a sentence only before a word that usually opens one (`The`, `How`, `He`):
"the U.S. Government" and "Albert I. Jones" go on, "in the U.S. How about you?" and "you and I.
Did you" end, as pySBD (the Pragmatic Segmenter's rules) decides.

Ellipses written with spaces (`. . .`) are one mark: inside a sentence they never end it; four
dots after a space (`a period . . . . Next`) are an ellipsis and a full stop; a full stop glued to
a word then a spaced ellipsis (`compounds. . . . The`) ends the sentence at the full stop, and the
ellipsis opens the next one (words left out at its start).

A numbered or lettered list written in one paragraph (`1. The first item 2. The second item`,
`1) …`, `a. …`, `• 9. …`) is cut before each next item number, with or without a full stop at
the end of the item; the list must start the paragraph and count up (1, 2, 3 or a, b, c).

Decimal points, URLs, e-mail addresses and version numbers never break: their dots are not
followed by white space. Everything is compiled once per language; a paragraph is scanned once.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

# Terminal punctuation (a spaced ellipsis `. . .` is one mark, never cut), then closing quotes
# or brackets (a French `»` may follow a space).
_CANDIDATE = re.compile(
    r"(?P<punct>\.(?:[ \u00a0]\.){2,3}+|[.!?…‼⁇⁈⁉]+(?![ \u00a0]\.(?:[ \u00a0]|$)))"
    r"(?:[ \u00a0\u202f\u2009]*[»›]|[”’\"')\]}])*"
    r"(?=\s)"
)
_NON_SPACE = re.compile(r"\S")
# Characters that may open a sentence before its first word.
_OPENERS = "«‹“‘\"'([{¿¡—–-"
_BULLETS = "•◦‣⁃▪*-"
# A whole "sentence" that is only a list number or letter: `1.`, `IV.`, `(a).`, `• 9.`
_ENUMERATOR = re.compile(
    rf"(?:[{_BULLETS}]\s*)?[(\[]?(?:\d{{1,3}}|[IVXLCDM]{{1,6}}|[^\W\d_])[)\]]?"
)
# An item number of a list written in one paragraph: `1.`, `2.)`, `3)`, `b.`, `• 9.`, `⁃10.`
_LIST_MARKER = re.compile(
    rf"(?<!\S)(?:[{_BULLETS}]\s*)?(?P<label>\d{{1,3}}|[a-z])(?P<style>\.\)|\.|\))(?=\s)"
)
# The word that follows a full stop, past opening quotes: is it a usual sentence opener?
_NEXT_WORD = re.compile(rf"[{re.escape(_OPENERS)}]*(?P<word>[^\W\d_]+)(?P<dot>\.?)")
# A number, Arabic or Roman, where a reference abbreviation expects one.
_NUMBER = re.compile(r"\d|[IVXLCDM]+(?![\w'’])")
# Initials: one letter, or capitals joined by dots (`J.K`, `J.-P`); the final dot is outside.
_INITIALS = re.compile(r"(?:[^\W\d_]\.-?)*[^\W\d_]")
# An elided article or pronoun glued to the next word: l'art., d'env.
_ELISION = re.compile(r"^[^\W\d_]+['’](?=\w)")
_QUOTE_PAIRS = {"«": "»", "“": "”"}
_QUOTE_MARKS = re.compile(r"[«»“”]")


@dataclass(frozen=True)
class Abbreviations:
    """The abbreviations of one language, by how they behave before a following word.

    Entries are written without their final dot; a two-word entry ("p. ex", "və s") is matched
    against the word before the dot and the one before it. An entry starting in lowercase also
    matches with a capital, as at the start of a sentence. Single letters need no entry: the
    initials rule already keeps them from ending a sentence.
    """

    # Never end a sentence: titles and connectives that always have something after them.
    never_final: frozenset[str] = frozenset()
    # Never end a sentence before a number (No. 5, art. 12, chap. IV); may end one otherwise.
    before_number: frozenset[str] = frozenset()
    # May end a sentence even though they look like initials (U.S., J.-C.) or a lone letter.
    may_end: frozenset[str] = frozenset()
    # Words that usually open a sentence. When given, a dotted abbreviation (U.S., a.m.) or an
    # initial ends a sentence only before one of them.
    sentence_starters: frozenset[str] = frozenset()

    def merged(self, other: Abbreviations) -> Abbreviations:
        return Abbreviations(
            self.never_final | other.never_final,
            self.before_number | other.before_number,
            self.may_end | other.may_end,
            self.sentence_starters | other.sentence_starters,
        )


def _entries(words: str) -> frozenset[str]:
    """The comma-separated `words`, plus a capitalised form of each one written in lowercase."""
    forms = set()
    for word in words.split(", "):
        forms.add(word)
        if word[0].islower():
            forms.add(word[0].upper() + word[1:])
    return frozenset(forms)


# International abbreviations every language gets.
_GENERIC = Abbreviations(
    never_final=_entries("Dr, Prof, Mr, Mrs, Ms, cf, e.g, i.e, vs"),
    before_number=_entries("No, Nos, Nr, nr, N°, Nº, p, pp, vol, fig"),
    may_end=_entries("etc"),
)

# Pronouns, determiners, conjunctions and adverbs that open most English sentences; never a
# name, so "the U.S. Government" or "Albert I. Jones" go on.
_ENGLISH_SENTENCE_STARTERS = (
    "A About After Again All Also Although An And Another Are As At Because Before Being "
    "Both But By Can Could Despite Did Do Does During Each Even Every For From He Her "
    "Here His How However I If In Instead Is It Its Many Meanwhile Millions More Most "
    "Much My No Nor Not Now Of On Once One Only Or Other Our Perhaps She Since So Some "
    "Still Such That The Their Then There These They This Those Though Thus To Today "
    "Under Until Was We Were What When Where Whether Which While Who Why With Without Yes "
    "Yet You Your"
)

_LANGUAGE_ABBREVIATIONS: dict[str, Abbreviations] = {
    "fr": Abbreviations(
        never_final=_entries(
            # Titles and ranks: Messieurs, Madame, Maître, Monseigneur, Professeur, Sainte, ...
            "MM, Mme, Mmes, Mlle, Mlles, Me, Mgr, Drs, Pr, St, Ste, Sts, Stes, Gal, Gén, Col, "
            "Cdt, Lt, Cne, Sgt, Vve, "
            # Connectives: par ex(emple), c'est-à-dire, env(iron), av(ant|enue), apr(ès), ...
            "ex, p. ex, c.-à-d, env, av, apr, bd, boul, resp, ca"
        ),
        before_number=_entries(
            "no, nos, nº, art, al, chap, ch, éd, réf, tél, t, "
            "janv, févr, fév, avr, juil, sept, oct, nov, déc"
        ),
        may_end=_entries("J.-C, av. J.-C, apr. J.-C, Cie"),
    ),
    "en": Abbreviations(
        never_final=_entries(
            "Mx, Messrs, Rev, Hon, St, Gen, Col, Maj, Capt, Lt, Sgt, Gov, Sen, Rep, Pres, Supt, "
            "Mt, Ft, viz, approx, ca, esp, incl"
        ),
        before_number=_entries(
            "no, art, ch, chap, sec, para, ed, "
            "Jan, Feb, Mar, Apr, Jun, Jul, Aug, Sep, Sept, Oct, Nov, Dec"
        ),
        may_end=_entries(
            "a.m, p.m, U.S, U.K, U.N, E.U, U.S.A, B.C, Inc, Ltd, Co, Corp, Jr, Sr, Bros, Ph.D"
        ),
        sentence_starters=frozenset(_ENGLISH_SENTENCE_STARTERS.split()),
    ),
    "az": Abbreviations(
        # cənab (Mr), xanım (Mrs), dosent, akademik, məsələn (for example), küçəsi (street),
        # prospekti (avenue).
        never_final=_entries("c, xan, prof, dos, akad, dr, məs, küç, pr"),
        # səhifə (page); bizim era / eramızdan əvvəl (AD / BC) come before the year or century.
        before_number=_entries("səh, b.e, e.ə"),
        # və sairə, və başqaları: "etc." and "and others", which often end a sentence.
        may_end=_entries("və s, və b"),
    ),
}


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """The sentences of one paragraph as (start, end) offsets into `text`, in order.

    Spans are trimmed of surrounding white space, never overlap, and together cover every
    non-white-space character. `lang` is a gettext-style code (`fr`, `pt_BR`); languages
    without a list of their own get the generic rules.
    """
    abbreviations = _abbreviations_for(lang)
    first = _NON_SPACE.search(text)
    if first is None:
        return []
    quoted = _quotations(text)
    spans: list[tuple[int, int]] = []
    items = [first.start(), *_list_items(text, first.start()), len(text)]
    for begin, end in itertools.pairwise(items):
        spans.extend(_split_range(text, begin, end, abbreviations, quoted))
    return spans


def _split_range(
    text: str,
    begin: int,
    end: int,
    abbreviations: Abbreviations,
    quoted: list[tuple[int, int]],
) -> list[tuple[int, int]]:
    """The sentences of text[begin:end], which starts with a non-space character."""
    spans: list[tuple[int, int]] = []
    start = begin
    for candidate in _CANDIDATE.finditer(text, begin, end):
        following = _NON_SPACE.search(text, candidate.end(), end)
        if following is None:
            break
        stop = _boundary(text, candidate, following.start(), start, abbreviations, quoted)
        if stop is not None:
            spans.append((start, stop))
            # The next sentence starts at `following`, or sooner when it took the end of the
            # candidate (the ellipsis of `word. . . . Next`).
            rest = _NON_SPACE.search(text, stop, end)
            start = following.start() if rest is None else rest.start()
    while text[end - 1].isspace():
        end -= 1
    spans.append((start, end))
    return spans


def _list_items(text: str, first: int) -> list[int]:
    """Where each next item of a list that opens the paragraph starts (`1. … 2. …`)."""
    markers = _LIST_MARKER.finditer(text, first)
    opening = next(markers, None)
    if opening is None or opening.start() != first:
        return []
    starts: list[int] = []
    expected = _next_label(opening.group("label"))
    for marker in markers:
        if marker.group("label") == expected and marker.group("style") == opening.group("style"):
            starts.append(marker.start())
            expected = _next_label(expected)
    return starts


def _next_label(label: str) -> str:
    return str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)


@lru_cache(maxsize=64)
def _abbreviations_for(lang: str) -> Abbreviations:
    base = re.split(r"[_\-@.]", lang.strip(), maxsplit=1)[0].lower()
    own = _LANGUAGE_ABBREVIATIONS.get(base)
    return _GENERIC.merged(own) if own else _GENERIC


def _quotations(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of the quotations that close in this text, nested ones merged."""
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for mark in _QUOTE_MARKS.finditer(text):
        char = mark.group()
        if char in _QUOTE_PAIRS:
            stack.append((char, mark.start()))
        elif stack and _QUOTE_PAIRS[stack[-1][0]] == char:
            pairs.append((stack.pop()[1], mark.start()))
    merged: list[tuple[int, int]] = []
    for opening, closing in sorted(pairs):
        if merged and opening < merged[-1][1]:
            closing = max(closing, merged[-1][1])
            opening = merged.pop()[0]
        merged.append((opening, closing))
    return merged


def _inside_quotation(quoted: list[tuple[int, int]], offset: int) -> bool:
    index = bisect.bisect_left(quoted, (offset,)) - 1
    return index >= 0 and quoted[index][0] < offset <= quoted[index][1]


def _boundary(
    text: str,
    candidate: re.Match[str],
    following: int,
    sentence_start: int,
    abbreviations: Abbreviations,
    quoted: list[tuple[int, int]],
) -> int | None:
    """Where the sentence ends if `candidate` ends it (its end, or inside it), else None."""
    if _starts_lowercase(text, following) or _inside_quotation(quoted, candidate.end()):
        return None
    punct_start = candidate.start("punct")
    punct = candidate.group("punct")
    if " " in punct or "\u00a0" in punct:
        return _spaced_ellipsis_end(text, candidate, sentence_start)
    if punct != ".":
        # An ellipsis in brackets marks words cut from a quotation, not an end.
        is_cut = punct_start > 0 and text[punct_start - 1] in "([" and punct in {"…", "..."}
        return None if is_cut else candidate.end()
    return (
        candidate.end()
        if _full_stop_ends(text, candidate, following, sentence_start, abbreviations)
        else None
    )


def _spaced_ellipsis_end(text: str, candidate: re.Match[str], sentence_start: int) -> int | None:
    """`. . .` goes on; `word . . . .` ends after the last dot; `word. . . .` after the first."""
    punct_start = candidate.start("punct")
    glued = punct_start > sentence_start and not text[punct_start - 1].isspace()
    dots = candidate.group("punct").count(".")
    if glued:
        return punct_start + 1 if dots == 4 else candidate.end()
    return candidate.end() if dots == 4 else None


def _full_stop_ends(
    text: str,
    candidate: re.Match[str],
    following: int,
    sentence_start: int,
    abbreviations: Abbreviations,
) -> bool:
    punct_start = candidate.start("punct")
    if _ENUMERATOR.fullmatch(text, sentence_start, punct_start):
        return False
    word_start = _word_start(text, punct_start, sentence_start)
    word = text[word_start:punct_start].lstrip(_OPENERS)
    keys = [_previous_word(text, word_start, sentence_start) + " " + word, word]
    keys.append(_ELISION.sub("", word))
    starters = abbreviations.sentence_starters
    for key in keys:
        if key in abbreviations.never_final:
            return False
        if key in abbreviations.may_end:
            return not (starters and "." in key) or _opens_sentence(text, following, starters)
        if key in abbreviations.before_number:
            if _NUMBER.match(text, following):
                return False
            break
    # Initials are capitals (H. Aliyev, J.-P. Sartre); a lone lowercase letter is a word
    # that can end a sentence ("ce qu'il y a.", "il pense à.")
    if _INITIALS.fullmatch(word) and word.isupper():
        return bool(starters) and _opens_sentence(text, following, starters)
    return True


def _opens_sentence(text: str, offset: int, starters: frozenset[str]) -> bool:
    """Whether the word at `offset` is one of `starters` (an initial such as `A.` is not)."""
    match = _NEXT_WORD.match(text, offset)
    return match is not None and not match.group("dot") and match.group("word") in starters


def _starts_lowercase(text: str, offset: int) -> bool:
    """Whether the text at `offset`, past any opening quote or bracket, is a lowercase word."""
    end = min(len(text), offset + 8)
    while offset < end and (text[offset] in _OPENERS or text[offset].isspace()):
        offset += 1
    return offset < end and text[offset].islower()


def _word_start(text: str, end: int, floor: int) -> int:
    start = end
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return start


def _previous_word(text: str, word_start: int, floor: int) -> str:
    end = word_start
    while end > floor and text[end - 1].isspace():
        end -= 1
    return text[_word_start(text, end, floor) : end].lstrip(_OPENERS)
