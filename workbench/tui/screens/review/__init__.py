"""The review screen: the aligned list on top, the editor of the current row below.

The screen turns keys into calls on the `ReviewSession` and redraws what changed. Everything
slow runs in thread workers that post messages back (see `messages.py`): reading the document
and catalogs, checking every row, machine translation, saving, watching the files on disk.

The screen is a few widgets (`SegmentTable`, `SegmentEditor`, `DetailsPanel`, `SearchBar`,
`ProgressHeader`) and the parts that own the state and workers of one job each, invisible
widgets made in `part.py`'s image: `loader` (`Loader`), `rows` (`RowCursor`: the row and
language the editor shows), `navigator`, `reviewer`, `machine` (`MachineRunner`),
`completion`, `finder` (search, filter, visible languages), `saver` (saves, autosave,
recovery journal) and `disk` (`DiskWatcher`). `screen` puts them together as `ReviewScreen`;
`request` says what to open.
"""

from workbench.tui.screens.review.request import OpenRequest, ReviewSettings
from workbench.tui.screens.review.screen import ReviewScreen

__all__ = ["OpenRequest", "ReviewScreen", "ReviewSettings"]
