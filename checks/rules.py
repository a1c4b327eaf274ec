"""The rule catalog: public, stable rule ids with their default severity, what they mean
for an editor, and what fixes a finding. Messages are templates over the flagged item."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str
    help: str
    message: str  # str.format over the item's fields: text, speaker, value, …


RULES: dict[str, Rule] = {
    r.id: r
    for r in [
        Rule(
            "quote-unattributed",
            "error",
            "A speech quote has no speaker.",
            "Say who said it: name the speaker in the quote's sentence or the one next to it.",
            "Quote {short} has no speaker: say who said it.",
        ),
        Rule(
            "quote-unsourced",
            "warning",
            "A quote of a past public statement has no citation.",
            "Cite where and when it was said: a footnote or a link to the interview, speech or post.",
            "Quote {short} repeats a statement from {statement_year} without a citation: add where it was said.",
        ),
        Rule(
            "quote-anonymous",
            "info",
            "The speaker is not named.",
            "Name the speaker, or say why they cannot be named.",
            "Quote {short} is attributed to an unnamed speaker ({speaker}): name them or explain why not.",
        ),
        Rule(
            "figure-unsourced",
            "error",
            "A statistical figure in the article's own voice has no source.",
            'Add a footnote or link after it, or say who counted ("according to …", "… said").',
            "Figure “{text}” has no source: add a citation or say who counted.",
        ),
        Rule(
            "figure-implausible",
            "warning",
            "Impossible arithmetic: a share above 100 percent, a fall of more than 100 percent.",
            "Check the number: a share cannot exceed the whole, and nothing falls by more than all of it.",
            "Figure “{text}” is impossible as written ({why}): check the number.",
        ),
        Rule(
            "figure-inconsistent",
            "warning",
            "The article states the same quantity twice with different values.",
            "Make the two figures agree, or say why they differ.",
            "Figure “{text}” contradicts “{other_text}” stated earlier for the same quantity: make them agree.",
        ),
        Rule(
            "figure-time-sensitive",
            "info",
            'A running tally in the present tense has no "as of" date.',
            'Add an "as of" date so the figure stays true after publication.',
            'Figure “{text}” is a running tally: add "as of <date>".',
        ),
        Rule(
            "attribution-vague",
            "warning",
            "A claim rests on an unnamed authority.",
            "Name who believes or says it, or cut the attribution.",
            "“{text}” rests on an unnamed authority: name who says it.",
        ),
        Rule(
            "date-future",
            "error",
            "A completed event is dated after the publication date.",
            "Fix the date or the tense: a past event cannot come after publication.",
            "“{text}” is after the publication date ({published}) but told as past: fix the date or the tense.",
        ),
        Rule(
            "date-order",
            "error",
            "A range or sequence runs backwards.",
            "Swap or correct the dates so the range runs forwards.",
            "“{text}” runs backwards: the start is after the end.",
        ),
        Rule(
            "source-predates-claim",
            "warning",
            "A cited source is dated before the event it is cited for.",
            "Cite a source published after the event, or check the dates.",
            "Source [{label}] ({source_year}) is older than the {claim_year} events it is cited for: cite a later source.",
        ),
        Rule(
            "source-mismatch",
            "warning",
            "The citation shares nothing with the claim it is attached to.",
            "Move the marker to the statement the citation supports, or cite the right source.",
            "Source [{label}] does not match this claim; it names things said elsewhere: move or replace it.",
        ),
        Rule(
            "footnote-undefined",
            "error",
            "A footnote marker has no definition.",
            "Add the footnote's definition at the end of the article, or remove the marker.",
            "Footnote [{label}] has no definition: add it or remove the marker.",
        ),
        Rule(
            "footnote-unused",
            "warning",
            "A footnote definition is never cited.",
            "Cite it where it applies, or delete it.",
            "Footnote [{label}] is never cited in the text: cite it or delete it.",
        ),
        Rule(
            "text-hidden-character",
            "warning",
            "The text holds characters a reader cannot see: bidi controls or zero-width characters.",
            "Delete them: a bidi control can show a figure reversed, a zero-width space splits a number "
            "or a name where no reader sees it. (Copied text often brings them.)",
            "Hidden character {names}: delete it.",
        ),
        # Not a GX rule: checks/suppressions.py raises it for an inline directive without a reason.
        Rule(
            "suppression-no-reason",
            "error",
            "An inline suppression gives no reason.",
            "Say why after a colon: <!-- copydesk-disable-next-line RULE: why this is fine -->.",
            "Suppression {text} gives no reason: add one after a colon (RULE: why).",
        ),
    ]
}
