"""footnote-undefined: a footnote marker with no definition."""

from __future__ import annotations

from copydesk.checks.rules.spec import Check, Rule

RULE = Rule(
    id="footnote-undefined",
    severity="error",
    summary="A footnote marker has no definition.",
    help="Add the footnote's definition at the end of the article, or remove the marker.",
    message="Footnote [{label}] has no definition: add it or remove the marker.",
    explanation=(
        'A footnote marker (`[^1]` in Markdown, `[1]` in plain text, `<a href="#fn1">` in HTML) with no '
        "footnote of that label: the reader is sent to a source that is not there."
    ),
    fires="The ferry timetable changes in May.[^1]\n",
    passes=("The ferry timetable changes in May.[^1]\n\n[^1]: Harbour Ferries, summer timetable 2024.\n"),
    suite="footnotes",
    table="citations",
    reads=("kind", "source_id"),
    checks=(
        Check("expect_column_values_to_not_be_null", {"column": "source_id"}, where={"kind": "footnote"}),
    ),
    # The marker is what is wrong, not the claim it is attached to.
    details=lambda c, view: {"start": c.start},
)
