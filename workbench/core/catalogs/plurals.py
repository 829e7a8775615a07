"""Plural forms of a target language: which source (singular or plural) each msgstr[i] translates.

The count of forms and which number picks which form come from the catalog's `Plural-Forms`
header (the gettext expression, from CLDR through babel for a new catalog); the CLDR category
of each form ("one", "few", "many") labels it for a person. A form whose numbers include 1 is
the singular's; every other form translates the plural source.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

from workbench.core.errors import InputError

# What msgfmt tries a plural formula on, and how many numbers make a form "often" used (a form
# used for one number may leave a placeholder out, as "one file" does).
PLURAL_PROBE = range(1001)
OFTEN = 5
# The numbers tried when looking for each form's examples: enough for every CLDR rule
# (French needs a million for its "many" form).
_CANDIDATES = (*range(0, 1000), *(10**power for power in range(3, 8)))
_EXAMPLES = 3


@dataclass(frozen=True)
class PluralSlot:
    """One msgstr[index]: its CLDR category, example numbers, and the source it translates."""

    index: int
    category: str  # "one", "few", "many", "other" (CLDR), "" when CLDR does not know it
    examples: tuple[int, ...]  # the first numbers that select this form
    singular: bool  # translate msgid (its numbers include 1), else msgid_plural

    @property
    def label(self) -> str:
        """'one: 1, 21, 31…', for an editor field."""
        shown = ", ".join(str(n) for n in self.examples)
        return f"{self.category or f'form {self.index}'}: {shown}…"


def parse_plural_forms(header: str) -> tuple[int, Callable[[int], int]]:
    """(nplurals, n -> form index) of a Plural-Forms header; InputError if msgfmt would refuse it."""
    rule, error = parse_plural_rule(header or "")
    if rule is None:
        raise InputError(f"'{header}' is not a valid Plural-Forms header: {error}")
    return rule.nplurals, rule.formula


@dataclass(frozen=True)
class PluralRule:
    """The header's Plural-Forms as msgfmt reads it: nplurals and which forms are used often."""

    nplurals: int
    often: tuple[bool, ...]  # per form: chosen by many numbers (strict format checking)
    formula: Callable[[int], int]


def parse_plural_rule(header: str) -> tuple[PluralRule | None, str]:
    """The plural rule of a header's text, or what is wrong with it ("" when nothing is).

    Like msgfmt, `nplurals=` and `plural=` are looked for anywhere in the header, and the
    formula is tried on n = 0…1000: it must give a form in 0…nplurals-1 for each."""
    formula_at, nplurals_at = header.find("plural="), header.find("nplurals=")
    if formula_at < 0 or nplurals_at < 0:
        missing = " and ".join(
            name
            for name, at in (("nplurals=INTEGER", nplurals_at), ("plural=EXPRESSION", formula_at))
            if at < 0
        )
        return None, f"the catalog has plural entries but its Plural-Forms header lacks {missing}"
    count_text = re.match(r"\s*(\d+)", header[nplurals_at + len("nplurals=") :])
    if count_text is None:
        return None, "invalid nplurals value in the Plural-Forms header"
    expression = re.split(r"[;\n]", header[formula_at + len("plural=") :], maxsplit=1)[0].strip()
    try:
        formula = gettext.c2py(expression)
    except (ValueError, RecursionError):
        return None, f"invalid plural expression '{expression}'"
    nplurals = int(count_text[1])
    uses = [0] * nplurals
    for n in PLURAL_PROBE:
        try:
            form = formula(n)
        except ZeroDivisionError:
            return None, "the plural expression can divide by zero"
        if form < 0:
            return None, "the plural expression can produce negative values"
        if form >= nplurals:
            return None, (
                f"nplurals = {nplurals} but the plural expression can produce {form} (for n = {n})"
            )
        uses[form] += 1
    return PluralRule(nplurals, tuple(count >= OFTEN for count in uses), formula), ""


@lru_cache(maxsize=64)
def plural_slots(plural_forms: str, lang: str = "") -> tuple[PluralSlot, ...]:
    """The forms a plural entry has under `plural_forms`, in msgstr index order."""
    count, choose = parse_plural_forms(plural_forms)
    examples: dict[int, list[int]] = {index: [] for index in range(count)}
    for number in _CANDIDATES:
        index = choose(number)
        if index in examples and len(examples[index]) < _EXAMPLES:
            examples[index].append(number)
    rule = _cldr_rule(lang)
    slots = []
    for index in range(count):
        found = tuple(examples[index])
        representative = 1 if 1 in found else (found[0] if found else None)
        category = rule(representative) if rule and representative is not None else ""
        # One form for every number (ja, zh): it must read as the plural does ("%d files").
        singular = count > 1 and representative == 1
        slots.append(PluralSlot(index, category, found, singular))
    return tuple(slots)


def _cldr_rule(lang: str) -> Callable[[int], str] | None:
    if not lang:
        return None
    try:
        return Locale.parse(lang).plural_form
    except (ValueError, LookupError):
        return None
