"""`workbench translate` and `workbench export` end to end, through the real Argos path."""

import pytest

from tests.cli.conftest import load_po, msgfmt_check, one_line_error
from tests.support.tiny_argos import expected_translation
from workbench.core.catalogs.comments import machine_record
from workbench.core.sources.document import load_document

SEED = "seeds/azertac-2020-06-27.fr.txt"
DOMAIN = "azertac-2020-06-27"


@pytest.fixture
def translated(project, run, tiny_packages):
    result = run("translate", SEED, "--to", "en,az")
    assert result.exit_code == 0, result.output
    return project


def test_translate_writes_valid_catalogs_for_direct_and_pivot_routes(
    translated, tiny_packages, seed_path
):
    segments = load_document(seed_path).segments
    distinct = list(dict.fromkeys(s.text for s in segments))
    en = load_po(translated / "locales/en/LC_MESSAGES" / f"{DOMAIN}.po")
    az = load_po(translated / "locales/az/LC_MESSAGES" / f"{DOMAIN}.po")
    assert [e.msgid for e in en] == distinct == [e.msgid for e in az]
    for entry in en:  # fr→en: the copy model
        assert entry.msgstr == entry.msgid
        assert entry.fuzzy
        assert "MT: argos translate-fr_en 1.0 (beam 4); score" in entry.comment
    for entry in az:  # fr→en→az: copy, then the permuted en→az model
        pivot = expected_translation(tiny_packages["fr_en"], entry.msgid)
        assert entry.msgstr == expected_translation(tiny_packages["en_az"], pivot)
        record = machine_record(entry)
        assert (
            record.signature
            == "argos translate-fr_en 1.0 (beam 4) + argos translate-en_az 1.0 (beam 4)"
        )
        assert record.pivot == pivot
    changed = [e for e in az if e.msgstr != e.msgid]
    assert len(changed) > len(az) // 2, "the az model must really be used"
    first = en[0]
    assert first.occurrences == [(SEED, "1")]
    assert en.metadata["Language"] == "en" and az.metadata["Language"] == "az"
    assert az.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert (translated / "locales" / f"{DOMAIN}.pot").exists()
    for path in [
        *translated.glob("locales/*/LC_MESSAGES/*.po"),
        translated / "locales" / f"{DOMAIN}.pot",
    ]:
        check = msgfmt_check(path)
        assert check.returncode == 0, check.stderr


def test_alternatives_are_recorded(translated):
    en = load_po(translated / "locales/en/LC_MESSAGES" / f"{DOMAIN}.po")
    for entry in en:
        alternatives = machine_record(entry).alternatives
        assert len(alternatives) == 3 and alternatives[0].text == entry.msgstr
        assert len({a.text for a in alternatives}) == 3
        assert alternatives[0].score >= alternatives[1].score >= alternatives[2].score


def test_rerun_keeps_approved_work_and_marks_vanished_sentences_obsolete(translated, run):
    path = translated / "locales/en/LC_MESSAGES" / f"{DOMAIN}.po"
    po = load_po(path)
    approved = po[1]
    approved.msgstr, approved.flags, approved.tcomment = "Approved by a human.", [], "checked"
    po.save(str(path))
    seed = translated / SEED
    text = seed.read_text(encoding="utf-8")
    dropped = po[2].msgid
    seed.write_text(text.replace(dropped, "Une phrase toute neuve."), encoding="utf-8")

    result = run("translate", SEED, "--to", "en")
    assert result.exit_code == 0, result.output
    after = load_po(path)
    kept = after.find(approved.msgid)
    assert kept.msgstr == "Approved by a human." and not kept.fuzzy and kept.tcomment == "checked"
    assert after.find(dropped) is None
    assert after.find(dropped, include_obsolete_entries=True).obsolete
    assert after.find("Une phrase toute neuve.").msgstr == "Une phrase toute neuve."
    assert msgfmt_check(path).returncode == 0


def test_no_mt_writes_empty_catalogs_without_any_model(project, run):
    result = run("translate", SEED, "--to", "de", "--no-mt")
    assert result.exit_code == 0, result.output
    po = load_po(project / "locales/de/LC_MESSAGES" / f"{DOMAIN}.po")
    assert len(po) == 18 and all(e.msgstr == "" for e in po)
    assert po.metadata["Language"] == "de"
    assert msgfmt_check(project / "locales/de/LC_MESSAGES" / f"{DOMAIN}.po").returncode == 0


def test_domain_option_names_the_catalog(project, run):
    assert run("translate", SEED, "--to", "de", "--no-mt", "--domain", "news").exit_code == 0
    assert (project / "locales/de/LC_MESSAGES/news.po").exists()
    assert (project / "locales/news.pot").exists()


def test_missing_route_offline_names_the_pair_and_the_install_command(project, run, tiny_packages):
    error = one_line_error(run("translate", SEED, "--to", "de"))
    assert "fr→de" in error
    assert "workbench models install" in error and ".argosmodel" in error
    assert not (project / "locales").exists() or not list(project.glob("locales/**/*.po"))


def test_offline_flag_never_downloads(project, run, tiny_packages):
    error = one_line_error(run("translate", SEED, "--to", "de", "--offline"))
    assert "no model installed for fr→de" in error


