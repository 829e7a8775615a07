"""Glossary enforcement through machine translation.

For every sentence whose source holds glossary terms, in this order:

1. **Rerank**: the engine's n-best hypotheses are ordered by glossary compliance (missing
   required terms and deprecated terms used), then by the engine's own order. A compliant
   alternative beats a better-scored hypothesis that gets a name wrong.
2. **Placeholder**: when no hypothesis complies, the offending source terms are replaced by
   placeholders the model copies through (`ZX1Q`, `ZX2Q`: capitals and digits, which
   SentencePiece models leave alone), the sentence is translated again, and each placeholder
   is replaced by the required target term. A suffix the model attached to a placeholder is
   kept and re-harmonised for the real term (ZX1Qnin -> Azərbaycanın, ZX2Q-ə -> BMT-yə). On a
   pivot (fr→en→az) the placeholders ride through both legs and the English pivot text gets
   the English terms, so a term protected on fr→en is still right on en→az.
3. **Notes**: one line per required term says how it was obtained ("already correct",
   "rerank", "placeholder" or "failed"); the pipeline stores them on the catalog entry.

Every phase translates all its sentences in one `translate_batch` call per leg. Placeholders
are the protection mechanism of `engines/protect.py`, which also shields format strings and
markup; a sentence that already holds placeholders (a shielded catalog string) gets a term
placeholder of another shape.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from workbench.core.catalogs.comments import TERM_LABEL
from workbench.core.engines.base import Engine, Hypothesis, PivotEngine, chained_logprob
from workbench.core.engines.protect import Placeholders, free_shape, mask
from workbench.core.glossary.check import DEPRECATED, Requirement, TermChecker, TermProblem
from workbench.core.glossary.model import Glossary
from workbench.core.glossary.morphology import JOINERS, morphology_for

ProgressCallback = Callable[[int], None]

ALREADY_CORRECT = "already correct"
RERANK = "rerank"
PLACEHOLDER = "placeholder"
FAILED = "failed"

_JOINER_CLASS = re.escape("".join(sorted(JOINERS)))


@dataclass(frozen=True)
class EnforcedTranslation:
    source: str
    hypotheses: list[Hypothesis]  # best first; [0] carries the enforced terms
    notes: list[str]  # one line per required term: "Term: Bakou → Bakı (placeholder)"
    problems: list[TermProblem] = field(default_factory=list)  # what is still wrong in [0]


@dataclass(frozen=True)
class _Ranked:
    hypothesis: Hypothesis
    problems: list[TermProblem]
    position: int  # in the engine's n-best list

    @property
    def weight(self) -> int:
        return _weight(self.problems)


@dataclass
class _Protection:
    """One sentence prepared for the placeholder pass."""

    index: int  # of the sentence
    text: str  # the source with placeholders
    placeholders: Placeholders
    targets: dict[int, str]  # placeholder number -> target term
    pivots: dict[int, str]  # placeholder number -> pivot-language term
    protected: set[str]  # concept ids protected

    def pattern(self) -> re.Pattern[str]:
        # An ending the model glued on (ZX1Qnin, ZX1Q-nin) is a case to regenerate.
        return self.placeholders.pattern(_JOINER_CLASS)

    def count(self, text: str) -> int:
        """How many placeholders survive exactly once in `text`."""
        return self.placeholders.survivors(text, self.targets)


class TermEnforcer:
    """Translates sentences so that their glossary terms come out in the preferred form."""

    def __init__(self, glossary: Glossary, source_lang: str, target_lang: str) -> None:
        self.glossary = glossary
        self.source_lang = source_lang
        self.target_lang = target_lang
        self.checker = TermChecker(glossary, source_lang, target_lang)

    def translate(
        self,
        engine: Engine,
        sentences: Sequence[str],
        *,
        n_best: int = 1,
        cancel: threading.Event | None = None,
        progress: ProgressCallback | None = None,
    ) -> list[EnforcedTranslation]:
        """One result per sentence, in order (progress counts the first pass only)."""
        requirements = [self.checker.requirements(sentence) for sentence in sentences]
        first_pass = engine.translate_batch(
            list(sentences), n_best=n_best, cancel=cancel, progress=progress
        )
        ranked = [
            self._rerank(needs, hypotheses)
            for needs, hypotheses in zip(requirements, first_pass, strict=True)
        ]
        pivot_lang = engine.first.target if isinstance(engine, PivotEngine) else None
        protections = [
            protection
            for index in range(len(sentences))
            if requirements[index] and ranked[index] and ranked[index][0].problems
            for protection in self._protect(
                index, sentences[index], requirements[index], ranked[index][0], pivot_lang
            )
        ]
        second_pass = self._translate_protected(engine, protections, n_best, cancel)
        results = []
        for index, sentence in enumerate(sentences):
            results.append(
                self._result(sentence, requirements[index], ranked[index], second_pass.get(index))
            )
        return results

    # --- for one sentence at a time (prefix completion) -------------------------------------

    def problems(self, sentence: str, translation: str) -> list[TermProblem]:
        """What `translation` of `sentence` gets wrong about the glossary."""
        needs = self.checker.requirements(sentence)
        return self.checker.problems(needs, translation) if needs else []

    def rerank(self, sentence: str, hypotheses: Sequence[Hypothesis]) -> list[Hypothesis]:
        """`hypotheses` of `sentence` by glossary compliance, then in their own order."""
        needs = self.checker.requirements(sentence)
        return [ranked.hypothesis for ranked in self._rerank(needs, list(hypotheses))]

    def protect(self, sentence: str) -> tuple[str, Callable[[str], str]] | None:
        """`sentence` with its required terms as placeholders, and the function that turns
        placeholders in a translation into the target terms (None: nothing to protect)."""
        needs = self.checker.requirements(sentence)
        if not needs:
            return None
        untranslated = _Ranked(Hypothesis("", 0.0), self.checker.problems(needs, ""), 0)
        protections = self._protect(0, sentence, needs, untranslated, None)
        if not protections:
            return None
        protection = protections[0]
        return protection.text, lambda text: self._restore(protection, text, self.target_lang)

    # --- phase 1: rerank --------------------------------------------------------------------

    def _rerank(self, needs: list[Requirement], hypotheses: list[Hypothesis]) -> list[_Ranked]:
        ranked = [
            _Ranked(hypothesis, self.checker.problems(needs, hypothesis.text) if needs else [], i)
            for i, hypothesis in enumerate(hypotheses)
        ]
        return sorted(ranked, key=lambda r: (r.weight, r.position))

    # --- phase 2: placeholders --------------------------------------------------------------

    def _protect(
        self,
        index: int,
        sentence: str,
        needs: list[Requirement],
        best: _Ranked,
        pivot_lang: str | None,
    ) -> list[_Protection]:
        """The sentence with the wrongly translated terms replaced by placeholders (none, if
        the only problems are deprecated terms the source does not ask for)."""
        wrong = {problem.concept_id for problem in best.problems}
        shape = free_shape(sentence)
        occurrences = sorted(
            ((match, requirement) for requirement in needs for match in requirement.source_matches),
            key=lambda item: item[0].start,
        )
        spans = [(m, r) for m, r in occurrences if r.concept.id in wrong]
        if not spans or shape is None:
            return []
        placeholders = Placeholders(shape)
        spans_at = [(match.start, match.end) for match, _ in spans]
        text, _ = mask(sentence, spans_at, placeholders)
        targets: dict[int, str] = {}
        pivots: dict[int, str] = {}
        for number, (match, requirement) in enumerate(spans, 1):
            targets[number] = requirement.expected.text
            if pivot_lang:
                pivot_term = match.concept.expected_target(match.term, pivot_lang)
                pivots[number] = pivot_term.text if pivot_term else match.text
        protected = {requirement.concept.id for _, requirement in spans}
        return [_Protection(index, text, placeholders, targets, pivots, protected)]

    def _translate_protected(
        self,
        engine: Engine,
        protections: list[_Protection],
        n_best: int,
        cancel: threading.Event | None,
    ) -> dict[int, tuple[Hypothesis, set[str]]]:
        """The restored best translation of each protected sentence, by sentence index.

        A sentence whose translation lost or repeated a placeholder is left out: a name dropped
        from the text is worse than a name spelled wrong.
        """
        if not protections:
            return {}
        texts = [protection.text for protection in protections]
        pivot_texts: list[str | None] = [None] * len(protections)
        if isinstance(engine, PivotEngine):
            firsts = engine.first.translate_batch(texts, n_best=n_best, cancel=cancel)
            middle = [
                _keeping_placeholders(protection, hypotheses)
                for protection, hypotheses in zip(protections, firsts, strict=True)
            ]
            pivot_texts = [
                self._restore(protection, hypothesis.text, engine.first.target, pivot=True)
                for protection, hypothesis in zip(protections, middle, strict=True)
            ]
            seconds = engine.second.translate_batch(
                [hypothesis.text for hypothesis in middle], n_best=n_best, cancel=cancel
            )
            finals = [
                _keeping_placeholders(protection, hypotheses)
                for protection, hypotheses in zip(protections, seconds, strict=True)
            ]
            scores = [a.score + b.score for a, b in zip(middle, finals, strict=True)]
            logprobs = [chained_logprob(a, b) for a, b in zip(middle, finals, strict=True)]
        else:
            outputs = engine.translate_batch(texts, n_best=n_best, cancel=cancel)
            finals = [
                _keeping_placeholders(protection, hypotheses)
                for protection, hypotheses in zip(protections, outputs, strict=True)
            ]
            scores = [hypothesis.score for hypothesis in finals]
            logprobs = [hypothesis.logprob for hypothesis in finals]
        restored: dict[int, tuple[Hypothesis, set[str]]] = {}
        for protection, final, score, logprob, pivot in zip(
            protections, finals, scores, logprobs, pivot_texts, strict=True
        ):
            if protection.count(final.text) < len(protection.targets):
                continue
            text = self._restore(protection, final.text, self.target_lang)
            restored[protection.index] = (
                Hypothesis(text, score, pivot, note=final.note, logprob=logprob),
                protection.protected,
            )
        return restored

    def _restore(
        self, protection: _Protection, text: str, lang: str, *, pivot: bool = False
    ) -> str:
        terms = protection.pivots if pivot else protection.targets
        morphology = morphology_for(lang)

        def replace(match: re.Match[str]) -> str:
            term = terms.get(int(match.group(1)))
            if term is None:
                return match.group(0)
            joiner, ending = match.group(2) or "", match.group(3) or ""
            if not ending:
                return term + joiner
            inflected = morphology.inflect(term, joiner + ending)
            return inflected if inflected is not None else term + joiner + ending

        return protection.pattern().sub(replace, text)

    # --- results ----------------------------------------------------------------------------

    def _result(
        self,
        sentence: str,
        needs: list[Requirement],
        ranked: list[_Ranked],
        protected: tuple[Hypothesis, set[str]] | None,
    ) -> EnforcedTranslation:
        hypotheses = [r.hypothesis for r in ranked]
        if not needs:
            return EnforcedTranslation(sentence, hypotheses, [], [])
        first_choice = next((r for r in ranked if r.position == 0), None)
        best = ranked[0] if ranked else None
        final_problems = best.problems if best else []
        used_placeholders: set[str] = set()
        if protected is not None:
            hypothesis, concept_ids = protected
            problems = self.checker.problems(needs, hypothesis.text)
            if best is None or _weight(problems) < best.weight:
                hypotheses = [hypothesis, *(h for h in hypotheses if h.text != hypothesis.text)]
                final_problems = problems
                used_placeholders = concept_ids
        notes = []
        for requirement in needs:
            concept_id = requirement.concept.id
            if _concerns(final_problems, concept_id):
                method = FAILED
            elif concept_id in used_placeholders:
                method = PLACEHOLDER
            elif first_choice is not None and not _concerns(first_choice.problems, concept_id):
                method = ALREADY_CORRECT
            else:
                method = RERANK
            notes.append(
                f"{TERM_LABEL}{requirement.source_term.text} → {requirement.expected.text} ({method})"
            )
        return EnforcedTranslation(sentence, hypotheses, notes, final_problems)


def _keeping_placeholders(protection: _Protection, hypotheses: list[Hypothesis]) -> Hypothesis:
    """The first hypothesis that kept every placeholder, else the one that kept the most."""
    if not hypotheses:
        return Hypothesis("", 0.0)
    best = max(enumerate(hypotheses), key=lambda item: (protection.count(item[1].text), -item[0]))
    return best[1]


def _weight(problems: list[TermProblem]) -> int:
    return sum(
        1 if problem.kind == DEPRECATED else max(1, problem.required - problem.present)
        for problem in problems
    )


def _concerns(problems: list[TermProblem], concept_id: str) -> bool:
    return any(problem.concept_id == concept_id for problem in problems)
