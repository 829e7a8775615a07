"""Merging a catalog edited elsewhere back into locales/: updates, conflicts, memory, safety."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

import workbench.core.catalogs.importing as catalog_import
from workbench.core.catalogs.importing import import_catalog
from workbench.core.errors import ConflictError, InputError
from workbench.core.memory import TranslationMemory

HEADERS = {
    "Content-Type": "text/plain; charset=UTF-8",
    "Language": "az",
    "X-Source-Language": "fr",
}


def catalog(path: Path, entries: list[polib.POEntry], **headers: str) -> Path:
    po = polib.POFile(wrapwidth=79)
    po.metadata = {**HEADERS, **headers}
    for entry in entries:
        po.append(entry)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return path


def entry(msgid: str, msgstr: str = "", *flags: str, **extra) -> polib.POEntry:
    return polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags), **extra)


@pytest.fixture
def local(tmp_path: Path) -> Path:
    return catalog(
        tmp_path / "locales" / "az" / "LC_MESSAGES" / "news.po",
        [
            entry("Vide.", ""),
            entry("Brouillon.", "Maşın qaralaması.", "fuzzy"),
            entry("Pareil.", "Eyni."),
            entry("Différent.", "Yerli tərcümə."),
            entry("Toujours vide.", ""),
            entry("Parti.", "Getdi.", obsolete=True),
        ],
    )


@pytest.fixture
def incoming(tmp_path: Path) -> Path:
    return catalog(
        tmp_path / "poedit" / "news.po",
        [
            entry("Vide.", "Boş.", tcomment="checked with the editor"),
            entry("Brouillon.", "İnsan tərcüməsi."),
            entry("Pareil.", "Eyni."),
            entry("Différent.", "Onların tərcüməsi."),
            entry("Toujours vide.", "Təklif.", "fuzzy"),
            entry("Nouveau.", "Yeni."),
        ],
        **{"Last-Translator": "Leyla <leyla@example.org>"},
    )


def entries_of(path: Path) -> dict[str, polib.POEntry]:
    return {e.msgid: e for e in polib.pofile(str(path)) if not e.obsolete}


def test_approved_entries_update_the_local_catalog_and_conflicts_keep_the_local_one(
    tmp_path, local, incoming
):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        report = import_catalog(incoming, locales=tmp_path / "locales", memory=memory)
        remembered = {(u.source, u.target, u.created_by) for u in memory.units("fr", "az")}
    assert (report.language, report.domain, report.local) == ("az", "news", local)
    assert (report.updated, report.unchanged, report.suggested) == (2, 1, 1)
    assert report.unknown == ["Nouveau."]
    [conflict] = report.conflicts
    assert (conflict.msgid, conflict.local, conflict.incoming, conflict.kept) == (
        "Différent.",
        "Yerli tərcümə.",
        "Onların tərcüməsi.",
        "local",
    )
    assert conflict.line > 0 and report.unresolved == [conflict]

    merged = entries_of(local)
    assert (merged["Vide."].msgstr, merged["Vide."].flags) == ("Boş.", [])
    assert merged["Vide."].tcomment == "checked with the editor"
    assert (merged["Brouillon."].msgstr, merged["Brouillon."].flags) == ("İnsan tərcüməsi.", [])
    assert merged["Différent."].msgstr == "Yerli tərcümə."
    assert merged["Différent."].tcomment == "import conflict: news.po has: Onların tərcüməsi."
    assert (merged["Toujours vide."].msgstr, merged["Toujours vide."].flags) == (
        "Təklif.",
        ["fuzzy"],
    )
    assert "Parti." in {e.msgid for e in polib.pofile(str(local)) if e.obsolete}
    who = "Leyla <leyla@example.org>"
    assert remembered == {
        ("Vide.", "Boş.", who),
        ("Brouillon.", "İnsan tərcüməsi.", who),
        ("Pareil.", "Eyni.", who),
        ("Nouveau.", "Yeni.", who),
    }
    assert report.remembered == 4


def test_theirs_takes_the_incoming_translation_and_keeps_the_local_one_as_a_comment(
    tmp_path, local, incoming
):
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        report = import_catalog(incoming, locales=tmp_path / "locales", memory=memory, theirs=True)
        remembered = {(u.source, u.target) for u in memory.units("fr", "az")}
    assert [c.kept for c in report.conflicts] == ["incoming"] and report.unresolved == []
    merged = entries_of(local)["Différent."]
    assert merged.msgstr == "Onların tərcüməsi."
    assert merged.tcomment == "import conflict: replaced local translation: Yerli tərcümə."
    assert ("Différent.", "Onların tərcüməsi.") in remembered


def test_importing_twice_changes_nothing_the_second_time(tmp_path, local, incoming):
    import_catalog(incoming, locales=tmp_path / "locales")
    first = local.read_bytes()
    again = import_catalog(incoming, locales=tmp_path / "locales")
    assert local.read_bytes() == first
    assert not again.written
    assert (again.updated, len(again.conflicts)) == (0, 1)


def test_a_local_edit_during_the_import_is_not_overwritten(tmp_path, local, incoming, monkeypatch):
    real_render = catalog_import.render

    def render_while_someone_saves(po: polib.POFile) -> str:
        local.write_text(local.read_text(encoding="utf-8") + "\n# saved meanwhile\n", "utf-8")
        return real_render(po)

    monkeypatch.setattr(catalog_import, "render", render_while_someone_saves)
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        with pytest.raises(ConflictError, match="changed on disk"):
            import_catalog(incoming, locales=tmp_path / "locales", memory=memory)
        assert len(memory) == 0
    assert local.read_text(encoding="utf-8").endswith("# saved meanwhile\n")


def test_a_catalog_edited_in_place_only_feeds_the_memory(tmp_path, local):
    before = local.read_bytes()
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        report = import_catalog(local, locales=tmp_path / "locales", memory=memory)
        assert {(u.source, u.target) for u in memory.units()} == {
            ("Pareil.", "Eyni."),
            ("Différent.", "Yerli tərcümə."),
        }
    assert local.read_bytes() == before
    assert (report.unchanged, report.written) == (2, False)


def test_a_malformed_catalog_is_a_one_line_error_and_nothing_changes(tmp_path, local):
    before = local.read_bytes()
    broken = tmp_path / "poedit" / "news.po"
    broken.parent.mkdir()
    broken.write_text('msgid "Vide."\nmsgstr "Boş.\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a valid PO file") as caught:
        import_catalog(broken, locales=tmp_path / "locales")
    assert "\n" not in str(caught.value)
    assert local.read_bytes() == before


def test_language_and_domain_must_be_known(tmp_path, local):
    no_language = catalog(tmp_path / "in" / "news.po", [entry("Vide.", "Boş.")], Language="")
    with pytest.raises(InputError, match="no Language header"):
        import_catalog(no_language, locales=tmp_path / "locales")
    named_after_language = catalog(tmp_path / "in" / "az.po", [entry("Vide.", "Boş.")])
    with pytest.raises(InputError, match="--domain"):
        import_catalog(named_after_language, locales=tmp_path / "locales")
    report = import_catalog(named_after_language, locales=tmp_path / "locales", domain="news")
    assert report.updated == 1
    elsewhere = catalog(tmp_path / "in" / "other.po", [entry("Vide.", "Boş.")])
    with pytest.raises(InputError, match="no local catalog"):
        import_catalog(elsewhere, locales=tmp_path / "locales")


def test_the_memory_needs_a_source_language(tmp_path, local):
    headers = {"X-Source-Language": ""}
    bare = catalog(tmp_path / "in" / "news.po", [entry("Vide.", "Boş.")], **headers)
    catalog(local, [entry("Vide.", "")], **headers)
    before = local.read_bytes()
    with TranslationMemory(tmp_path / "tm.sqlite") as memory:
        with pytest.raises(InputError, match="--from"):
            import_catalog(bare, locales=tmp_path / "locales", memory=memory)
        assert local.read_bytes() == before
        import_catalog(bare, locales=tmp_path / "locales", memory=memory, source_lang="fr")
        assert [(u.source_lang, u.target) for u in memory.units()] == [("fr", "Boş.")]


def test_plural_entries_are_merged_whole(tmp_path):
    plural = {"msgid_plural": "%d pays (pl)"}
    local = catalog(
        tmp_path / "locales" / "az" / "LC_MESSAGES" / "news.po",
        [polib.POEntry(msgid="%d pays", msgstr_plural={0: "", 1: ""}, **plural)],
    )
    incoming = catalog(
        tmp_path / "in" / "news.po",
        [polib.POEntry(msgid="%d pays", msgstr_plural={0: "%d ölkə", 1: "%d ölkələr"}, **plural)],
    )
    assert import_catalog(incoming, locales=tmp_path / "locales").updated == 1
    [merged] = polib.pofile(str(local))
    assert merged.msgstr_plural == {0: "%d ölkə", 1: "%d ölkələr"}