@pytest.mark.parametrize(
    ("setup", "args", "expected"),
    [
        (lambda p: None, ["translate", "missing.fr.txt", "--to", "en"], "not found"),
        (
            lambda p: (p / "folder.fr.txt").mkdir(),
            ["translate", "folder.fr.txt", "--to", "en"],
            "is a directory",
        ),
        (
            lambda p: (p / "latin.fr.txt").write_bytes("Déjà vu.".encode("latin-1")),
            ["translate", "latin.fr.txt", "--to", "en"],
            "not UTF-8",
        ),
        (
            lambda p: (p / "empty.fr.txt").write_text(" \n\n", encoding="utf-8"),
            ["translate", "empty.fr.txt", "--to", "en"],
            "is empty",
        ),
        (lambda p: None, ["translate", SEED, "--to", "xx"], "unknown language code 'xx'"),
        (
            lambda p: None,
            ["translate", SEED, "--to", "en", "--from", "zz"],
            "unknown language code 'zz'",
        ),
        (
            lambda p: (p / "blocked").write_text("a file", encoding="utf-8"),
            ["translate", SEED, "--to", "en", "--out", "blocked"],
            "cannot",
        ),
        (
            lambda p: (p / "untitled.txt").write_text("Bonjour.", encoding="utf-8"),
            ["translate", "untitled.txt", "--to", "en"],
            "--from",
        ),
    ],
)
def test_bad_input_gives_one_line_and_writes_nothing(
    project, run, tiny_packages, setup, args, expected
):
    setup(project)
    error = one_line_error(run(*args))
    assert expected in error
    assert not list(project.glob("**/*.po")) and not list(project.glob("**/*.pot"))


def test_a_broken_existing_catalog_is_reported_and_left_alone(project, run, tiny_packages):
    path = project / "locales/en/LC_MESSAGES" / f"{DOMAIN}.po"
    path.parent.mkdir(parents=True)
    path.write_text('msgid "broken\nmsgstr ""\n', encoding="utf-8")
    error = one_line_error(run("translate", SEED, "--to", "en"))
    assert "not a valid PO file" in error
    assert path.read_text(encoding="utf-8") == 'msgid "broken\nmsgstr ""\n'


def test_piped_output_has_no_progress_bar(translated, run):
    result = run("translate", SEED, "--to", "en")
    assert "seg/s" not in result.output and "━" not in result.output
    assert "en: " in result.stdout


def test_export_rebuilds_the_document_with_its_layout(translated, run, seed_text, tiny_packages):
    result = run("export", SEED, "--lang", "en", "--out", "out.en.txt")
    assert result.exit_code == 0, result.output
    assert (translated / "out.en.txt").read_text(encoding="utf-8") == seed_text  # the copy model
    result = run("export", SEED, "--lang", "az", "--out", "-")
    assert result.exit_code == 0
    az_text = result.stdout
    assert az_text.count("\n\n") == seed_text.count("\n\n")
    assert az_text != seed_text
    first_segment = load_document(translated / SEED).segments[1].text
    expected = expected_translation(
        tiny_packages["en_az"], expected_translation(tiny_packages["fr_en"], first_segment)
    )
    assert expected in az_text


def test_export_default_path_and_missing_catalog(translated, run):
    assert run("export", SEED, "--lang", "en").exit_code == 0
    assert (translated / "seeds" / f"{DOMAIN}.en.txt").exists()
    error = one_line_error(run("export", SEED, "--lang", "de"))
    assert "workbench translate" in error


def test_a_terminal_gets_a_progress_bar_with_rate(project, run, tiny_packages, monkeypatch):
    import workbench.cli.progress

    monkeypatch.setattr(workbench.cli.progress, "is_interactive", lambda: True)
    result = run("translate", SEED, "--to", "en,az")
    assert result.exit_code == 0, result.output
    assert "seg/s" in result.stderr
    assert "fr→en" in result.stderr and "fr→en→az" in result.stderr
    assert "18/18" in result.stderr and "36/36" not in result.stderr


def test_several_documents_are_translated_in_one_run_into_a_catalog_each(
    project, run, tiny_packages
):
    (project / "a.fr.txt").write_text("Le sommet a eu lieu. Une phrase.", encoding="utf-8")
    (project / "b.fr.txt").write_text("Le sommet a eu lieu. Autre chose.", encoding="utf-8")
    result = run("translate", "a.fr.txt", "b.fr.txt", "--to", "en")
    assert result.exit_code == 0, result.output
    a = load_po(project / "locales/en/LC_MESSAGES/a.po")
    b = load_po(project / "locales/en/LC_MESSAGES/b.po")
    assert [e.msgid for e in a] == ["Le sommet a eu lieu.", "Une phrase."]
    assert [e.msgid for e in b] == ["Le sommet a eu lieu.", "Autre chose."]
    assert all(e.msgstr == e.msgid and e.fuzzy for e in [*a, *b])
    # approved in a only: b still gets its draft
    entry = a.find("Le sommet a eu lieu.")
    entry.msgstr, entry.flags = "The summit took place.", []
    a.save(str(project / "locales/en/LC_MESSAGES/a.po"))
    stale = b.find("Le sommet a eu lieu.")
    stale.msgstr = "a stale machine draft"  # still fuzzy: the next run must refresh it
    b.save(str(project / "locales/en/LC_MESSAGES/b.po"))
    assert run("translate", "a.fr.txt", "b.fr.txt", "--to", "en", "--no-tm").exit_code == 0
    assert (
        load_po(project / "locales/en/LC_MESSAGES/a.po").find("Le sommet a eu lieu.").msgstr
        == "The summit took place."
    )
    assert (
        load_po(project / "locales/en/LC_MESSAGES/b.po").find("Le sommet a eu lieu.").msgstr
        == "Le sommet a eu lieu."
    )
