"""Benchmark: how often each check fires on human translations (false alarms, mostly).

Django's catalogs are translated and approved by people; a check that fires on one of their
entries is, most of the time, a false alarm. This runs every entry check on every approved
entry of a sample of them (Django's main catalog per language, from the corpus .ci/run fetches
into .cache/corpus) and prints, per check, how many entries it fired on and the rate.

    python bench/check_false_alarms.py                 # the main catalog of every language
    python bench/check_false_alarms.py --every 5       # one language in five: quicker
    python bench/check_false_alarms.py --examples numbers   # what `numbers` fired on
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workbench.core.catalogs.pofile import load_catalog
from workbench.core.checks import CHECKS, catalog_languages, check_entry

CORPUS = Path(__file__).resolve().parent.parent / ".cache" / "corpus"
# Checks that have nothing to judge on approved translations without a glossary or that
# only say an entry is empty.
NOT_MEASURED = frozenset({"untranslated", "glossary"})


@dataclass
class Rates:
    entries: int = 0
    fired: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def rate(self, check: str) -> float:
        return self.fired[check] / self.entries if self.entries else 0.0


def sample_catalogs(corpus: Path = CORPUS, every: int = 1) -> list[Path]:
    """Django's main catalog (django/conf/locale/LANG/LC_MESSAGES/django.po), one in `every`."""
    return sorted((corpus / "django/conf/locale").glob("*/LC_MESSAGES/django.po"))[::every]


def measure(paths: list[Path], *, keep_examples: int = 0) -> Rates:
    """Run every entry check on the approved entries of `paths` (English sources)."""
    rates = Rates()
    for path in paths:
        catalog = load_catalog(path)
        source, target = catalog_languages(catalog, "en")
        for entry in catalog.entries():
            if not entry.msgid or entry.fuzzy or not entry.translated():
                continue
            rates.entries += 1
            fired = {problem.check for problem in check_entry(entry, source, target)}
            rates.fired.update(fired)
            for check in fired:
                shown = rates.examples.setdefault(check, [])
                if len(shown) < keep_examples:
                    shown.append(
                        f"{target}: {entry.msgid!r} -> {entry.msgstr or entry.msgstr_plural!r}"
                    )
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1, help="take one language in N")
    parser.add_argument("--examples", metavar="CHECK", help="print 20 entries CHECK fired on")
    args = parser.parse_args()
    paths = sample_catalogs(every=args.every)
    if not paths:
        sys.exit(f"no corpus in {CORPUS}: run .ci/run (or its corpus step) first")
    rates = measure(paths, keep_examples=20 if args.examples else 0)
    print(f"{rates.entries} approved entries in {len(paths)} catalogs (Django, one per language)")
    for name, check in CHECKS.items():
        if name in NOT_MEASURED:
            continue
        print(
            f"  {name:<16} {check.severity.value:<10} {rates.fired[name]:>6} "
            f"{100 * rates.rate(name):6.2f}%"
        )
    if args.examples:
        for line in rates.examples.get(args.examples, []):
            print(line)


if __name__ == "__main__":
    main()
