"""Inflected forms of target terms: what still counts as "the term" in a translation.

- Azerbaijani (`AzerbaijaniMorphology`): the term followed by nominal suffixes (plural,
  possessive, case, the locative relative -dakı and the copula -dır) whose vowels follow vowel
  harmony with the term's last vowel and whose buffer consonants follow its last sound:
  Azərbaycanın, Azərbaycana, Bakıya, Bakının, Qoşulmama Hərəkatına (after the possessive -ı of
  an izafet compound the case endings take the pronominal n). Abbreviations and numbers take
  their suffix after a hyphen, as Azerbaijani writes them (BMT-nin, ÜST-ün, AZƏRTAC-ın,
  COVID-19-a); the apostrophe some writers borrow from Turkish (BMT'nin) is accepted too. The
  harmony of an abbreviation follows how it is read: as a word (ÜST-ün, AZƏRTAC-ın) or, when it
  has no vowel, by its last letter's name (BMT "be-em-te" -> BMT-nin); both readings are
  accepted because usage varies (ABŞ-ın beside ABŞ-in).
- English (`EnglishMorphology`): plural -s/-es/-ies; the possessive 's is a separate word
  already.
- French (`FrenchMorphology`): plural -s/-x.
- Any other language: the term exactly.

Each morphology also turns a suffix a model attached to a placeholder into the same suffix
for the real term (`inflect`), re-harmonised: "ZX1Qnin" -> "Azərbaycanın", "BMT-nin".
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from workbench.core.glossary.model import is_all_capitals
from workbench.core.glossary.text import (
    APOSTROPHES,
    HYPHENS,
    fold_word,
    primary_language,
    split_words,
)

JOINERS = frozenset(APOSTROPHES + HYPHENS)


@dataclass(frozen=True)
class TermShape:
    """What the morphology needs to know about a term: its last word and how suffixes attach."""

    last_word: str  # folded
    words: int
    capitals: bool  # the last word is an abbreviation (BMT, AZƏRTAC)
    numeric: bool  # the last word ends in a digit (COVID-19)


class Morphology:
    """Exact matching only: the base for languages whose inflection we do not model."""

    lang = ""
    max_suffix = 0

    def shape(self, term_text: str) -> TermShape:
        words = split_words(term_text, self.lang)
        last_raw = words.raw(len(words) - 1) if len(words) else ""
        return TermShape(
            last_word=words.keys[-1] if len(words) else "",
            words=len(words),
            capitals=is_all_capitals(last_raw),
            numeric=last_raw[-1:].isdigit(),
        )

    def stems(self, key: str) -> Iterator[tuple[str, str]]:
        """(stem, ending) pairs: ways `key` could be a term's last word plus an ending."""
        return iter(())

    def accepts(self, shape: TermShape, ending: str) -> bool:
        """Whether `ending`, written solid after the term, is an inflection of it."""
        return False

    def accepts_joined(self, shape: TermShape, ending: str) -> bool:
        """Whether `ending`, written after a hyphen or apostrophe (BMT-nin), is an inflection."""
        return False

    def inflect(self, term_text: str, attached: str) -> str | None:
        """The term carrying the inflection `attached` (as a model wrote it after a
        placeholder, possibly after a hyphen or apostrophe); None if it is not one."""
        return None


class EnglishMorphology(Morphology):
    lang = "en"
    max_suffix = 3

    def stems(self, key: str) -> Iterator[tuple[str, str]]:
        if len(key) > 4 and key.endswith("ies"):
            yield key[:-3] + "y", "ies"
        if len(key) > 3 and key.endswith("es"):
            yield key[:-2], "es"
        if len(key) > 2 and key.endswith("s") and not key.endswith("ss"):
            yield key[:-1], "s"

    def accepts(self, shape: TermShape, ending: str) -> bool:
        last = shape.last_word
        if ending == "s":
            return not last.endswith(("s", "x", "z", "ch", "sh")) and not _consonant_y(last)
        if ending == "es":
            return last.endswith(("s", "x", "z", "ch", "sh", "o"))
        if ending == "ies":
            return _consonant_y(last)
        return False

    def accepts_joined(self, shape: TermShape, ending: str) -> bool:
        return ending == "s"  # the possessive 's

    def inflect(self, term_text: str, attached: str) -> str | None:
        ending = fold_word(attached.lstrip("".join(JOINERS)))
        if attached[:1] in JOINERS:
            return term_text + attached if ending == "s" else None  # the possessive, as written
        if ending not in {"s", "es", "ies"}:
            return None
        last = self.shape(term_text).last_word
        if _consonant_y(last):
            return term_text[:-1] + "ies"
        if last.endswith(("s", "x", "z", "ch", "sh")):
            return term_text + "es"
        return term_text + "s"


