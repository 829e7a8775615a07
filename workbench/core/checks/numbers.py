"""Numbers as each language writes them: 1 500 (fr) is 1,500 (en) is 1.500 (az).

Each side is read with its own locale's symbols from CLDR (babel): the group separator, plus
the spaces that SI grouping uses everywhere (space, no-break space, narrow no-break space,
thin space), and the decimal separator. So "3,5 %" in French and "3.5%" in English are the
same number, while "1,500" is 1500 in English and 1.5 in French. Dates are compared part by
part, a month name next to a day or a year counting as its number (CLDR month names): "27 juin
2020", "June 27, 2020" and 27.06.2020 all hold 27, 6 and 2020.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names
from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal

from workbench.core.checks.base import Pair, critical
from workbench.core.checks.placeholders import mask_placeholders

SPACE_GROUPING = " \u00a0\u202f\u2009"
# What may stand between a month name and the day or year it belongs to: "27 juin", "June 27,".
_DATE_GLUE = re.compile(r",?\s{1,2}")


@dataclass(frozen=True)
class Number:
    text: str  # as written
    value: Decimal
    start: int  # offset in the text


@dataclass(frozen=True)
class _Symbols:
    locale: str
    group: str
    decimal: str
    pattern: re.Pattern[str]
    months: re.Pattern[str]
    month_numbers: dict[str, int]  # casefolded month name -> 1..12


@lru_cache(maxsize=64)
def _symbols(lang: str) -> _Symbols:
    try:
        locale = str(Locale.parse(lang.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        locale = "en"
    group, decimal = get_group_symbol(locale), get_decimal_symbol(locale)
    separators = "".join(sorted(set(SPACE_GROUPING + group) - {decimal}))
    group_class = f"[{re.escape(separators)}]"
    pattern = re.compile(
        rf"(?<!\d)(?:\d{{1,3}}(?:{group_class}\d{{3}})+|\d+)(?:{re.escape(decimal)}\d+)?(?!\d)"
    )
    month_numbers = _month_numbers(locale)
    names = "|".join(re.escape(name) for name in sorted(month_numbers, key=len, reverse=True))
    # vi "tháng 6", ko "6월": every month name holds its number, so there are no names to find.
    months = re.compile(rf"(?<!\w)(?:{names})(?!\w)" if names else r"(?!)", re.IGNORECASE)
    return _Symbols(locale, group, decimal, pattern, months, month_numbers)


def _month_numbers(locale: str) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for month, name in get_month_names(width, context, locale=locale).items():
                if not any(char.isdigit() for char in name):  # ja 6月 is already a number
                    numbers.setdefault(name.casefold(), month)
    return numbers


def numbers_in(text: str, lang: str) -> list[Number]:
    """The numbers in `text` as `lang` writes them, leaving out those inside URLs and placeholders."""
    symbols = _symbols(lang)
    masked = mask_placeholders(text)
    found = []
    for match in symbols.pattern.finditer(masked):
        written = match.group()
        digits = "".join(char for char in written if char not in SPACE_GROUPING + symbols.group)
        try:
            value = parse_decimal(digits, locale=symbols.locale)
        except NumberFormatError:  # digits babel does not read (another script): plain Decimal
            value = Decimal(digits.replace(symbols.decimal, "."))
        found.append(Number(written, value, match.start()))
    spans = [(number.start, number.start + len(number.text)) for number in found]
    for match in symbols.months.finditer(masked):
        month = symbols.month_numbers.get(match.group().casefold())
        if month is not None and _next_to_number(masked, match.start(), match.end(), spans):
            found.append(Number(match.group(), Decimal(month), match.start()))
    return sorted(found, key=lambda number: number.start)


def _next_to_number(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether a number sits right before or after text[start:end], as in a written date."""
    for number_start, number_end in spans:
        if number_end <= start and _DATE_GLUE.fullmatch(text[number_end:start]):
            return True
        if number_start >= end and _DATE_GLUE.fullmatch(text[end:number_start]):
            return True
    return False


@critical
def numbers(pair: Pair) -> Iterator[str]:
    """Checks that the translation has the same numbers as the source, in its own notation.

    A changed number changes the facts, so this is critical. Numbers are compared by value, each
    side read with its language's separators: 1 500 = 1,500 and 3,5 % = 3.5% between French and
    English. Numbers written out in words ("deux" for 2) are reported: write the digits, or
    accept the difference.
    """
    source = numbers_in(pair.source, pair.source_lang)
    target = numbers_in(pair.target, pair.target_lang)
    source_values = Counter(number.value for number in source)
    target_values = Counter(number.value for number in target)
    if source_values == target_values:
        return
    missing = _written(source, source_values - target_values)
    added = _written(target, target_values - source_values)
    parts = []
    if missing:
        parts.append(
            f"{', '.join(missing)} in the source {_is_are(missing)} not in the translation"
            + (
                f" (months count only when written as {pair.target_lang} month names)"
                if any("(month" in m for m in missing)
                else ""
            )
        )
    if added:
        parts.append(f"{', '.join(added)} in the translation {_is_are(added)} not in the source")
    yield "; ".join(parts)


def _written(numbers_found: list[Number], values: Counter[Decimal]) -> list[str]:
    wanted = Counter(values)
    written = []
    for number in numbers_found:
        if wanted[number.value] > 0:
            wanted[number.value] -= 1
            # A month counts by its number: say so, or "juin is not in the translation" puzzles
            # a reader who sees "juin" left untranslated there.
            written.append(
                f"{number.text} (month {number.value})" if number.text.isalpha() else number.text
            )
    return written


def _is_are(items: list[str]) -> str:
    return "is" if len(items) == 1 else "are"
