"""`workbench stats` against pocount on a sample of Django's catalogs.

Segments per state agree exactly. Words agree on every entry but those holding a dot between
two non-digits: pocount's r"\\D\\.\\D" substitution replaces the dot and both neighbours with a
space, so "e.g." and "M. Aliyev" lose a word and "default.html" gains one; we count them as
Unicode word segmentation does (the README says so).
"""

import re

from translate.tools.pocount import calcstats
from translate.tools.pocount import wordcount as pocount_words

from workbench.core.catalogs.pofile import load_catalog
from workbench.core.catalogs.stats import catalog_stats, word_count

POCOUNT_DOT_RULE = re.compile(r"\D\.\D")


def test_segments_and_words_per_state_agree_with_pocount(corpus_catalogs):
    sample = corpus_catalogs[::20]
    words_compared = differing = catalogs_with_exact_words = 0
    for path in sample:
        catalog = load_catalog(path)
        ours, theirs = catalog_stats(catalog, source_lang="en"), calcstats(str(path))
        states = (
            (ours.approved, "translated"),
            (ours.fuzzy, "fuzzy"),
            (ours.untranslated, "untranslated"),
        )
        sources = [t for e in catalog.entries() for t in (e.msgid, e.msgid_plural) if t]
        exact_words = not any(POCOUNT_DOT_RULE.search(text) for text in sources)
        for count, state in states:
            assert count.segments == theirs[state], (path, state)
            if exact_words:
                assert count.words == theirs[f"{state}sourcewords"], (path, state)
        catalogs_with_exact_words += exact_words
        for entry in catalog.entries():
            for text in filter(None, (entry.msgid, entry.msgid_plural)):
                if POCOUNT_DOT_RULE.search(text):
                    differing += word_count(text) != pocount_words(text)
                else:
                    assert word_count(text) == pocount_words(text), text
                    words_compared += 1
    assert len(sample) > 50 and words_compared > 3000 and catalogs_with_exact_words > 20
    assert differing < words_compared / 10
