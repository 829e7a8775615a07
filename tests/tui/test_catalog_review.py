"""Reviewing a gettext catalog in the TUI (issue 8 item 6): `workbench open FILE.pot --to az,fr`
and `workbench open FILE.po`, rows are entries, the editor shows what the developers wrote and
one field per plural form, and saving never writes what `msgfmt -c` rejects or duplicates."""

import subprocess
from pathlib import Path

import polib
import pytest
from click.testing import CliRunner
from textual.widgets import Static

from tests.tui.conftest import loaded, settle, type_text, until
from tests.tui.test_review_app import area, review
from workbench.cli import main
from workbench.core.review import CellState

pytestmark = pytest.mark.anyio

SIZE = (120, 40)
TEMPLATE = """\
msgid ""
msgstr ""
"Project-Id-Version: demo 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#. TRANSLATORS: the month, not the verb
#: app/calendar.py:12
msgctxt "month"
msgid "May"
msgstr ""

#: app/calendar.py:30
msgctxt "verb"
msgid "May"
msgstr ""

#: app/files.py:8
#, python-format
msgid "%(count)d file was deleted."
msgid_plural "%(count)d files were deleted."
msgstr[0] ""
msgstr[1] ""

#: app/hello.py:3
#, python-brace-format
msgid "Hello, {name}!"
msgstr ""

#: app/menu.py:5
msgid "Open"
msgstr ""
"""
# Poedit's half-done Azerbaijani catalog: one entry approved, one obsolete with the same msgid
# as a live entry in another context, one obsolete that nothing uses any more.
AZ_HEADER = """\
msgid ""
msgstr ""
"Project-Id-Version: demo 1.0\\n"
"Language: az\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"""
OBSOLETE = """
#~ msgctxt "old"
#~ msgid "May"
#~ msgstr "Mayıs"

#~ msgid "Gone"
#~ msgstr "Getdi"
"""
AZ_CATALOG = (
    AZ_HEADER
    + "\n"
    + TEMPLATE.split("\n\n", 1)[1].replace(
        '"month"\nmsgid "May"\nmsgstr ""', '"month"\nmsgid "May"\nmsgstr "May"'
    )
    + OBSOLETE
)
AZ_PATH = Path("locales/az/LC_MESSAGES/messages.po")


@pytest.fixture
def catalogs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    Path("messages.pot").write_text(TEMPLATE, encoding="utf-8")
    AZ_PATH.parent.mkdir(parents=True)
    AZ_PATH.write_text(AZ_CATALOG, encoding="utf-8")
    return tmp_path


def open_app(document, targets):
    from workbench.tui.app import ReviewApp
    from workbench.tui.screens.review import OpenRequest, ReviewSettings

    request = OpenRequest(document=Path(document), targets=tuple(targets), locales=Path("locales"))
    settings = ReviewSettings(autosave_delay=None, disk_check_interval=None, editor_delay=None)
    return ReviewApp(request, settings)


