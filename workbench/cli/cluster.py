"""The `--cluster`, `--actors` and `--actor-threads` options of `workbench translate`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def cluster_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(
        (
            click.option(
                "--cluster",
                "cluster",
                is_flag=False,
                flag_value="local",
                default=None,
                metavar="[ADDRESS]",
                help="Translate on Ray: alone, a local Ray sized to this machine; 'auto', "
                "ray://HOST:PORT or HOST:PORT, an existing cluster; 'off': locally, whatever the "
                "project file says. Needs pip install -e '.[cluster]'.",
            ),
            click.option(
                "--actors",
                type=click.IntRange(min=1),
                default=None,
                help="Cluster mode: translators running at once (default: the cluster's CPUs / --actor-threads).",
            ),
            click.option(
                "--actor-threads",
                type=click.IntRange(min=1),
                default=None,
                help="Cluster mode: CPU threads per translator (default 1).",
            ),
        )
    ):
        function = option(function)
    return function


def open_cluster(
    address: str | None, actors: int | None, actor_threads: int | None, locales: Path
) -> Any:
    """The cluster session for this command (closed with the command), or None without --cluster."""
    from workbench.core.cluster.session import ClusterError, ClusterSession, ClusterSettings

    if address == "off":  # the project file asks for a cluster; this run stays here
        return None
    if address is None:
        if actors is not None or actor_threads is not None:
            raise ClusterError("--actors and --actor-threads need --cluster")
        return None
    settings = ClusterSettings(address, actors, actor_threads or 1)
    return click.get_current_context().with_resource(ClusterSession(settings, locales))


def finish_cluster(session: Any, *, quiet: bool = False) -> None:
    """Say what the cluster did (unless `quiet`: --json), and drop the finished job's checkpoint."""
    if session is None:
        return
    session.finish()
    stats = session.stats
    if quiet:
        return
    click.echo(
        f"cluster: {stats.translated} batches translated by {session.actors} actors, "
        f"{stats.resumed} resumed from the checkpoint"
    )
