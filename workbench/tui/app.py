"""The review workbench app: one review screen, its dialogs, the command palette.

Start-up imports Textual and the review model only; machine translation loads its models the
first time the translator asks for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

from workbench.tui.keys import palette_entries
from workbench.tui.screens.dialogs import Choice, ChoiceDialog
from workbench.tui.screens.review import OpenRequest, ReviewScreen, ReviewSettings

__all__ = ["OpenRequest", "ReviewApp", "ReviewSettings"]

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"


class ReviewApp(App[None]):
    """`workbench open`: review a document's translations in every target language."""

    CSS_PATH = "app.tcss"
    TITLE = "workbench"
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (120, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar = [(0, "-short"), (32, "-tall")]

    def __init__(
        self,
        request: OpenRequest,
        settings: ReviewSettings | None = None,
        *,
        theme: str = DARK_THEME,
    ) -> None:
        super().__init__()
        self.request = request
        self.settings = settings or ReviewSettings()
        self.theme = theme
        self.error: str | None = None  # a one-line reason when the app stopped on bad input
        self._held: list[Callable[[], None]] = []  # toasts raised while a dialog was open

    # --- toasts ------------------------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast, held back while a dialog is open (it would cover the dialog's text)."""
        show = partial(
            super().notify, message, title=title, severity=severity, timeout=timeout, markup=markup
        )
        if isinstance(self.screen, ModalScreen):
            self._held.append(show)
        else:
            show()

    def hold_toasts(self) -> None:
        """A dialog opens: the toasts on screen wait with the rest until it closes."""
        for toast in self._notifications:
            if not toast.has_expired:
                self._held.append(
                    partial(
                        super().notify,
                        toast.message,
                        title=toast.title,
                        severity=toast.severity,
                        timeout=max(toast.time_left, 1.0),
                        markup=toast.markup,
                    )
                )
        self.clear_notifications()

    def show_held_toasts(self) -> None:
        held, self._held = self._held, []
        for show in held:
            show()

    def get_default_screen(self) -> Screen:
        return ReviewScreen(self.request, self.settings)

    def exit(self, result: None = None, return_code: int = 0, message: object = None) -> None:
        if return_code and message is not None:
            self.error = str(message)
            message = None
        super().exit(result, return_code, message)  # type: ignore[arg-type]

    # --- palette -------------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        review = self.screen_stack[0]
        if not isinstance(review, ReviewScreen):
            return
        for key in palette_entries():
            yield SystemCommand(
                key.title, f"{key.help} ({key.display})", partial(review.run_action, key.action)
            )
        for number in range(1, 10):
            yield SystemCommand(
                f"Use alternative {number}",
                f"Replace the current language's translation with machine alternative {number}.",
                partial(review.action_choose, number),
                discover=False,  # found by typing, not listed when the palette opens
            )
        yield SystemCommand(
            "Stop machine translation", "Stop the running MT job.", review.action_cancel_mt
        )
        yield SystemCommand(
            "Light / dark theme", "Switch between the light and the dark theme.", self.toggle_theme
        )

    def toggle_theme(self) -> None:
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    # --- focus and quitting --------------------------------------------------------------------

    def on_app_focus(self, event: events.AppFocus) -> None:
        review = self.screen_stack[0]
        if isinstance(review, ReviewScreen):
            review.action_check_disk()

    async def action_quit(self) -> None:
        review = self.screen_stack[0]
        if not isinstance(review, ReviewScreen):
            self.exit()
            return
        unsaved = review.unsaved_languages()
        if not unsaved:
            if review.saving:  # the last save is still writing: quit when it is done
                review.quit_after_save = True
                self.notify("Saving… the app closes when the catalogs are written.")
                return
            self.exit()
            return
        choices = [
            Choice("s", "Save and quit", "save"),
            Choice("d", "Quit without saving (discard the changes)", "discard"),
            Choice("c", "Cancel: keep working", "cancel"),
        ]

        def answer(choice: str | None) -> None:
            if choice == "save":
                review.start_save(quit_after=True)
            elif choice == "discard":
                review.discard_unsaved()
                self.exit()

        await self.push_screen(
            ChoiceDialog(
                "Unsaved changes",
                f"Your changes to {', '.join(unsaved)} are not saved yet.",
                choices,
                id="quit-dialog",
            ),
            answer,
        )
