"""`workbench translate FILE.pot|FILE.po`: gettext catalogs as sources, through real Argos models.

en→az is the tiny permuted model (2 plural forms), en→ru another permuted one (3 forms), and
en→pl a model that drops and duplicates placeholders on purpose (tests/support/misbehaving_argos).
"""

from __future__ import annotations

import polib
import pytest

from tests.cli.conftest import load_po, msgfmt_check, one_line_error
from tests.support.misbehaving_argos import build_misbehaving_package
from tests.support.pot_fixture import POT_TEXT, PROTECTED_PIECES, write_pot
from tests.support.tiny_argos import build_package, training_corpus
from workbench.core.catalogs.comments import REJECTED_LABEL


@pytest.fixture(scope="session")
def catalog_packages(tiny_packages, tmp_path_factory):
    """en→ru (permuted) and the misbehaving en→pl, installed beside the tiny packages."""
    from workbench.core.engines.argos_packages import install_model_file

    out = tmp_path_factory.mktemp("catalog-models")
    built = {
        "en_ru": build_package(
            out, "en", "ru", training_text=training_corpus(), permutation_seed=11
        ),
        "en_pl": build_misbehaving_package(out, "en", "pl"),
    }
    for path in built.values():
        install_model_file(path)  # as tiny_packages does (argostranslate's would import stanza)
    return {**tiny_packages, **built}


@pytest.fixture
def pot(project):
    return write_pot(project / "i18n")


def _catalog(project, lang):
    return project / "locales" / lang / "LC_MESSAGES" / "shop.po"


def _live(po):
    return [entry for entry in po if not entry.obsolete]


def _texts(entry):
    return list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]


@pytest.fixture
def translated(project, run, pot, catalog_packages):
    result = run("translate", pot, "--to", "az,ru")
    assert result.exit_code == 0, result.output
    return project


def test_a_template_becomes_one_valid_catalog_per_language(translated, pot):
    for lang, forms in (("az", 2), ("ru", 3)):
        path = _catalog(translated, lang)
        check = msgfmt_check(path)
        assert check.returncode == 0, check.stderr
        po = load_po(path)
        assert po.metadata["Language"] == lang
        assert po.metadata["Plural-Forms"].startswith(f"nplurals={forms};")
        assert po.metadata["Language-Team"] in {"Azerbaijani", "Russian"}
        assert po.metadata["X-Source-Language"] == "en"
        assert po.metadata["Report-Msgid-Bugs-To"] == "i18n@shop.example.org"  # as msginit
        template = polib.pofile(POT_TEXT)
        assert [(e.msgctxt, e.msgid) for e in _live(po)] == [(e.msgctxt, e.msgid) for e in template]
        for entry, ref in zip(_live(po), template, strict=True):
            assert entry.fuzzy, entry.msgid  # every machine result awaits review
            assert [f for f in entry.flags if f != "fuzzy"] == ref.flags
            assert entry.occurrences == ref.occurrences
            if ref.comment:
                assert entry.comment.startswith(ref.comment)
            if entry.msgid_plural:
                assert sorted(entry.msgstr_plural) == list(range(forms))
            assert all(_texts(entry)), entry.msgid
    assert pot.read_text(encoding="utf-8") == POT_TEXT  # the user's template is theirs
    assert not (translated / "locales" / "shop.pot").exists()


def test_placeholders_markup_and_edges_survive_a_model_that_changes_words(translated):
    az = load_po(_catalog(translated, "az"))
    for msgid, pieces in PROTECTED_PIECES.items():
        entry = az.find(msgid)
        for piece in pieces:
            assert entry.msgstr.count(piece) == msgid.count(piece), (piece, entry.msgstr)
    assert az.find("\nExport finished.\n").msgstr.startswith("\n")
    assert az.find("\nExport finished.\n").msgstr.endswith("\n")
    assert sum(e.msgstr != e.msgid for e in _live(az) if not e.msgid_plural) >= 4, "model used"


