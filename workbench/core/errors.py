"""Errors the user can act on.

Every error carries a one-line message that says what went wrong and what to do next; the
front ends print it as it is, with no traceback.
"""


class WorkbenchError(Exception):
    """Base class: a problem with the user's input, files or models, not a bug."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(WorkbenchError):
    """A document, catalog, glossary or memory file that cannot be read as it is."""


class LanguageError(WorkbenchError):
    """A language code that is not a language, or that no route serves."""


class ModelError(WorkbenchError):
    """A translation model that is missing, corrupt or cannot be installed."""


class ConflictError(WorkbenchError):
    """A file changed on disk since it was read: writing would lose someone's work."""


class OutputError(WorkbenchError):
    """An output location that cannot be written."""


class Cancelled(WorkbenchError):  # noqa: N818 - it is an outcome, not a failure
    """Long work stopped because the caller asked it to."""
