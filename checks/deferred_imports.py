"""Great Expectations' import made cheaper: the modules it imports for expectations
copydesk's suites never use are loaded only when something reads them, and the cycle
collector rests while it runs.

Works around: ``import great_expectations`` importing scipy.stats (0.7 s of CPU) and
altair (0.4-0.5 s) for the KL-divergence and Kolmogorov-Smirnov expectations and their
charts, which no copydesk suite runs.
Buys: 1.1-1.2 s of CPU in every process that runs the checks.
And ``collector_paused``: the cycle collector off while GX is imported (1.24 s -> 1.09 s).

A start-up workaround like those in ``flows/runtime/`` (whose docstring lists it), kept
here because ``checks`` never imports ``flows``. ``copydesk.checks.runner`` calls
``defer_unused_gx_imports`` before it imports GX.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager

# Imported by Great Expectations for expectations that no copydesk suite uses (the KL
# divergence and Kolmogorov-Smirnov ones): scipy.stats alone is 0.7 s of the import's CPU.
DEFERRED_IMPORTS = ("scipy.stats",)


def _defer_import(name: str) -> None:
    """Put a module in ``sys.modules`` that is executed at its first attribute access
    (``importlib.util.LazyLoader``), so that importing it costs nothing until it is used.
    Bound on its parent package too: ``from scipy import stats`` then finds it there
    without touching it."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)


# Imported by Great Expectations with a plain ``import altair as alt`` for the charts of
# an expectation no copydesk suite uses (KL divergence): 0.4-0.5 s of CPU, a seventh of
# GX's import. ``LazyLoader`` cannot defer a plain import on Python 3.11 (the import
# statement reads the module's ``__spec__``, which loads it), hence ``_Deferred``.
DEFERRED_PLAIN_IMPORTS = ("altair",)


class _Deferred(types.ModuleType):
    """Stands in ``sys.modules`` for a module until one of its attributes is read: then the
    real module is imported (replacing this one there) and the attribute comes from it."""

    def __getattr__(self, attr: str):
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attr)


def _defer_plain_import(name: str) -> None:
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None:
        return
    stub = _Deferred(name)
    stub.__spec__ = spec  # what ``import`` reads; no _initializing, so it is taken as loaded
    stub.__file__ = spec.origin
    sys.modules[name] = stub


def defer_unused_gx_imports() -> None:
    """Before ``import great_expectations``: stand-ins for the modules it need not load."""
    for name in DEFERRED_IMPORTS:
        _defer_import(name)
    for name in DEFERRED_PLAIN_IMPORTS:
        _defer_plain_import(name)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a while, as it was after.

    Importing Great Expectations creates some hundred thousand objects (pydantic models,
    classes, registries), none of them garbage, and the collector walks them again and
    again as they are made: an eighth of the import's time (measured: 1.24 s against
    1.09 s), which ``copydesk check`` waits for. Here, with no import of its own, so that
    the checker (``copydesk.flows.checker``) can pause it before importing the checks."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
