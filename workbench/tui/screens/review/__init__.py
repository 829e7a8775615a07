"""The review screen: the aligned list on top, the editor of the current row below.

The screen turns keys into calls on the `ReviewSession` and redraws what changed. Everything
slow runs in thread workers that post messages back (see `messages.py`): reading the document
and catalogs, checking every row, machine translation, saving, watching the files on disk.

The parts, one job each: `request` (what to open), `part` (the state the parts share),
`loading`, `current_row`, `navigation`, `reviewing`, `machine`, `filtering`, `saving`, `disk`,
and `screen`, which puts them together as `ReviewScreen`.
"""

from workbench.tui.screens.review.request import OpenRequest, ReviewSettings
from workbench.tui.screens.review.screen import ReviewScreen

__all__ = ["OpenRequest", "ReviewScreen", "ReviewSettings"]
