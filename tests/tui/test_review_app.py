"""The review workbench driven from the keyboard (Textual Pilot) on the translated seed."""

import polib
import pytest
from textual.widgets import TextArea

from tests.support.tiny_argos import expected_translation
from tests.tui.conftest import (
    catalog_file,
    editor_follows,
    load_po,
    loaded,
    settle,
    type_text,
    until,
)
from workbench.core.review import EDITED_LABEL, CellState, StatusFilter
from workbench.tui.screens.dialogs import ChoiceDialog
from workbench.tui.screens.help import HelpScreen
from workbench.tui.screens.review import ReviewScreen

pytestmark = pytest.mark.anyio

SIZE = (80, 24)


def review(app) -> ReviewScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, ReviewScreen)
    return screen


def area(app, lang) -> TextArea:
    return review(app).editor.area(lang)


async def move_to(pilot, row):
    review(pilot.app).table.set_cursor(row)
    await editor_follows(pilot)


def header_text(app) -> str:
    return str(review(app).query_one("#header").content)


async def test_navigate_with_the_keyboard(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session, table = screen.session, screen.table
        assert len(table.view) == len(session) == 18
        assert table.current_index == 0 and app.focused is table
        await pilot.press("down", "down")
        assert table.current_index == 2
        await editor_follows(pilot)
        assert area(app, "en").text == session.cell(2, "en").text
        assert area(app, "az").text == session.cell(2, "az").text
        await pilot.press("up")
        assert table.current_index == 1
        await pilot.press("end")
        assert table.current_index == 17
        await pilot.press("home", "pagedown")
        assert table.current_index > 5
        await pilot.press("home", "enter")
        assert app.focused is area(app, "en")
        await pilot.press("ctrl+down", "ctrl+down")  # rows move while the editor has the focus
        assert table.current_index == 2 and app.focused is area(app, "en")
        await pilot.press("ctrl+up")
        assert table.current_index == 1
        await pilot.press("escape")
        assert app.focused is table
        await pilot.press("right")
        assert screen.current_lang == "az"
        await pilot.press("enter")
        assert app.focused is area(app, "az")


async def test_next_untranslated_fuzzy_and_problem(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session, table = screen.session, screen.table
        await move_to(pilot, 6)
        area(app, "az").clear()  # the translator empties the az text of row 7
        await pilot.pause()
        assert session.cell(6, "az").state is CellState.EMPTY
        await move_to(pilot, 0)
        await pilot.press("u")
        assert table.current_index == 6
        await pilot.press("u")  # the only one: wraps around to itself
        assert table.current_index == 6
        await pilot.press("f")
        assert table.current_index == 7
        await pilot.press("F")
        assert table.current_index == 6
        problem_rows = session.select(StatusFilter.PROBLEMS, ["en", "az"])
        assert problem_rows, "the machine drafts of the seed have problems the checks find"
        await move_to(pilot, 0)
        await pilot.press("p")
        expected = next(i for i in problem_rows if i > 0)
        assert table.current_index == expected
        await pilot.press("P")
        assert table.current_index == (0 if 0 in problem_rows else problem_rows[-1])


async def test_typing_marks_the_row_edited_and_undo_works(make_app, project):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session = screen.session
        original = session.cell(3, "en").text
        await pilot.press("down", "down", "down")
        await editor_follows(pilot)  # the editor shows row 4 once the cursor rests there
        await pilot.press("enter")
        # One undo step is the typing of up to 2 s; a busy machine must not split it in two.
        area(app, "en").history.checkpoint_timer = 60.0
        await type_text(pilot, "Note/? n ")  # printable keys are text in the editor
        await pilot.pause()
        assert session.cell(3, "en").text == "Note/? n " + original
        assert session.cell(3, "en").state is CellState.EDITED
        assert session.cell(3, "en").mark[0] == "✎"
        assert "unsaved" in header_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert area(app, "en").text == original
        assert session.cell(3, "en").text == original
        assert session.cell(3, "en").state is CellState.MACHINE, "undone: a draft again"
        assert not session.dirty and "unsaved" not in header_text(app)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert session.cell(3, "en").text == "Note/? n " + original


async def test_choose_an_alternative_with_a_digit(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        session = review(app).session
        alternatives = session.alternatives(0, "en")
        assert len(alternatives) == 3, "translate keeps the n-best (3) in the catalog"
        await pilot.press("2")
        assert session.cell(0, "en").text == alternatives[1].text
        assert area(app, "en").text == alternatives[1].text
        assert session.cell(0, "en").state is CellState.EDITED
        assert session.alternatives(0, "en")[0] == alternatives[0], "the list stays the same"
        await pilot.press("enter", "alt+3")  # from the editor: Alt+digit
        assert session.cell(0, "en").text == alternatives[2].text
        await pilot.press("ctrl+z")  # a choice is undoable like typing
        await pilot.pause()
        assert session.cell(0, "en").text == alternatives[1].text
        await pilot.press("escape", "9")
        assert session.cell(0, "en").text == alternatives[1].text, "no 9th: nothing changes"


async def test_approve_and_next_in_the_current_language(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session, table = screen.session, screen.table
        await pilot.press("f8")
        assert session.cell(0, "en").state is CellState.APPROVED
        assert session.cell(0, "az").state is CellState.MACHINE, "one language at a time"
        assert table.current_index == 1
        assert "✓1" in header_text(app)
        await pilot.press("enter")
        await type_text(pilot, "Fixed ")
        await pilot.press("f8")  # typed and approved at once: nothing typed is lost
        assert session.cell(1, "en").text.startswith("Fixed ")
        assert session.cell(1, "en").state is CellState.APPROVED
        assert table.current_index == 2
        assert session.counts("en").approved == 2
        await pilot.press("alt+enter")  # Ctrl+Enter's fallback where tmux has no extended keys
        assert session.cell(2, "en").state is CellState.APPROVED
        assert table.current_index == 3
        await pilot.press("escape", "right", "a")  # the current language is now az
        assert session.cell(3, "az").state is CellState.APPROVED
        assert session.cell(3, "en").state is CellState.MACHINE


async def test_approve_every_visible_language_with_its_own_key(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session, table = screen.session, screen.table
        await pilot.press("shift+f8")
        assert session.cell(0, "en").state is CellState.APPROVED
        assert session.cell(0, "az").state is CellState.APPROVED
        assert table.current_index == 1
        await pilot.press("A")  # in the list: every visible language, without moving
        assert session.cell(1, "en").state is session.cell(1, "az").state is CellState.APPROVED
        assert table.current_index == 1


async def test_filter_by_status(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session, table = screen.session, screen.table
        await pilot.press("shift+f8", "shift+f8")  # rows 1 and 2 approved
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("v")  # approved
        await settle(pilot)
        assert table.view == [0, 1]
        assert "filter: approved" in header_text(app)
        await pilot.press("ctrl+l", "t")  # to do
        await settle(pilot)
        assert table.view == list(range(2, 18))
        await pilot.press("ctrl+l", "p")  # problems
        await settle(pilot)
        assert table.view == session.select(StatusFilter.PROBLEMS, ["en", "az"])
        await pilot.press("ctrl+l", "a")
        await settle(pilot)
        assert len(table.view) == 18


async def test_search_source_and_translations(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session, table = screen.session, screen.table
        await pilot.press("ctrl+f")
        await type_text(pilot, "turcique")
        await pilot.press("enter")
        hits = [i for i in range(18) if "turcique" in session.segments[i].text]
        assert table.current_index == hits[0]
        await pilot.press("escape")
        assert app.focused is table
        await pilot.press("n")
        assert table.current_index == hits[1 % len(hits)]
        # translations are searched too: a word only the az translations have
        sources = " ".join(s.text for s in session.segments).casefold()
        az_word = next(
            word
            for i in range(18)
            for word in session.cell(i, "az").text.split()
            if len(word) > 4 and word.casefold() not in sources
        )
        await pilot.press("slash")
        search = screen.query_one("#search")
        search.value = az_word
        await pilot.press("enter")
        assert az_word in session.cell(table.current_index, "az").text


async def test_save_writes_exactly_the_edits(make_app, project):
    before = {lang: load_po(project, lang) for lang in ("en", "az")}
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        session = review(app).session
        await pilot.press("down", "down", "enter")
        await type_text(pilot, "Edited ")
        await pilot.press("escape", "down", "A")  # approve row 4 in en and az
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not session.dirty
        assert "saved en, az" in header_text(app)
    after = {lang: load_po(project, lang) for lang in ("en", "az")}
    third, fourth = session.segments[2].text, session.segments[3].text
    for lang in ("en", "az"):
        changed = {
            new.msgid
            for old, new in zip(before[lang], after[lang], strict=True)
            if (old.msgstr, old.flags) != (new.msgstr, new.flags)
        }
        assert changed == ({third, fourth} if lang == "en" else {fourth})
    edited = after["en"].find(third)
    assert edited.msgstr == "Edited " + before["en"].find(third).msgstr
    assert edited.fuzzy and EDITED_LABEL in edited.comment
    assert not after["az"].find(fourth).fuzzy and not after["en"].find(fourth).fuzzy


async def test_autosave_writes_the_journal_not_the_catalog(make_app, project):
    original = catalog_file(project, "en").read_bytes()
    app = make_app(autosave_delay=0.2)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("f8")
        session = review(app).session
        await until(pilot, session.recovery_path("en").is_file)
        assert session.dirty, "only an explicit save writes catalogs"
        assert catalog_file(project, "en").read_bytes() == original
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not session.recovery_path("en").exists(), "a real save ends the journal"
    assert not load_po(project, "en")[0].fuzzy


async def test_autosave_opted_in_writes_the_catalogs(make_app, project):
    app = make_app(autosave_delay=0.2, autosave=True, translator="Ana Doe <ana@example.org>")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("f8")
        await until(pilot, lambda: not review(app).session.dirty)
    saved = load_po(project, "en")
    assert not saved[0].fuzzy
    assert saved.metadata["Last-Translator"] == "Ana Doe <ana@example.org>"


async def test_external_change_on_save_offers_merge(make_app, project):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        session = review(app).session
        first, second = session.segments[0].text, session.segments[1].text
        await pilot.press("enter")
        await type_text(pilot, "Mine ")
        mine = area(app, "en").text
        path = catalog_file(project, "en")
        po = polib.pofile(str(path))  # someone edits the catalog in Poedit meanwhile
        po.find(second).msgstr = "Theirs."
        po.save(str(path))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog), "a conflict must be shown, not overwritten"
        assert polib.pofile(str(path)).find(first).msgstr != mine, "nothing was written"
        await pilot.press("m")  # merge: keep mine, take theirs
        await settle(pilot)
        assert session.cell(1, "en").text == "Theirs."
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = polib.pofile(str(path))
    assert saved.find(first).msgstr == mine
    assert saved.find(second).msgstr == "Theirs."


async def test_external_change_reload_discards_mine(make_app, project):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        session = review(app).session
        await pilot.press("enter")
        await type_text(pilot, "Mine ")
        path = catalog_file(project, "en")
        po = polib.pofile(str(path))
        po[0].msgstr = "Theirs."
        po.save(str(path))
        await pilot.press("f5")  # look at the disk now
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("r")
        await settle(pilot)
        assert session.cell(0, "en").text == "Theirs."
        assert area(app, "en").text == "Theirs."
        assert not session.dirty


async def test_external_change_without_local_edits_is_reloaded_by_the_watcher(make_app, project):
    app = make_app(disk_check_interval=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        session = review(app).session
        path = catalog_file(project, "az")
        po = polib.pofile(str(path))
        po[2].msgstr = "Başqası."
        po.save(str(path))
        await until(pilot, lambda: session.cell(2, "az").text == "Başqası.")


async def test_quit_with_unsaved_changes_asks(make_app, project):
    original = catalog_file(project, "en").read_bytes()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("f8")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")  # cancel: keep working
        assert isinstance(app.screen, ReviewScreen) and app.is_running
        await pilot.press("ctrl+q", "d")  # quit without saving
        await pilot.pause()
    assert not app.is_running
    assert catalog_file(project, "en").read_bytes() == original


async def test_quit_without_saving_discards_even_with_autosave_due(make_app, project):
    original = {lang: catalog_file(project, lang).read_bytes() for lang in ("en", "az")}
    app = make_app(autosave_delay=60, autosave=True)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("shift+f8", "ctrl+q")
        assert isinstance(app.screen, ChoiceDialog)
        review(app).saver.autosave_now()  # the autosave falls due while the dialog is open
        await settle(pilot)
        assert review(app).session.dirty, "the dialog's answer comes first"
        await pilot.press("d")
        await pilot.pause()
        journal = review(app).session.recovery_path("en")
    assert not app.is_running
    assert {lang: catalog_file(project, lang).read_bytes() for lang in original} == original
    assert not journal.exists()


async def test_unsaved_work_comes_back_after_a_crash(make_app, project):
    original = catalog_file(project, "en").read_bytes()
    app = make_app(autosave_delay=0.1)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("enter")
        await type_text(pilot, "Crash ")
        await until(pilot, review(app).session.recovery_path("en").is_file)
        typed = review(app).session.cell(0, "en").text
        app.exit()  # no question asked: as if the terminal went away
    assert catalog_file(project, "en").read_bytes() == original
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert isinstance(again.screen, ChoiceDialog) and again.screen.id == "recovery-dialog"
        await pilot.press("r")  # restore
        await pilot.pause()
        session = review(again).session
        assert session.cell(0, "en").text == typed
        assert session.cell(0, "en").state is CellState.EDITED and session.dirty
        assert area(again, "en").text == typed
    third = make_app()
    async with third.run_test(size=SIZE) as pilot:  # restored but not saved: offered again
        await loaded(pilot)
        assert isinstance(third.screen, ChoiceDialog)
        await pilot.press("d")  # discard
        await pilot.pause()
        assert not review(third).session.dirty
        assert not review(third).session.recovery_path("en").exists()


async def test_quit_and_save(make_app, project):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("f8")
        await pilot.press("ctrl+q", "s")
        await settle(pilot)
    assert not app.is_running
    assert not load_po(project, "en")[0].fuzzy


async def test_quit_without_changes_does_not_ask(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_machine_translate_a_segment_in_a_worker(make_app, tiny_packages):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        session = review(app).session
        source = session.segments[4].text
        await pilot.press("down", "down", "down", "down")
        await editor_follows(pilot)
        area(app, "en").clear()
        area(app, "az").clear()
        await pilot.pause()
        assert session.cell(4, "en").state is CellState.EMPTY
        await pilot.press("ctrl+t")
        await settle(pilot)
        english = expected_translation(tiny_packages["fr_en"], source)
        assert session.cell(4, "en").text == english
        assert session.cell(4, "az").text == expected_translation(tiny_packages["en_az"], english)
        assert session.cell(4, "en").state is CellState.MACHINE
        assert area(app, "en").text == english
        assert len(session.alternatives(4, "en")) == 3


async def test_machine_translate_every_empty_segment(make_app, tiny_packages):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session = screen.session
        for row in (1, 5):
            await move_to(pilot, row)
            area(app, "en").clear()
            await pilot.pause()
        assert session.counts("en").empty == 2
        await pilot.press("f9")
        await settle(pilot)
        assert session.counts("en").empty == 0
        assert session.cell(5, "en").text == expected_translation(
            tiny_packages["fr_en"], session.segments[5].text
        )


async def test_copy_source_and_insert_a_glossary_term(make_app, project):
    glossary = project / "terms.csv"
    glossary.write_text("fr,en,az\nConseil turcique,Turkic Council,Türk Şurası\n", encoding="utf-8")
    app = make_app(glossaries=[glossary])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session = screen.session
        row = next(i for i in range(18) if "Conseil turcique" in session.segments[i].text)
        await move_to(pilot, row)
        (term,) = [t for t in session.terms(row) if t.source == "Conseil turcique"]
        await pilot.press("ctrl+b")
        assert session.cell(row, "en").text == session.segments[row].text
        area(app, "en").clear()
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert area(app, "en").text == "Turkic Council"
        assert app.focused is area(app, "en")
        (term,) = [t for t in session.terms(row) if t.source == "Conseil turcique"]
        assert term.renderings[0].present is True
        details = str(screen.query_one("#details").content)
        assert "Turkic Council ✓" in details


async def test_switch_the_visible_languages(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        await pilot.press("ctrl+o")
        await until(pilot, lambda: app.screen is not screen)  # the choice of languages
        await pilot.press("2")  # only az
        await until(pilot, lambda: app.screen is screen and screen.shown == ("az",))
        assert screen.current_lang == "az"
        assert screen.table.languages == ("az",)
        assert not screen.editor.target("en").display
        await pilot.press("f8")  # approves az only
        assert screen.session.cell(0, "az").state is CellState.APPROVED
        assert screen.session.cell(0, "en").state is CellState.MACHINE
        await pilot.press("ctrl+o")
        await until(pilot, lambda: app.screen is not screen)
        await pilot.press("a")
        await until(pilot, lambda: screen.shown == ("en", "az"))
        assert screen.editor.target("en").display


async def test_help_screen_lists_the_keys(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_every_action_is_in_the_command_palette(make_app):
    from textual.command import CommandList

    from workbench.tui.keys import palette_entries

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {key.title for key in palette_entries()} <= titles
        await pilot.press("ctrl+p")
        await type_text(pilot, "Copy source")
        hits = app.screen.query_one(CommandList)
        await until(pilot, lambda: hits.option_count > 0)  # and the search is over
        await pilot.press("enter")
        session = review(app).session
        await until(pilot, lambda: session.cell(0, "en").text == session.segments[0].text)


async def test_light_theme(make_app):
    app = make_app(theme="textual-light")
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        assert app.theme == "textual-light"
        app.toggle_theme()
        await pilot.pause()
        assert app.theme == "textual-dark"


async def test_a_broken_catalog_stops_with_one_line(make_app, project):
    catalog_file(project, "az").write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
    assert app.return_code == 2
    assert "not a valid PO file" in app.error and "\n" not in app.error


async def test_the_editor_follows_the_list_cursor_once_it_rests(make_app):
    from workbench.tui.screens.review import ReviewSettings

    app = make_app()
    app.settings = ReviewSettings(autosave_delay=None, disk_check_interval=None, editor_delay=0.5)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session = screen.session
        await pilot.press("down", "down")
        assert screen.table.current_index == 2
        assert screen.editor_pending, "while the cursor moves, only the list is redrawn"
        assert area(app, "en").text == session.cell(0, "en").text
        await editor_follows(pilot)
        assert area(app, "en").text == session.cell(2, "en").text
        await pilot.press("f8")  # an action never works on a stale row
        assert session.cell(2, "en").state is CellState.APPROVED
        assert session.cell(3, "en").state is CellState.MACHINE
        await editor_follows(pilot)
        await pilot.press("enter", "ctrl+down")  # from the editor: the next row at once
        assert not screen.editor_pending
        assert area(app, "en").text == session.cell(4, "en").text


async def test_approvals_feed_the_translation_memory_on_save(make_app, tmp_path):
    from workbench.core.memory import TranslationMemory

    memory_path = tmp_path / "memory.sqlite"
    app = make_app(memory=memory_path)
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        session = review(app).session
        await pilot.press("shift+f8", "ctrl+s")
        await settle(pilot)
    with TranslationMemory(memory_path) as memory:
        matches = memory.lookup(session.segments[0].text, "fr", "az")
    assert [m.target for m in matches] == [session.cell(0, "az").text]


async def test_loading_text_into_the_editor_is_never_an_edit(make_app):
    """The editor loads each row's text; a load handled late (after the cursor moved on, or
    after a language finished loading) once wrote that text, or nothing, over a draft."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        draft = screen.session.cell(0, "en").text
        assert draft
        screen.editor.target("en").show(("",), (), "~", current=True)  # as while en was loading
        screen.editor.target("az").show(("other row's text",), (), "~", current=False)
        await settle(pilot)
        assert screen.session.cell(0, "en").text == draft
        assert screen.session.cell(0, "en").state is CellState.MACHINE
        assert not screen.session.dirty
