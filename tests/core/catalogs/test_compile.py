"""Compiling catalogs to .mo: what gettext reads back, checked against GNU msgfmt itself.

Needs GNU gettext (msgfmt, msgunfmt): `apt-get install gettext`.
"""

import gettext
import subprocess

import pytest

from tests.support.po_catalogs import Entry, write_catalog
from workbench.core.catalogs.compile import CatalogRejectedError, compile_catalogs, mo_path_for
from workbench.core.errors import InputError

ENTRIES = [
    ("Le président a reçu les ambassadeurs.", "The president received the ambassadors."),
    Entry("Pourquoi ?", "Why?", fuzzy=True),
    ("Le rapport est disponible.", ""),
    Entry("La réunion est terminée.", "", fuzzy=True),  # a fuzzy flag with no text: untranslated
    Entry("Ancien texte.", "Old text.", obsolete=True),
    Entry("Ouvrir", "Open (a file)", msgctxt="menu"),
    Entry("%d fichier", msgid_plural="%d fichiers", msgstr_plural={0: "%d file", 1: "%d files"}),
    ("Il a dit « oui » à Bakou.", "He said “yes” in Baku."),
]


def _tool(*args):
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def po(tmp_path):
    return write_catalog(tmp_path / "locales/en/LC_MESSAGES/news.po", ENTRIES)


def test_mo_is_written_next_to_the_po_and_holds_only_approved_translations(po):
    [compiled] = compile_catalogs([po.parent.parent.parent])
    assert compiled.mo_path == po.with_suffix(".mo") == mo_path_for(po)
    assert (compiled.messages, compiled.fuzzy, compiled.untranslated) == (4, 1, 2)
    assert compiled.summary == "4 messages; 1 fuzzy, 2 untranslated left out"
    with compiled.mo_path.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    assert (
        translations.gettext("Le président a reçu les ambassadeurs.")
        == "The president received the ambassadors."
    )
    assert translations.gettext("Il a dit « oui » à Bakou.") == "He said “yes” in Baku."
    assert translations.gettext("Pourquoi ?") == "Pourquoi ?"  # fuzzy: the source shows
    assert translations.gettext("Le rapport est disponible.") == "Le rapport est disponible."
    assert translations.gettext("Ancien texte.") == "Ancien texte."
    assert translations.pgettext("menu", "Ouvrir") == "Open (a file)"
    assert translations.ngettext("%d fichier", "%d fichiers", 1) == "%d file"
    assert translations.ngettext("%d fichier", "%d fichiers", 5) == "%d files"
    assert translations.info()["language"] == "en"


def test_mo_holds_what_msgfmt_would_write(po, tmp_path):
    [compiled] = compile_catalogs([po])
    reference = tmp_path / "msgfmt.mo"
    _tool("msgfmt", "--check-format", "-o", str(reference), str(po))
    # msgunfmt decodes a .mo strictly; both files must decode to the same catalog.
    assert _tool("msgunfmt", str(compiled.mo_path)) == _tool("msgunfmt", str(reference))


def test_check_only_reports_stale_mo_files_and_writes_nothing(po, tmp_path):
    [stale] = compile_catalogs([po], write=False)
    assert not stale.up_to_date and not stale.mo_path.exists()
    compile_catalogs([po])
    [current] = compile_catalogs([po], write=False)
    assert current.up_to_date
    # A .mo that msgfmt wrote is as good as ours: the messages are compared, not the bytes.
    _tool("msgfmt", "-o", str(current.mo_path), str(po))
    assert compile_catalogs([po], write=False)[0].up_to_date
    write_catalog(po, [*ENTRIES, ("Nouvelle phrase.", "New sentence.")])
    assert not compile_catalogs([po], write=False)[0].up_to_date
    current.mo_path.write_bytes(b"not a mo file")
    assert not compile_catalogs([po], write=False)[0].up_to_date
    compile_catalogs([po])
    assert compile_catalogs([po], write=False)[0].up_to_date


