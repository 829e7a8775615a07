"""The core and the CLI's start-up must not drag in the terminal UI or the heavy MT stack."""

import subprocess
import sys

HEAVY = ("textual", "ctranslate2", "argostranslate", "torch", "stanza", "click", "rich", "ray")


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint(' '.join(sorted(sys.modules)))"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(output.split())


def test_core_imports_no_front_end_and_no_mt_stack():
    loaded = _loaded_after(
        "import workbench, workbench.core.sources.document, workbench.core.catalogs, workbench.core.pipeline, "
        "workbench.core.engines.argos, workbench.core.engines.argos_packages, "
        "workbench.core.cluster.session, workbench.core.cluster.actor"
    )
    assert not {name for name in loaded if name.split(".")[0] in HEAVY}


def test_cli_help_does_not_load_the_mt_stack_or_textual():
    loaded = _loaded_after(
        "from click.testing import CliRunner\nfrom workbench.cli import main\n"
        "assert CliRunner().invoke(main, ['--help']).exit_code == 0"
    )
    assert not {
        name
        for name in loaded
        if name.split(".")[0] in ("textual", "ctranslate2", "argostranslate", "torch", "ray")
    }
