"""Checking a translation against the glossary: required terms present, deprecated ones absent.

For each term found in the source, the translation must hold the expected target term (see
`Concept.expected_target`) as many times as the source holds the concept, inflected forms
included (Azərbaycanın counts as Azərbaycan); any deprecated target term in the translation
is a problem too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from workbench.core.glossary.match import TermAutomaton
from workbench.core.glossary.model import Concept, Glossary, Term
from workbench.core.glossary.morphology import morphology_for
from workbench.core.glossary.text import casefold_text, primary_language

MISSING = "missing"
DEPRECATED = "deprecated"


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a glossary term in a text."""

    start: int
    end: int  # includes an inflection the term carries (Azərbaycanın, BMT-nin)
    concept: Concept
    term: Term
    text: str  # as written in the text
    ending: str = ""  # the inflection, "" if none


@dataclass(frozen=True)
class Requirement:
    """A target term the translation of one source text must contain, and how many times."""

    concept: Concept
    source_term: Term  # the first source term that asked for it
    expected: Term
    count: int
    source_matches: tuple[TermMatch, ...]


@dataclass(frozen=True)
class TermProblem:
    kind: str  # MISSING or DEPRECATED
    concept_id: str
    source_term: str  # the source term found ("" for a deprecated term the source does not ask for)
    expected: str  # the target term to use
    message: str  # one line, for people
    found: str = ""  # the deprecated text as written in the translation
    start: int = -1  # offsets of `found` in the translation
    end: int = -1
    required: int = 0  # for MISSING: occurrences in the source...
    present: int = 0  # ...and occurrences of the expected term in the translation


def automaton_for(
    glossary: Glossary, lang: str, *, inflected: bool = True
) -> TermAutomaton[tuple[Concept, Term]]:
    """The glossary's terms in `lang` compiled for matching (built once per glossary)."""
    key = ("automaton", primary_language(lang), inflected)
    automaton = glossary._cache.get(key)
    if automaton is None:
        entries = []
        deprecated_offset = glossary.term_count
        order = 0
        for concept in glossary.concepts:
            for term in concept.terms_in(lang):
                rank = order + (deprecated_offset if term.is_deprecated else 0)
                entries.append((term.text, (concept, term), rank))
                order += 1
        morphology = morphology_for(lang) if inflected else None
        automaton = TermAutomaton(primary_language(lang), entries, morphology)
        glossary._cache[key] = automaton
    return automaton


def find_terms(
    glossary: Glossary, text: str, lang: str, *, inflected: bool = True
) -> list[TermMatch]:
    """Every glossary term of `lang` in `text` (longest first, no overlaps), in text order.

    `inflected` accepts inflected forms (plural in en/fr, case suffixes in az); source texts
    are matched with `inflected=False`.
    """
    return [
        TermMatch(m.start, m.end, m.payload[0], m.payload[1], text[m.start : m.end], m.ending)
        for m in automaton_for(glossary, lang, inflected=inflected).find(text)
    ]


class TermChecker:
    """Checks translations from `source_lang` to `target_lang` against one glossary."""

    def __init__(self, glossary: Glossary, source_lang: str, target_lang: str) -> None:
        self.glossary = glossary
        self.source_lang = source_lang
        self.target_lang = target_lang

    def requirements(self, source_text: str) -> list[Requirement]:
        """What the translation of `source_text` must contain, in source order."""
        groups: dict[tuple[str, str], list[TermMatch]] = {}
        expected_terms: dict[tuple[str, str], Term] = {}
        for match in find_terms(self.glossary, source_text, self.source_lang, inflected=False):
            expected = match.concept.expected_target(match.term, self.target_lang)
            if expected is None:
                continue  # the glossary has no rendering in the target language
            key = (match.concept.id, expected.text)
            groups.setdefault(key, []).append(match)
            expected_terms[key] = expected
        return [
            Requirement(
                matches[0].concept,
                matches[0].term,
                expected_terms[key],
                len(matches),
                tuple(matches),
            )
            for key, matches in groups.items()
        ]

    def problems(self, requirements: list[Requirement], target_text: str) -> list[TermProblem]:
        matches = find_terms(self.glossary, target_text, self.target_lang)
        present = Counter(casefold_text(m.term.text) for m in matches if not m.term.is_deprecated)
        found: list[TermProblem] = []
        for requirement in requirements:
            count = present[casefold_text(requirement.expected.text)]
            if count < requirement.count:
                found.append(_missing(requirement, count))
        asked = {r.concept.id: r.source_term.text for r in requirements}
        for match in matches:
            if match.term.is_deprecated:
                found.append(self._deprecated(match, asked.get(match.concept.id, "")))
        return found

    def check(self, source_text: str, target_text: str) -> list[TermProblem]:
        return self.problems(self.requirements(source_text), target_text)

    def _deprecated(self, match: TermMatch, source_term: str) -> TermProblem:
        replacement = match.concept.expected_target(match.term, self.target_lang)
        expected = replacement.text if replacement else ""
        advice = f'; use "{expected}"' if expected else ""
        return TermProblem(
            kind=DEPRECATED,
            concept_id=match.concept.id,
            source_term=source_term,
            expected=expected,
            message=f'"{match.text}" is a deprecated term{advice}',
            found=match.text,
            start=match.start,
            end=match.end,
        )


def _missing(requirement: Requirement, present: int) -> TermProblem:
    source, expected = requirement.source_term.text, requirement.expected.text
    tally = f" (found {present} of {requirement.count})" if requirement.count > 1 else ""
    return TermProblem(
        kind=MISSING,
        concept_id=requirement.concept.id,
        source_term=source,
        expected=expected,
        message=f'"{source}" must be translated as "{expected}"{tally}',
        required=requirement.count,
        present=present,
    )


def check_terms(
    glossary: Glossary, source_text: str, target_text: str, source_lang: str, target_lang: str
) -> list[TermProblem]:
    """Missing preferred target terms and deprecated terms used, for one source/translation pair."""
    return TermChecker(glossary, source_lang, target_lang).check(source_text, target_text)
