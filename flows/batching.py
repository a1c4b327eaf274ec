"""How the articles to parse are cut into batches: one Prefect task, one ``nlp.pipe`` each.

Guided self-scheduling, by bytes: each batch takes about ``1 / (2 x workers)`` of the
bytes not yet planned, at most ``max_articles`` articles and at least ``MIN_BYTES``. Early
batches are full, so a large run pays Prefect's per-task cost (a few API calls) seldom;
the last ones shrink, so the workers finish together instead of one parsing a full batch
of long articles while the others wait. Cutting by count alone left a worker idle for
the last 15% of a run over news articles of uneven length.
"""

from __future__ import annotations

import os

# Most articles per extraction task (``plan_batches`` makes the last ones smaller): each
# task costs Prefect a few API calls, about 0.1 s of a worker's time, so a run of hundreds
# of articles wants tens of tasks, not hundreds.
BATCH_SIZE = 40

# Below this a batch costs more in task bookkeeping than it saves in balance (about two
# news articles).
MIN_BYTES = 12_000


def plan_batches(paths: list[str], workers: int, max_articles: int) -> list[list[str]]:
    """``paths`` in order, cut into batches; every path in exactly one batch."""
    sizes = [_size(p) for p in paths]
    remaining = sum(sizes)
    share = 2 * max(workers, 1)
    batches: list[list[str]] = []
    batch: list[str] = []
    taken = 0
    target = max(remaining / share, MIN_BYTES)
    for path, size in zip(paths, sizes, strict=True):
        batch.append(path)
        taken += size
        if len(batch) >= max_articles or taken >= target:
            batches.append(batch)
            remaining -= taken
            batch, taken = [], 0
            target = max(remaining / share, MIN_BYTES)
    if batch:
        batches.append(batch)
    return batches


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # the loader reports it; here it only weighs nothing
        return 0
