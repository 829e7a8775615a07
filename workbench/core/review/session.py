"""`ReviewSession`: the parts of a review put together, and opening one from files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workbench.core.review.editing import EditingMixin
from workbench.core.review.finding import FindingMixin
from workbench.core.review.machine import MachineMixin
from workbench.core.review.merging import MergingMixin
from workbench.core.review.recall import RecallMixin
from workbench.core.review.recovery import RecoveryMixin
from workbench.core.review.saving import SavingMixin
from workbench.core.review.terms import TermsMixin
from workbench.core.sources.document import load_document


class ReviewSession(
    TermsMixin,
    FindingMixin,
    EditingMixin,
    MachineMixin,
    SavingMixin,
    MergingMixin,
    RecoveryMixin,
    RecallMixin,
):
    """A document under review in several target languages."""

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        document_path: Path,
        targets: Sequence[str],
        locales: Path,
        *,
        source_lang: str | None = None,
        domain: str | None = None,
        glossary_paths: Sequence[Path] = (),
        memory_path: Path | None = None,
        translator: str | None = None,
        recovery_folder: Path | None = None,
        load: bool = True,
    ) -> ReviewSession:
        """Read the document, the glossaries and (with `load`) every target's catalog; without
        it, the caller attaches each language when it likes (the TUI shows rows first).

        `translator` ("Name <email>") becomes the catalogs' Last-Translator on every save;
        `recovery_folder` holds the journal of unsaved work (default: `.workbench/recovery`
        beside the locales folder)."""
        document = load_document(Path(document_path), source_lang)
        glossary = None
        if glossary_paths:
            from workbench.core.glossary import load_glossaries

            glossary = load_glossaries(list(glossary_paths))
        session = cls(
            document,
            targets,
            locales,
            domain=domain,
            glossary=glossary,
            memory_path=memory_path,
            translator=translator,
            recovery_folder=recovery_folder,
        )
        if load:
            session.load()
        return session
