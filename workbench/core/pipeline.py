"""Translate documents: the one call both front ends make.

Documents -> distinct sentences -> (memory) -> engine, with glossary enforcement -> drafts per
target language. Progress is reported through a callback and a cancel event is honoured
between batches, so the CLI can draw a bar and the TUI can run this in a worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.core.catalog import NOTE_LABEL, Draft
from workbench.core.document import Document
from workbench.core.engines.base import Engine, Hypothesis, PivotEngine
from workbench.core.errors import Cancelled, InputError, LanguageError

if TYPE_CHECKING:
    from workbench.core.engines.argos import DecodingOptions
    from workbench.core.glossary import Glossary
    from workbench.core.memory import TranslationMemory

EngineFactory = Callable[..., Engine]


@dataclass(frozen=True)
class Progress:
    """How far one target language has come; each report replaces the previous one."""

    target: str
    stage: str  # "memory", "fr→en", "fr→en→az"
    done: int
    total: int


@dataclass(frozen=True)
class PipelineOptions:
    n_best: int = 3
    use_mt: bool = True
    install_missing: bool = True
    trust_exact: bool = False  # exact memory matches count as approved
    memory_threshold: float = 0.75
    decoding: DecodingOptions | None = None


@dataclass
class PipelineResult:
    source_lang: str
    drafts: dict[str, dict[str, Draft]] = field(default_factory=dict)  # target -> msgid -> draft
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # target -> origin -> n


def distinct_sentences(documents: Sequence[Document]) -> list[str]:
    """Every distinct segment text of the documents, in order of first appearance."""
    return list(
        dict.fromkeys(segment.text for document in documents for segment in document.segments)
    )


def source_language(documents: Sequence[Document]) -> str:
    languages = {document.lang for document in documents}
    if len(languages) != 1:
        raise InputError(
            f"the documents are in different languages ({', '.join(sorted(languages))}); translate them separately"
        )
    return languages.pop()


def open_engines(
    source: str,
    targets: Sequence[str],
    options: PipelineOptions,
    engine_factory: EngineFactory | None = None,
) -> dict[str, Engine]:
    """An engine per target, all opened before any work so a missing model fails fast."""
    if not options.use_mt:
        return {}
    if engine_factory is None:
        from workbench.core.engines.argos import open_engine

        engine_factory = open_engine
    engines = {}
    for target in targets:
        if target == source:
            raise LanguageError(f"the document is already in '{target}'; drop it from --to")
        engines[target] = engine_factory(
            source, target, options.decoding, install_missing=options.install_missing
        )
    return engines


def translate_documents(
    documents: Sequence[Document],
    targets: Sequence[str],
    *,
    options: PipelineOptions | None = None,
    engines: dict[str, Engine] | None = None,
    glossary: Glossary | None = None,
    memory: TranslationMemory | None = None,
    settled: Mapping[str, Collection[str]] | None = None,
    cancel: threading.Event | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> PipelineResult:
    """Drafts for every distinct sentence of `documents` in every target language.

    `settled` maps a target to sentences a person already approved or edited there: they
    need no draft, so neither the memory nor the engine is asked for them.
    """
    options = options or PipelineOptions()
    source = source_language(documents)
    if engines is None:
        engines = open_engines(source, targets, options)
    sentences = distinct_sentences(documents)
    result = PipelineResult(source_lang=source)
    for target in targets:
        if cancel is not None and cancel.is_set():
            raise Cancelled("translation cancelled")
        drafts: dict[str, Draft] = {}
        counts = {"memory-exact": 0, "memory-fuzzy": 0, "mt": 0, "none": 0, "settled": 0}
        done_by_people = set((settled or {}).get(target, ()))
        pending = [sentence for sentence in sentences if sentence not in done_by_people]
        counts["settled"] = len(sentences) - len(pending)
        fuzzy_notes: dict[str, tuple[str, ...]] = {}
        if memory is not None:
            pending, fuzzy_notes = _use_memory(
                memory, pending, source, target, options, drafts, counts
            )
        engine = engines.get(target)
        if engine is not None and pending:
            _machine_translate(
                engine, pending, target, options, glossary, fuzzy_notes, drafts, cancel, on_progress
            )
            counts["mt"] += len(pending)
        else:
            for sentence in pending:
                if sentence in fuzzy_notes:
                    drafts[sentence] = Draft((), notes=fuzzy_notes[sentence], origin="tm-fuzzy")
            counts["none"] += len(pending)
        result.drafts[target] = drafts
        result.counts[target] = counts
    return result


def _use_memory(
    memory: TranslationMemory,
    sentences: list[str],
    source: str,
    target: str,
    options: PipelineOptions,
    drafts: dict[str, Draft],
    counts: dict[str, int],
) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """Fill exact memory matches; return what still needs MT and fuzzy matches as notes."""
    from workbench.core.catalog import MEMORY_LABEL

    pending: list[str] = []
    fuzzy_notes: dict[str, tuple[str, ...]] = {}
    matches = memory.lookup_many(sentences, source, target, threshold=options.memory_threshold)
    for sentence, found in zip(sentences, matches, strict=True):
        exact = [m for m in found if m.similarity >= 1.0]
        if exact:
            best = exact[0]
            drafts[sentence] = Draft(
                (Hypothesis(best.target, 0.0),),
                signature="translation memory",
                notes=(f"{MEMORY_LABEL}100% | {best.target}",),
                origin="tm-exact",
                approved=options.trust_exact,
            )
            counts["memory-exact"] += 1
            continue
        if found:
            fuzzy_notes[sentence] = tuple(f"{MEMORY_LABEL}{m.percent}% | {m.target}" for m in found)
            counts["memory-fuzzy"] += 1
        pending.append(sentence)
    return pending, fuzzy_notes


def _route_name(engine: Engine) -> str:
    """ "fr→en", or "fr→en→az" for a pivot."""
    if isinstance(engine, PivotEngine):
        return f"{_route_name(engine.first)}→{engine.second.target}"
    return f"{engine.source}→{engine.target}"


def _machine_translate(
    engine: Engine,
    sentences: list[str],
    target: str,
    options: PipelineOptions,
    glossary: Glossary | None,
    fuzzy_notes: dict[str, tuple[str, ...]],
    drafts: dict[str, Draft],
    cancel: threading.Event | None,
    on_progress: Callable[[Progress], None] | None,
) -> None:
    stage = _route_name(engine)
    total = len(sentences)
    steps = 0  # a pivoted sentence takes one step per leg; progress shows whole sentences

    def advance(count: int) -> None:
        nonlocal steps
        steps = min(total * engine.legs, steps + count)
        if on_progress:
            on_progress(Progress(target, stage, steps // engine.legs, total))

    if on_progress:
        on_progress(Progress(target, stage, 0, total))
    if glossary is not None:
        from workbench.core.term_enforce import TermEnforcer

        enforcer = TermEnforcer(glossary, engine.source, engine.target)
        enforced = enforcer.translate(
            engine, sentences, n_best=options.n_best, cancel=cancel, progress=advance
        )
        outputs = [(tuple(e.hypotheses), tuple(e.notes)) for e in enforced]
    else:
        hypotheses = engine.translate_batch(
            sentences, n_best=options.n_best, cancel=cancel, progress=advance
        )
        outputs = [(tuple(h), ()) for h in hypotheses]
    for sentence, (hyps, notes) in zip(sentences, outputs, strict=True):
        engine_notes = tuple(f"{NOTE_LABEL}{h.note}" for h in hyps[:1] if h.note)
        drafts[sentence] = Draft(
            hyps,
            engine.signature,
            engine_notes + notes + fuzzy_notes.get(sentence, ()),
            origin="mt",
        )
    if on_progress:
        on_progress(Progress(target, stage, total, total))
