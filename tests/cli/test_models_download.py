"""Downloading from the Argos index, served from loopback: the online path, for real."""

import functools
import http.server
import json
import threading

import pytest

from tests.support.tiny_argos import build_package, training_corpus


@pytest.fixture
def local_index(tmp_path, monkeypatch):
    """An Argos package index with a de→en package, served on 127.0.0.1."""
    import argostranslate.settings

    served = tmp_path / "served"
    served.mkdir()
    package = build_package(
        served, "de", "en", training_text=training_corpus(), package_version="1.2"
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.log_message = lambda *args: None
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    index = [
        {
            "package_version": "1.2",
            "argos_version": "1.9",
            "from_code": "de",
            "from_name": "German",
            "to_code": "en",
            "to_name": "English",
            "type": "translate",
            "links": [base + package.name],
        },
        {"type": "sbd", "from_code": "de", "links": []},
    ]
    (served / "index.json").write_text(json.dumps(index), encoding="utf-8")
    monkeypatch.setattr(argostranslate.settings, "remote_package_index", base + "index.json")
    # A short poll: shutdown() waits for the loop to look (0.5 s by default, per test).
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_list_available_and_install_a_pair_from_the_index(run, local_index, tiny_packages):
    listed = run("models", "list", "--available")
    assert listed.exit_code == 0
    assert "de:en  translate-de_en 1.2  German → English" in listed.stdout
    result = run("models", "install", "de:en")
    assert result.exit_code == 0, result.output
    assert "installed translate-de_en 1.2" in result.output
    assert "de→en  translate-de_en 1.2" in run("models", "list").output
    assert run("models", "remove", "de:en").exit_code == 0


def test_translate_installs_a_missing_route_on_first_use(run, project, local_index, tiny_packages):
    (project / "brief.de.txt").write_text("Guten Tag. Wie geht es Ihnen?", encoding="utf-8")
    result = run("translate", "brief.de.txt", "--to", "en")
    assert result.exit_code == 0, result.output
    assert "downloading translate-de_en 1.2" in result.stderr
    po = (project / "locales/en/LC_MESSAGES/brief.po").read_text(encoding="utf-8")
    assert 'msgstr "Guten Tag."' in po
    assert run("models", "remove", "de:en").exit_code == 0


def test_an_index_without_the_pair_says_so(run, local_index, tiny_packages):
    result = run("models", "install", "fr:de")
    assert result.exit_code == 2
    assert "the Argos index has no model for fr→de" in result.stderr
