"""The glossary terms of a row and whether each target renders them as the glossary requires."""

from __future__ import annotations

from workbench.core.review.model import SessionModel
from workbench.core.review.state import TermInfo, TermRendering


class TermsMixin(SessionModel):
    """`terms()`: what the details panel shows about the glossary."""

    def terms(self, index: int) -> tuple[TermInfo, ...]:
        """The glossary terms in the row's source with their required renderings."""
        if self.glossary is None:
            return ()
        from workbench.core.glossary.check import MISSING, TermChecker, find_terms

        source = self.segments[index].text
        spans: dict[str, list[tuple[int, int]]] = {}
        written: dict[str, str] = {}
        for match in find_terms(self.glossary, source, self.source_lang, inflected=False):
            spans.setdefault(match.concept.id, []).append((match.start, match.end))
            written.setdefault(match.concept.id, match.text)
        renderings: dict[str, list[TermRendering]] = {concept: [] for concept in spans}
        for lang in self.targets:
            checker = TermChecker(self.glossary, self.source_lang, lang)
            requirements = checker.requirements(source)
            text = self.cell(index, lang).text
            missing = set()
            if text:
                missing = {
                    problem.concept_id
                    for problem in checker.problems(requirements, text)
                    if problem.kind == MISSING
                }
            for requirement in requirements:
                concept = requirement.concept.id
                present = None if not text else concept not in missing
                renderings.setdefault(concept, []).append(
                    TermRendering(lang, requirement.expected.text, present)
                )
        return tuple(
            TermInfo(concept, written.get(concept, ""), tuple(spans[concept]), tuple(found))
            for concept, found in renderings.items()
            if concept in spans
        )
