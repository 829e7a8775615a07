"""The shape of a QA check: a small named function whose docstring is its title.

As in Translate Toolkit's pofilter, a check looks at one source/target pair and says what is
wrong with it; a decorator gives it a severity. A check yields one message per problem it
finds and nothing when the pair is fine.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.core.glossary import Glossary


class Severity(enum.Enum):
    """How bad a problem is, from what it breaks (the order `workbench check` sorts by)."""

    CRITICAL = "critical"  # the translation says something else or breaks the program
    FUNCTIONAL = "functional"  # a reviewer must look: probably wrong, incomplete or unidiomatic
    COSMETIC = "cosmetic"  # typography and spacing

    @property
    def rank(self) -> int:
        return list(Severity).index(self)


@dataclass(frozen=True)
class Problem:
    check: str
    severity: Severity
    message: str


@dataclass(frozen=True)
class Pair:
    """What a check looks at: one source string, its translation, and their languages."""

    source: str
    target: str
    source_lang: str
    target_lang: str
    glossary: Glossary | None = None
    flags: frozenset[str] = frozenset()  # the catalog entry's (python-format, no-c-format, …)
    # A plural form the catalog's formula picks for a single number (English "one file", Arabic
    # n = 0): it may leave out the number's placeholder, as msgfmt allows.
    single_number: bool = False


CheckFunction = Callable[[Pair], Iterable[str]]


@dataclass(frozen=True)
class Check:
    name: str
    severity: Severity
    function: CheckFunction

    @property
    def title(self) -> str:
        """The docstring's first paragraph on one line: what `workbench check --list` prints."""
        doc = inspect.getdoc(self.function) or self.name
        return " ".join(doc.split("\n\n")[0].split())

    def run(self, pair: Pair) -> list[Problem]:
        return [Problem(self.name, self.severity, message) for message in self.function(pair)]


def check(severity: Severity) -> Callable[[CheckFunction], Check]:
    """Decorator: turn a check function into a Check named after the function."""

    def wrap(function: CheckFunction) -> Check:
        return Check(name=function.__name__, severity=severity, function=function)

    return wrap


def critical(function: CheckFunction) -> Check:
    return check(Severity.CRITICAL)(function)


def functional(function: CheckFunction) -> Check:
    return check(Severity.FUNCTIONAL)(function)


def cosmetic(function: CheckFunction) -> Check:
    return check(Severity.COSMETIC)(function)


@dataclass(frozen=True)
class CatalogCheck:
    """A check that needs the whole catalog (its header), listed beside the entry checks."""

    name: str
    severity: Severity
    title: str
