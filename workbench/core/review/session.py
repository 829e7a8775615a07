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
from workbench.core.review.sources import open_source
from workbench.core.review.terms import TermsMixin


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
    """A document or a catalog under review in several target languages."""

    # --- opening -----------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
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
        """Read the source (a document, a .pot, or a .po reviewed where it is: see
        `sources.py`), the glossaries and (with `load`) every target's catalog; without it, the
        caller attaches each language when it likes (the TUI shows rows first). An opened
        .po's only target is its own language: `targets` may be empty for it.

        `translator` ("Name <email>") becomes the catalogs' Last-Translator on every save;
        `recovery_folder` holds the journal of unsaved work (default: `.workbench/recovery`
        beside the locales folder)."""
        source = open_source(Path(path), source_lang, domain=domain)
        if source.fixed_language and not targets:
            targets = [source.fixed_language]
        glossary = None
        if glossary_paths:
            from workbench.core.glossary import load_glossaries

            glossary = load_glossaries(list(glossary_paths))
        session = cls(
            source,
            targets,
            locales,
            glossary=glossary,
            memory_path=memory_path,
            translator=translator,
            recovery_folder=recovery_folder,
        )
        if load:
            session.load()
        return session
