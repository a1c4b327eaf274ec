"""Load, parse and extract a batch of files: one ``nlp.pipe`` over the batch.

A file that cannot be loaded, or that breaks an extractor, becomes a ``ReviewedArticle``
with an error and no items; the rest of the batch goes on.
"""

from __future__ import annotations

from collections.abc import Iterable

from copydesk.checks.records import ArticleInfo, ReviewedArticle
from copydesk.flows.content import LoadError, load_article
from copydesk.flows.content.article import Article
from copydesk.flows.content.loader import DEFAULT_MAX_BYTES, article_id_for
from copydesk.flows.content.view import ReviewText, build_review_text
from copydesk.flows.extract.document import extract_article
from copydesk.flows.extract.nlp import load_nlp
from copydesk.flows.extract.parsing import parse

# Docs per nlp.pipe step. The parser's working memory grows with the padded batch: 16
# long articles took ~400 MB at once, 4 take ~100 MB, and parse no slower on a CPU.
PIPE_BATCH = 4


def failed(path: str, message: str) -> ReviewedArticle:
    return ReviewedArticle(path, ArticleInfo(article_id_for(path)), errors=[message], reviewed=False)


def extract_batch(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> list[ReviewedArticle]:
    loaded: list[tuple[Article, ReviewText]] = []
    results: dict[str, ReviewedArticle] = {}
    order = list(paths)
    for path in order:
        try:
            article = load_article(path, max_bytes)
            loaded.append((article, build_review_text(article)))
        except LoadError as exc:
            results[path] = failed(path, str(exc))
        except Exception as exc:  # a loader bug must not cost the batch
            results[path] = failed(path, f"internal error while loading: {type(exc).__name__}: {exc}")
    nlp = load_nlp()
    docs = parse(nlp, (view.text for _, view in loaded), PIPE_BATCH)  # long texts in pieces
    for (article, view), doc in zip(loaded, docs, strict=True):
        try:
            results[article.path] = extract_article(article, doc, view)
        except Exception as exc:  # an extractor bug must not cost the batch
            results[article.path] = failed(
                article.path, f"internal error while extracting: {type(exc).__name__}: {exc}"
            )
        finally:
            # The per-Doc caches (copydesk.flows.extract.doccache) hold Spans, which hold the Doc:
            # a cycle that only the garbage collector's rare full passes free. Cut it, so
            # the Doc and its arrays go now, not after a worker has grown by hundreds of MB.
            doc.user_data.clear()
    return [results[p] for p in order]
