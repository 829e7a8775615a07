"""The term base: concepts, their terms per language, and what each term is allowed to be.

A glossary is a set of concepts ("the Non-Aligned Movement"); each concept has terms in several
languages, each with a status (preferred, admitted, deprecated), a part of speech, a term type
(full form, acronym, short form...) and a note. The model knows nothing of files: `tbx.py` and
`csv.py` read and write it, `loader.py` picks one by suffix.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from workbench.core.glossary.text import casefold_text, primary_language


class TermStatus(enum.Enum):
    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"  # forbidden: a rendering that must not be used


# TBX termType values that name a shortened form: the glossary maps a source acronym to the
# target acronym ("ONU" -> "BMT"), a short form to a short form ("Conseil turcique" -> "Türk
# Şurası"), and anything else to the target's full form.
ABBREVIATION_TYPES = frozenset({"acronym", "abbreviation", "initialism", "abbreviatedform"})
SHORT_FORM_TYPES = frozenset({"shortform", "short form"})


@dataclass(frozen=True)
class Term:
    text: str
    lang: str  # a language code as normalised by languages.normalise_language ("fr", "az")
    status: TermStatus = TermStatus.PREFERRED
    part_of_speech: str = ""
    note: str = ""
    term_type: str = ""  # TBX termType: "fullForm", "acronym", "shortForm", "variant"...

    @property
    def form(self) -> str:
        """ "abbreviation", "short" or "full": which target form a source term asks for."""
        kind = self.term_type.strip().lower()
        if kind in ABBREVIATION_TYPES:
            return "abbreviation"
        if kind in SHORT_FORM_TYPES:
            return "short"
        if not kind and is_all_capitals(self.text):
            return "abbreviation"
        return "full"

    @property
    def is_deprecated(self) -> bool:
        return self.status is TermStatus.DEPRECATED


@dataclass(frozen=True)
class Concept:
    id: str
    terms: tuple[Term, ...]
    subject: str = ""
    definition: str = ""
    note: str = ""

    def terms_in(self, lang: str) -> tuple[Term, ...]:
        """The concept's terms in `lang` (any regional variant of it), in glossary order."""
        wanted = primary_language(lang)
        return tuple(term for term in self.terms if primary_language(term.lang) == wanted)

    def preferred(self, lang: str) -> Term | None:
        """The preferred full form in `lang`, else any preferred term, else the first admitted."""
        usable = [term for term in self.terms_in(lang) if not term.is_deprecated]
        for candidates in (
            [t for t in usable if t.status is TermStatus.PREFERRED and t.form == "full"],
            [t for t in usable if t.status is TermStatus.PREFERRED],
            usable,
        ):
            if candidates:
                return candidates[0]
        return None

    def expected_target(self, source_term: Term, target_lang: str) -> Term | None:
        """The rendering a translation of `source_term` must use in `target_lang`.

        An acronym asks for the target acronym and a short form for the target short form when
        the glossary has one; otherwise the preferred (full) form.
        """
        form = source_term.form
        if form != "full":
            same_form = [
                term
                for term in self.terms_in(target_lang)
                if not term.is_deprecated and term.form == form
            ]
            same_form.sort(key=lambda term: term.status is not TermStatus.PREFERRED)
            if same_form:
                return same_form[0]
        return self.preferred(target_lang)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(term.lang for term in self.terms))


@dataclass(frozen=True)
class Glossary:
    concepts: tuple[Concept, ...]
    title: str = ""
    # Matchers built per language (see check.py); not part of the glossary's value.
    _cache: dict[Any, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts)

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(lang for c in self.concepts for lang in c.languages))

    @property
    def term_count(self) -> int:
        return sum(len(concept.terms) for concept in self.concepts)

    def concept(self, concept_id: str) -> Concept | None:
        return next((c for c in self.concepts if c.id == concept_id), None)

    def search(self, text: str) -> list[Concept]:
        """Concepts with a term (in any language) or id containing `text`, ignoring case."""
        needle = casefold_text(text)
        return [
            concept
            for concept in self.concepts
            if needle in casefold_text(concept.id)
            or any(needle in casefold_text(term.text) for term in concept.terms)
        ]

    @classmethod
    def combine(cls, glossaries: Sequence[Glossary]) -> Glossary:
        """One glossary holding every concept of `glossaries`, in order.

        Concept ids stay as they are unless two glossaries use the same id, in which case the
        later one gets a "#N" suffix (N: its glossary's position, from 1) so that problems
        still point at one concept.
        """
        if len(glossaries) == 1:
            return glossaries[0]
        seen: set[str] = set()
        concepts: list[Concept] = []
        for number, glossary in enumerate(glossaries, 1):
            for concept in glossary.concepts:
                if concept.id in seen:
                    concept = Concept(
                        f"{concept.id}#{number}",
                        concept.terms,
                        concept.subject,
                        concept.definition,
                        concept.note,
                    )
                seen.add(concept.id)
                concepts.append(concept)
        title = " + ".join(g.title for g in glossaries if g.title)
        return cls(tuple(concepts), title)


def is_all_capitals(text: str) -> bool:
    """True for "BMT", "ÜST", "COVID-19": at least two letters, none lowercase."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
