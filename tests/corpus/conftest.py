"""The real corpus: every catalog of Django's wheel, fetched by .ci/run into .cache/corpus/."""

from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / ".cache" / "corpus"


@pytest.fixture(scope="session")
def corpus_catalogs() -> list[Path]:
    """Django's .po files (django/conf/locale and django/contrib/*/locale), sorted."""
    found = sorted(CORPUS.rglob("*.po"))
    if not found:
        pytest.skip(
            f"no corpus in {CORPUS}: .ci/run fetches it (pip download --no-deps django==… "
            f"-d .cache/corpus, then unzips the wheel's locale folders there)"
        )
    return found