def msgfmt_check(path: Path) -> None:
    checked = subprocess.run(
        ["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr


def keys_of(path: Path) -> list[tuple[str | None, str, bool]]:
    return [(e.msgctxt, e.msgid, e.obsolete) for e in polib.pofile(str(path)) if e.msgid]


def form_fields(app, lang):
    """(label, text) of every field the editor shows for `lang`."""
    target = review(app).editor.target(lang)
    shown = []
    for editor in target.forms():
        if editor.form == 0 or editor.display:
            label = editor.query_one(".form-label")
            shown.append((str(label.content) if label.display else "", editor.area.text))
    return shown


async def go_to(pilot, index):
    review(pilot.app).table.set_cursor(index)
    await settle(pilot)


async def test_a_template_opens_with_its_entries_and_one_field_per_plural_form(catalogs):
    app = open_app("messages.pot", ["az", "fr"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session = screen.session
        assert [row.key for row in session.segments] == [
            ("month", "May"),
            ("verb", "May"),
            (None, "%(count)d file was deleted."),
            (None, "Hello, {name}!"),
            (None, "Open"),
        ]
        assert session.cell(0, "az").state is CellState.APPROVED  # Poedit's work is there
        assert session.cell(0, "fr").state is CellState.EMPTY  # no fr catalog yet
        details = str(screen.query_one("#details", Static).content)
        assert "Context: month" in details
        assert "Comment: TRANSLATORS: the month, not the verb" in details
        assert "Used in: app/calendar.py:12" in details
        assert form_fields(app, "az") == [("", "May")]  # a singular row: one field, no label

        await go_to(pilot, 2)
        details = str(screen.query_one("#details", Static).content)
        assert "Flags: python-format" in details
        source = str(screen.query_one("#source", Static).content)
        assert "plural: %(count)d files were deleted." in source
        assert [label for label, _ in form_fields(app, "az")] == ["one: 1…", "other: 0, 2, 3…"]
        assert [label for label, _ in form_fields(app, "fr")] == [
            "one: 0, 1…",
            "many: 1000000, 10000000…",
            "other: 2, 3, 4…",
        ]

        await go_to(pilot, 4)  # back to a singular row: the extra fields go away
        assert form_fields(app, "fr") == [("", "")]


async def test_plural_forms_typed_field_by_field_are_saved_msgfmt_clean(catalogs):
    app = open_app("messages.pot", ["az", "fr"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        session = review(app).session
        await go_to(pilot, 2)
        await pilot.press("enter")  # into the first language's first field (az)
        await type_text(pilot, "%(count)d fayl silindi.")
        await pilot.press("tab")  # the next field: az's second form
        await type_text(pilot, "%(count)d fayl silindi!")
        await until(pilot, lambda: all(session.cell(2, "az").forms))
        assert session.cell(2, "az").forms == ("%(count)d fayl silindi.", "%(count)d fayl silindi!")
        await pilot.press("escape", "a")  # approve az
        assert session.cell(2, "az").state is CellState.APPROVED
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not session.dirty)

    catalog = polib.pofile(str(AZ_PATH))
    entry = next(e for e in catalog if e.msgid_plural)
    assert entry.msgstr_plural == {0: "%(count)d fayl silindi.", 1: "%(count)d fayl silindi!"}
    assert not entry.fuzzy
    # nothing duplicated, obsolete entries kept once, contexts apart
    assert keys_of(AZ_PATH) == [
        ("month", "May", False),
        ("verb", "May", False),
        (None, "%(count)d file was deleted.", False),
        (None, "Hello, {name}!", False),
        (None, "Open", False),
        ("old", "May", True),
        (None, "Gone", True),
    ]
    msgfmt_check(AZ_PATH)
    assert not Path("locales/fr/LC_MESSAGES/messages.po").exists()  # fr was not touched


async def test_a_translation_msgfmt_would_reject_is_not_approved(catalogs):
    app = open_app("messages.pot", ["az", "fr"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        screen = review(app)
        session = screen.session
        await go_to(pilot, 3)
        await pilot.press("enter")
        await type_text(pilot, "Salam, {ad}!")  # the placeholder renamed: python-brace-format
        await pilot.press("escape", "a")
        await settle(pilot)
        assert session.cell(3, "az").state is CellState.EDITED  # still a draft
        assert any(p.check == "formats" for p in session.cell(3, "az").problems)
        assert any("msgfmt -c would reject" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not session.dirty)
    entry = polib.pofile(str(AZ_PATH)).find("Hello, {name}!")
    assert entry.msgstr == "Salam, {ad}!" and entry.fuzzy  # kept, as a draft msgfmt skips
    msgfmt_check(AZ_PATH)


async def test_copy_source_fills_each_plural_form_with_the_source_it_translates(catalogs):
    app = open_app("messages.pot", ["fr"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        session = review(app).session
        await go_to(pilot, 2)
        await pilot.press("enter", "tab", "tab")  # fr's third form ("other": the plural)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert session.cell(2, "fr").forms == ("", "", "%(count)d files were deleted.")


async def test_a_catalog_is_reviewed_and_saved_where_it_is(catalogs):
    before = {key for key in keys_of(AZ_PATH)}
    app = open_app(AZ_PATH, ["az"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        session = review(app).session
        assert len(session) == 5  # the live entries; obsolete ones are not rows
        await go_to(pilot, 1)
        await pilot.press("enter")
        await type_text(pilot, "Bilər")
        await pilot.press("escape", "a")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not session.dirty)
        assert area(app, "az").text == "Bilər"
    assert {key for key in keys_of(AZ_PATH)} == before
    verb = next(e for e in polib.pofile(str(AZ_PATH)) if e.msgctxt == "verb")
    assert verb.msgstr == "Bilər" and not verb.fuzzy
    month = next(e for e in polib.pofile(str(AZ_PATH)) if e.msgctxt == "month")
    assert month.msgstr == "May"  # the other context untouched
    header = polib.pofile(str(AZ_PATH)).metadata
    assert "X-Source-Language" not in header  # nothing added to Poedit's header...
    assert header["Plural-Forms"] == "nplurals=2; plural=(n != 1);"  # ...or changed
    msgfmt_check(AZ_PATH)
    assert not Path("locales/az/LC_MESSAGES/az.po").exists()


def test_open_a_catalog_in_another_language_is_refused(catalogs):
    result = CliRunner().invoke(main, ["open", str(AZ_PATH), "--to", "fr"])
    assert result.exit_code == 2
    assert "is the 'az' catalog" in result.output


def test_open_a_catalog_takes_its_own_language(catalogs, monkeypatch):
    opened = []
    monkeypatch.setattr(
        "workbench.cli.open.run_app", lambda request, theme, settings=None: opened.append(request)
    )
    result = CliRunner().invoke(main, ["open", str(AZ_PATH)])
    assert result.exit_code == 0, result.output
    assert opened[0].targets == ("az",) and opened[0].document == AZ_PATH
    result = CliRunner().invoke(main, ["open", "messages.pot"])  # its catalogs' languages
    assert result.exit_code == 0, result.output
    assert opened[1].targets == ("az",)
    AZ_PATH.unlink()
    result = CliRunner().invoke(main, ["open", "messages.pot"])  # none yet: say which
    assert result.exit_code == 2 and "--to" in result.output


async def test_machine_translation_fills_every_plural_form_and_keeps_placeholders(
    catalogs, tiny_packages
):
    app = open_app("messages.pot", ["az"])
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
        session = review(app).session
        await go_to(pilot, 2)
        await pilot.press("ctrl+t")  # this entry, through the real en→az model
        await until(pilot, lambda: session.cell(2, "az").state is not CellState.EMPTY)
        cell = session.cell(2, "az")
        assert cell.state is CellState.MACHINE and len(cell.forms) == 2
        assert all(form.count("%(count)d") == 1 for form in cell.forms), cell.forms
        assert [text for _, text in form_fields(app, "az")] == list(cell.forms)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not session.dirty)
    entry = next(e for e in polib.pofile(str(AZ_PATH)) if e.msgid_plural)
    assert entry.fuzzy and all(entry.msgstr_plural.values())
    msgfmt_check(AZ_PATH)
