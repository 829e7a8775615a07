"""Class 1: sentences longer than the model takes, and models that cannot load or run.

A tiny real package with a 64-row position table makes the limit cheap to reach; the installed
tiny packages (512 rows) carry the note through `workbench translate` into the catalog."""

from __future__ import annotations

import random
import shutil
import zipfile
from pathlib import Path

import polib
import pytest

from tests.support.tiny_argos import build_package, training_corpus
from workbench.core.catalogs.comments import NOTE_LABEL, machine_record
from workbench.core.engines.argos import ArgosEngine, DecodingOptions
from workbench.core.engines.model_limits import (
    MAX_PARTS,
    WORD_START,
    input_pieces_limit,
    part_pieces,
    position_limit,
    split_pieces,
)
from workbench.core.engines.package_files import ModelPackage
from workbench.core.errors import ModelError

POSITIONS = 64
LIMIT = POSITIONS - 2  # the most pieces the model takes (it adds </s>)


@pytest.fixture(scope="module")
def short_model(tmp_path_factory) -> Path:
    """The unpacked folder of a fr→en copy package whose position table has 64 rows."""
    out = tmp_path_factory.mktemp("short")
    package = build_package(out, "fr", "en", training_text=training_corpus(), max_length=POSITIONS)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(out)
    return out / "translate-fr_en"


def engine(folder: Path, **options) -> ArgosEngine:
    return ArgosEngine(ModelPackage("fr", "en", "1.0", path=folder), DecodingOptions(**options))


def test_the_limit_is_read_from_the_model(short_model):
    assert position_limit(short_model / "model") == POSITIONS
    assert input_pieces_limit(POSITIONS) == LIMIT
    assert input_pieces_limit(None) == 1022  # no table: CTranslate2's own input cap
    assert part_pieces(LIMIT, 256) == LIMIT
    assert part_pieces(LIMIT, 24) == 16  # room for a translation longer than its part


@pytest.mark.parametrize(
    "junk",
    [b"", b"\x06\x00\x00\x00", random.Random(64).randbytes(64), b"\xff" * 100],
    ids=["empty", "short header", "random bytes", "all ones"],
)
def test_an_unreadable_model_bin_has_no_known_limit(tmp_path, junk):
    (tmp_path / "model.bin").write_bytes(junk)
    assert position_limit(tmp_path) is None


def _pieces(rng: random.Random, count: int) -> list[str]:
    """Random SentencePiece-like pieces: word starts, word inners, punctuation, UTF-8 bytes."""
    kinds = [
        lambda: WORD_START + rng.choice(["le", "mot", "Bakı", "a"]),
        lambda: rng.choice(["s", "tion", "é"]),
        lambda: rng.choice([",", ";", "."]),
        lambda: rng.choice(["<0xC9>", "<0x99>", "<0xBF>", "<0x80>"]),
    ]
    return [rng.choice(kinds)() for _ in range(count)]


@pytest.mark.parametrize("seed", range(40))
def test_splitting_keeps_every_piece_in_order_within_the_limit(seed):
    rng = random.Random(seed)
    pieces = _pieces(rng, rng.randint(0, 400))
    limit = rng.randint(2, 70)
    chunks = split_pieces(pieces, limit)
    assert [piece for chunk in chunks for piece in chunk] == pieces
    assert all(0 < len(chunk) <= limit for chunk in chunks) or pieces == []
    for chunk in chunks[1:]:
        # A cut inside a character's UTF-8 bytes would decode to U+FFFD on both sides.
        assert chunk[0] not in {"<0x99>", "<0xBF>", "<0x80>"} or all(
            p in {"<0x99>", "<0xBF>", "<0x80>"} for p in pieces[: len(chunk)]
        )


def test_splitting_prefers_punctuation_then_word_starts():
    words = [f"{WORD_START}w{i}" for i in range(12)]
    with_comma = [*words[:7], ",", *words[7:]]
    assert [len(c) for c in split_pieces(with_comma, 10)] == [8, 5]  # after the comma
    assert [len(c) for c in split_pieces(["x", *words], 10)] == [10, 3]  # at a word start
    assert [len(c) for c in split_pieces(["a"] * 25, 10)] == [10, 10, 5]  # hard cuts


SENTENCES = {
    "a 300-character word": "a" * 300,
    "a word of accented letters": "é" * 200,
    "a word of unseen letters (bytes)": "ə" * 100,
    "words without punctuation": " ".join(["mot"] * 100),
    "words with commas": ", ".join(["la session"] * 30) + ".",
    "one piece too many": " ".join(["mot"] * (LIMIT + 1)),
}


@pytest.mark.parametrize("sentence", SENTENCES.values(), ids=SENTENCES.keys())
def test_a_long_sentence_is_translated_in_parts_with_a_note(short_model, sentence):
    # The 24-piece output cap makes 16-piece parts: more joins, less decoding.
    cap = 256 if sentence == SENTENCES["one piece too many"] else 24
    options = {"beam_size": 1, "max_decoding_length": cap}
    [hypotheses] = engine(short_model, **options).translate_batch([sentence], n_best=2)
    assert hypotheses[0].text == sentence  # the copy model gives every part back, joined
    assert "translated in" in hypotheses[0].note and "parts" in hypotheses[0].note
    assert all(h.note == hypotheses[0].note for h in hypotheses)


def test_a_sentence_within_the_limit_has_no_note(short_model):
    sentence = " ".join(["mot"] * 20)
    [[best]] = engine(short_model).translate_batch([sentence])
    assert best.text == sentence and best.note == ""


