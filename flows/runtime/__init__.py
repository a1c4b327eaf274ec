"""How a review runs on Prefect: every workaround for Prefect's (and GX's) start-up, processes
and failures, in one place.

The pipeline (``copydesk.flows.review_flow``, ``copydesk.flows.reviewing``, ``copydesk.flows.extract``) says *what* a review
does; this package says how it gets Prefect to do it quickly, quietly and without leaving
processes behind. Each module's docstring says which behaviour it works around and what that
buys. Prefect's private names are used here and nowhere else:
``tests/unit/test_prefect_private.py`` fails when a module outside this package uses one, and
names the module to adapt when a Prefect release moves one. ``pyproject.toml`` pins Prefect
to the minor version they were written against.

| module        | works around                                   | private Prefect names it uses          |
|---------------|------------------------------------------------|----------------------------------------|
| `tempserver`  | a flow run importing Prefect's server code     | `PREFECT__SERVER_EPHEMERAL`,           |
|               | (1.5-2.5 s) to start its temporary server      | `PREFECT__SERVER_FINAL`, `create_app`, |
|               | (3-4 s), which registers block types, keeps    | `EventsWorker.drain_all`,              |
|               | events, runs automations, takes heartbeats     | `refresh_global_settings_context`      |
| `pools`       | `ProcessPoolTaskRunner` spawning each worker   | `ProcessPoolTaskRunner._executor`,     |
|               | to import Prefect and spaCy and load the model | `_subprocess_message_queue`,           |
|               | itself (2.5-3 s of CPU apiece)                 | `_initialize_process_pool_worker`      |
| `preload`     | the same, and a worker's first task importing  | none                                   |
|               | every installed Prefect collection             |                                        |
| `startup`     | the server, the fork server and GX starting    | none                                   |
|               | one after another                              |                                        |
| `workers`     | a worker process starting a temporary server   | none                                   |
|               | of its own on the same database                |                                        |
| `parallel`    | a pool broken for every batch when a worker    | `_executor`,                           |
|               | dies; CPython's executor hanging on shutdown   | `ProcessPoolExecutor._processes`       |
|               | after a worker was killed                      |                                        |
| `prefect_api` | Prefect's client waiting 60 s x 5 retries on   | none                                   |
|               | a server that never answers                    |                                        |
| `quiet`       | Prefect's and GX's logs and analytics;         | none (settings by environment name)    |
|               | Prefect's 20 s server start-up timeout         |                                        |
| `lifeline`    | the server, fork server and workers outliving  | none                                   |
|               | a killed review; the server's import walked by |                                        |
|               | the cycle collector (2.37 s against 1.93 s)    |                                        |
| `fastexit`    | the interpreter's teardown of spaCy, pandas,   | none                                   |
|               | GX and Prefect at exit                         |                                        |

Two more start-up workarounds live outside this package, for the layering's sake:
``checks/deferred_imports.py`` defers modules Great Expectations imports for expectations
copydesk never runs (``checks`` does not import ``flows``), and many modules import Prefect,
GX, spaCy or pandas inside the function that needs them, so that a command that does not
use them does not pay for them.

Importing this package imports nothing: the fork server imports ``preload``, whose first
lines must run before anything else is imported there.
"""
