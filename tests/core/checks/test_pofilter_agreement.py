"""Cross-check with Translate Toolkit's pofilter on the checks both tools have.

Two catalogs (fr→en, fr→az) hold planted problems and clean entries. pofilter runs in-process
(`translate.filters.pofilter.pocheckfilter`, the class the `pofilter` command uses, with its
default options: fuzzy entries included) and our `check_catalog` runs on the same files. On
every entry, each of our checks must flag exactly when its pofilter counterpart does, except
for the deliberate differences listed in DIFFERENCES, each with its reason; those entries are
asserted to differ in exactly the documented way.
"""

from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from translate.filters import checks as tt_checks
from translate.filters import pofilter
from translate.storage import factory

from tests.support.po_catalogs import Entry, write_catalog
from workbench.core.checks import check_catalog

# Our check -> the pofilter tests that find the same problem.
COUNTERPARTS = {
    "numbers": {"numbers"},
    "endpunc": {"endpunc"},
    "brackets": {"brackets"},
    "quotes": {"doublequoting"},
    "doublewords": {"doublewords"},
    "doublespacing": {"doublespacing"},
    "startwhitespace": {"startwhitespace"},
    "endwhitespace": {"endwhitespace"},
    "untranslated": {"untranslated", "blank"},
    "unchanged": {"unchanged"},
    "sentencecount": {"sentencecount"},
    "placeholders": {"printf", "pythonbraceformat"},
}


@dataclass(frozen=True)
class Case:
    lang: str
    source: str
    target: str
    planted: frozenset[str] = frozenset()  # what both tools must flag
    fuzzy: bool = False


@dataclass(frozen=True)
class Difference:
    lang: str
    source: str
    target: str
    ours: frozenset[str]
    pofilter: frozenset[str]  # in our names
    reason: str


def flags(*names):
    return frozenset(names)


AGREED = [
    # clean
    Case("en", "Le président a reçu les ambassadeurs.", "The president received the ambassadors."),
    Case(
        "en", "Le sommet de l'OTAN s'est tenu à Bruxelles.", "The NATO summit was held in Brussels."
    ),
    Case("en", "Le taux est de 3,5 %.", "The rate is 3.5%."),
    Case("en", "1 500 personnes", "1,500 people"),
    Case("en", "M. Aliyev a reçu M. Erdogan.", "Mr. Aliyev received Mr. Erdogan."),
    Case("az", "Le président a reçu les ambassadeurs.", "Prezident səfirləri qəbul edib."),
    Case("az", "1 500 personnes", "1.500 nəfər"),
    Case("az", "Le taux est de 3,5 %.", "Faiz 3,5 % təşkil edir."),
    # planted
    Case(
        "en",
        "Le sommet aura lieu en 2020.",
        "The summit will take place in 2021.",
        flags("numbers"),
    ),
    Case(
        "en",
        "Il y avait 12 délégations et 40 experts.",
        "There were 12 delegations and 4 experts.",
        flags("numbers"),
    ),
    Case(
        "en",
        "Le chômage a baissé de 3 points.",
        "Unemployment fell by three points.",
        flags("numbers"),
        fuzzy=True,
    ),
    Case(
        "en",
        "Pourquoi le sommet a-t-il été reporté?",
        "Why was the summit postponed.",
        flags("endpunc"),
    ),
    Case("en", "La réunion est terminée.", "The meeting is over", flags("endpunc"), fuzzy=True),
    Case("en", "Les participants étaient:", "The participants were.", flags("endpunc")),
    Case(
        "en",
        "Le comité (créé en 2019) se réunit demain.",
        "The committee (created in 2019 meets tomorrow.",
        flags("brackets"),
    ),
    Case("en", "Voir la page [annexe].", "See the page annex].", flags("brackets")),
    Case(
        "en",
        "La déclaration a été adoptée.",
        "The the declaration was adopted.",
        flags("doublewords"),
    ),
    Case("en", "Le texte final est prêt.", "The final  text is ready.", flags("doublespacing")),
    Case("en", "Nom : ", "Name:", flags("endwhitespace")),
    Case("en", "Nom :", "Name: ", flags("endwhitespace")),
    Case("en", " Bonjour tout le monde.", "Hello everyone.", flags("startwhitespace")),
    Case("en", "Le rapport est disponible.", "", flags("untranslated")),
    Case("en", "Le rapport est prêt.", "   ", flags("untranslated")),
    Case("en", "Le rapport est en ligne.", "Le rapport est en ligne.", flags("unchanged")),
    Case("en", "Stop. Stop.", "Stop. Stop.", flags("unchanged")),
    Case(
        "en",
        "Le ministre est arrivé. Il a parlé.",
        "The minister arrived and spoke.",
        flags("sentencecount"),
    ),
    Case("en", "Le ministre est parti.", "The minister left. He spoke.", flags("sentencecount")),
    Case(
        "en",
        "Bonjour %s, vous avez %d messages.",
        "Hello %s, you have messages.",
        flags("placeholders"),
    ),
    Case("en", "Bonjour {name}.", "Hello {nom}.", flags("placeholders")),
    Case("en", 'Il a dit "oui".', 'He said "yes.', flags("quotes")),
    Case(
        "az", "Le sommet aura lieu en 2020.", "Sammit 2021-ci ildə keçiriləcək.", flags("numbers")
    ),
    Case(
        "az",
        "Pourquoi le sommet a-t-il été reporté?",
        "Sammit niyə təxirə salındı.",
        flags("endpunc"),
    ),
    Case(
        "az",
        "La déclaration a été adoptée.",
        "Bəyannamə qəbul qəbul edildi.",
        flags("doublewords"),
        fuzzy=True,
    ),
    Case("az", "Le rapport est disponible.", "", flags("untranslated")),
    Case("az", "Le rapport est en ligne.", "Le rapport est en ligne.", flags("unchanged")),
    Case(
        "az",
        "Le comité (créé en 2019) se réunit demain.",
        "Komitə (2019-cu ildə yaradılıb sabah toplanır.",
        flags("brackets"),
    ),
    Case("az", "Le texte final est prêt.", "Yekun  mətn hazırdır.", flags("doublespacing")),
    Case(
        "az",
        "Le ministre est arrivé. Il a parlé.",
        "Nazir gəldi və danışdı.",
        flags("sentencecount"),
    ),
]

