"""`workbench stats` reports how sure the model was of its drafts: quartiles and a histogram."""

import json
import math

import polib

from workbench.core.catalogs.comments import EDITED_NOTE, MT_LABEL
from workbench.core.catalogs.confidence import summarize


def mt_entry(msgid: str, logprob: float | None, *, edited: bool = False) -> polib.POEntry:
    line = f"{MT_LABEL}argos t 1.0 (beam 4); score -0.1000"
    if logprob is not None:
        line += f"; logprob {logprob:.4f}; confidence {math.exp(logprob):.2f}"
    comment = line + (f"\n{EDITED_NOTE}" if edited else "")
    return polib.POEntry(msgid=msgid, msgstr=msgid.upper(), comment=comment, flags=["fuzzy"])


def write(path, entries):
    po = polib.POFile()
    po.metadata = {"Language": "en", "Content-Type": "text/plain; charset=UTF-8"}
    po.extend(entries)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))


def test_stats_reports_the_confidence_distribution(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    logprobs = [-0.05, -0.1, -0.3, -0.7, -1.6]
    entries = [mt_entry(f"phrase {i}", lp) for i, lp in enumerate(logprobs)]
    entries += [
        mt_entry("old comment", None),  # written before confidences: not counted
        mt_entry("edited draft", -2.0, edited=True),  # a person's text now: not the model's
        polib.POEntry(msgid="approved", msgstr="Approved"),
    ]
    write(tmp_path / "locales/en/LC_MESSAGES/news.po", entries)
    result = run("stats")
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if "Confidence:" in line)
    assert "5 drafts" in line and "min 0.20" in line and "median 0.74" in line, line
    assert "max 0.95" in line and "0.8-1.0:2" in line, line
    report = json.loads(run("stats", "--json").output)
    confidence = report["languages"]["en"]["total"]["confidence"]
    assert confidence["drafts"] == 5
    assert confidence["histogram"] == [0, 1, 1, 1, 2]
    assert confidence["median"] == round(math.exp(-0.3), 4)


def test_no_drafts_no_confidence_line(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "locales/en/LC_MESSAGES/news.po", [polib.POEntry(msgid="a", msgstr="A")])
    result = run("stats")
    assert result.exit_code == 0 and "Confidence:" not in result.output
    assert summarize([]) is None


def test_translate_then_stats_through_the_real_model(project, run, tiny_packages):
    result = run("translate", "seeds/azertac-2020-06-27.fr.txt", "--to", "en", "--no-tm")
    assert result.exit_code == 0, result.output
    result = run("stats")
    line = next(line for line in result.output.splitlines() if "Confidence:" in line)
    assert "max 1.00" in line  # the copy model is sure of every sentence
