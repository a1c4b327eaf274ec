"""The project settings as the reviewing commands (``review``, ``schedule``, ``serve``)
read them: found from the working directory upwards, as Vale finds its configuration (a
review of another project's folder, run from outside it, uses the settings where it
runs, not that project's). A bad settings file is a usage error (exit 2) naming the file
and the key."""

from __future__ import annotations

import os
from pathlib import Path

from copydesk.checks.project_config import ProjectConfig
from copydesk.flows.cli.console import fail

DEFAULT_CONTENT = "content"
DEFAULT_OUT = "reports/out"


def load_settings() -> ProjectConfig:
    from copydesk.checks.config import ConfigError
    from copydesk.checks.project_config import current_config

    try:
        return current_config()
    except ConfigError as exc:
        raise fail(str(exc)) from None


def default_targets(paths: list[str] | None, settings: ProjectConfig) -> list[str]:
    """The paths named, else where the settings' ``content`` globs can match (as paths
    from here), else ``content``."""
    if paths:
        return paths
    if settings.source is None:
        return [DEFAULT_CONTENT]
    return [_shown(folder) for folder in settings.content_folders()]


def reports_folder(out_dir: str | None, settings: ProjectConfig) -> str:
    """``--out`` if given, else the settings' ``out``, else ``reports/out``."""
    return out_dir or (_shown(Path(settings.out)) if settings.out else DEFAULT_OUT)


def _shown(path: Path) -> str:
    return os.path.relpath(path)  # as the user would type it here (``../content``)
