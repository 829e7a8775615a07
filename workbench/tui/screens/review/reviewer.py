"""Reviewing the current row: approving, unapproving, alternatives, source and glossary terms.

Text put in by an action goes through the editor (`RowCursor.replace_text`, `insert`), so
Ctrl+Z undoes it.
"""

from __future__ import annotations

from textual.widgets import TextArea

from workbench.core.errors import InputError
from workbench.tui.screens.dialogs import Choice, ChoiceDialog
from workbench.tui.screens.review.part import Part, SessionSource
from workbench.tui.screens.review.rows import RowCursor
from workbench.tui.widgets.segment_table import SegmentTable


class Reviewer(Part):
    """The actions that change the current row's translations."""

    def __init__(self, session: SessionSource, *, table: SegmentTable, rows: RowCursor) -> None:
        super().__init__(session)
        self._table = table
        self._rows = rows

    def approve(self, languages: tuple[str, ...]) -> bool:
        """Approve the row in `languages`; False when there is no row to approve."""
        rows = self._rows
        rows.commit()
        if self.session is None or rows.editing is None:
            return False
        changed = False
        for lang in languages:
            try:
                if rows.is_loaded(lang) and self.session.approve(rows.editing, lang):
                    changed = True
            except InputError as error:  # msgfmt -c would reject it: say why, keep the draft
                self.notify(f"{lang}: {error}", severity="error", timeout=8)
        if changed:
            rows.changed(rows.editing)
        return True

    def approve_and_move(self, languages: tuple[str, ...]) -> None:
        if not self.approve(languages):
            return
        table = self._table
        if table.cursor >= len(table.view) - 1:
            self.notify("Last segment: nothing after this one.", timeout=3)
            return
        table.set_cursor(table.cursor + 1)

    def unapprove(self) -> None:
        rows = self._rows
        rows.commit()
        if self.session is None or rows.editing is None or not rows.is_loaded(rows.current_lang):
            return
        if self.session.unapprove(rows.editing, rows.current_lang):
            rows.changed(rows.editing)

    def choose(self, number: int) -> None:
        """Machine alternative `number` replaces the current field's text."""
        rows = self._rows
        if self.session is None or rows.editing is None:
            return
        candidates = self.session.alternatives(rows.editing, rows.current_lang)
        if not 1 <= number <= len(candidates):
            self.notify(f"No alternative {number} for {rows.current_lang}.", timeout=3)
            return
        rows.replace_text(candidates[number - 1].text)

    def copy_source(self) -> None:
        rows = self._rows
        if self.session is not None and rows.editing is not None:
            form, _ = rows.current_field()  # a plural form gets the source it translates
            rows.replace_text(self.session.source_of_form(rows.editing, rows.current_lang, form))

    def insert_term(self) -> None:
        rows = self._rows
        if self.session is None or rows.editing is None:
            return
        renderings = [
            (term.source, rendering.expected)
            for term in self.session.terms(rows.editing)
            for rendering in term.renderings
            if rendering.lang == rows.current_lang
        ]
        if not renderings:
            self.notify("No glossary term in this segment.", timeout=3)
            return
        if len(renderings) == 1:
            rows.insert(renderings[0][1])
            return
        choices = [
            Choice(str(number), f"{source} → {expected}", expected)
            for number, (source, expected) in enumerate(renderings[:9], 1)
        ]
        self.app.push_screen(
            ChoiceDialog("Insert a glossary term", "", choices),
            lambda chosen: rows.insert(chosen) if chosen else None,
        )

    def concordance(self) -> None:
        if self.session is None:
            return
        from workbench.tui.screens.concordance import ConcordanceScreen

        phrase = ""
        focused = self.screen.focused
        if isinstance(focused, TextArea):
            phrase = focused.selected_text
        self.app.push_screen(
            ConcordanceScreen(self.session, self._rows.current_lang, phrase.strip())
        )
