"""How far each catalog has come: segments and source words per state, and problems (like pocount).

States follow gettext: approved (translated, not fuzzy), fuzzy (a draft awaiting review, from
the machine or the memory), untranslated; obsolete entries are counted apart and left out of
the totals. Problems are what the QA checks find in entries that have a translation, and in
the catalog as msgfmt -c sees it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import polib
from unicode_segmentation_rs import unicode_words

from workbench.core.catalogs.confidence import draft_confidence
from workbench.core.catalogs.paths import find_catalogs
from workbench.core.catalogs.pofile import Catalog, load_catalog
from workbench.core.checks import Severity, catalog_languages, check_entry, msgfmt_problems
from workbench.core.checks.msgfmt import catalog_plural_rule

if TYPE_CHECKING:
    from workbench.core.glossary import Glossary

# Words are counted as pocount counts them: markup is not words (a <br> separates, other tags
# go), and what is left is split by Unicode word segmentation (UAX #29, the segmenter pocount
# uses): aujourd’hui, U.S and 3,5 are one word each, Jean-Pierre and 1 500 two. Unlike pocount we
# keep abbreviations whole: its r"\D\.\D" substitution deletes "M. " in "M. Aliyev" and "e.g".
_BREAK_TAG = re.compile(r"<br\s*?/?>")
_XML_TAG = re.compile(r"""<([\w.:]+)(\s([\w.:]+=((".*?")|('.*?')))?)*/?>|</([\w.]+)>""")

ALL_DOCUMENTS = "all documents"


def word_count(text: str) -> int:
    """The words of a source string, as pocount counts them (markup left out)."""
    return len(unicode_words(_XML_TAG.sub("", _BREAK_TAG.sub("\n", text))))


@dataclass(frozen=True)
class Count:
    segments: int = 0
    words: int = 0  # of the source text

    def __add__(self, other: Count) -> Count:
        return Count(self.segments + other.segments, self.words + other.words)


@dataclass(frozen=True)
class CatalogStats:
    """The numbers of one catalog (or, with `path` None, of several added up)."""

    language: str
    document: str
    path: Path | None
    approved: Count = Count()
    fuzzy: Count = Count()
    untranslated: Count = Count()
    obsolete: int = 0  # segments; not part of the total
    problems: Mapping[Severity, int] = field(default_factory=dict)
    confidences: tuple[float, ...] = ()  # of the machine drafts (confidence.py)

    @property
    def total(self) -> Count:
        return self.approved + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        """Approved share of the source words (of the segments when there are no words)."""
        total = self.total
        if total.words:
            return 100.0 * self.approved.words / total.words
        return 100.0 * self.approved.segments / total.segments if total.segments else 0.0

    def __add__(self, other: CatalogStats) -> CatalogStats:
        problems = Counter(self.problems)
        problems.update(other.problems)
        return CatalogStats(
            language=self.language,
            document=self.document if self.document == other.document else ALL_DOCUMENTS,
            path=None,
            approved=self.approved + other.approved,
            fuzzy=self.fuzzy + other.fuzzy,
            untranslated=self.untranslated + other.untranslated,
            obsolete=self.obsolete + other.obsolete,
            problems={severity: problems[severity] for severity in Severity},
            confidences=self.confidences + other.confidences,
        )


def catalog_stats(
    catalog: Catalog, *, source_lang: str | None = None, glossary: Glossary | None = None
) -> CatalogStats:
    source, target = catalog_languages(catalog, source_lang)
    counts: dict[str, Count] = {"approved": Count(), "fuzzy": Count(), "untranslated": Count()}
    problems: Counter[Severity] = Counter()
    obsolete = 0
    rule = catalog_plural_rule(catalog.po)
    confidences = [c for entry in catalog.po if (c := draft_confidence(entry)) is not None]
    for entry in catalog.po:
        if not entry.msgid:
            continue
        if entry.obsolete:
            obsolete += 1
            continue
        state = progress_state(entry)
        counts[state] += Count(1, _source_words(entry))
        if state != "untranslated":
            found = check_entry(entry, source, target, glossary=glossary, plural_rule=rule)
            problems.update(problem.severity for problem in found)
    # What msgfmt -c calls fatal (plural counts, formats, header) counts too, as in `check`.
    problems.update(
        p.severity for p in msgfmt_problems(catalog.po, catalog.path, include_fuzzy=True)
    )
    return CatalogStats(
        language=target,
        document=Path(catalog.path).stem,
        path=Path(catalog.path),
        obsolete=obsolete,
        problems={severity: problems[severity] for severity in Severity},
        confidences=tuple(confidences),
        **counts,
    )


def progress_state(entry: polib.POEntry) -> str:
    """ "approved", "fuzzy" (a draft with text) or "untranslated", as pocount and msgfmt count."""
    if entry.fuzzy and _has_translation(entry):
        return "fuzzy"
    return "approved" if entry.translated() else "untranslated"


def _has_translation(entry: polib.POEntry) -> bool:
    if entry.msgid_plural:
        return any(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _source_words(entry: polib.POEntry) -> int:
    return word_count(entry.msgid) + word_count(entry.msgid_plural or "")


def collect_stats(
    paths: Iterable[Path], *, source_lang: str | None = None, glossary: Glossary | None = None
) -> list[CatalogStats]:
    """Statistics of every catalog named or found under the folders named, sorted by language."""
    stats = [
        catalog_stats(load_catalog(path), source_lang=source_lang, glossary=glossary)
        for path in find_catalogs(paths)
    ]
    return sorted(stats, key=lambda s: (s.language, s.document, str(s.path)))


def by_language(stats: Iterable[CatalogStats]) -> dict[str, list[CatalogStats]]:
    grouped: dict[str, list[CatalogStats]] = {}
    for item in stats:
        grouped.setdefault(item.language, []).append(item)
    return grouped


def language_total(stats: Iterable[CatalogStats]) -> CatalogStats:
    """The sum of catalogs of one language, as a document named "all documents"."""
    items = list(stats)
    total = CatalogStats(
        language=items[0].language if items else "", document=ALL_DOCUMENTS, path=None
    )
    for item in items:
        total = total + item
    return total