def test_plural_forms_follow_the_target_rules(translated):
    ru = load_po(_catalog(translated, "ru"))
    entry = ru.find("%(count)d item in your basket")
    one, few, many = (entry.msgstr_plural[i] for i in range(3))
    assert few == many != one  # few and many translate msgid_plural, one the singular
    assert all("%(count)d" in form for form in (one, few, many))
    az = load_po(_catalog(translated, "az"))
    brace = az.find("{count} file was removed")
    assert brace.msgstr_plural[0] != brace.msgstr_plural[1]
    assert all(form.count("{count}") == 1 for form in brace.msgstr_plural.values())


def test_context_keeps_two_entries_of_one_msgid(translated):
    az = load_po(_catalog(translated, "az"))
    mays = [e for e in az if e.msgid == "May" and not e.obsolete]
    assert sorted(e.msgctxt for e in mays) == ["month", "permission"]


def test_rerun_merges_like_msgmerge(translated, run, pot):
    path = _catalog(translated, "az")
    po = load_po(path)
    for entry in po:
        if entry.msgid == "May":
            entry.msgstr = {"month": "May", "permission": "Olar"}[entry.msgctxt]
            entry.flags = []
            entry.tcomment = f"checked ({entry.msgctxt})"
    po.save(str(path))
    pot.write_text(POT_TEXT.replace('msgid "Welcome to the shop"', 'msgid "Welcome back"'), "utf-8")

    result = run("translate", pot, "--to", "az")
    assert result.exit_code == 0, result.output
    after = load_po(path)
    mays = {e.msgctxt: e for e in after if e.msgid == "May" and not e.obsolete}
    assert mays["month"].msgstr == "May" and mays["permission"].msgstr == "Olar"
    assert not mays["month"].fuzzy and mays["permission"].tcomment == "checked (permission)"
    gone = [e for e in after if e.msgid == "Welcome to the shop"]
    assert len(gone) == 1 and gone[0].obsolete
    assert after.find("Welcome back").fuzzy
    assert "2 approved kept" in result.output
    assert msgfmt_check(path).returncode == 0


def test_in_place_fills_the_empty_entries_of_a_po_where_it_is(project, run, catalog_packages):
    template = polib.pofile(POT_TEXT)
    template.metadata["Language"] = "az"
    template.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    template.find("Welcome to the shop").msgstr = "Mağazaya xoş gəlmisiniz"
    template.find("Welcome to the shop").tcomment = "approved by Aysel"
    path = project / "po" / "az.po"
    path.parent.mkdir()
    template.save(str(path))

    result = run("translate", path, "--in-place")
    assert result.exit_code == 0, result.output
    po = load_po(path)
    kept = po.find("Welcome to the shop")
    assert kept.msgstr == "Mağazaya xoş gəlmisiniz" and not kept.fuzzy
    assert kept.tcomment == "approved by Aysel"
    others = [e for e in _live(po) if e.msgid != "Welcome to the shop"]
    assert all(e.fuzzy and all(_texts(e)) for e in others)
    assert not (project / "locales").exists()
    assert msgfmt_check(path).returncode == 0


def test_a_model_that_drops_and_duplicates_placeholders_leaves_empty_fuzzy_entries(
    project, run, pot, catalog_packages
):
    result = run("translate", pot, "--to", "pl")
    assert result.exit_code == 0, result.output
    path = _catalog(project, "pl")
    check = msgfmt_check(path)
    assert check.returncode == 0, check.stderr
    po = load_po(path)
    copied = po.find("Copied %1$s to %2$s.")  # ZX1Q, ZX2Q -> ZX7Q, ZX1Q
    assert copied.msgstr == "" and copied.fuzzy
    assert f"{REJECTED_LABEL}the engine dropped or repeated %2$s" in copied.comment
    order = po.find("Order {order_id} ships on {date}.")
    assert order.msgstr == "" and REJECTED_LABEL in order.comment
    assert po.find("Welcome to the shop").msgstr == "Welcome to the shop"  # no placeholder
    for entry in _live(po):
        for text in _texts(entry):
            if text:  # whatever was kept has every piece exactly as often as its source
                for piece in PROTECTED_PIECES.get(entry.msgid, []):
                    assert text.count(piece) == entry.msgid.count(piece)