def test_a_huge_line_is_truncated_past_the_last_part_and_says_so(short_model):
    line = " ".join(["mot"] * 200_000)  # 800 KB, no punctuation
    [[best]] = engine(short_model, beam_size=1, max_decoding_length=6).translate_batch([line])
    assert line.startswith(best.text) and len(best.text) < len(line)
    assert f"translated in {MAX_PARTS} parts" in best.note
    assert "left untranslated" in best.note


def test_a_lower_output_cap_makes_smaller_parts(short_model):
    sentence = " ".join(["mot"] * 100)
    [[best]] = engine(short_model, max_decoding_length=24).translate_batch([sentence])
    assert best.text == sentence and "parts of up to 16;" in best.note


def test_a_sentence_within_the_table_is_whole_whatever_the_output_cap(short_model):
    sentence = " ".join(["mot"] * 15)  # as before: --max-length caps the output only
    [[best]] = engine(short_model, max_decoding_length=24).translate_batch([sentence])
    assert best.note == "" and sentence.startswith(best.text)


def _break(folder: Path, name: str, data: bytes | None) -> None:
    path = folder / name
    if data is None:
        path.unlink()
    else:
        path.write_bytes(data)


JUNK = {
    "random model.bin": ("model/model.bin", random.Random(4096).randbytes(4096)),
    "empty model.bin": ("model/model.bin", b""),
    "model.bin cut short": ("model/model.bin", "half"),
    "no model.bin": ("model/model.bin", None),
    "junk sentencepiece.model": ("sentencepiece.model", random.Random(200).randbytes(200)),
    "junk config.json": ("model/config.json", b"{nope"),
    "junk vocabulary": ("model/shared_vocabulary.json", b"[1, 2"),
    "no vocabulary": ("model/shared_vocabulary.json", None),
}


@pytest.mark.parametrize(("name", "data"), JUNK.values(), ids=JUNK.keys())
def test_a_broken_package_is_one_model_error_naming_it(short_model, tmp_path, name, data):
    folder = tmp_path / "translate-fr_en"
    shutil.copytree(short_model, folder)
    if data == "half":
        data = (folder / name).read_bytes()[:1000]
    _break(folder, name, data)
    with pytest.raises(ModelError) as raised:
        engine(folder).translate_batch(["Bonjour."])
    message = str(raised.value)
    assert "translate-fr_en 1.0" in message and "\n" not in message
    assert "'workbench models remove fr:en' then 'workbench models install fr:en'" in message


@pytest.mark.parametrize(("name", "data"), list(JUNK.values())[:4], ids=list(JUNK)[:4])
def test_translate_with_a_broken_package_is_one_line(
    project, refused, short_model, own_packages, name, data
):
    folder = own_packages / "translate-fr_en"
    shutil.copytree(short_model, folder)
    if data == "half":
        data = (folder / name).read_bytes()[:1000]
    _break(folder, name, data)
    error = refused("translate", "doc.fr.txt", "--to", "en", "--offline", "--no-tm")
    assert "translate-fr_en" in error and "reinstall it" in error


FAST = ("--beam", "1", "--n-best", "1", "--no-tm")  # beam search over long parts is slow


def _entry(lang: str, msgid: str) -> polib.POEntry:
    entry = polib.pofile(f"locales/{lang}/LC_MESSAGES/long.po").find(msgid)
    assert entry is not None
    return entry


def _notes(entry: polib.POEntry) -> list[str]:
    """The engine's notes on an entry, read back as the review reads them."""
    record = machine_record(entry)
    return [note for note in record.notes if note.startswith(NOTE_LABEL)] if record else []


def test_a_3000_character_word_is_translated_whole_with_a_note(project, run, tiny_packages):
    word = ("présidentiel" * 250)[:3000]
    Path("long.fr.txt").write_text(f"Bonjour.\n\n{word}\n", encoding="utf-8")
    result = run("translate", "long.fr.txt", "--to", "en", *FAST)
    assert result.exit_code == 0, result.output
    entry = _entry("en", word)
    assert entry.msgstr == word  # the copy model: every part back, joined without spaces
    [note] = _notes(entry)
    assert note.startswith("MT note: translate-fr_en: the sentence (")
    assert "longer than the model takes (510), so it was translated in" in note
    assert "parts of up to 170;" in note
    assert _notes(_entry("en", "Bonjour.")) == []
    assert msgfmt_ok(Path("locales/en/LC_MESSAGES/long.po"))


def test_the_note_reaches_the_catalog_through_a_pivot(project, run, tiny_packages):
    words = " ".join(["président"] * 700)
    Path("long.fr.txt").write_text(f"{words}\n", encoding="utf-8")
    result = run("translate", "long.fr.txt", "--to", "az", "--max-length", "48", *FAST)
    assert result.exit_code == 0, result.output
    [note] = _notes(_entry("az", words))
    assert note.startswith("MT note: translate-fr_en: the sentence (")
    assert "; translate-en_az: the sentence (" in note  # the second leg's own note


def test_translating_again_replaces_the_note(project, run, tiny_packages):
    Path("long.fr.txt").write_text("b" * 600 + "\n", encoding="utf-8")
    for _ in range(2):
        result = run("translate", "long.fr.txt", "--to", "en", "--max-length", "48", *FAST)
        assert result.exit_code == 0, result.output
    assert len(_notes(_entry("en", "b" * 600))) == 1


def msgfmt_ok(path: Path) -> bool:
    import subprocess

    done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True)
    return done.returncode == 0
