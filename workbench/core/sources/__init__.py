"""What gets translated: source documents, their sentences, and the translation units they give.

Owns reading a document (`document.py`: paragraphs and sentence segments with exact offsets),
sentence segmentation per language (`segment.py`) and the translation unit both kinds of
source give the pipeline (`units.py`). Units live here, not in `catalogs`, because they are
the sources' vocabulary: documents make them, and catalogs (which sit above this package) read
their entries into the same shape. A catalog read as a source is `catalogs/source.py`, so that
this package never imports the catalogs.
"""

from workbench.core.sources.document import Document, Paragraph, Segment, load_document
from workbench.core.sources.segment import split_sentences
from workbench.core.sources.units import TranslationUnit, UnitKey, distinct_units, document_units

__all__ = [
    "Document",
    "Paragraph",
    "Segment",
    "TranslationUnit",
    "UnitKey",
    "distinct_units",
    "document_units",
    "load_document",
    "split_sentences",
]
