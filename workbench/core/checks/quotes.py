"""How each language writes quotations (CLDR), and finding quotation marks in text.

Single marks (‘ ’ ‚ ' ) double as apostrophes (l’article, it's), so they count as quotation
marks only in languages whose main quotes are single (nl ‘…’), and never between two letters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.core.checks.cldr_quotes import DELIMITERS, ROOT_DELIMITERS

# Marks that are never apostrophes: double quotes, guillemets, CJK corner brackets.
DOUBLE_MARKS = frozenset('"«»“”„‟‹›「」『』')
_SINGLE_MARKS = frozenset("‘’‚‛'")


@dataclass(frozen=True)
class QuotationMarks:
    start: str
    end: str
    alternate_start: str
    alternate_end: str

    @property
    def pairs(self) -> tuple[tuple[str, str], ...]:
        """The (open, close) pairs the language uses, main quotes first."""
        main = (self.start, self.end)
        alternate = (self.alternate_start, self.alternate_end)
        return (main,) if alternate == main else (main, alternate)

    @property
    def marks(self) -> frozenset[str]:
        return frozenset(self.start + self.end + self.alternate_start + self.alternate_end)

    @property
    def single_main(self) -> bool:
        return self.start in _SINGLE_MARKS


@lru_cache(maxsize=256)
def quotation_marks(lang: str) -> QuotationMarks:
    """CLDR's quotation marks for `lang` (`fr` « », `en` “ ”, `de` „ “), falling back like CLDR."""
    parts = lang.replace("-", "_").split("_")
    while parts:
        delimiters = DELIMITERS.get("_".join(parts))
        if delimiters is not None:
            return QuotationMarks(*delimiters)
        parts.pop()
    return QuotationMarks(*ROOT_DELIMITERS)


def quotation_marks_in(text: str, lang: str) -> list[str]:
    """The quotation marks in `text`, in order, leaving out apostrophes; straight single
    quotes count around a quotation ('slug'), not inside or after a word (it's, students')."""
    singles = (
        quotation_marks(lang).marks & _SINGLE_MARKS if quotation_marks(lang).single_main else set()
    )
    quoting = {
        index
        for match in _STRAIGHT_QUOTED.finditer(text)
        for index in (match.start(), match.end() - 1)
    }
    found = []
    for index, char in enumerate(text):
        single = char in singles and not _between_letters(text, index)
        # " between letters is Hebrew's gershayim (דוא"ל), not a quotation mark.
        double = char in DOUBLE_MARKS and not (char == '"' and _between_letters(text, index))
        if double or single or index in quoting:
            found.append(char)
    return found


# 'slug': a straight single quote after no letter, closed by one followed by no letter.
_STRAIGHT_QUOTED = re.compile(r"(?<!\w)'[^'\n]+'(?!\w)")


def _between_letters(text: str, index: int) -> bool:
    return 0 < index < len(text) - 1 and text[index - 1].isalpha() and text[index + 1].isalpha()