def test_a_catalog_with_a_duplicate_entry_is_refused_before_anything_is_written(
    project, run, catalog_packages
):
    path = project / "dup.pot"
    path.write_text(POT_TEXT + '\n#: x.py:1\nmsgctxt "month"\nmsgid "May"\nmsgstr ""\n', "utf-8")
    line = POT_TEXT.count("\n") + 4  # the duplicate's msgid line, as msgfmt reports it
    error = one_line_error(run("translate", path, "--to", "az"))
    assert f"dup.pot:{line}: duplicate message definition" in error
    assert not (project / "locales").exists()
    po = project / "dup.po"
    po.write_text(path.read_text("utf-8").replace('"Generated-By', '"Language: az\\n"\n"Gen'))
    for command in (["check", po], ["stats", po], ["compile", po], ["translate", po, "--in-place"]):
        assert "duplicate message definition" in one_line_error(run(*command))


def test_a_po_syntax_error_names_the_file_and_line(project, run, catalog_packages):
    path = project / "broken.pot"
    path.write_text('msgid "a"\nmsgstr "b"\nwhat is this\n', encoding="utf-8")
    error = one_line_error(run("translate", path, "--to", "az"))
    assert error.startswith("workbench: error: ") and f"{path.name}:3: " in error


def test_a_latin1_po_whose_header_says_so_is_read_as_gettext_does(project, run, catalog_packages):
    text = (
        'msgid ""\nmsgstr ""\n"Language: az\\n"\n'
        '"Content-Type: text/plain; charset=ISO-8859-1\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "Café opens"\nmsgstr "Kafé açılır"\n\nmsgid "Welcome to the shop"\nmsgstr ""\n'
    )
    path = project / "latin1.po"
    path.write_bytes(text.replace("ı", "i").encode("latin-1"))
    result = run("translate", path, "--in-place")
    assert result.exit_code == 0, result.output
    po = load_po(path)  # written back in UTF-8, as the header now says
    assert "charset=UTF-8" in po.metadata["Content-Type"]
    assert po.find("Café opens").msgstr == "Kafé açilir"
    assert po.find("Welcome to the shop").msgstr


def test_documents_and_catalogs_are_not_mixed(project, run, pot, catalog_packages):
    error = one_line_error(run("translate", pot, "seeds/azertac-2020-06-27.fr.txt", "--to", "az"))
    assert "not both" in error


FRENCH_POT = r"""msgid ""
msgstr ""
"Project-Id-Version: agenda 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"X-Source-Language: fr\n"

#, python-format
msgid "Bonjour %(nom)s, le président arrive."
msgstr ""

#, python-format
msgid "%(n)d réunion"
msgid_plural "%(n)d réunions"
msgstr[0] ""
msgstr[1] ""
"""


def test_the_source_language_comes_from_the_header_and_pivots_work(project, run, tiny_packages):
    path = project / "agenda.pot"
    path.write_text(FRENCH_POT, encoding="utf-8")
    result = run("translate", path, "--to", "en,az")
    assert result.exit_code == 0, result.output
    en = load_po(_catalog(project, "en").with_name("agenda.po"))
    az = load_po(_catalog(project, "az").with_name("agenda.po"))
    hello = "Bonjour %(nom)s, le président arrive."
    assert en.find(hello).msgstr == hello  # fr→en: the copy model
    assert en.metadata["X-Source-Language"] == "fr"
    assert "%(nom)s" in az.find(hello).msgstr and az.find(hello).msgstr != hello  # fr→en→az
    assert "MT pivot" in az.find(hello).comment
    for po in (en, az):
        assert msgfmt_check(po.fpath).returncode == 0
