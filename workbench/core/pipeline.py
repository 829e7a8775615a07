"""Translate units (of documents or catalogs): the one call both front ends make.

Units -> (memory) -> shielded strings -> engine, with glossary enforcement -> restored drafts
per target language, one form per plural form of the target. Progress is reported through a callback and a cancel event is honoured
between batches, so the CLI can draw a bar and the TUI can run this in a worker.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Generic, TypeVar

from workbench.core.catalogs.comments import NOTE_LABEL, Draft
from workbench.core.catalogs.plurals import PluralSlot, plural_slots
from workbench.core.engines.base import Engine, Hypothesis, PivotEngine
from workbench.core.engines.protect import Shielded, shield
from workbench.core.errors import Cancelled, InputError, LanguageError
from workbench.core.languages import plural_forms as default_plural_forms
from workbench.core.sources.document import Document
from workbench.core.sources.units import TranslationUnit, UnitKey, distinct_units, document_units

if TYPE_CHECKING:
    from workbench.core.engines.argos import DecodingOptions
    from workbench.core.glossary import Glossary
    from workbench.core.memory import TranslationMemory

EngineFactory = Callable[..., Engine]
K = TypeVar("K")


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
class PipelineResult(Generic[K]):
    """Drafts per target language, keyed by unit key (by sentence for `translate_documents`)."""

    source_lang: str
    drafts: dict[str, dict[K, Draft]] = field(default_factory=dict)  # target -> key -> draft
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # target -> origin -> n


def distinct_sentences(documents: Sequence[Document]) -> list[str]:
    """Every distinct segment text of the documents, in order of first appearance."""
    return [unit.source for unit in document_units(documents)]


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
) -> PipelineResult[str]:
    """Drafts for every distinct sentence of `documents`, keyed by sentence (a document's
    units have no context, so the sentence is the key).

    `settled` maps a target to sentences a person already approved or edited there.
    """
    source = source_language(documents)
    result = translate_units(
        document_units(documents),
        source,
        targets,
        options=options,
        engines=engines,
        glossary=glossary,
        memory=memory,
        settled={
            lang: {UnitKey(None, text) for text in texts} for lang, texts in (settled or {}).items()
        },
        cancel=cancel,
        on_progress=on_progress,
    )
    return PipelineResult(
        source_lang=source,
        drafts={
            lang: {key.source: draft for key, draft in drafts.items()}
            for lang, drafts in result.drafts.items()
        },
        counts=result.counts,
    )


def translate_units(
    units: Sequence[TranslationUnit],
    source: str,
    targets: Sequence[str],
    *,
    options: PipelineOptions | None = None,
    engines: dict[str, Engine] | None = None,
    glossary: Glossary | None = None,
    memory: TranslationMemory | None = None,
    settled: Mapping[str, Collection[UnitKey]] | None = None,
    plural_forms: Mapping[str, str] | None = None,
    cancel: threading.Event | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> PipelineResult[UnitKey]:
    """Drafts for every unit in every target language, keyed by (context, source).

    `settled` maps a target to units a person already approved or edited there: they need no
    draft, so neither the memory nor the engine is asked for them. `plural_forms` maps a target
    to the Plural-Forms header its catalog will have (default: CLDR's): a plural unit gets one
    form per msgstr[i]. What the engine must not touch (placeholders, markup, URLs, edge white
    space) is shielded, and a draft that lost any of it is rejected with a note.
    """
    options = options or PipelineOptions()
    if engines is None:
        engines = open_engines(source, targets, options)
    units = distinct_units(units)
    result: PipelineResult[UnitKey] = PipelineResult(source_lang=source)
    for target in targets:
        if cancel is not None and cancel.is_set():
            raise Cancelled("translation cancelled")
        drafts: dict[UnitKey, Draft] = {}
        counts = {"memory-exact": 0, "memory-fuzzy": 0, "mt": 0, "none": 0, "settled": 0}
        done_by_people = set((settled or {}).get(target, ()))
        pending = [unit for unit in units if unit.key not in done_by_people]
        counts["settled"] = len(units) - len(pending)
        fuzzy_notes: dict[UnitKey, tuple[str, ...]] = {}
        if memory is not None:
            pending, fuzzy_notes = _use_memory(
                memory, pending, source, target, options, drafts, counts
            )
        engine = engines.get(target)
        if engine is not None and pending:
            header = (plural_forms or {}).get(target) or default_plural_forms(target)
            _machine_translate(
                engine,
                pending,
                target,
                header,
                options,
                glossary,
                fuzzy_notes,
                drafts,
                cancel,
                on_progress,
            )
            counts["mt"] += len(pending)
        else:
            for unit in pending:
                if unit.key in fuzzy_notes:
                    drafts[unit.key] = Draft((), notes=fuzzy_notes[unit.key], origin="tm-fuzzy")
            counts["none"] += len(pending)
        result.drafts[target] = drafts
        result.counts[target] = counts
    return result


def _use_memory(
    memory: TranslationMemory,
    units: list[TranslationUnit],
    source: str,
    target: str,
    options: PipelineOptions,
    drafts: dict[UnitKey, Draft],
    counts: dict[str, int],
) -> tuple[list[TranslationUnit], dict[UnitKey, tuple[str, ...]]]:
    """Fill exact memory matches; return what still needs MT and fuzzy matches as notes.

    Plural units go to the engine: the memory holds pairs, not a target's set of forms."""
    from workbench.core.catalogs.comments import MEMORY_LABEL

    pending: list[TranslationUnit] = [unit for unit in units if unit.is_plural]
    singular = [unit for unit in units if not unit.is_plural]
    fuzzy_notes: dict[UnitKey, tuple[str, ...]] = {}
    matches = memory.lookup_many(
        [unit.source for unit in singular],
        source,
        target,
        threshold=options.memory_threshold,
        contexts=[unit.context for unit in singular],
    )
    for unit, found in zip(singular, matches, strict=True):
        exact = [m for m in found if m.similarity >= 1.0]
        if exact:
            best = exact[0]
            drafts[unit.key] = Draft(
                (Hypothesis(best.target, 0.0),),
                signature="translation memory",
                notes=(f"{MEMORY_LABEL}100% | {best.target}",),
                origin="tm-exact",
                approved=options.trust_exact,
            )
            counts["memory-exact"] += 1
            continue
        if found:
            fuzzy_notes[unit.key] = tuple(f"{MEMORY_LABEL}{m.percent}% | {m.target}" for m in found)
            counts["memory-fuzzy"] += 1
        pending.append(unit)
    order = {unit.key: index for index, unit in enumerate(units)}
    pending.sort(key=lambda unit: order[unit.key])
    return pending, fuzzy_notes


def _route_name(engine: Engine) -> str:
    """ "fr→en", or "fr→en→az" for a pivot."""
    if isinstance(engine, PivotEngine):
        return f"{_route_name(engine.first)}→{engine.second.target}"
    return f"{engine.source}→{engine.target}"


@dataclass(frozen=True)
class _Request:
    """One string sent to the engine: a unit's source (or plural source), shielded."""

    text: str  # as written in the unit
    flags: tuple[str, ...]

    def shielded(self) -> Shielded:
        return shield(self.text, self.flags)


def _unit_requests(unit: TranslationUnit, slots: Sequence[PluralSlot]) -> list[_Request]:
    """What to translate for a unit: its source, and for a plural unit the plural source if
    some form of the target uses it."""
    requests = [_Request(unit.source, unit.flags)]
    if unit.plural_source is not None and any(not slot.singular for slot in slots):
        requests.append(_Request(unit.plural_source, unit.flags))
    return requests


def _machine_translate(
    engine: Engine,
    units: list[TranslationUnit],
    target: str,
    plural_header: str,
    options: PipelineOptions,
    glossary: Glossary | None,
    fuzzy_notes: dict[UnitKey, tuple[str, ...]],
    drafts: dict[UnitKey, Draft],
    cancel: threading.Event | None,
    on_progress: Callable[[Progress], None] | None,
) -> None:
    stage = _route_name(engine)
    slots = plural_slots(plural_header, target)
    requests = {unit.key: _unit_requests(unit, slots) for unit in units}
    shielded = {
        request: request.shielded()
        for request in dict.fromkeys(r for rs in requests.values() for r in rs)
    }
    texts = list(dict.fromkeys(s.text for s in shielded.values()))
    total = len(texts)
    steps = 0  # a pivoted sentence takes one step per leg; progress shows whole sentences

    def advance(count: int) -> None:
        nonlocal steps
        steps = min(total * engine.legs, steps + count)
        if on_progress:
            on_progress(Progress(target, stage, steps // engine.legs, total))

    if on_progress:
        on_progress(Progress(target, stage, 0, total))
    if glossary is not None:
        from workbench.core.glossary.enforce import TermEnforcer

        enforcer = TermEnforcer(glossary, engine.source, engine.target)
        enforced = enforcer.translate(
            engine, texts, n_best=options.n_best, cancel=cancel, progress=advance
        )
        outputs = [(tuple(e.hypotheses), tuple(e.notes)) for e in enforced]
    else:
        hypotheses = engine.translate_batch(
            texts, n_best=options.n_best, cancel=cancel, progress=advance
        )
        outputs = [(tuple(h), ()) for h in hypotheses]
    by_text = dict(zip(texts, outputs, strict=True))
    translated = {
        request: _restored(shield_of, *by_text[shield_of.text])
        for request, shield_of in shielded.items()
    }
    for unit in units:
        drafts[unit.key] = _draft(
            unit, requests[unit.key], translated, slots, engine.signature, fuzzy_notes
        )
    if on_progress:
        on_progress(Progress(target, stage, total, total))


@dataclass(frozen=True)
class _Translated:
    hypotheses: tuple[Hypothesis, ...]  # restored, best first; empty if every one was rejected
    notes: tuple[str, ...]


def _restored(
    shielded: Shielded, hypotheses: tuple[Hypothesis, ...], notes: tuple[str, ...]
) -> _Translated:
    """The hypotheses that kept every protected piece, with the pieces put back."""
    from workbench.core.catalogs.comments import REJECTED_LABEL

    # What the engine had to do (a long sentence in parts) is said once, for the best one.
    notes = (*(f"{NOTE_LABEL}{h.note}" for h in hypotheses[:1] if h.note), *notes)
    kept = []
    for hypothesis in hypotheses:
        text = shielded.restore(hypothesis.text)
        if text is not None:
            pivot = hypothesis.pivot
            if pivot is not None:
                pivot = shielded.restore(pivot) or pivot
            kept.append(replace(hypothesis, text=text, pivot=pivot))
    if not kept and hypotheses:
        lost = ", ".join(shielded.lost(hypotheses[0].text)) or "placeholders"
        notes = (*notes, f"{REJECTED_LABEL}the engine dropped or repeated {lost}")
    return _Translated(tuple(kept), notes)


def _draft(
    unit: TranslationUnit,
    requests: list[_Request],
    translated: Mapping[_Request, _Translated],
    slots: Sequence[PluralSlot],
    signature: str,
    fuzzy_notes: Mapping[UnitKey, tuple[str, ...]],
) -> Draft:
    singular = translated[requests[0]]
    extra = fuzzy_notes.get(unit.key, ())
    if unit.plural_source is None:
        return Draft(singular.hypotheses, signature, singular.notes + extra, origin="mt")
    plural = translated[requests[-1]]
    notes = tuple(dict.fromkeys(singular.notes + plural.notes)) + extra
    chosen = [singular if slot.singular else plural for slot in slots]
    if any(not part.hypotheses for part in chosen):
        # Every form or none: a half-filled plural entry would read as translated.
        return Draft((), signature, notes, origin="mt")
    forms = tuple(part.hypotheses[0].text for part in chosen)
    return Draft(chosen[0].hypotheses, signature, notes, origin="mt", forms=forms)