def _consonant_y(word: str) -> bool:
    """ "city" (cities), not "day" (days)."""
    return len(word) > 1 and word.endswith("y") and word[-2] not in "aeiou"


class FrenchMorphology(Morphology):
    lang = "fr"
    max_suffix = 1

    def stems(self, key: str) -> Iterator[tuple[str, str]]:
        if len(key) > 2 and key[-1] in "sx":
            yield key[:-1], key[-1]

    def accepts(self, shape: TermShape, ending: str) -> bool:
        return ending in {"s", "x"} and shape.last_word[-1:] not in {"s", "x", "z"}

    def inflect(self, term_text: str, attached: str) -> str | None:
        ending = fold_word(attached)
        return term_text + ending if ending in {"s", "x"} else None


# --- Azerbaijani ---------------------------------------------------------------------------

_AZ_VOWELS = "aıoueəiöü"
_BACK_VOWELS = "aıou"
_FOREIGN_VOWELS = {"é": "e", "è": "e", "ê": "e", "ë": "e", "à": "a", "â": "a", "ä": "ə",
                   "ô": "o", "î": "i", "ï": "i", "û": "u", "ù": "u"}  # fmt: skip
_HIGH = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "ə": "i", "i": "i", "ö": "ü", "ü": "ü"}
# How a lone letter is read out, for abbreviations without a vowel (BMT: "be-em-te").
_LETTER_NAMES = {
    "b": "be", "c": "ce", "ç": "çe", "d": "de", "f": "ef", "g": "ge", "ğ": "ğe", "h": "he",
    "x": "xe", "j": "je", "k": "ka", "q": "qe", "l": "el", "m": "em", "n": "en", "p": "pe",
    "r": "er", "s": "es", "ş": "eş", "t": "te", "v": "ve", "y": "ye", "z": "ze", "w": "ve",
}  # fmt: skip
_DIGIT_NAMES = {"1": "bir", "2": "iki", "3": "üç", "4": "dörd", "5": "beş", "6": "altı",
                "7": "yeddi", "8": "səkkiz", "9": "doqquz"}  # fmt: skip
_TEN_NAMES = {"1": "on", "2": "iyirmi", "3": "otuz", "4": "qırx", "5": "əlli", "6": "altmış",
              "7": "yetmiş", "8": "səksən", "9": "doxsan", "0": "yüz"}  # fmt: skip

# Suffix templates: A is the two-way vowel (a/ə), I the four-way one (ı/i/u/ü).
_PLURAL = {"PL": "lAr"}
_POSSESSIVE_AFTER_VOWEL = {"P3": "sI", "P1S": "m", "P2S": "n", "P1P": "mIz", "P2P": "nIz"}
_POSSESSIVE_AFTER_CONSONANT = {"P3": "I", "P1S": "Im", "P2S": "In", "P1P": "ImIz", "P2P": "InIz"}
_CASE_AFTER_POSSESSIVE = {"GEN": "nIn", "ACC": "nI", "DAT": "nA", "LOC": "ndA", "ABL": "ndAn",
                          "INS": "ylA"}  # fmt: skip
_CASE_AFTER_VOWEL = {"GEN": "nIn", "ACC": "nI", "DAT": "yA", "LOC": "dA", "ABL": "dAn",
                     "INS": "ylA"}  # fmt: skip
_CASE_AFTER_CONSONANT = {"GEN": "In", "ACC": "I", "DAT": "A", "LOC": "dA", "ABL": "dAn",
                         "INS": "lA"}  # fmt: skip
_RELATIVE = {"KI": "kI"}  # after the locative: Bakıdakı
_COPULA = {"COP": "dIr"}


