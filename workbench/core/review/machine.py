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
from workbench.core.catalogs.entries import set_fuzzy
from workbench.core.catalogs.merge import join_lines
from workbench.core.review.model import SessionModel
from workbench.core.review.state import CellState, LanguageState
from workbench.core.sources.document import Document, Paragraph, Segment

if TYPE_CHECKING:
    from workbench.core.engines.base import Engine
    from workbench.core.pipeline import PipelineOptions, PipelineResult, Progress


class MachineMixin(SessionModel):
    """MT requests from the review, run in a worker, applied on the UI thread."""

    def apply_drafts(self, result: PipelineResult) -> int:
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
                for msgid, draft in drafts.items():
                    if msgid in self._weight and self._apply_draft(lane, msgid, draft):
                        changed += 1
        return changed

    def _apply_draft(self, lane: LanguageState, msgid: str, draft: Draft) -> bool:
        if not draft.hypotheses and not draft.notes:
            return False
        entry = self._ensure_entry(lane, msgid)
        lane.drafts.pop(msgid, None)  # a new draft: undoing an edit no longer leads back to the old
        human = bool(entry.msgstr) and (msgid in lane.edited or "fuzzy" not in entry.flags)
        kept = strip_machine_comment(entry.comment)
        if human:
            pinned = replace(draft, hypotheses=draft.hypotheses[:1] + draft.hypotheses)
            entry.comment = join_lines(kept, machine_comment(pinned))
        else:
            if draft.best:
                entry.msgstr = draft.best
                if msgid in lane.edited:  # a person emptied it; the machine fills it again
                    lane.edited.discard(msgid)
                    kept = "\n".join(
                        line for line in kept.splitlines() if not line.startswith(EDITED_LABEL)
                    )
            entry.comment = join_lines(kept, machine_comment(draft))
            set_fuzzy(entry, bool(entry.msgstr) and not draft.approved)
        self._changed(lane, msgid)
        return True

    # --- machine translation from the review --------------------------------------------

    def empty_sentences(self, langs: Sequence[str]) -> dict[str, list[str]]:
        """Per language, the distinct source sentences that have no translation yet."""
        return {
            lang: [
                msgid
                for msgid in self._weight
                if self.cell(self._rows_of[msgid][0], lang).state is CellState.EMPTY
            ]
            for lang in langs
        }

    def machine_translate(
        self,
        requests: Mapping[str, Sequence[str]],
        *,
        engines: MutableMapping[str, Engine],
        options: PipelineOptions | None = None,
        cancel: threading.Event | None = None,
        on_progress: Callable[[Progress], None] | None = None,
    ) -> PipelineResult:
        """Translate `requests` (language -> sentences) through the pipeline; slow, so call
        it from a worker, then give the result to `apply_drafts` on the UI thread.

        `engines` is the caller's cache: engines opened here are added to it, so the next
        request does not load the models again.
        """
        from workbench.core.pipeline import (
            PipelineOptions,
            PipelineResult,
            open_engines,
            translate_documents,
        )

        options = options or PipelineOptions(install_missing=False)
        result = PipelineResult(source_lang=self.source_lang)
        for lang, sentences in requests.items():
            if not sentences:
                continue
            if lang not in engines:
                engines.update(open_engines(self.source_lang, [lang], options))
            part = translate_documents(
                [document_of(sentences, self.source_lang)],
                [lang],
                options=options,
                engines={lang: engines[lang]},
                glossary=self.glossary,
                cancel=cancel,
                on_progress=on_progress,
            )
            result.drafts[lang] = part.drafts[lang]
            result.counts[lang] = part.counts[lang]
        return result


def document_of(sentences: Sequence[str], lang: str) -> Document:
    """A document of one-sentence paragraphs, so the pipeline translates exactly `sentences`."""
    paragraphs = []
    offset = 0
    for number, sentence in enumerate(sentences):
        end = offset + len(sentence)
        segment = Segment(f"{number + 1}.1", number, offset, end, 2 * number + 1, sentence)
        paragraphs.append(Paragraph(number, offset, end, (segment,)))
        offset = end + 2
    return Document(None, lang, "\n\n".join(sentences), tuple(paragraphs))
