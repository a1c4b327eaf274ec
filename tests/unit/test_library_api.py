"""The library API: ``copydesk.review`` and ``copydesk.extract`` in-process, without Prefect."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import copydesk

ARTICLE = (
    "---\ntitle: Harbour vote\npublished: 2024-03-01\n---\n\n"
    "The harbour board will spend $4.2 million on the new pier.\n\n"
    "“We will not let the harbour become a car park,” Mayor Ana Ruiz told the council on Monday.\n"
)


def _options(tmp_path):
    return copydesk.ReviewOptions(cache_dir=tmp_path / "cache", root=tmp_path)


def test_review_returns_each_article_with_its_findings(tmp_path):
    (tmp_path / "pier.md").write_text(ARTICLE, encoding="utf-8")
    result = copydesk.review([tmp_path / "pier.md"], _options(tmp_path))
    [article] = result.articles
    assert article.article.id == "pier.md"
    assert [f.rule for f in article.findings if f.rule == "figure-unsourced"] == ["figure-unsourced"]
    assert result.parsed == 1 and result.checked == 1
    # The same files again: from the cache, the same findings.
    again = copydesk.review([tmp_path / "pier.md"], _options(tmp_path))
    assert again.parsed == 0 and again.checked == 0  # files named by absolute path: the same ids
    assert [f.rule for f in again.articles[0].findings] == [f.rule for f in article.findings]


def test_a_bad_file_gets_its_error_and_the_others_are_reviewed(tmp_path):
    (tmp_path / "pier.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "broken.md").write_bytes(b"\xff\xfe\x00 not text")
    result = copydesk.review([tmp_path], _options(tmp_path))
    by_id = {a.article.id: a for a in result.articles}
    assert by_id["broken.md"].errors and not by_id["pier.md"].errors
    assert any(f.rule == "figure-unsourced" for f in by_id["pier.md"].findings)


def test_extract_gives_the_json_contract(tmp_path):
    (tmp_path / "pier.md").write_text(ARTICLE, encoding="utf-8")
    [report] = copydesk.extract([tmp_path])
    assert isinstance(report, copydesk.ArticleReport)
    [quote] = [q for q in report.quotes if q.kind == "speech"]
    assert quote.speaker == "Mayor Ana Ruiz"
    assert report.findings is None  # extraction only: no checks ran
    assert copydesk.ArticleReport.model_validate_json(report.model_dump_json()) == report


def test_importing_the_library_does_not_start_prefect():
    code = "import sys, copydesk; print(sorted(m for m in sys.modules if m.split('.')[0] in {'prefect', 'great_expectations', 'spacy'}))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_public_names_load_when_read():
    """``import copydesk`` loads none of the review (``copydesk check`` forks its checker
    right after it); each public name loads its module when it is first read."""
    code = (
        "import sys, copydesk\n"
        "before = 'copydesk.flows.reviewing' in sys.modules\n"
        "options = copydesk.ReviewOptions()\n"
        "print(before, 'copydesk.flows.reviewing' in sys.modules, type(options).__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "True", "ReviewOptions"]
    assert set(copydesk.__all__) <= set(dir(copydesk)) | set(copydesk._PUBLIC)
    with pytest.raises(AttributeError, match="no attribute 'reveiw'"):
        copydesk.reveiw  # noqa: B018  (a misspelt name is an AttributeError, as for any module)


# A review in a fresh process, run from the checkout's root so that the folders flows/,
# checks/ and reports/ are importable as top-level packages there too: a module that still
# imported one by its old name would load a second copy of it (and of its state), which
# shows in sys.modules.
ONE_NAME_EACH = """
import sys
from pathlib import Path
from pathlib import Path

import copydesk
from copydesk.flows.cli.main import command

article, cache = Path(sys.argv[1]), Path(sys.argv[2])
result = copydesk.review([article], copydesk.ReviewOptions(cache_dir=cache, root=article.parent))
assert result.articles[0].findings, "the review found nothing: it did not run"
try:
    command().main(["check", str(article), "--exit-zero", "--quiet"], standalone_mode=False)
except SystemExit as exit:
    assert not exit.code, exit.code
print(sorted({m.split(".")[0] for m in sys.modules} & {"flows", "checks", "reports"}))
"""


def test_every_module_is_imported_under_one_name_only(tmp_path):
    (tmp_path / "pier.md").write_text(ARTICLE, encoding="utf-8")
    root = Path(copydesk.__file__).resolve().parents[1]
    ran = subprocess.run(
        [sys.executable, "-c", ONE_NAME_EACH, str(tmp_path / "pier.md"), str(tmp_path / "cache")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert ran.stdout.strip().splitlines()[-1] == "[]", ran.stdout
