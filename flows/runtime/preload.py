"""The fork server's imports: what every pool worker starts with (``copydesk.flows.runtime.pools``).

Works around: a spawned Prefect pool worker imports Prefect and spaCy and loads the model
itself, and at its first task imports every installed Prefect collection.
Buys: each worker is a fork of a process that has done all of it once.

Spawned workers each imported Prefect and spaCy and loaded the model themselves (2.5-3 s
of CPU apiece), and at their first task imported every installed Prefect collection
(the flow's result storage is a block, and looking up a block class loads them all:
prefect-dask brings in distributed), the extractors, and the flow's module, which comes
with the flow run's context that every task carries. Forked from here, they start with all of it, as
the processes of a bare ``nlp.pipe(n_process=N)`` start with the parent's model.

Importing this module does the work: that is how a fork server preloads.
"""

from __future__ import annotations

import os

from copydesk.flows.runtime.lifeline import PARENT_ENV, die_with_parent

# First, before seconds of imports: the fork server ends with the review that started it
# (``copydesk.flows.runtime.pools.start_forkserver`` says which, from its main thread), and so do the
# workers forked from it.
if os.environ.get(PARENT_ENV, "").isdigit():
    die_with_parent(parent=int(os.environ.pop(PARENT_ENV)))
    _forkserver = os.getpid()
    _forking = [0]  # which process is forking: the hooks are inherited by the workers too

    def _note_forker() -> None:
        _forking[0] = os.getpid()

    def _tie_worker() -> None:
        # Right after the fork, before the worker does anything: should the fork server be
        # gone already, the worker ends at once. (A process a worker forks is not tied.)
        if _forking[0] == _forkserver:
            die_with_parent(parent=_forkserver)

    os.register_at_fork(before=_note_forker, after_in_child=_tie_worker)

import prefect.task_engine  # noqa: F401  (runs every task in a worker)
from prefect.plugins import load_prefect_collections

import copydesk.flows.extract.pipeline  # noqa: F401  (what the extraction task runs)
import copydesk.flows.review_flow  # noqa: F401  (unpickled with every task's flow run context)
from copydesk.flows.extract.nlp import warm_up
from copydesk.flows.extraction import warm_worker  # noqa: F401  (each worker's initializer)
from copydesk.flows.runtime.fastexit import skip_teardown

warm_up()
load_prefect_collections()
# The fork server outlives the review by a moment: it need not free the model on its way
# out. (Its forked workers end with os._exit already.)
skip_teardown()
