"""Machine translation from the review: what to translate, running the pipeline, applying drafts.

A draft fills empty and machine cells; a person's work (edited or approved) keeps its text and
gets the new candidates as alternatives.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, MutableMapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from workbench.core.catalogs.comments import (
    EDITED_LABEL,
    Draft,
    machine_comment,
    strip_machine_comment,
)
from workbench.core.catalogs.entries import has_translation, set_fuzzy
from workbench.core.catalogs.merge import catalog_plural_forms, join_lines
from workbench.core.review.entries import forms_of, set_forms
from workbench.core.review.model import SessionModel
from workbench.core.review.state import CellState, LanguageState
from workbench.core.sources.units import UnitKey

if TYPE_CHECKING:
    from workbench.core.engines.base import Engine
    from workbench.core.pipeline import PipelineOptions, PipelineResult, Progress


class MachineMixin(SessionModel):
    """MT requests from the review, run in a worker, applied on the UI thread."""

    def apply_drafts(self, result: PipelineResult[UnitKey]) -> int:
        """Put machine drafts (from MT run in the UI) into the catalogs.

        A draft fills empty and machine cells; a person's work (edited or approved) keeps its
        text and gets the new candidates as alternatives. Returns how many entries changed.
        """
        changed = 0
        with self._lock:
            for lang, drafts in result.drafts.items():
                lane = self._lanes.get(lang)
                if lane is None:
                    continue
                for key, draft in drafts.items():
                    if key in self._weight and self._apply_draft(lane, key, draft):
                        changed += 1
        return changed

    def _apply_draft(self, lane: LanguageState, key: UnitKey, draft: Draft) -> bool:
        if not draft.hypotheses and not draft.notes and not draft.forms:
            return False
        entry = self._ensure_entry(lane, key)
        lane.drafts.pop(key, None)  # a new draft: undoing an edit no longer leads back to the old
        human = has_translation(entry) and (key in lane.edited or "fuzzy" not in entry.flags)
        kept = strip_machine_comment(entry.comment)
        if human:
            pinned = replace(draft, hypotheses=draft.hypotheses[:1] + draft.hypotheses)
            entry.comment = join_lines(kept, machine_comment(pinned))
        else:
            forms = draft.forms if entry.msgid_plural else (draft.best,)
            if any(forms):
                count = len(forms_of(entry))
                set_forms(entry, [*forms, *([""] * count)][: max(count, 1)])
                if key in lane.edited:  # a person emptied it; the machine fills it again
                    lane.edited.discard(key)
                    kept = "\n".join(
                        line for line in kept.splitlines() if not line.startswith(EDITED_LABEL)
                    )
            entry.comment = join_lines(kept, machine_comment(draft))
            set_fuzzy(entry, has_translation(entry) and not draft.approved)
        self._changed(lane, key)
        return True

    # --- machine translation from the review --------------------------------------------

    def empty_units(self, langs: Sequence[str]) -> dict[str, list[UnitKey]]:
        """Per language, the distinct units (sentences, entries) with no translation yet."""
        return {
            lang: [
                key
                for key in self._weight
                if self.cell(self._rows_of[key][0], lang).state is CellState.EMPTY
            ]
            for lang in langs
        }

    def machine_translate(
        self,
        requests: Mapping[str, Sequence[UnitKey]],
        *,
        engines: MutableMapping[str, Engine],
        options: PipelineOptions | None = None,
        cancel: threading.Event | None = None,
        on_progress: Callable[[Progress], None] | None = None,
    ) -> PipelineResult[UnitKey]:
        """Translate `requests` (language -> unit keys) through the pipeline, plural forms per
        the language's catalog; slow, so call it from a worker, then give the result to
        `apply_drafts` on the UI thread.

        `engines` is the caller's cache: engines opened here are added to it, so the next
        request does not load the models again.
        """
        from workbench.core.pipeline import (
            PipelineOptions,
            PipelineResult,
            open_engines,
            translate_units,
        )

        options = options or PipelineOptions(install_missing=False)
        result: PipelineResult[UnitKey] = PipelineResult(source_lang=self.source_lang)
        for lang, keys in requests.items():
            if not keys:
                continue
            if lang not in engines:
                engines.update(open_engines(self.source_lang, [lang], options))
            lane = self._lanes.get(lang)
            header = lane.catalog.po.metadata if lane is not None else None
            part = translate_units(
                [self._units[key] for key in keys],
                self.source_lang,
                [lang],
                options=options,
                engines={lang: engines[lang]},
                glossary=self.glossary,
                plural_forms={lang: catalog_plural_forms(header, lang)},
                cancel=cancel,
                on_progress=on_progress,
            )
            result.drafts[lang] = part.drafts[lang]
            result.counts[lang] = part.counts[lang]
        return result
