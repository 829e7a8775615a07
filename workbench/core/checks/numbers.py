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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names, get_period_names
from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal

from workbench.core.checks.base import Pair, critical
from workbench.core.checks.placeholders import mask_placeholders
from workbench.core.glossary.morphology import Morphology, morphology_for
from workbench.core.glossary.text import fold_word, is_turkic

SPACE_GROUPING = " \u00a0\u202f\u2009"
# What may stand between a month name and the day or year it belongs to: "27 juin", "June 27,".
_DATE_GLUE = re.compile(r",?\s{1,2}")


@dataclass(frozen=True)
class Number:
    text: str  # as written
    value: Decimal
    start: int  # offset in the text
    # A month or time word with no number beside it ("June", "noon"): it matches a number the
    # other side writes ("6月", "12:00") but is not missed when the other side writes a word.
    optional: bool = False
    alternatives: tuple[Decimal, ...] = ()  # other values it may stand for (6 p.m. = 18 or 6)

    @property
    def readings(self) -> frozenset[Decimal]:
        return frozenset((self.value, *self.alternatives))


@dataclass(frozen=True)
class _Symbols:
    locale: str
    group: str
    decimal: str
    pattern: re.Pattern[str]
    months: re.Pattern[str]
    month_numbers: dict[str, int]  # casefolded month name -> 1..12
    day_periods: re.Pattern[str]  # noon and midnight, in words
    period_values: dict[str, tuple[Decimal, ...]]  # casefolded word -> the hours it names
    clock: re.Pattern[str]  # an hour with a.m. or p.m.


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
    # A month name may carry a case ending (az "iyunun 27-də", "27 iyunda"): \w* after it,
    # accepted when the language's morphology reads it as an inflection.
    months = _words_pattern(month_numbers, suffix=True)
    period_values = _period_values(locale)
    am, pm = _clock_names(locale)
    clock = re.compile(
        rf"(?<!\d)(?P<hour>\d{{1,2}})(?::\d\d)?\s?(?:(?P<am>{am})|(?P<pm>{pm}))(?!\w)",
        re.IGNORECASE,
    )
    return _Symbols(
        locale,
        group,
        decimal,
        pattern,
        months,
        month_numbers,
        _words_pattern(period_values),
        period_values,
        clock,
    )


def _words_pattern(words: dict[str, object], *, suffix: bool = False) -> re.Pattern[str]:
    names = "|".join(re.escape(name) for name in sorted(words, key=len, reverse=True))
    if not names:  # vi "tháng 6", ko "6월": every month name holds its number
        return re.compile(r"(?!)")
    tail = r"(?P<suffix>\w*)" if suffix else ""
    return re.compile(rf"(?<!\w)(?P<name>{names}){tail}(?!\w)", re.IGNORECASE)


def _month_numbers(locale: str) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for month, name in get_month_names(width, context, locale=locale).items():
                if not any(char.isdigit() for char in name):  # ja 6月 is already a number
                    numbers.setdefault(fold_word(name, turkic=is_turkic(locale)), month)
    return numbers


_MIDNIGHT = (Decimal(0), Decimal(24), Decimal(12))  # 00:00, 24:00, 12 a.m.


def _period_values(locale: str) -> dict[str, tuple[Decimal, ...]]:
    """CLDR's words for noon and midnight in `locale` (noon, midi, günorta), as hours."""
    values: dict[str, tuple[Decimal, ...]] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            names = get_period_names(width, context, locale=locale)
            for key, hours in (("noon", (Decimal(12),)), ("midnight", _MIDNIGHT)):
                name = names.get(key)
                if name and not any(char.isdigit() for char in name):
                    values.setdefault(name.casefold(), hours)
    return values


def _clock_names(locale: str) -> tuple[str, str]:
    """Patterns for "a.m." and "p.m." as English writes them and as CLDR names them."""
    am, pm = [r"a\.\s?m\.?|am"], [r"p\.\s?m\.?|pm"]
    for width in ("wide", "abbreviated"):
        names = get_period_names(width, "format", locale=locale)
        for key, patterns in (("am", am), ("pm", pm)):
            name = names.get(key)
            if name and not any(char.isdigit() for char in name):
                patterns.append(re.escape(name))
    return "|".join(am), "|".join(pm)


def numbers_in(text: str, lang: str) -> list[Number]:
    """The numbers in `text` as `lang` writes them, leaving out those inside URLs and
    placeholders, and month or time words that stand alone (see `number_readings`)."""
    return [number for number in number_readings(text, lang) if not number.optional]


