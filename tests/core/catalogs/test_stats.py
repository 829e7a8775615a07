"""Catalog statistics: segments and source words per state, problems, totals per language."""

import re

import pytest
from translate.tools.pocount import calcstats
from translate.tools.pocount import wordcount as pocount_words

from tests.support.po_catalogs import Entry, write_catalog
from workbench.core.catalogs.pofile import load_catalog
from workbench.core.catalogs.stats import (
    Count,
    catalog_stats,
    collect_stats,
    language_total,
    word_count,
)
from workbench.core.checks import Severity
from workbench.core.sources.document import load_document

ENTRIES = [
    ("Le président a reçu les ambassadeurs.", "The president received the ambassadors."),  # 6 words
    ("Le taux est de 3,5 %.", "The rate is 35%."),  # 5 words, numbers: critical
    Entry("Pourquoi ?", "Why.", fuzzy=True),  # 1 word, endpunc: cosmetic
    Entry(
        "La réunion est terminée.", "", fuzzy=True
    ),  # 4 words: fuzzy without text is untranslated
    ("Le rapport est disponible aujourd’hui.", ""),  # 5 words
    Entry("Ancien texte.", "Old text.", obsolete=True),
    Entry(
        "%d fichier", msgid_plural="%d fichiers", msgstr_plural={0: "%d file", 1: "%d files"}
    ),  # 4
]


@pytest.fixture
def catalog(tmp_path):
    return write_catalog(tmp_path / "locales/en/LC_MESSAGES/news.po", ENTRIES)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Le président a reçu les ambassadeurs.", 6),
        ("aujourd’hui, l'ONU", 2),
        ("Jean-Pierre", 2),
        ("3,5 % et 1 500", 4),
        ("U.S. policy", 2),
        ("Azərbaycan Respublikasının Prezidenti", 3),
        ("— « ! »", 0),
        ('Click <a href="https://example.org/help">here</a> to <b>save</b>.', 4),  # markup
        ("Line one<br/>line two", 4),
        ("<strong>%(count)s</strong> items", 3),
    ],
)
def test_words_are_counted_as_unicode_word_segmentation_does(text, words):
    assert word_count(text) == words


def test_counts_per_state_in_segments_and_source_words(catalog):
    stats = catalog_stats(load_catalog(catalog))
    assert (stats.language, stats.document, stats.path) == ("en", "news", catalog)
    assert stats.approved == Count(3, 15)
    assert stats.fuzzy == Count(1, 1)
    assert stats.untranslated == Count(2, 9)
    assert stats.total == Count(6, 25)
    assert stats.obsolete == 1
    assert stats.problems == {Severity.CRITICAL: 1, Severity.FUNCTIONAL: 0, Severity.COSMETIC: 1}
    assert stats.percent == pytest.approx(60.0)


def test_counts_agree_with_pocount(catalog):
    ours = catalog_stats(load_catalog(catalog))
    theirs = calcstats(str(catalog))
    assert ours.approved == Count(theirs["translated"], theirs["translatedsourcewords"])
    assert ours.fuzzy == Count(theirs["fuzzy"], theirs["fuzzysourcewords"])
    assert ours.untranslated == Count(theirs["untranslated"], theirs["untranslatedsourcewords"])
    assert ours.total == Count(theirs["total"], theirs["totalsourcewords"])


def test_word_counts_agree_with_pocount_on_the_seed_article(seed_path):
    segments = [segment.text for segment in load_document(seed_path).segments]
    # pocount deletes a one-letter abbreviation with its dot ("M. Aliyev" is one word to it);
    # we count it, as Unicode word segmentation does.
    initials = re.compile(r"(?<!\w)\w\.(?=\s)")
    for text in segments:
        assert word_count(text) == pocount_words(text) + len(initials.findall(text)), text
    assert sum(map(word_count, segments)) > 500


def test_catalogs_are_grouped_by_language_and_summed(tmp_path):
    locales = tmp_path / "locales"
    write_catalog(locales / "en/LC_MESSAGES/news.po", ENTRIES)
    write_catalog(
        locales / "en/LC_MESSAGES/sport.po", [("Le match est fini.", "The match is over.")]
    )
    write_catalog(locales / "az/LC_MESSAGES/news.po", [("Le match est fini.", "")], language="az")
    stats = collect_stats([locales])
    assert [(s.language, s.document) for s in stats] == [
        ("az", "news"),
        ("en", "news"),
        ("en", "sport"),
    ]
    total = language_total(stats[1:])
    assert (total.language, total.document, total.path) == ("en", "all documents", None)
    assert total.approved == Count(4, 19)
    assert total.total == Count(7, 29)
    assert total.obsolete == 1
    assert total.problems[Severity.CRITICAL] == 1
    assert stats[0].untranslated == Count(1, 4) and stats[0].percent == 0.0


def test_problems_include_what_msgfmt_calls_fatal(tmp_path):
    po = write_catalog(
        tmp_path / "locales/en/LC_MESSAGES/news.po",
        [Entry("Fichier", msgid_plural="Fichiers", msgstr_plural={0: "File", 1: "Files", 2: "F"})],
    )
    stats = catalog_stats(load_catalog(po))
    assert stats.problems[Severity.CRITICAL] == 1  # three forms where nplurals = 2
