"""The glossary: term bases, finding their terms in text, checking and enforcing them.

Owns the model (`model.py`: concepts, terms per language, statuses), its files (`tbx.py`, TBX
v2/v3 through expat with entities refused; `csv.py`, spreadsheet exports; `loader.py` picks by
suffix), text as matching sees it (`text.py`), the Aho-Corasick matcher (`match.py`) with
inflected forms per language (`morphology.py`), checking a translation (`check.py`) and
enforcing terms through an engine by reranking and placeholders (`enforce.py`). Importing this
package loads no engine: `enforce.py` is imported by its own path where MT runs.
"""

from workbench.core.glossary.check import TermMatch, TermProblem, check_terms, find_terms
from workbench.core.glossary.loader import load_glossaries, load_glossary, save_glossary
from workbench.core.glossary.model import Concept, Glossary, Term, TermStatus

__all__ = [
    "Concept",
    "Glossary",
    "Term",
    "TermMatch",
    "TermProblem",
    "TermStatus",
    "check_terms",
    "find_terms",
    "load_glossaries",
    "load_glossary",
    "save_glossary",
]