DIFFERENCES = [
    Difference(
        "en",
        "Il a dit « oui ».",
        "He said “yes”.",
        flags(),
        flags("quotes"),
        "quotation marks converted to the target's CLDR style are right; pofilter counts each mark",
    ),
    Difference(
        "az",
        "Il a dit « oui ».",
        "O, “bəli” dedi.",
        flags(),
        flags("quotes"),
        "CLDR gives Azerbaijani “ ”, so « » → “ ” is the conversion we ask for",
    ),
    Difference(
        "en",
        "Il a dit « oui ».",
        "He said « yes ».",
        flags("quotes"),
        flags(),
        "English does not quote with « »: the marks were not converted",
    ),
    Difference(
        "en",
        "Bonjour !",
        "Hello!",
        flags(),
        flags("endpunc"),
        "French puts a space before ! ? : ; and English does not",
    ),
    Difference(
        "en",
        "Attendez...",
        "Wait…",
        flags(),
        flags("endpunc"),
        "three dots and an ellipsis character are the same punctuation",
    ),
    Difference(
        "en",
        "Il a dit « oui ».",
        "He said “yes.”",
        flags(),
        flags("endpunc", "quotes"),
        "English puts the full stop inside the closing quote, French outside",
    ),
    Difference(
        "en",
        "Le taux est de 3,5 %.",
        "The rate is 35%.",
        flags("numbers"),
        flags(),
        "numbers are compared by value: 3,5 is not 35 (pofilter finds the digits 3 and 5 in 35)",
    ),
    Difference(
        "en",
        "Ils étaient 1 500.",
        "There were 1.500.",
        flags("numbers"),
        flags(),
        "1.500 is one and a half in English: the French number was not converted",
    ),
    Difference(
        "en",
        "En 2020.",
        "In 2020 and 2021.",
        flags("numbers"),
        flags(),
        "a number added to the translation is reported too",
    ),
    Difference(
        "en",
        "Le 27/06/2020.",
        "On 6/27/2020.",
        flags(),
        flags("numbers"),
        "06 and 6 are the same month",
    ),
    Difference(
        "en",
        "Ilham Aliyev",
        "Ilham Aliyev",
        flags(),
        flags("unchanged"),
        "a name stays the same in translation",
    ),
    Difference(
        "en",
        "Le président, M. Aliyev, est arrivé.",
        "President Aliyev arrived.",
        flags(),
        flags("sentencecount"),
        "M. is a French abbreviation, not the end of a sentence",
    ),
    Difference(
        "en",
        "Il a dit stop. Stop.",
        "He said stop. Stop.",
        flags(),
        flags("doublewords"),
        "a word repeated across a sentence end is not a typing slip",
    ),
]


def _write(tmp_path, lang):
    entries = [
        Entry(case.source, case.target, fuzzy=getattr(case, "fuzzy", False), msgctxt=str(index))
        for index, case in enumerate(AGREED + DIFFERENCES)
        if case.lang == lang
    ]
    return write_catalog(tmp_path / f"locales/{lang}/LC_MESSAGES/cases.po", entries, language=lang)


def _ours(path):
    """msgctxt -> our flagged checks, among those pofilter also has."""
    return {
        entry.msgctxt: {problem.check for problem in entry.problems} & set(COUNTERPARTS)
        for entry in check_catalog(path)
    }


def _pofilter(path, lang):
    """msgctxt -> the checks pofilter flags, in our names."""
    options = SimpleNamespace(
        excludefilters=[],
        limitfilters=None,
        includefuzzy=True,
        includereview=True,
        autocorrect=False,
    )
    checker = pofilter.pocheckfilter(
        options, checkerconfig=tt_checks.CheckerConfig(targetlanguage=lang)
    )
    flagged = {}
    for unit in factory.getobject(str(path)).units:
        if unit.isheader():
            continue
        failures = set(checker.filterunit(unit))
        ours = {name for name, theirs in COUNTERPARTS.items() if theirs & failures}
        if ours:
            flagged[unit.getcontext()] = ours
    return flagged


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("agreement")
    by_context = {}
    for lang in ("en", "az"):
        path = _write(tmp_path, lang)
        ours, theirs = _ours(path), _pofilter(path, lang)
        for index, case in enumerate(AGREED + DIFFERENCES):
            if case.lang == lang:
                by_context[index] = (ours.get(str(index), set()), theirs.get(str(index), set()))
    return by_context


def test_both_tools_find_every_planted_problem_and_nothing_on_clean_entries(results):
    for index, case in enumerate(AGREED):
        ours, theirs = results[index]
        assert ours == set(case.planted), (case, "ours", ours)
        assert theirs == set(case.planted), (case, "pofilter", theirs)
    assert {name for case in AGREED for name in case.planted} == set(COUNTERPARTS)


@pytest.mark.parametrize("index", range(len(DIFFERENCES)), ids=[d.reason[:50] for d in DIFFERENCES])
def test_deliberate_differences_are_exactly_as_documented(results, index):
    difference = DIFFERENCES[index]
    ours, theirs = results[len(AGREED) + index]
    assert ours == set(difference.ours)
    assert theirs == set(difference.pofilter)
    assert ours != theirs
