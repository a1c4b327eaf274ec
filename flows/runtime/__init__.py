"""How a review runs on Prefect: every workaround for Prefect's (and GX's) start-up, processes
and failures, in one place.

The pipeline (``flows.review``, ``flows.reviewing``, ``flows.extract``) says *what* a review
does; this package says how it gets Prefect to do it quickly, quietly and without leaving
processes behind. Each module's docstring says which behaviour it works around and what that
buys. The private Prefect names are used here and nowhere else
(``tests/test_prefect_private.py`` checks both, and fails naming the module when a Prefect
release moves one); ``pyproject.toml`` pins Prefect to the minor version they were written
against.

| module        | works around                                                  | private Prefect names it uses                 |
|---------------|---------------------------------------------------------------|-----------------------------------------------|
| `tempserver`  | a flow run importing and starting Prefect's temporary server  | `PREFECT__SERVER_EPHEMERAL`,                  |
|               | itself (1.5-2.5 s of imports here before its 3-4 s boot), with | `PREFECT__SERVER_FINAL`, `create_app`,        |
|               | block registration, event persister, automations, heartbeats  | `EventsWorker.drain_all`,                     |
|               |                                                               | `refresh_global_settings_context`             |
| `pools`       | `ProcessPoolTaskRunner` spawning each worker to import Prefect | `ProcessPoolTaskRunner._executor`,            |
|               | and spaCy and load the model itself (2.5-3 s of CPU apiece)   | `_subprocess_message_queue`,                  |
|               |                                                               | `_initialize_process_pool_worker`             |
| `preload`     | the same, and a first task importing every Prefect collection | none                                          |
| `startup`     | the server, the fork server and GX starting one after another | none                                          |
| `workers`     | a worker process starting a temporary server of its own       | none                                          |
| `parallel`    | a pool broken for every batch when one worker dies; CPython's | `_executor`, `ProcessPoolExecutor._processes` |
|               | executor hanging on shutdown after a worker was killed        |                                               |
| `prefect_api` | Prefect's client waiting 60 s x 5 retries on a mute server    | none                                          |
| `quiet`       | Prefect's and GX's logs and analytics; Prefect's 20 s server  | none (settings by their environment names)    |
|               | start-up timeout                                              |                                               |
| `lifeline`    | the server, fork server and workers outliving a killed review | none                                          |
| `fastexit`    | the interpreter's teardown of spaCy, pandas, GX and Prefect   | none                                          |

Two more start-up workarounds live outside this package, for the layering's sake:
``checks/deferred_imports.py`` defers modules Great Expectations imports for expectations
copydesk never runs (``checks`` does not import ``flows``), and many modules import Prefect,
GX, spaCy or pandas inside the function that needs them, so that a command that does not
use them does not pay for them.

Importing this package imports nothing: ``preload`` must run its first lines before any
other import of the fork server, and ``lifeline`` runs as a script in the server process.
"""