def test_a_bad_catalog_stops_everything_before_any_mo_is_written(tmp_path, po):
    broken = tmp_path / "locales/az/LC_MESSAGES/news.po"
    broken.parent.mkdir(parents=True)
    broken.write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a valid PO file"):
        compile_catalogs([tmp_path / "locales"])
    assert not mo_path_for(po).exists()
    assert not mo_path_for(broken).exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match=r"no \.po catalogs in .*empty"):
        compile_catalogs([empty])


PLURALS = [
    ("Bonjour.", "Hello."),
    Entry("%d fichier", msgid_plural="%d fichiers", msgstr_plural={0: "%d file", 1: ""}),
    Entry("%d dossier", msgid_plural="%d dossiers", msgstr_plural={0: "", 1: "%d folders"}),
    Entry("Ouvrir", "Open", msgctxt="menu"),
    Entry("Ouvrir", "Open the door", msgctxt="porte"),
]


def test_partially_translated_plurals_go_in_as_msgfmt_writes_them(tmp_path):
    po = write_catalog(tmp_path / "locales/en/LC_MESSAGES/news.po", PLURALS)
    [compiled] = compile_catalogs([po])
    # msgfmt writes a plural entry whose first form is translated, and leaves out one whose
    # first form is empty, whatever the other forms hold.
    assert (compiled.messages, compiled.untranslated) == (4, 1)
    with compiled.mo_path.open("rb") as handle:
        translations = gettext.GNUTranslations(handle)
    assert translations.ngettext("%d fichier", "%d fichiers", 1) == "%d file"
    assert translations.ngettext("%d dossier", "%d dossiers", 5) == "%d dossiers"
    assert translations.pgettext("porte", "Ouvrir") == "Open the door"
    reference = tmp_path / "msgfmt.mo"
    _tool("msgfmt", "-o", str(reference), str(po))
    assert _tool("msgunfmt", str(compiled.mo_path)) == _tool("msgunfmt", str(reference))


def test_the_header_goes_in_as_the_catalog_writes_it_without_the_template_date(tmp_path):
    po = write_catalog(tmp_path / "locales/en/LC_MESSAGES/news.po", ENTRIES)
    text = po.read_text(encoding="utf-8").replace(
        '"Project-Id-Version: test\\n"',
        '"Project-Id-Version: test\\n"\n"POT-Creation-Date: 2020-06-27 10:00+0000\\n"\n'
        '"X-Zeta: last\\n"\n"Report-Msgid-Bugs-To: \\n"',
    )
    po.write_text(text, encoding="utf-8")
    [compiled] = compile_catalogs([po])
    reference = tmp_path / "msgfmt.mo"
    _tool("msgfmt", "-o", str(reference), str(po))
    ours = _tool("msgunfmt", str(compiled.mo_path))
    assert ours == _tool("msgunfmt", str(reference))
    assert "X-Zeta" in ours and "POT-Creation-Date" not in ours
    assert compile_catalogs([po], write=False)[0].up_to_date


def test_a_catalog_msgfmt_would_refuse_is_refused_before_anything_is_written(tmp_path, po):
    bad = write_catalog(
        tmp_path / "locales/az/LC_MESSAGES/news.po",
        [Entry("%d fichier", msgid_plural="%d fichiers", msgstr_plural={0: "a", 1: "b", 2: "c"})],
        language="az",
    )
    with pytest.raises(CatalogRejectedError) as raised:
        compile_catalogs([tmp_path / "locales"])
    message = str(raised.value)
    assert message.startswith(f"{bad}:")
    assert "3 plural forms" in message and "nplurals = 2" in message
    assert "--force" in message and "\n" not in message
    assert not list((tmp_path / "locales").rglob("*.mo"))
    compiled = compile_catalogs([tmp_path / "locales"], force=True)
    assert all(item.mo_path.exists() for item in compiled)
    assert [len(item.fatal) for item in compiled] == [1, 0]
