"""Reviewing the current row: approving, unapproving, alternatives, source and glossary terms.

Text put in by an action goes through the editor, so Ctrl+Z undoes it.
"""

from __future__ import annotations

from textual.widgets import TextArea

from workbench.core.errors import InputError
from workbench.tui.screens.dialogs import Choice, ChoiceDialog
from workbench.tui.screens.review.part import ScreenPart


class ReviewingMixin(ScreenPart):
    """The actions that change the current row's translations."""

    def _approve_row(self, languages: tuple[str, ...]) -> bool:
        """Approve the row in `languages`; False when there is no row to approve."""
        self._commit_editors()
        if self.session is None or self._editing is None:
            return False
        changed = False
        for lang in languages:
            try:
                if self._loaded(lang) and self.session.approve(self._editing, lang):
                    changed = True
            except InputError as error:  # msgfmt -c would reject it: say why, keep the draft
                self.notify(f"{lang}: {error}", severity="error", timeout=8)
        if changed:
            self._after_change(self._editing)
        return True

    def action_approve(self) -> None:
        self._approve_row((self.current_lang,))

    def action_approve_all(self) -> None:
        self._approve_row(self.shown)

    def action_approve_next(self) -> None:
        self._approve_and_move((self.current_lang,))

    def action_approve_all_next(self) -> None:
        self._approve_and_move(self.shown)

    def _approve_and_move(self, languages: tuple[str, ...]) -> None:
        if not self._approve_row(languages):
            return
        table = self.table
        if table.cursor >= len(table.view) - 1:
            self.notify("Last segment: nothing after this one.", timeout=3)
            return
        table.set_cursor(table.cursor + 1)

    def action_unapprove(self) -> None:
        self._commit_editors()
        if self.session is None or self._editing is None or not self._loaded(self.current_lang):
            return
        if self.session.unapprove(self._editing, self.current_lang):
            self._after_change(self._editing)

    def _current_field(self) -> tuple[int, TextArea]:
        """The current language's field being edited: the focused plural form, else the first."""
        areas = self.editor.areas(self.current_lang)
        for form, area in areas:
            if form == self.current_form:
                return form, area
        return areas[0]

    def _replace_text(self, text: str) -> None:
        """Replace the current field's text through its editor, so Ctrl+Z undoes it."""
        form, area = self._current_field()
        if area.read_only:
            return
        area.replace(text, (0, 0), area.document.end, maintain_selection_offset=False)
        self._write(self.current_lang, area.text, form)

    def action_choose(self, number: int) -> None:
        if self.session is None or self._editing is None:
            return
        candidates = self.session.alternatives(self._editing, self.current_lang)
        if not 1 <= number <= len(candidates):
            self.notify(f"No alternative {number} for {self.current_lang}.", timeout=3)
            return
        self._replace_text(candidates[number - 1].text)

    def action_copy_source(self) -> None:
        if self.session is not None and self._editing is not None:
            form, _ = self._current_field()  # a plural form gets the source it translates
            self._replace_text(self.session.source_of_form(self._editing, self.current_lang, form))

    def action_insert_term(self) -> None:
        if self.session is None or self._editing is None:
            return
        renderings = [
            (term.source, rendering.expected)
            for term in self.session.terms(self._editing)
            for rendering in term.renderings
            if rendering.lang == self.current_lang
        ]
        if not renderings:
            self.notify("No glossary term in this segment.", timeout=3)
            return
        if len(renderings) == 1:
            self._insert(renderings[0][1])
            return
        choices = [
            Choice(str(number), f"{source} → {expected}", expected)
            for number, (source, expected) in enumerate(renderings[:9], 1)
        ]
        self.app.push_screen(
            ChoiceDialog("Insert a glossary term", "", choices),
            lambda chosen: self._insert(chosen) if chosen else None,
        )

    def action_concordance(self) -> None:
        if self.session is None:
            return
        from workbench.tui.screens.concordance import ConcordanceScreen

        phrase = ""
        if isinstance(self.focused, TextArea):
            phrase = self.focused.selected_text
        self.app.push_screen(ConcordanceScreen(self.session, self.current_lang, phrase.strip()))

    def _insert(self, text: str) -> None:
        form, area = self._current_field()
        if area.read_only:
            return
        area.insert(text)
        area.focus()
        self._write(self.current_lang, area.text, form)
