"""How the review flow tells a progress bar that articles are done.

A callback cannot be a flow parameter: Prefect serialises a flow run's parameters (into
the API, and into every task sent to a process pool or a Dask cluster), and a terminal
progress bar does not serialise. The CLI registers a listener for the length of its
call instead; a scheduled run, in a process of its own, simply has none.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

Listener = Callable[[int], None]

_listeners: list[Listener] = []


@contextmanager
def listening(listener: Listener) -> Iterator[None]:
    _listeners.append(listener)
    try:
        yield
    finally:
        _listeners.remove(listener)


def advance(articles: int) -> None:
    """``articles`` more articles are extracted (parsed, taken from the cache, or failed)."""
    if articles:
        for listener in list(_listeners):
            listener(articles)
