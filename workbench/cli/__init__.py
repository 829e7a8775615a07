"""The command line: `workbench COMMAND ...`.

Each command group lives in its own module and is imported only when used, so `workbench
--help` and the TUI start fast. Errors the user can act on (WorkbenchError) print one line and
exit with status 2; status 1 is kept for "ran fine, found problems" (checks).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from workbench import __version__
from workbench.core.errors import WorkbenchError

EXIT_PROBLEMS = 1
EXIT_ERROR = 2

# command name -> "module:attribute" of its click command or group
_COMMANDS: dict[str, str] = {
    "translate": "workbench.cli.translate:translate",
    "export": "workbench.cli.export:export",
    "models": "workbench.cli.models:models",
    "glossary": "workbench.cli.glossary:glossary",
    "tm": "workbench.cli.memory:tm",
    "align": "workbench.cli.align:align",
    "check": "workbench.cli.check:check",
    "stats": "workbench.cli.stats:stats",
    "compile": "workbench.cli.compile:compile_catalogs",
    "import": "workbench.cli.import_catalog:import_catalog",
    "open": "workbench.cli.open:open_project",
    "init": "workbench.cli.init:init",
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in _COMMANDS if self._load(name) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return self._load(cmd_name)

    @staticmethod
    def _load(name: str) -> click.Command | None:
        target = _COMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name == module_name:  # a command not built yet
                return None
            raise
        return getattr(module, attribute)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except WorkbenchError as error:
            fail(str(error))
        except KeyboardInterrupt:
            fail("interrupted; files already written are complete, nothing was left half-written")


def fail(message: str, code: int = EXIT_ERROR) -> None:
    """Print `workbench: error: message` on stderr and exit."""
    click.echo(f"workbench: error: {message}", err=True)
    sys.exit(code)


@click.group(cls=LazyGroup, invoke_without_command=True)
@click.version_option(__version__, prog_name="workbench")
@click.pass_context
def main(ctx: click.Context) -> None:
    """A terminal translation and localisation workbench."""
    if ctx.invoked_subcommand is None:
        open_command = LazyGroup._load("open")
        if open_command is None:
            click.echo(ctx.get_help())
            return
        ctx.invoke(open_command)