@dataclass(frozen=True)
class _Stem:
    vowel: str  # the last vowel, which the suffix vowels harmonise with
    vowel_final: bool  # ends in a vowel sound: buffer consonants (Bakı-ya, Bakı-nın)
    pronominal: bool = False  # ends in the possessive of an izafet compound: -na, -nda


def _realise(template: str, vowel: str) -> tuple[str, str]:
    out = []
    for char in template:
        if char == "A":
            char = "a" if vowel in _BACK_VOWELS else "ə"
        elif char == "I":
            char = _HIGH[vowel]
        out.append(char)
        if char in _AZ_VOWELS:
            vowel = char
    return "".join(out), vowel


@cache
def _endings(stem: _Stem) -> dict[str, tuple[str, ...]]:
    """Every suffix chain the stem can take -> its morpheme tags, fewest morphemes first."""
    found: dict[str, tuple[str, ...]] = {}
    chains: list[tuple[str, tuple[str, ...], str, bool, bool]] = []

    def extend(suffix: str, tags: tuple[str, ...], vowel: str, final: bool, pron: bool) -> None:
        chains.append((suffix, tags, vowel, final, pron))

    extend("", (), stem.vowel, stem.vowel_final, stem.pronominal)
    # Slots in order: plural, possessive, case (+ relative -kı after the locative), copula.
    for slot in ("plural", "possessive", "case", "copula"):
        for suffix, tags, vowel, final, pron in list(chains):
            for tag, template in _slot_options(slot, final, pron, tags):
                text, new_vowel = _realise(template, vowel)
                new_final = text[-1] in _AZ_VOWELS
                extend(suffix + text, (*tags, tag), new_vowel, new_final, tag == "P3")
                if tag == "LOC":
                    relative, relative_vowel = _realise(_RELATIVE["KI"], new_vowel)
                    extend(
                        suffix + text + relative, (*tags, tag, "KI"), relative_vowel, True, False
                    )
    # Where one string has two readings (-ın: genitive or "your"), the case reading wins.
    for suffix, tags, *_ in sorted(chains, key=lambda chain: _reading_order(chain[1])):
        if suffix and suffix not in found:
            found[suffix] = tags
    return found


def _reading_order(tags: tuple[str, ...]) -> tuple[int, bool]:
    return len(tags), bool(tags) and tags[0] not in _CASE_AFTER_VOWEL


def _slot_options(
    slot: str, vowel_final: bool, pronominal: bool, tags: tuple[str, ...]
) -> list[tuple[str, str]]:
    if slot == "plural":
        # An izafet compound pluralises inside (Təşkilatları), not by adding to -ı.
        return [] if pronominal or tags else list(_PLURAL.items())
    if slot == "possessive":
        if pronominal or any(tag.startswith("P") and tag != "PL" for tag in tags):
            return []
        table = _POSSESSIVE_AFTER_VOWEL if vowel_final else _POSSESSIVE_AFTER_CONSONANT
        return list(table.items())
    if slot == "case":
        if pronominal:
            return list(_CASE_AFTER_POSSESSIVE.items())
        return list((_CASE_AFTER_VOWEL if vowel_final else _CASE_AFTER_CONSONANT).items())
    if "INS" in tags:  # no copula after the instrumental
        return []
    return list(_COPULA.items())


def _stem_of_word(word: str, pronominal: bool = False) -> _Stem | None:
    """The harmony facts of a folded word, or None if it has no vowel we can read."""
    letters = [_FOREIGN_VOWELS.get(char, char) for char in word if char.isalpha()]
    sounds = "".join(letters)
    vowels = [char for char in sounds if char in _AZ_VOWELS]
    if not vowels:
        return None
    return _Stem(vowels[-1], sounds[-1] in _AZ_VOWELS, pronominal)


def _number_reading(digits: str) -> str:
    """How the end of a number is read: 19 -> doqquz, 20 -> iyirmi, 100 -> yüz, 2000 -> min."""
    if digits.endswith("000"):
        return "min"
    if digits.endswith("00"):
        return "yüz"
    if digits.endswith("0"):
        return _TEN_NAMES.get(digits[-2:-1], "sıfır") if len(digits) > 1 else "sıfır"
    return _DIGIT_NAMES[digits[-1]]


