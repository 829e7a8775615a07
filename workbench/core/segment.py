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
Decimal points, URLs, e-mail addresses and version numbers never break: their dots are not
followed by white space. Everything is compiled once per language; a paragraph is scanned once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

# Terminal punctuation, then closing quotes or brackets (a French `»` may follow a space).
_CANDIDATE = re.compile(
    r"(?P<punct>[.!?…‼⁇⁈⁉]+)"
    r"(?:[ \u00a0\u202f\u2009]*[»›]|[”’\"')\]}])*"
    r"(?=\s)"
)
_NON_SPACE = re.compile(r"\S")
# Characters that may open a sentence before its first word.
_OPENERS = "«‹“‘\"'([{¿¡—–-"
# A whole "sentence" that is only a list number or letter: `1.`, `IV.`, `(a).`
_ENUMERATOR = re.compile(r"[(\[]?(?:\d{1,3}|[IVXLCDM]{1,6}|[^\W\d_])[)\]]?")
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

    def merged(self, other: Abbreviations) -> Abbreviations:
        return Abbreviations(
            self.never_final | other.never_final,
            self.before_number | other.before_number,
            self.may_end | other.may_end,
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
    before_number=_entries("No, Nos, Nr, nr, p, pp, vol, fig"),
    may_end=_entries("etc"),
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
    start = first.start()
    for candidate in _CANDIDATE.finditer(text, start):
        following = _NON_SPACE.search(text, candidate.end())
        if following is None:
            break
        if _is_boundary(text, candidate, following.start(), start, abbreviations, quoted):
            spans.append((start, candidate.end()))
            start = following.start()
    spans.append((start, len(text.rstrip())))
    return spans


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


def _is_boundary(
    text: str,
    candidate: re.Match[str],
    following: int,
    sentence_start: int,
    abbreviations: Abbreviations,
    quoted: list[tuple[int, int]],
) -> bool:
    if _starts_lowercase(text, following) or _inside_quotation(quoted, candidate.end()):
        return False
    punct_start = candidate.start("punct")
    punct = candidate.group("punct")
    if punct != ".":
        # An ellipsis in brackets marks words cut from a quotation, not an end.
        is_cut = punct_start > 0 and text[punct_start - 1] in "([" and punct in {"…", "..."}
        return not is_cut
    if _ENUMERATOR.fullmatch(text, sentence_start, punct_start):
        return False
    word_start = _word_start(text, punct_start, sentence_start)
    word = text[word_start:punct_start].lstrip(_OPENERS)
    keys = [_previous_word(text, word_start, sentence_start) + " " + word, word]
    keys.append(_ELISION.sub("", word))
    for key in keys:
        if key in abbreviations.never_final:
            return False
        if key in abbreviations.may_end:
            return True
        if key in abbreviations.before_number:
            if _NUMBER.match(text, following):
                return False
            break
    # Initials are capitals (H. Aliyev, J.-P. Sartre); a lone lowercase letter is a word
    # that can end a sentence ("ce qu'il y a.", "il pense à.")
    return not (_INITIALS.fullmatch(word) and word.isupper())


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
