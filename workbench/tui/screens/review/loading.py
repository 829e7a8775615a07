"""Loading: the document and catalogs read in a worker, shown as they arrive, then checked."""

from __future__ import annotations

from textual import work

from workbench.core.errors import WorkbenchError
from workbench.core.review import ReviewSession
from workbench.tui import messages
from workbench.tui.position import Position, position_key, read_position, remember_position
from workbench.tui.screens.review.part import ScreenPart


class LoadingMixin(ScreenPart):
    """The load worker and the messages it posts back."""

    @work(thread=True, exclusive=True, group="load")
    def _load(self) -> None:
        request = self.request
        try:
            session = ReviewSession.open(
                request.document,
                request.targets,
                request.locales,
                source_lang=request.source_lang,
                domain=request.domain,
                glossary_paths=list(request.glossaries),
                memory_path=request.memory,
                translator=request.translator,
                recovery_folder=request.recovery,
                load=False,
            )
            self.post_message(messages.SessionReady(session))
            # Let the rows reach the screen before the catalogs take the interpreter.
            self._rows_shown.wait(timeout=2.0)
            for lang in session.targets:
                session.attach(session.read_language(lang))
                self.post_message(messages.LanguageLoaded(lang))
            recoverable = session.recoverable()
            if recoverable:
                self.post_message(messages.RecoveryFound(recoverable))
        except WorkbenchError as error:
            self.post_message(messages.LoadFailed(str(error)))
            return
        if self.settings.check_all:
            session.check_all(cancel=self._stop)
            if not self._stop.is_set():
                self.post_message(messages.ChecksDone())

    def on_session_ready(self, message: messages.SessionReady) -> None:
        self.session = message.session
        place = read_position(self._position_key())
        if place is not None and place.lang in self.shown:
            self.current_lang = place.lang
        self.table.show(
            self.session,
            range(len(self.session)),
            self.shown,
            self.current_lang,
            keep_index=place.row if place is not None else None,
        )
        self._update_header()
        self.call_after_refresh(self._rows_shown.set)

    async def on_language_loaded(self, message: messages.LanguageLoaded) -> None:
        self.editor.area(message.lang).read_only = False
        assert self.session is not None
        forms = self.session.plural_form_count(message.lang)
        if forms > 1:  # a catalog with plural entries: one field per form
            await self.editor.target(message.lang).prepare_forms(
                forms, read_only=False, pause=self.settings.completion_pause
            )
        self.table.refresh_rows()
        self._show_row(self.table.current_index, force=True)
        self._update_header()

    def _position_key(self) -> str:
        return position_key(self.request.document, self.request.locales)

    def remember_place(self) -> None:
        """Where the translator is, for the next time this document is opened."""
        index = self._editing  # the editor's row: the widgets may be gone already
        if self.session is not None and index is not None:
            remember_position(self._position_key(), Position(index, self.current_lang))

    def on_load_failed(self, message: messages.LoadFailed) -> None:
        self.app.exit(return_code=2, message=message.message)

    def on_checks_done(self, message: messages.ChecksDone) -> None:
        self.checked = True
        self.table.refresh_rows()
        self._show_details()
        self._update_header()
