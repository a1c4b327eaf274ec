"""Scale-out: the parsing and checking tasks on a Dask cluster (two worker processes on
this machine here) give the findings and fingerprints of a local run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from copydesk.flows.runtime.quiet import quiet_environment

quiet_environment()  # before Prefect is imported: no INFO lines from its temporary server

distributed = pytest.importorskip("distributed")


def _findings(articles) -> dict[str, list[tuple]]:
    return {
        Path(a.path).name: [(f.rule, f.severity, f.start, f.end, f.fingerprint) for f in a.findings]
        for a in articles
    }


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, silence_logs=40
    ) as local:
        yield local


def test_a_dask_cluster_reviews_like_the_local_runner(cluster, articles_dir, tmp_path, nlp):
    from copydesk.flows.review_flow import review_flow

    shutil.copytree(articles_dir, tmp_path / "articles")
    (tmp_path / "articles" / "empty.md").write_bytes(b"")
    paths = [str(tmp_path / "articles")]
    local = review_flow(paths, out_dir=str(tmp_path / "local"), batch_size=2, use_cache=False).articles
    on_dask = review_flow(
        paths,
        out_dir=str(tmp_path / "dask"),
        batch_size=2,
        use_cache=False,
        runner="dask",
        address=cluster.scheduler_address,
    ).articles
    assert [a.path for a in on_dask] == [a.path for a in local]
    assert _findings(on_dask) == _findings(local)
    assert sum(len(a.findings) for a in on_dask) > 5
    assert [a.errors for a in on_dask] == [a.errors for a in local]
    # the work really ran on the workers: they loaded the model and imported GX
    with distributed.Client(cluster) as client:
        loaded = client.run(_worker_state)
    assert any(model for model, _ in loaded.values())
    assert any(gx for _, gx in loaded.values())


def _worker_state() -> tuple[bool, bool]:
    import sys

    nlp = sys.modules.get("copydesk.flows.extract.nlp")
    return bool(nlp and nlp.load_nlp.cache_info().currsize), "great_expectations" in sys.modules
