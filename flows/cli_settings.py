"""The project settings as the reviewing commands (``review``, ``schedule``, ``serve``)
read them: found from the working directory upwards, else from the first path named on
the command line (a review of another project's folder uses that project's settings).
A bad settings file is a usage error (exit 2) naming the file and the key."""

from __future__ import annotations

import os
from pathlib import Path

from checks.project_config import ProjectConfig
from flows.cli_console import fail

DEFAULT_CONTENT = "content"
DEFAULT_OUT = "reports/out"


def settings_start(paths: list[str] | None) -> str | None:
    """Where the settings are looked for, when not from the working directory: the folder
    of the first path named, if no settings file is found from here (``copydesk review
    ~/site/content`` run from elsewhere uses the site's settings). None: the working
    directory."""
    from checks.config import ConfigError
    from checks.project_config import find_config_file

    if not paths:
        return None
    try:
        if find_config_file(Path.cwd().resolve()) is not None:
            return None
    except ConfigError:
        return None  # reported by load_settings
    first = Path(paths[0]).resolve()
    folder = first if first.is_dir() else first.parent
    try:
        return str(folder) if find_config_file(folder) is not None else None
    except ConfigError:
        return str(folder)  # its settings are broken: load_settings says how


def load_settings(start: str | None = None) -> ProjectConfig:
    from checks.config import ConfigError
    from checks.project_config import current_config

    try:
        return current_config(Path(start) if start else None)
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
