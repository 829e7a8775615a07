"""Memory before machine: approvals in one catalog fill the next document's catalog."""

from tests.cli.conftest import load_po


def _approve(path, msgid, msgstr):
    po = load_po(path)
    entry = po.find(msgid)
    entry.msgstr, entry.flags = msgstr, []
    po.save(str(path))


def test_an_approval_is_reused_by_the_next_run(project, run, tiny_packages):
    (project / "one.fr.txt").write_text("Bonjour à tous. Le sommet a eu lieu.", encoding="utf-8")
    (project / "two.fr.txt").write_text(
        "Le sommet a eu lieu. Une phrase nouvelle.", encoding="utf-8"
    )
    assert run("translate", "one.fr.txt", "--to", "en", "--tm", "tm.sqlite").exit_code == 0
    _approve(
        project / "locales/en/LC_MESSAGES/one.po", "Le sommet a eu lieu.", "The summit took place."
    )

    result = run("translate", "two.fr.txt", "--to", "en", "--tm", "tm.sqlite")
    assert result.exit_code == 0, result.output
    assert "en: 2 new sentences, 2 drafts written, 1 from memory" in result.stdout
    assert "en sources: 1 exact memory matches, 1 machine-translated" in result.stdout
    two = load_po(project / "locales/en/LC_MESSAGES/two.po")
    reused = two.find("Le sommet a eu lieu.")
    assert reused.msgstr == "The summit took place."
    assert reused.fuzzy, "an exact memory match still awaits review unless --trust-exact"
    assert "TM: 100%" in reused.comment
    assert two.find("Une phrase nouvelle.").msgstr == "Une phrase nouvelle."  # MT (the copy model)

    trusted = run(
        "translate",
        "two.fr.txt",
        "--to",
        "en",
        "--tm",
        "tm.sqlite",
        "--trust-exact",
        "--out",
        "trusted",
    )
    assert trusted.exit_code == 0
    entry = load_po(project / "trusted/en/LC_MESSAGES/two.po").find("Le sommet a eu lieu.")
    assert entry.msgstr == "The summit took place." and not entry.fuzzy


def test_fuzzy_memory_matches_are_offered_as_notes(project, run, tiny_packages):
    (project / "one.fr.txt").write_text("Le sommet du Mouvement a eu lieu hier.", encoding="utf-8")
    (project / "two.fr.txt").write_text(
        "Le sommet du Mouvement a eu lieu avant-hier.", encoding="utf-8"
    )
    assert run("translate", "one.fr.txt", "--to", "en", "--tm", "tm.sqlite").exit_code == 0
    _approve(
        project / "locales/en/LC_MESSAGES/one.po",
        "Le sommet du Mouvement a eu lieu hier.",
        "The Movement's summit took place yesterday.",
    )
    assert run("translate", "two.fr.txt", "--to", "en", "--tm", "tm.sqlite").exit_code == 0
    entry = load_po(project / "locales/en/LC_MESSAGES/two.po").find(
        "Le sommet du Mouvement a eu lieu avant-hier."
    )
    assert entry.msgstr == "Le sommet du Mouvement a eu lieu avant-hier."  # MT, not the fuzzy match
    assert (
        "TM: " in entry.comment
        and "The Movement's summit took place yesterday."
        in entry.comment.replace("\n#. ", " ").replace("\n", " ")
    )


def test_no_tm_ignores_the_memory(project, run, tiny_packages):
    (project / "one.fr.txt").write_text("Le sommet a eu lieu.", encoding="utf-8")
    assert run("translate", "one.fr.txt", "--to", "en", "--tm", "tm.sqlite").exit_code == 0
    _approve(
        project / "locales/en/LC_MESSAGES/one.po", "Le sommet a eu lieu.", "The summit took place."
    )
    added = run("tm", "add", "locales/en/LC_MESSAGES/one.po", "--tm", "tm.sqlite")
    assert added.exit_code == 0, added.output
    (project / "two.fr.txt").write_text("Le sommet a eu lieu.", encoding="utf-8")
    assert (
        run("translate", "two.fr.txt", "--to", "en", "--tm", "tm.sqlite", "--out", "x").exit_code
        == 0
    )
    assert run("translate", "two.fr.txt", "--to", "en", "--no-tm", "--out", "y").exit_code == 0
    assert load_po(project / "x/en/LC_MESSAGES/two.po")[0].msgstr == "The summit took place."
    assert load_po(project / "y/en/LC_MESSAGES/two.po")[0].msgstr == "Le sommet a eu lieu."


def test_feeding_the_memory_keeps_each_catalogs_own_source_language(project, run, tiny_packages):
    import polib

    other = project / "locales/en/LC_MESSAGES/english-notes.po"
    other.parent.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {
        "Language": "en",
        "X-Source-Language": "de",
        "Content-Type": "text/plain; charset=UTF-8",
    }
    po.append(polib.POEntry(msgid="Guten Tag.", msgstr="Good day."))
    po.save(str(other))
    (project / "one.fr.txt").write_text("Bonjour.", encoding="utf-8")
    assert run("translate", "one.fr.txt", "--to", "en", "--tm", "tm.sqlite").exit_code == 0
    lookup = run("tm", "lookup", "Guten Tag.", "--from", "de", "--to", "en", "--tm", "tm.sqlite")
    assert lookup.exit_code == 0 and "Good day." in lookup.output
    wrong = run("tm", "lookup", "Guten Tag.", "--from", "fr", "--to", "en", "--tm", "tm.sqlite")
    assert wrong.exit_code == 1


def test_a_template_entry_reuses_the_memory_only_under_its_own_context(project, run, tiny_packages):
    """Exact needs the same msgctxt; the same msgid under another context is a 99% note."""
    import polib

    approved = polib.POFile()
    approved.metadata = {
        "Language": "en",
        "X-Source-Language": "fr",
        "Content-Type": "text/plain; charset=UTF-8",
    }
    approved.append(polib.POEntry(msgctxt="mois", msgid="Mai", msgstr="May (month)"))
    approved.save(str(project / "calendar-en.po"))
    assert run("tm", "add", "calendar-en.po", "--tm", "tm.sqlite").exit_code == 0
    template = polib.POFile()
    template.metadata = {"Content-Type": "text/plain; charset=UTF-8", "X-Source-Language": "fr"}
    template.append(polib.POEntry(msgctxt="mois", msgid="Mai", msgstr=""))
    template.append(polib.POEntry(msgctxt="prénom", msgid="Mai", msgstr=""))
    template.append(polib.POEntry(msgid="Mai", msgstr=""))
    template.save(str(project / "calendar.pot"))

    result = run("translate", "calendar.pot", "--to", "en", "--tm", "tm.sqlite", "--trust-exact")
    assert result.exit_code == 0, result.output
    assert "en: 3 new entries, 2 drafts written, 1 from memory" in result.stdout  # not sentences
    assert "en sources: 1 exact memory matches, 2 machine-translated (2 with fuzzy" in result.stdout
    po = load_po(project / "locales/en/LC_MESSAGES/calendar.po")
    month, name, bare = (po.find("Mai", msgctxt=context) for context in ("mois", "prénom", None))
    assert (month.msgstr, month.fuzzy) == ("May (month)", False)
    assert "TM: 100% | May (month)" in month.comment
    for other in (name, bare):
        assert other.msgstr == "Mai"  # the copy model's draft, not the other context's unit
        assert other.fuzzy, "a match from another context is never applied, even when trusted"
        assert "TM: 99% | May (month)" in other.comment
