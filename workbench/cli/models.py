"""`workbench models`: list, install and remove Argos translation packages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from workbench.cli.json_output import echo_json, json_option
from workbench.cli.progress import download_progress, download_reporter
from workbench.core.errors import ModelError


@click.group()
def models() -> None:
    """Manage the offline translation models (Argos Translate packages)."""


@models.command("list")
@click.option(
    "--available", is_flag=True, help="Also list what the Argos index offers (needs internet)."
)
@json_option
def list_models(available: bool, as_json: bool) -> None:
    """Show installed models, and with --available those the index offers."""
    from workbench.core.engines.argos_packages import (
        available_models,
        installed_models,
        packages_dir,
    )

    installed = installed_models()
    if as_json:
        _print_json(installed, available)
        return
    click.echo(f"installed in {packages_dir()}:")
    if not installed:
        click.echo(
            "  (none) — 'workbench models install fr:en' or 'workbench models install FILE.argosmodel'"
        )
    for model in installed:
        click.echo(
            f"  {model.from_code}→{model.to_code}  {model.name} {model.version}  {model.from_name} → {model.to_name}"
        )
    if not available:
        return
    try:
        offered = available_models(refresh=True)
    except ModelError as error:
        click.echo(
            f"available: {error}; 'workbench models install FILE.argosmodel' installs a downloaded package",
            err=True,
        )
        return
    have = {(m.from_code, m.to_code, m.version) for m in installed}
    click.echo("available from the Argos index:")
    for model in sorted(offered, key=lambda m: (m.from_code, m.to_code)):
        mark = " (installed)" if (model.from_code, model.to_code, model.version) in have else ""
        click.echo(
            f"  {model.from_code}:{model.to_code}  {model.name} {model.version}  {model.from_name} → {model.to_name}{mark}"
        )


def _print_json(installed: list[Any], available: bool) -> None:
    """The installed models, and with `available` the index's offer (or why it is missing)."""
    from workbench.core.engines.argos_packages import available_models, packages_dir

    report: dict[str, Any] = {
        "packages_dir": packages_dir(),
        "installed": [_model_json(model) for model in installed],
    }
    if available:
        try:
            report["available"] = [_model_json(m) for m in available_models(refresh=True)]
        except ModelError as error:
            report["available"] = None
            report["available_error"] = str(error)
    echo_json(report)


def _model_json(model: Any) -> dict[str, Any]:
    return {
        "from": model.from_code,
        "to": model.to_code,
        "name": model.name,
        "version": model.version,
        "from_name": model.from_name,
        "to_name": model.to_name,
        "path": model.path,
    }


@models.command("install")
@click.argument("specs", nargs=-1, required=True)
def install(specs: tuple[str, ...]) -> None:
    """Install models: language pairs like fr:en en:az (downloaded), or .argosmodel files."""
    from workbench.core.engines.argos_packages import (
        install_hint,
        install_model_file,
        install_pairs,
    )

    files = [Path(spec) for spec in specs if spec.endswith(".argosmodel") or Path(spec).is_file()]
    pairs = [_pair(spec) for spec in specs if Path(spec) not in files]
    for file in files:
        model = install_model_file(file)
        click.echo(
            f"installed {model.name} {model.version} ({model.from_code}→{model.to_code}) from {file.name}"
        )
    if pairs:
        with download_progress() as bar:
            try:
                done = install_pairs(pairs, progress_for=download_reporter(bar))
            except ModelError as error:
                raise ModelError(f"{error}; {install_hint(pairs)}") from None
        for model in done:
            click.echo(
                f"installed {model.name} {model.version} ({model.from_code}→{model.to_code})"
            )


@models.command("remove")
@click.argument("pairs", nargs=-1, required=True)
def remove(pairs: tuple[str, ...]) -> None:
    """Remove installed models, by pair (fr:en)."""
    from workbench.core.engines.argos_packages import remove_model

    for spec in pairs:
        model = remove_model(*_pair(spec))
        click.echo(f"removed {model.name} {model.version}")


def _pair(spec: str) -> tuple[str, str]:
    from workbench.core.languages import normalise_language

    source, sep, target = spec.partition(":")
    if not sep or not source or not target:
        raise ModelError(f"'{spec}' is neither a language pair like fr:en nor an .argosmodel file")
    return normalise_language(source), normalise_language(target)