def number_readings(text: str, lang: str) -> list[Number]:
    """Every number `text` states: digits (a clock's ":00" is not a number of its own, and an
    hour with p.m. may be read +12), month names next to a number (a date), and, as optional
    readings, month names alone and the words for noon and midnight."""
    symbols = _symbols(lang)
    masked = mask_placeholders(text)
    pm_hours = {
        match.start("hour"): match["pm"] is not None for match in symbols.clock.finditer(masked)
    }
    found = []
    for match in symbols.pattern.finditer(masked):
        written = match.group()
        if _clock_minutes(masked, match.start(), written, symbols.decimal):
            continue
        digits = "".join(char for char in written if char not in SPACE_GROUPING + symbols.group)
        try:
            value = parse_decimal(digits, locale=symbols.locale)
        except NumberFormatError:  # digits babel does not read (another script): plain Decimal
            value = Decimal(digits.replace(symbols.decimal, "."))
        found.append(_hour(written, value, match.start(), pm_hours.get(match.start())))
    spans = [(number.start, number.start + len(number.text)) for number in found]
    morphology = morphology_for(lang)
    for match in symbols.months.finditer(masked):
        name = match["name"]
        month = symbols.month_numbers.get(fold_word(name, turkic=is_turkic(lang)))
        if month is None or not _is_inflection(morphology, name, match["suffix"]):
            continue
        dated = _next_to_number(masked, match.start(), match.end(), spans)
        found.append(Number(match.group(), Decimal(month), match.start(), optional=not dated))
    for match in symbols.day_periods.finditer(masked):
        hours = symbols.period_values.get(match["name"].casefold())
        if hours:
            found.append(Number(match.group(), hours[0], match.start(), True, hours[1:]))
    return sorted(found, key=lambda number: number.start)


def _clock_minutes(text: str, start: int, written: str, decimal: str) -> bool:
    """Whether `written` is the "00" of a clock time (6:00, 18h00, kl. 12.00): no number."""
    if written != "00" or start < 2 or not text[start - 2].isdigit():
        return False
    separator = text[start - 1]
    return separator in ":h" or (separator == "." and decimal != ".")


def _hour(written: str, value: Decimal, start: int, pm: bool | None) -> Number:
    """A number; an hour before p.m. reads +12 or as written (6 p.m. = 18:00 = 6 вечера)."""
    if pm and 1 <= value < 12:
        return Number(written, value + 12, start, alternatives=(value,))
    if pm is False and value == 12:  # 12 a.m. is midnight
        return Number(written, value, start, alternatives=(Decimal(0),))
    return Number(written, value, start)


def _is_inflection(morphology: Morphology, name: str, suffix: str) -> bool:
    if not suffix:
        return True
    turkic = is_turkic(morphology.lang)
    shape = morphology.shape(fold_word(name, turkic=turkic))
    return morphology.accepts(shape, fold_word(suffix, turkic=turkic))


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
    English. Dates may name their month (27 juin = June 27 = 27.06, az "iyunun 27-də"), times
    their part of the day (6 a.m. = 6:00, 6 p.m. = 18:00, noon = 12:00), and a month alone may
    become its number (June = 6月). Numbers written out in words ("deux" for 2) are reported:
    write the digits, or accept the difference.
    """
    missing, added = _unmatched(
        number_readings(pair.source, pair.source_lang),
        number_readings(pair.target, pair.target_lang),
    )
    if not missing and not added:
        return
    parts = []
    if missing:
        shown = [_shown(number) for number in missing]
        parts.append(
            f"{', '.join(shown)} in the source {_is_are(shown)} not in the translation"
            + (
                f" (months count only when written as {pair.target_lang} month names)"
                if any("(month" in m for m in shown)
                else ""
            )
        )
    if added:
        shown = [_shown(number) for number in added]
        parts.append(f"{', '.join(shown)} in the translation {_is_are(shown)} not in the source")
    yield "; ".join(parts)


def _unmatched(source: list[Number], target: list[Number]) -> tuple[list[Number], list[Number]]:
    """The source numbers the translation lacks and the translation's numbers the source lacks:
    equal values pair first, then other readings (p.m.), then optional words absorb the rest."""
    missing = [number for number in source if not number.optional]
    added = [number for number in target if not number.optional]
    missing, added = _pair_off(missing, added, lambda a, b: a.value == b.value)
    missing, added = _pair_off(missing, added, _same_reading)
    missing, _ = _pair_off(missing, [n for n in target if n.optional], _same_reading)
    added, _ = _pair_off(added, [n for n in source if n.optional], _same_reading)
    return missing, added


def _same_reading(one: Number, other: Number) -> bool:
    return bool(one.readings & other.readings)


def _pair_off(
    left: list[Number], right: list[Number], same: Callable[[Number, Number], bool]
) -> tuple[list[Number], list[Number]]:
    """`left` and `right` without the pairs `same` matches (each number used once)."""
    unpaired_right = list(right)
    unpaired_left = []
    for number in left:
        partner = next((other for other in unpaired_right if same(number, other)), None)
        if partner is None:
            unpaired_left.append(number)
        else:
            unpaired_right.remove(partner)
    return unpaired_left, unpaired_right


def _shown(number: Number) -> str:
    # A month counts by its number: say so, or "juin is not in the translation" puzzles a
    # reader who sees "juin" left untranslated there.
    return f"{number.text} (month {number.value})" if number.text.isalpha() else number.text


def _is_are(items: list[str]) -> str:
    return "is" if len(items) == 1 else "are"
