"""The rule catalog: public, stable rule ids with their default severity, what they mean
for an editor, what fixes a finding, and an example that fires and one that does not
(``copydesk rules``, ``copydesk rule ID``, SARIF's rule help). Messages are templates
over the flagged item."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str
    help: str  # how to fix a finding
    message: str  # str.format over the item's fields: text, speaker, value, …
    explanation: str = ""  # what the rule looks for and why it matters, for `copydesk rule`
    # Examples, each a small whole article (Markdown, with front matter when the rule needs
    # a publication date): one the rule flags, and the same text fixed. tests/test_rule_docs.py
    # runs both through the real extraction and checks.
    fires: str = ""
    passes: str = ""
    # For the archive rules: an article already reviewed, in the archive the examples are
    # checked against (tests/test_rule_docs.py indexes it first).
    earlier: str = ""


# The article already in the archive that both archive rules' examples are checked against.
ARCHIVED_EXAMPLE = (
    "---\ntitle: Harbour vote\npublished: 2024-03-01\n---\n\n"
    "“We will not let the harbour become a car park for cruise ships,” Mayor Ana Ruiz "
    "told the council on Monday.\n"
)

RULES: dict[str, Rule] = {
    r.id: r
    for r in [
        Rule(
            "quote-unattributed",
            "error",
            "A speech quote has no speaker.",
            "Say who said it: name the speaker in the quote's sentence or the one next to it.",
            "Quote {short} has no speaker: say who said it.",
            explanation=(
                "A quotation in the article's own voice that nobody is said to have spoken. Readers "
                "cannot weigh words they cannot attach to a person or body; copy that prints them "
                "unattributed presents them as the paper's own. Terms and titles in quotation marks "
                "(scare quotes, “Harbour Lights”) are not speech and are not flagged; a quote "
                "continues the speaker of the quote before it when the text does."
            ),
            fires=("“We will rebuild the pier by spring.”\n\nThe council met on Tuesday.\n"),
            passes="“We will rebuild the pier by spring,” said Mayor Ana Ruiz.\n",
        ),
        Rule(
            "quote-unsourced",
            "warning",
            "A quote of a past public statement has no citation.",
            "Cite where and when it was said: a footnote or a link to the interview, speech or post.",
            "Quote {short} repeats a statement from {statement_year} without a citation: add where it was said.",
            explanation=(
                "A quote of a statement made in an earlier year (a speech, an interview, a post) with "
                "no footnote or link saying where it was made. Old words travel: without a source an "
                "editor cannot check the wording or the context."
            ),
            fires=(
                "---\n"
                "title: Example\n"
                "published: 2024-06-01\n"
                "---\n"
                "In a 2019 speech, Ingrid Falk said: “No town should have to ration water.”\n"
                "\n"
                "She repeated the promise last week.\n"
            ),
            passes=(
                "---\n"
                "title: Example\n"
                "published: 2024-06-01\n"
                "---\n"
                "In a 2019 speech, Ingrid Falk said: “No town should have to ration water.”[^1]\n"
                "\n"
                "[^1]: Falk, speech to the water forum, 12 March 2019.\n"
            ),
        ),
        Rule(
            "quote-anonymous",
            "info",
            "The speaker is not named.",
            "Name the speaker, or say why they cannot be named.",
            "Quote {short} is attributed to an unnamed speaker ({speaker}): name them or explain why not.",
            explanation=(
                "A quote whose speaker is described but not named (“one farmer”, “a senior "
                "official”). That can be right, for a source who would be at risk, but the article "
                "should then say why the speaker is not named."
            ),
            fires="“We are running out of patience,” one farmer said at the meeting.\n",
            passes=("“We are running out of patience,” Lena Holm, a farmer in Edsby, said at the meeting.\n"),
        ),
        Rule(
            "figure-unsourced",
            "error",
            "A statistical figure in the article's own voice has no source.",
            'Add a footnote or link after it, or say who counted ("according to …", "… said").',
            "Figure “{text}” has no source: add a citation or say who counted.",
            explanation=(
                "A statistical figure (a count, an amount, a share, a rate) stated in the article's "
                "own voice with nothing that covers it: no footnote or link after it, no attribution "
                "whose scope reaches it, no data source named in the passage it belongs to. Figures "
                "that assert nothing (a plan, a condition, a question), years, days, clock times, "
                "ages and scores are not flagged."
            ),
            fires="About 900 people use the pier every day.\n",
            passes="About 900 people use the pier every day, according to the harbour authority.\n",
        ),
        Rule(
            "figure-implausible",
            "warning",
            "Impossible arithmetic: a share above 100 percent, a fall of more than 100 percent.",
            "Check the number: a share cannot exceed the whole, and nothing falls by more than all of it.",
            "Figure “{text}” is impossible as written ({why}): check the number.",
            explanation=(
                "A figure that cannot be true as written: a share of a whole above 100 percent, a "
                "fall of more than 100 percent. It is usually a typo or a confusion between percent "
                "and percentage points."
            ),
            fires="Turnout reached 112 percent of registered voters, the election office said.\n",
            passes="Turnout reached 72 percent of registered voters, the election office said.\n",
        ),
        Rule(
            "figure-inconsistent",
            "warning",
            "The article states the same quantity twice with different values.",
            "Make the two figures agree, or say why they differ.",
            "Figure “{text}” contradicts “{other_text}” stated earlier for the same quantity: make them agree.",
            explanation=(
                "The same quantity (the same thing measured in the same unit) is given two different "
                "values in one article. One of them is wrong, or the article must say why they differ "
                "(an estimate revised, two different years)."
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
        ),
        Rule(
            "figure-time-sensitive",
            "info",
            'A running tally in the present tense has no "as of" date.',
            'Add an "as of" date so the figure stays true after publication.',
            'Figure “{text}” is a running tally: add "as of <date>".',
            explanation=(
                "A running tally in the present tense (“so far”, “have joined”, “to date”) without an "
                "“as of” date. It is true the day it is written and wrong soon after; a date keeps it "
                "true in the archive."
            ),
            fires="So far, 640 households have joined the scheme, the council said.\n",
            passes="As of 1 May, 640 households have joined the scheme, the council said.\n",
        ),
        Rule(
            "attribution-vague",
            "warning",
            "A claim rests on an unnamed authority.",
            "Name who believes or says it, or cut the attribution.",
            "“{text}” rests on an unnamed authority: name who says it.",
            explanation=(
                "A claim or stance held by someone the article does not name: a quantifier (“some”, "
                "“many”), a party or nationality, an agent noun (“critics”, “experts”), anonymous "
                "sources, an unnamed poll or study. It is not flagged when the group's members or an "
                "organisation are named, or a named member of the group backs the claim in the same "
                "or the next sentence."
            ),
            fires="Critics say the plan will raise rents.\n",
            passes="Mia Berg, who chairs the tenants' union, says the plan will raise rents.\n",
        ),
        Rule(
            "date-future",
            "error",
            "A completed event is dated after the publication date.",
            "Fix the date or the tense: a past event cannot come after publication.",
            "“{text}” is after the publication date ({published}) but told as past: fix the date or the tense.",
            explanation=(
                "An event told as done (past tense) is dated after the article's publication date "
                "(the front matter's `published`, or a `Published:` line). Forecasts and plans (“will "
                "open in 2031”) are not flagged. Without a publication date the rule cannot run, and "
                "the report says so."
            ),
            fires=(
                "---\n"
                "title: Example\n"
                "published: 2024-06-01\n"
                "---\n"
                "The new library opened in 2025 after a long delay.\n"
            ),
            passes=(
                "---\n"
                "title: Example\n"
                "published: 2024-06-01\n"
                "---\n"
                "The new library opened in 2023 after a long delay.\n"
            ),
        ),
        Rule(
            "date-order",
            "error",
            "A range or sequence runs backwards.",
            "Swap or correct the dates so the range runs forwards.",
            "“{text}” runs backwards: the start is after the end.",
            explanation=(
                "A range (“from 2019 to 2015”) or a sequence of events that must run forwards (“opens "
                "in June 2031 once construction ends in 2033”) runs backwards."
            ),
            fires="The new pool opens in June 2031 once construction ends in 2033.\n",
            passes="The new pool opens in June 2034 once construction ends in 2033.\n",
        ),
        Rule(
            "source-predates-claim",
            "warning",
            "A cited source is dated before the event it is cited for.",
            "Cite a source published after the event, or check the dates.",
            "Source [{label}] ({source_year}) is older than the {claim_year} events it is cited for: cite a later source.",
            explanation=(
                "A footnote or link is dated before the events of the sentence it is cited for: a "
                "2021 document cannot report what happened in 2024. The citation is probably attached "
                "to the wrong sentence, or an older source stands in for the one that reports the "
                "event."
            ),
            fires=(
                "The council approved the harbour budget in March 2024.[^1]\n"
                "\n"
                "[^1]: City Council, harbour plan, 2021.\n"
            ),
            passes=(
                "The council approved the harbour budget in March 2024.[^1]\n"
                "\n"
                "[^1]: City Council, minutes of the March 2024 meeting, 2024.\n"
            ),
        ),
        Rule(
            "source-mismatch",
            "warning",
            "The citation shares nothing with the claim it is attached to.",
            "Move the marker to the statement the citation supports, or cite the right source.",
            "Source [{label}] does not match this claim; it names things said elsewhere: move or replace it.",
            explanation=(
                "A citation whose title shares no content word with the claim it is attached to, but "
                "names things said elsewhere in the article: the marker has probably slipped to the "
                "wrong sentence."
            ),
            fires=(
                "Tomas Berg was named volunteer of the year by the fire brigade.\n"
                "\n"
                "The reservoir fell to 30 percent of capacity in August.[^1]\n"
                "\n"
                "[^1]: “Tomas Berg Named Volunteer of the Year”, Valley Post, 2023.\n"
            ),
            passes=(
                "Tomas Berg was named volunteer of the year by the fire brigade.\n"
                "\n"
                "The reservoir fell to 30 percent of capacity in August.[^1]\n"
                "\n"
                "[^1]: “Reservoir Falls to 30 Percent of Capacity”, Valley Post, 2024.\n"
            ),
        ),
        Rule(
            "footnote-undefined",
            "error",
            "A footnote marker has no definition.",
            "Add the footnote's definition at the end of the article, or remove the marker.",
            "Footnote [{label}] has no definition: add it or remove the marker.",
            explanation=(
                'A footnote marker (`[^1]` in Markdown, `[1]` in plain text, `<a href="#fn1">` in '
                "HTML) with no footnote of that label: the reader is sent to a source that is not "
                "there."
            ),
            fires="The ferry timetable changes in May.[^1]\n",
            passes=(
                "The ferry timetable changes in May.[^1]\n\n[^1]: Harbour Ferries, summer timetable 2024.\n"
            ),
        ),
        Rule(
            "footnote-unused",
            "warning",
            "A footnote definition is never cited.",
            "Cite it where it applies, or delete it.",
            "Footnote [{label}] is never cited in the text: cite it or delete it.",
            explanation=(
                "A footnote that no marker in the text cites: a source left over from an earlier "
                "draft, or a marker that was deleted with its sentence."
            ),
            fires=("Ridership fell last year.\n\n[^1]: Transit Authority, annual report 2023.\n"),
            passes=("Ridership fell last year.[^1]\n\n[^1]: Transit Authority, annual report 2023.\n"),
        ),
        Rule(
            "quote-speaker-conflict",
            "warning",
            "Another reviewed article gives the same quote to a different person.",
            "Check who said it against the source; if both are right (two people said it, a chant), "
            "mark the finding so.",
            "Quote {short} is {speaker}'s here but {other_speaker}'s in {other_article} "
            "({other_published}, line {other_line}): check who said it.",
            explanation=(
                "A speech quote that another reviewed article gives, in the same words, to a "
                "different person (after normalising quotation marks, case, punctuation and "
                "elisions). One of the two attributions is probably wrong, and a misattributed "
                "quote is the error a correction is hardest to live down. Mentions of one person "
                "(“Clinton”, “Hillary Clinton”) are the same person; both speakers must be named "
                "where they are quoted, and a quote of under eight words is never matched."
            ),
            earlier=ARCHIVED_EXAMPLE,
            fires=(
                "---\ntitle: Cruise terminal\npublished: 2024-05-01\n---\n\n"
                "“We will not let the harbour become a car park for cruise ships,” Councillor Tom "
                "Reyes told reporters.\n"
            ),
            passes=(
                "---\ntitle: Cruise terminal\npublished: 2024-05-01\n---\n\n"
                "“We will not let the harbour become a car park for cruise ships,” Ana Ruiz "
                "told reporters.\n"
            ),
        ),
        Rule(
            "quote-wording-drift",
            "warning",
            "Another reviewed article quotes the same speaker in slightly different words.",
            "Check the wording against the source (a transcript, the video) and correct the one "
            "that is wrong; if both are right (the speaker said it twice), mark the finding so.",
            "Quote {short} reads differently in {other_article} ({other_published}, line "
            "{other_line}), also from {other_speaker}: here “{here_marked}”, there “{there_marked}”.",
            explanation=(
                "A speech quote that another reviewed article gives to the same speaker in nearly "
                "the same words: a word changed, dropped or added (at most one word in five). "
                "Punctuation, quotation marks, ellipses and bracketed insertions do not count. "
                "One of the two is a misquote, or a second-hand quote copied with its mistake; "
                "the finding shows both wordings with the difference marked."
            ),
            earlier=ARCHIVED_EXAMPLE,
            fires=(
                "---\ntitle: Cruise terminal\npublished: 2024-05-01\n---\n\n"
                "“We will not let the harbour become a parking lot for cruise ships,” Mayor Ana "
                "Ruiz told reporters.\n"
            ),
            passes=(
                "---\ntitle: Cruise terminal\npublished: 2024-05-01\n---\n\n"
                "“We will not let the harbour become a car park for cruise ships,” Mayor Ana Ruiz "
                "told reporters.\n"
            ),
        ),
        Rule(
            "text-hidden-character",
            "warning",
            "The text holds characters a reader cannot see: bidi controls or zero-width characters.",
            "Delete them: a bidi control can show a figure reversed, a zero-width space splits a number "
            "or a name where no reader sees it. (Copied text often brings them.)",
            "Hidden character {names}: delete it.",
            explanation=(
                "Bidi controls (U+202A-202E, U+2066-2069, U+200E/F, U+061C) and zero-width "
                "characters (U+200B-200D, U+2060, U+FEFF after the start) in the reviewed text. "
                "Nobody sees them, but they change what is shown or read: a right-to-left override "
                "shows “052” as “250”, a zero-width space splits “250” into two numbers for a "
                "search or a screen reader. copydesk reads numbers with them removed and writes "
                "them out as <U+202E> in every report, page and terminal line."
            ),
            fires="The pier repairs will cost 250 million euros, the council\u200b said.\n",
            passes="The pier repairs will cost 250 million euros, the council said.\n",
        ),
        # Not a GX rule: checks/suppressions.py raises it for an inline directive without a reason.
        Rule(
            "suppression-no-reason",
            "error",
            "An inline suppression gives no reason.",
            "Say why after a colon: <!-- copydesk-disable-next-line RULE: why this is fine -->.",
            "Suppression {text} gives no reason: add one after a colon (RULE: why).",
            explanation=(
                "An inline directive (`<!-- copydesk-disable… -->`) that switches rules off without "
                "saying why. It suppresses nothing: a pull request cannot silence the gate without a "
                "reason a reviewer can read."
            ),
            fires=(
                "<!-- copydesk-disable-next-line figure-unsourced -->\n"
                "About 900 people use the pier every day.\n"
            ),
            passes=(
                "<!-- copydesk-disable-next-line figure-unsourced: the harbour's own count, cited in the caption -->\n"
                "About 900 people use the pier every day.\n"
            ),
        ),
    ]
}
