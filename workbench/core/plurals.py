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

_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")
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
    """(nplurals, n -> form index) of a Plural-Forms header; InputError if it is not one."""
    count = _NPLURALS.search(header or "")
    parts = [part.strip() for part in (header or "").split(";") if part.strip()]
    expression = next((p.partition("=")[2] for p in parts if p.startswith("plural")), "")
    if count is None or not expression:
        raise InputError(f"'{header}' is not a Plural-Forms header (nplurals=N; plural=EXPR;)")
    try:
        choose = gettext.c2py(expression.strip())
    except (ValueError, SyntaxError):
        raise InputError(f"the plural expression '{expression.strip()}' is not valid C") from None
    return int(count[1]), choose


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