class AzerbaijaniMorphology(Morphology):
    lang = "az"

    def __init__(self) -> None:
        self._all_endings = self._every_ending()
        self.max_suffix = max(map(len, self._all_endings))
        self._parse = self._parse_table()

    @staticmethod
    def _all_stems() -> list[_Stem]:
        return [
            _Stem(vowel, final, pron)
            for vowel, final, pron in itertools.product(_AZ_VOWELS, (True, False), (False, True))
            if not (pron and not final)
        ]

    def _every_ending(self) -> frozenset[str]:
        return frozenset(ending for stem in self._all_stems() for ending in _endings(stem))

    def _parse_table(self) -> dict[str, tuple[str, ...]]:
        """Suffix -> morpheme tags, whatever stem it was made for; case readings first."""
        table: dict[str, tuple[str, ...]] = {}
        readings = sorted(
            (
                (suffix, tags)
                for stem in self._all_stems()
                for suffix, tags in _endings(stem).items()
            ),
            key=lambda item: _reading_order(item[1]),
        )
        for suffix, tags in readings:
            table.setdefault(suffix, tags)
        return table

    def readings(self, shape: TermShape) -> list[_Stem]:
        """The stems whose suffixes the term accepts (two for an abbreviation read either way)."""
        word = shape.last_word
        if shape.numeric:
            digits = "".join(char for char in word if char.isdigit())[-4:]
            stem = _stem_of_word(_number_reading(digits))
            return [stem] if stem else []
        if shape.capitals:
            stems = []
            as_word = _stem_of_word(word)
            if as_word:
                stems.append(as_word)
            as_letter = _stem_of_word(_LETTER_NAMES.get(word[-1:], word[-1:]))
            if as_letter and as_letter not in stems:
                stems.append(as_letter)
            return stems
        # An izafet compound (Qoşulmama Hərəkatı, Prezident Administrasiyası) ends in the
        # possessive -ı/-i/-u/-ü/-sı...; its case endings take the pronominal n.
        pronominal = shape.words > 1 and word[-1:] in {"ı", "i", "u", "ü"}
        stem = _stem_of_word(word, pronominal)
        return [stem] if stem else []

    def stems(self, key: str) -> Iterator[tuple[str, str]]:
        for length in range(1, min(self.max_suffix, len(key) - 2) + 1):
            ending = key[-length:]
            if ending in self._all_endings:
                yield key[:-length], ending

    def accepts(self, shape: TermShape, ending: str) -> bool:
        if shape.capitals or shape.numeric:  # BMTnin: abbreviations take a hyphen
            return False
        return any(ending in _endings(stem) for stem in self.readings(shape))

    def accepts_joined(self, shape: TermShape, ending: str) -> bool:
        if not (shape.capitals or shape.numeric):
            return False
        return any(ending in _endings(stem) for stem in self.readings(shape))

    def inflect(self, term_text: str, attached: str) -> str | None:
        ending = fold_word(attached.lstrip("".join(JOINERS)), turkic=True)
        tags = self._parse.get(ending)
        if tags is None:
            return None
        shape = self.shape(term_text)
        readings = self.readings(shape)
        if not readings:
            return None
        suffix = self._generate(readings[0], tags)
        if suffix is None:
            return None
        joiner = "-" if shape.capitals or shape.numeric else ""
        return f"{term_text}{joiner}{suffix}"

    @staticmethod
    def _generate(stem: _Stem, tags: tuple[str, ...]) -> str | None:
        """The suffix chain with morphemes `tags` for `stem`, if the stem can take it."""
        for suffix, candidate in _endings(stem).items():
            if candidate == tags:
                return suffix
        # A compound with the possessive cannot take another possessive or plural: keep the case.
        cases = tuple(tag for tag in tags if tag not in {"PL", "P3", "P1S", "P2S", "P1P", "P2P"})
        if cases != tags and cases:
            for suffix, candidate in _endings(stem).items():
                if candidate == cases:
                    return suffix
        return None


@cache
def morphology_for(lang: str) -> Morphology:
    """The inflection model of `lang` (exact matching for languages we do not model)."""
    primary = primary_language(lang)
    if primary == "az":
        return AzerbaijaniMorphology()
    if primary == "en":
        return EnglishMorphology()
    if primary == "fr":
        return FrenchMorphology()
    exact = Morphology()
    exact.lang = primary
    return exact
