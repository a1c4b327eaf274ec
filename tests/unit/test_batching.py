"""Batches for the parsing workers: every article once, in order; full batches first and
shrinking ones at the end, so that the workers finish together."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from copydesk.flows.batching import MIN_BYTES, plan_batches


def _files(tmp_path: Path, sizes: list[int]) -> list[str]:
    paths = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"a{i:04}.txt"
        path.write_bytes(b"x" * size)
        paths.append(str(path))
    return paths


@settings(max_examples=60, deadline=None)
@given(
    sizes=st.lists(st.integers(0, 60_000), max_size=80),
    workers=st.integers(1, 8),
    max_articles=st.integers(1, 30),
)
def test_every_article_is_planned_once_in_order(tmp_path_factory, sizes, workers, max_articles):
    paths = _files(tmp_path_factory.mktemp("sizes"), sizes)
    batches = plan_batches(paths, workers, max_articles)
    assert [p for batch in batches for p in batch] == paths
    assert all(1 <= len(batch) <= max_articles for batch in batches)


def test_the_last_batches_shrink_so_that_workers_finish_together(tmp_path):
    paths = _files(tmp_path, [5_000] * 336)  # an archive of news articles of ~5 KB
    batches = plan_batches(paths, workers=2, max_articles=20)
    weights = [5_000 * len(batch) for batch in batches]
    assert weights[0] == 100_000  # early batches are full: few tasks
    tail = weights[-6:]
    assert tail == sorted(tail, reverse=True) and tail[-1] <= 3 * MIN_BYTES
    # nothing left for one worker alone that the other could have shared: the last batch
    # is a small fraction of a full one
    assert weights[-1] <= weights[0] / 4
    assert len(batches) < 336 / 20 + 10  # and not a flood of tiny tasks


def test_files_that_cannot_be_read_are_planned_and_weigh_nothing(tmp_path):
    paths = [str(tmp_path / "missing.md"), *_files(tmp_path, [40_000, 40_000])]
    batches = plan_batches(paths, workers=2, max_articles=20)
    assert [p for batch in batches for p in batch] == paths
    assert plan_batches([], workers=2, max_articles=20) == []
