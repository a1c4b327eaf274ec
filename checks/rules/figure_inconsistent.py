"""figure-inconsistent: one quantity stated twice with different values."""

from __future__ import annotations

from copydesk.checks.matching import content_words
from copydesk.checks.records import Figure, ReviewedArticle
from copydesk.checks.rules.spec import ArticleView, Check, Fact, Rule


def same_quantity(art: ReviewedArticle) -> dict[str, Figure | None]:
    """For each figure (by id), an earlier figure of the same quantity, if the article has one.

    Same quantity means: the same counted unit (not a bare percentage or currency, which
    too many different things share), the same rate ("a year"), no hedge on either, and
    a content word in common between the two sentences besides the unit.
    """
    out: dict[str, Figure | None] = {}
    seen: list[tuple[Figure, set[str]]] = []
    for f in art.figures:
        match = None
        if f.kind == "count" and f.unit and f.rate and not f.hedge:
            words = content_words(art.text[f.sentence_start : f.sentence_end]) - {f.unit, f.unit.rstrip("s")}
            for g, g_words in seen:
                if (
                    g.unit == f.unit
                    and g.rate == f.rate
                    and not g.hedge
                    and g.value != f.value
                    and words & g_words
                ):
                    match = g
                    break
            seen.append((f, words))
        out[f.id] = match
    return out


def _same_quantity_value(f: Figure, view: ArticleView):
    other = view.once(same_quantity)[f.id]
    return other.value if other else None


def _other_text(f: Figure, view: ArticleView) -> dict:
    other = view.once(same_quantity)[f.id]
    return {"other_text": other.text if other else ""}


RULE = Rule(
    id="figure-inconsistent",
    severity="warning",
    summary="The article states the same quantity twice with different values.",
    help="Make the two figures agree, or say why they differ.",
    message="Figure “{text}” contradicts “{other_text}” stated earlier for the same quantity: make them agree.",
    explanation=(
        "The same quantity (the same thing measured in the same unit) is given two different values in "
        "one article. One of them is wrong, or the article must say why they differ (an estimate "
        "revised, two different years)."
    ),
    fires=(
        "The new plant will treat 40 million litres a day, the council said.\n"
        "\n"
        "The utility later said the plant would treat 55 million litres a day.\n"
    ),
    passes=(
        "The new plant will treat 40 million litres a day, the council said.\n"
        "\n"
        "The utility later said the plant would treat 40 million litres a day.\n"
    ),
    suite="sourcing",
    table="figures",
    reads=("value", "same_quantity_value"),
    facts=(
        Fact(
            "same_quantity_value",
            "the value of an earlier figure of the same quantity in the article, if any",
            _same_quantity_value,
            decided_in="checks/rules/figure_inconsistent.py: same_quantity",
        ),
    ),
    checks=(
        Check(
            "expect_column_pair_values_to_be_equal",
            {
                "column_A": "value",
                "column_B": "same_quantity_value",
                "ignore_row_if": "either_value_is_missing",
            },
        ),
    ),
    details=_other_text,
)
