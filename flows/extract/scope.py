"""Which source stands behind each figure: sources have a scope, not just a sentence.

A copy chief reads a source as in force over a stretch of text, not only at the words
that name it (FLAGS-GUIDE.md, figure-unsourced):

- a footnote marker or a link covers the text before it, back to the previous marker in
  its paragraph (DESIGN.md);
- an attribution covers what its frame reports: the whole sentence for "according to X",
  "the census shows", "in that survey"; the reported clause for "X said ..."; the clause
  under a reporting noun for "a Times report that ...";
- a data source (a poll, survey, study, report, data set) also covers the passage that
  goes on reporting its data: the next sentences and paragraphs, for as long as each
  paragraph states figures or refers back to a document, until another data source takes
  over. A person's "X said" covers only what X said.
- a "Source:" line closing a chart or table covers the paragraph above it; a note on how
  a poll was made ("The survey was conducted for AP by Edison Research ...", "The poll
  of 1,003 adults was conducted by telephone ...") covers the data block above it.

Figures that are not asserted (``Figure.mood``) need no source, and a run of parallel
figures in one sentence from one unstated source is one claim, reported on its first
figure (``Figure.parallel``). A figure stated again later in the article (the same
amount of the same thing) is the same claim, judged where it was first stated
(``Figure.restated``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from copydesk.checks.records import Citation, Figure, Source
from copydesk.flows.extract.doccache import sentence_of, text_of
from copydesk.flows.extract.lexicon import (
    ACCUSATION_PREPOSITIONS,
    ACCUSING_VERBS,
    INFORMING_VERBS,
    POLL_NOUNS,
    REPORT_VERBS,
    informing_lemma,
)
from copydesk.flows.extract.sources import DATA_SOURCE_NOUNS, Attribution

SOURCE_LINE = re.compile(r"^\s*(?:sources?|data|figures?)\s*:\s*\S", re.I)
# A passage keeps a data source in force while each paragraph states figures or names a
# document again ("The poll indicates ..."); a paragraph with neither closes it.
BACK_REFERENCE = re.compile(
    r"\b(?:the|that|this|these|its|same)\s+(?:[\w-]+\s+){0,2}?(?:"
    + "|".join(sorted(DATA_SOURCE_NOUNS))
    + r")\b",
    re.I,
)
# Where a figure sits below a verb of saying for the verb to report it.
REPORTED_CONTENT = frozenset({"ccomp", "parataxis"})
REPORTED_OBJECT = frozenset({"dobj", "xcomp", "attr", "oprd", "dative"})
OBJECT_REPORTING_VERBS = (REPORT_VERBS - {"give", "say", "tell", "note", "state", "suggest"}) | frozenset(
    [
        "cite",
        "refer",
        "mention",
        "unveil",
        "release",
        "disclose",
        "interview",
        "poll",
        "model",
        "analyze",
        "analyse",
        "track",
        "tally",
        "compute",
        "quote",
    ]
)
# A sentence opening on a subgroup goes on breaking down the data before it.
SUBGROUP_OPENERS = frozenset({"among", "of", "within", "for"})
DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
# Words every figure sentence shares: no sign of a common topic.
UNIT_WORDS = frozenset(
    {
        "percent",
        "percentage",
        "point",
        "points",
        "million",
        "billion",
        "number",
        "year",
        "month",
        "%",
        "share",
    }
)
CONTENT_PREPOSITIONS = frozenset({"from", "of", "about", "on", "over", "regarding"})
KIND_FAMILY = {"percent": "share", "fraction": "share", "money": "money", "count": "count"}
# Nouns a later sentence refers to a figure by: "Clinton and Trump cited the figure",
# "the mayor mentioned that number".
FIGURE_NOUNS = frozenset({"figure", "number", "statistic", "stat", "estimate", "tally", "count"})


@dataclass(frozen=True)
class Passage:
    """The stretch of clean text a data source stays in force over."""

    start: int
    end: int
    source: Attribution


def cover_figures(
    doc: Doc,
    figures: list[Figure],
    citations: list[Citation],
    attributions: list[Attribution],
    paragraphs: list[tuple[int, int]],
    headline: tuple[int, int] | None = None,
) -> list[Source]:
    """Set ``sources``, ``carried``, ``parallel`` and ``restated`` on each figure; return
    the inline sources that cover at least one figure (offsets into the clean text).
    ``headline``: where the article's title is in the text, if it has one."""
    inline: dict[int, Source] = {}
    covering: list[tuple[Figure, Source]] = []
    named = [a for a in attributions if not a.vague]
    cited = [(c.clean_pos, c) for c in citations]
    cited_at = [p for p, _ in cited]
    lines = (
        _source_lines(doc, paragraphs)
        + _method_notes(named, paragraphs, text_of(doc))
        + _introduced_excerpts(named, paragraphs, text_of(doc))
    )
    para_starts = [p[0] for p in paragraphs]
    # each sentence's attributions, so that a long article stays linear
    by_sentence: dict[int, list[Attribution]] = {}
    for a in named:
        by_sentence.setdefault(a.sentence.start_char, []).append(a)
    own_kinds: dict[int, set[str]] = {}  # attribution start -> kind families it covers in its sentence
    uncovered: list[tuple[Figure, Span]] = []
    for fig in figures:
        para = _paragraph_of(paragraphs, para_starts, fig.start)
        i = bisect.bisect_left(cited_at, fig.end)
        if i < len(cited) and cited[i][0] <= para[1] and cited[i][1].source_id:
            fig.sources.append(cited[i][1].source_id)
        span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent = sentence_of(span[0])
        found = [a for a in by_sentence.get(sent.start_char, ()) if covers(a, span)]
        if not found and not fig.sources:
            found = [a for covered, a in lines if covered[0] <= fig.start < covered[1]][:1]
        for a in found:
            own_kinds.setdefault(a.start, set()).add(_family(fig))
            covering.append((fig, _inline(a, inline, sent)))
        if not found and not fig.sources:
            uncovered.append((fig, span))
    # A record is a data source where it gave a figure itself ("one slide says six million
    # jobs depend on exports"), not where it only showed something ("photos show ...").
    data_sources = [a for a in named if a.data or a.record and a.start in own_kinds]
    passages = list(_passages(doc, data_sources, paragraphs))
    passage_starts = [p.start for p in passages]
    # A passage carries the kind of data its source gave: a poll's shares run on into the
    # breakdown below it, not into a dollar figure about something else.
    inherited: dict[int, set[str]] = {}
    previous: set[str] = set()
    for p in passages:  # "The poll indicates ..." gives no figure: it carries its poll's kinds
        previous = own_kinds.get(p.source.start) or previous
        inherited[p.source.start] = previous
    attributed = {a.sentence.start_char for a in attributions}
    # A sentence's figures of one kind go on with a passage or not together: judged once.
    continues: dict[tuple[int, int, str], bool] = {}
    uncovered_in: dict[int, int] = {}  # sentence start -> how many of its figures no source covers
    for fig, _ in uncovered:
        uncovered_in[fig.sentence_start] = uncovered_in.get(fig.sentence_start, 0) + 1
    cited_next: dict[int, Attribution | None] = {}  # sentence start -> who cites its figure back
    for fig, span in uncovered:
        sent = sentence_of(span[0])
        if sent.start_char in attributed:
            continue  # "According to exit polls, ...": its own source, even an unnamed one, speaks for it
        if sent.start_char not in cited_next:
            cited_next[sent.start_char] = _cited_next(
                doc, sent, by_sentence, paragraphs, para_starts, uncovered_in.get(sent.start_char, 0)
            )
        citing = cited_next[sent.start_char]
        if citing is not None:
            covering.append((fig, _inline(citing, inline, sentence_of(citing.cue))))
            continue
        # Passages do not overlap (each ends where the next data source is named): the one
        # starting last before the figure is the only one that can hold it.
        k = bisect.bisect_right(passage_starts, fig.start) - 1
        p = passages[k] if k >= 0 else None
        if p is None or fig.start >= p.end:
            continue
        key = (p.source.start, sent.start_char, _family(fig))
        if key not in continues:
            continues[key] = _continues(p, fig, sent, inherited.get(p.source.start))
        if continues[key]:
            fig.carried = True
            covering.append((fig, _inline(p.source, inline, sent)))
    ordered = sorted(inline.values(), key=lambda s: s.start)
    for n, src in enumerate(ordered):
        src.id = f"in:{n + 1}"
    for fig, src in covering:
        if src.id not in fig.sources:
            fig.sources.append(src.id)
    _mark_parallel(figures)
    _mark_headline_restated(doc, figures, headline)
    _mark_restated(doc, figures)
    return ordered


def _cited_next(
    doc: Doc,
    sent: Span,
    by_sentence: dict[int, list[Attribution]],
    paragraphs: list[tuple[int, int]],
    para_starts: list[int],
    figures_here: int,
) -> Attribution | None:
    """A named source in the next sentence of the paragraph that cites this sentence's
    figure back: "Many Americans have heard that 20 ferries sink each year. The minister
    and her deputy cited the figure in Parliament." The guide's "a named source backs it
    in the next sentence": the figure is theirs. "The figure" answers for a sentence with
    one unsourced figure; "the figures", "those numbers" for all of them."""
    if sent.end >= len(doc):
        return None
    after = sentence_of(doc[sent.end])
    if _paragraph_of(paragraphs, para_starts, after.start_char) != _paragraph_of(
        paragraphs, para_starts, sent.start_char
    ):
        return None
    for a in by_sentence.get(after.start_char, ()):
        if a.cue is None or a.frame != "content":
            continue
        cited = _figure_cited_back(a.cue)
        if cited is not None and (cited.tag_ == "NNS" or figures_here == 1):
            return a
    return None


def _figure_cited_back(cue: Token) -> Token | None:
    """ "cited the figure", "mentioned those numbers": the object of a verb of saying or
    citing that names a figure again by a definite or demonstrative determiner, and
    nothing more ("cited the figure of 30", "the number of ferries lost" are figures of
    their own)."""
    if informing_lemma(cue) not in INFORMING_VERBS:
        return None
    for c in cue.children:
        if (
            c.dep_ in {"dobj", "nsubjpass"}
            and c.lemma_.lower() in FIGURE_NOUNS
            and any(d.dep_ == "det" and d.lower_ in DEMONSTRATIVES | {"the"} for d in c.children)
            and not any(d.dep_ in {"prep", "nummod", "appos", "acl", "relcl"} for d in c.children)
        ):
            return c
    return None


def _continues(p: Passage, fig: Figure, sent: Span, kinds: set[str] | None) -> bool:
    """Does ``sent`` go on reporting the data of ``p``'s source? It names the source again
    ("the poll shows", "It has a margin of error"); or it states the kind of figure the
    source gave (a poll's shares, not a dollar amount about something else) about a
    subgroup ("Among renters, ..."), about what the passage has been reporting, or, right
    after the source's sentence, about nothing new at all ("Twelve percent were not
    sure."). A figure of another kind continues only a data passage it shares several
    content words with ("the median salary of top executives" after their shares)."""
    if BACK_REFERENCE.search(sent.text) or _anaphoric_subject(sent):
        return True  # it points back at the source itself, whatever kind of figure it gives
    same_kind = not kinds or _family(fig) in kinds
    if same_kind and (sent[0].lower_ in SUBGROUP_OPENERS or _rest_of_a_partition(sent, fig)):
        return True
    topic, before = _topic(sent), _topic(_passage_so_far(p, sent))
    new = topic - before
    if _family(fig) == "share":
        # "Sixty-two percent of Republicans agreed.": the group a share counts is no news of
        # its own; the sentence is the source's breakdown, as "Among Republicans, ..." is.
        new -= _counted_group(sent, fig)
    if same_kind and not new and _follows_closely(p.source.sentence, sent):
        return True
    if not same_kind and p.source.proposal:
        return False  # a plan's passage holds its own parameters, not facts around them
    if _follows_closely(p.source.sentence, sent):
        # Right after the source's sentence, one shared subject is enough, whatever the
        # kind: "According to the data, Christians make up 1 percent of the refugees.
        # To date, 14 Catholics ... were admitted" is the same data set still speaking.
        return bool(topic & before)
    return len(topic & before) >= (1 if same_kind else 2)


# Words that make a figure the next part of a whole already being divided: "Another 19
# percent said ...", "the other 40 percent", "the remaining 12 percent".
PARTITION_WORDS = frozenset({"another", "other", "remaining"})


def _rest_of_a_partition(sent: Span, fig: Figure) -> bool:
    """ "... leads by 43 percent to 38 percent. Another 19 percent said they would pick
    neither.": the figure goes on dividing the whole its source was dividing."""
    span = sent.doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None or span.start == sent.start:
        return False
    return sent.doc[span.start - 1].lower_ in PARTITION_WORDS


def _counted_group(sent: Span, fig: Figure) -> set[str]:
    """The topic words of the group a share counts: "62 percent of Republicans" ->
    {"republican"}; empty when no "of" phrase follows the figure."""
    doc = sent.doc
    span = doc.char_span(fig.start, fig.end, alignment_mode="expand")
    if span is None or span.end >= sent.end or doc[span.end].lower_ != "of":
        return set()
    objects = [c for c in doc[span.end].children if c.dep_ == "pobj"]
    return _topic(doc[objects[0].left_edge.i : objects[0].right_edge.i + 1]) if objects else set()


def _follows_closely(source_sentence: Span, sent: Span) -> bool:
    """One or two sentences after the source's, in its paragraph: "..., according to the
    poll. Twelve percent were not sure." A copy chief reads the source as still speaking."""
    doc = sent.doc
    gap = text_of(doc)[source_sentence.end_char : sent.start_char]
    if "\n" in gap or sent.start_char < source_sentence.end_char:
        return False
    between = sum(1 for t in doc[source_sentence.end : sent.start] if t.is_sent_start)
    return between <= 1


def _passage_so_far(p: Passage, sent: Span) -> Span:
    """The passage from its source's sentence up to ``sent``: what it has been reporting."""
    doc = sent.doc
    return doc[p.source.sentence.start : max(sent.start, p.source.sentence.end)]


def _anaphoric_subject(sent: Span) -> bool:
    """ "It has a margin of error of 4 points", "that lead was 7 points": the subject points
    back at what was just reported."""
    for t in sent:
        if t.dep_ in {"nsubj", "nsubjpass"}:
            return t.lower_ == "it" or any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in t.children)
    return False


def _topic(sent: Span) -> set[str]:
    return {
        _topic_word(t)
        for t in sent
        if t.pos_ in {"NOUN", "PROPN"}
        and not t.is_stop
        and not t.like_num
        and t.lemma_.lower() not in UNIT_WORDS
    }


def _topic_word(token: Token) -> str:
    """The lemma, with a plural proper noun made singular too: the small model leaves
    "Christians" and "Democrats" as they are, and they must meet "Christian", "Democrat".
    (``backing._stem`` strips any final "s" for its own matching; a topic keeps common
    nouns as the lemmatiser gives them.)"""
    lemma = token.lemma_.lower()
    if token.tag_ == "NNPS" and lemma.endswith("s") and not lemma.endswith("ss"):
        return lemma[:-1]
    return lemma


def _family(fig: Figure) -> str:
    if fig.unit and fig.unit.split()[-1] in {"point", "points"}:
        return "share"  # a lead of 20 points is a difference of shares
    return KIND_FAMILY.get(fig.kind, fig.kind)


def _inline(a: Attribution, inline: dict[int, Source], sent: Span) -> Source:
    """The inline source record of ``a``, its scope stretched to the sentence it covers."""
    src = inline.get(a.start) or _inline_source(a)
    inline[a.start] = src
    src.scope_end = max(src.scope_end or 0, sent.end_char)
    return src


def _inline_source(a: Attribution) -> Source:
    return Source(
        id="",
        kind="inline",
        start=a.start,
        end=a.end,
        text=a.entity,
        entity=a.entity,
        scope_start=a.sentence.start_char,
        scope_end=a.sentence.end_char,
    )


def covers(a: Attribution, span: Span) -> bool:
    """Does attribution ``a`` stand behind the figure ``span`` in its own sentence?"""
    if a.frame == "sentence" or a.cue is None:
        return True
    cue = a.cue
    root = span.root
    if a.frame == "noun":
        return cue == root or cue in root.ancestors
    lemma = informing_lemma(cue)
    if lemma in ACCUSING_VERBS:
        # "prosecutors charged two developers with defrauding investors from 74 countries":
        # the accusation is the accuser's claim, figures and all
        # (the parser may hang the "of" phrase on the accused: "accused [the firm of hiding]")
        return cue in root.ancestors and any(
            t.dep_ == "prep" and t.lower_ in ACCUSATION_PREPOSITIONS for t in _path_up(root, cue)
        )
    if lemma not in INFORMING_VERBS and lemma != "according":
        return False  # "Warren grilled Stumpf over 2 million accounts": no report of a figure
    if _parenthetical(cue) and not _in_subject(cue, root):
        # "These employees, Stumpf explained, were paid $30,000": a verb of saying with no
        # complement of its own reports the sentence the parser hung it in
        return True
    if cue in root.ancestors:
        below = _edge_below(cue, root)
        edge = below.dep_
        if edge in REPORTED_CONTENT:
            return True
        if edge == "advcl" and below.tag_ == "VBG" and _reports_before(cue):
            # "Pence drew 60 percent of the talk, Twitter announced, gaining 22,000
            # followers": a participle after a reporting clause that follows its content
            # goes on with that content, though the parser hangs it on the verb of saying
            return True
        if edge == "prep":
            # "put her at 46 percent", "cut by 7,000" count; "cited endorsements from 88
            # generals" and "spoke about 47 percent" say what; "cited it at a forum viewed
            # by 14.7 million" only says where.
            return (
                lemma in REPORT_VERBS
                or lemma in OBJECT_REPORTING_VERBS
                and below.lower_ in CONTENT_PREPOSITIONS
            )
        # "she added" says; "she would add a 3 percent levy" acts: only verbs whose object
        # is itself information (count, cite, publish, interview) report their object.
        return edge in REPORTED_OBJECT and lemma in OBJECT_REPORTING_VERBS
    # "The line carried 4,200 passengers, the ministry said": the parser hangs the
    # reporting clause off the reported one.
    if cue.dep_ == "parataxis":
        return True
    if cue.dep_ not in {"ccomp", "advcl"} or cue.i <= root.i:
        return False
    hung_off_figure = cue.head == root or cue.head in root.ancestors
    return (hung_off_figure and cue.dep_ == "ccomp") or (cue.head.dep_ == "ROOT" and root.head == cue.head)


def _parenthetical(cue: Token) -> bool:
    """A reporting clause set off by commas and with no content of its own: "X, she said,
    ...", "These clerks, Ms. Okafor explained at the hearing, were paid ..."."""
    if any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in cue.children):
        return False
    doc = cue.doc
    first = min([c.left_edge.i for c in cue.children if c.dep_ == "nsubj"] + [cue.i])
    return first > 0 and doc[first - 1].text == ","


def _reports_before(cue: Token) -> bool:
    """The verb of saying comes after what it reports: "X ..., the agency said"."""
    return any(c.dep_ in REPORTED_CONTENT and c.i < cue.i for c in cue.children)


def _in_subject(cue: Token, token: Token) -> bool:
    return any(c.dep_ == "nsubj" and (c == token or c in token.ancestors) for c in cue.children)


def _path_up(token: Token, ancestor: Token) -> list[Token]:
    """The tokens from ``token`` up to, not including, its ``ancestor``."""
    path = []
    node = token
    while node != ancestor and node.head != node:
        path.append(node)
        node = node.head
    return path


def _edge_below(ancestor, token):
    node = token
    while node.head != ancestor:
        node = node.head
    return node


def _passages(
    doc: Doc, data_sources: list[Attribution], paragraphs: list[tuple[int, int]]
) -> Iterable[Passage]:
    """Each data source's passage: from its sentence on, paragraph by paragraph, while
    the text keeps reporting data, until the next data source is named.

    Only a source that frames its whole sentence carries ("the survey found ...", "in
    that poll ..."); a clause under a reporting noun ("a Times report that ...") does
    not. A later "the poll indicates" opens a passage of the poll already named.
    """
    text = text_of(doc)
    cues = {a.cue.i for a in data_sources if a.cue is not None}
    starts = sorted(
        (a for a in data_sources if a.frame != "noun" and not _reported_by_another(a, cues)),
        key=lambda a: a.start,
    )
    para_starts = [p[0] for p in paragraphs]
    for n, a in enumerate(starts):
        limit = starts[n + 1].sentence.start_char if n + 1 < len(starts) else len(text)
        end = a.sentence.end_char
        idx = max(bisect.bisect_right(para_starts, a.start) - 1, 0)
        for p_start, p_end in paragraphs[idx + 1 :]:
            if p_start >= limit:
                break
            block = text[p_start : min(p_end, limit)]
            if not (_states_figures(block) or BACK_REFERENCE.search(block)):
                break
            end = min(p_end, limit)
        # the rest of the source's own paragraph is in the passage too
        own_end = paragraphs[idx][1] if paragraphs else a.sentence.end_char
        end = max(end, min(own_end, limit))
        if end > a.sentence.end_char:
            yield Passage(a.sentence.end_char, end, a)


def _reported_by_another(a: Attribution, cues: set[int]) -> bool:
    """ "A poll found that voters said Trump should release his tax returns": the returns
    are what the poll's voters asked for, inside what another data source found, not a
    data source that frames the sentence and goes on in the next ones. (Inside what a
    body says, its own data stays one: "the IMF announced that it is lowering its
    forecast" opens the forecast's passage.) ``cues``: the data sources' cue tokens."""
    if a.cue is None:
        return False
    return any(t.i in cues for t in a.cue.ancestors)


FIGURE_HINT = re.compile(r"\d|\b(?:percent|half|third|quarter|million|billion)\b", re.I)


def _states_figures(block: str) -> bool:
    return bool(FIGURE_HINT.search(block))


def _source_lines(doc: Doc, paragraphs: list[tuple[int, int]]) -> list[tuple[tuple[int, int], Attribution]]:
    """For each "Source:" line closing a chart or table: the text it covers (the paragraph
    above it and the line itself) and the source it names."""
    text = text_of(doc)
    out = []
    for i, (s, e) in enumerate(paragraphs):
        if i > 0 and SOURCE_LINE.match(text[s:e]):
            out.append(((paragraphs[i - 1][0], e), _source_line_attribution(doc, s)))
    return out


def _introduced_excerpts(
    named: list[Attribution], paragraphs: list[tuple[int, int]], text: str
) -> list[tuple[tuple[int, int], Attribution]]:
    """For each paragraph that ends by introducing what a named source reported ("Fox News
    reports:", "The bureau wrote in its filing:"), with nothing reported in the sentence
    itself: the paragraph after it, the excerpt, is the source's, quotation marks or not."""
    para_starts = [p[0] for p in paragraphs]
    out = []
    for a in named:
        idx = bisect.bisect_right(para_starts, a.start) - 1
        if idx < 0 or idx + 1 >= len(paragraphs) or a.cue is None:
            continue
        if text[a.end : paragraphs[idx][1]].strip() != ":":
            continue  # the attribution and a colon end the paragraph
        if any(c.dep_ in {"ccomp", "dobj", "xcomp"} for c in a.cue.children):
            continue  # "X reported the figures as follows:" reports something of its own first
        out.append((paragraphs[idx + 1], a))
    return out


def _method_notes(
    named: list[Attribution], paragraphs: list[tuple[int, int]], text: str
) -> list[tuple[tuple[int, int], Attribution]]:
    """For each note on how a data source was gathered ("The survey was conducted for AP by
    Edison Research with voters leaving 35 precincts", "The poll of 1,003 adults was
    conducted by telephone"): the data passage above it that it closes, as a chart's
    "Source:" line closes its chart. The note names the data already given ("the survey":
    definite, the subject of a passive verb that says how it was made), so it covers the
    paragraphs before it, back to one that states no figure and names no data source (the
    block's edge)."""
    para_starts = [p[0] for p in paragraphs]
    data_paragraphs = {bisect.bisect_right(para_starts, a.start) - 1 for a in named if a.data}
    out = []
    for a in named:
        if not (a.data and _describes_method(a)):
            continue
        idx = max(bisect.bisect_right(para_starts, a.start) - 1, 0)
        first = idx
        while first > 0 and idx - first < MAX_NOTE_PARAGRAPHS:
            before = first - 1
            block = text[slice(*paragraphs[before])]
            if not (before in data_paragraphs or _states_figures(block) or _opens_on_a_subgroup(block)):
                break
            first = before
        if first < idx:
            out.append(((paragraphs[first][0], paragraphs[idx][1]), a))
    return out


def _opens_on_a_subgroup(block: str) -> bool:
    """ "Among those who want ..., most support ...": a breakdown of the data around it."""
    words = block.split(maxsplit=1)
    return bool(words) and words[0].lower() in SUBGROUP_OPENERS


# How far back a method note reaches: a block of data, not the whole article.
MAX_NOTE_PARAGRAPHS = 8


def _describes_method(a: Attribution) -> bool:
    """ "The survey was conducted ...": a sentence about a poll already given (a poll noun,
    definite, the subject of the sentence's own passive verb). Other documents' passives
    are news about them ("The plan was approved last year", "the report was filed"), and
    a poll's in a clause of another sentence ("when the poll was taken") is no note."""
    noun = a.cue
    return (
        noun is not None
        and noun.lemma_.lower() in POLL_NOUNS
        and noun.dep_ == "nsubjpass"
        and noun.head.dep_ == "ROOT"
        and any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES | {"the"} for c in noun.children)
    )


def _source_line_attribution(doc: Doc, start: int) -> Attribution:
    text = text_of(doc)
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    tok = doc.char_span(start, start + 1, alignment_mode="expand")
    sent = sentence_of(tok[0]) if tok is not None and len(tok) else doc[:]
    return Attribution(start, end, text[start:end].strip(), None, sent, False, "sentence", data=True)


def _paragraph_of(paragraphs, starts, pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    return paragraphs[max(i, 0)] if paragraphs else (0, pos + 1)


def _mark_parallel(figures: list[Figure]) -> None:
    """A breakdown in one sentence ("46 percent ..., 44 percent ..., 5 percent ...") is one
    claim: every unsourced, asserted figure after the first of its kind family in the
    sentence is parallel. When the first is sourced, so is the list it starts ("X shows
    her ahead 3 points, Y 4.3 points": the parser cannot see the gapped verb)."""
    heads: dict[tuple[int, str], Figure] = {}
    for fig in figures:
        if fig.mood:
            continue
        key = (fig.sentence_start, _family(fig))
        if key in heads:
            fig.parallel = not fig.sources
        else:
            heads[key] = fig


# Shares recur with different meanings ("32 percent" of two groups in one poll story); an
# amount of money or a count of a named thing stated twice is the same fact.
RESTATABLE_KINDS = frozenset({"count", "money", "quantity"})


def _mark_headline_restated(doc: Doc, figures: list[Figure], headline: tuple[int, int] | None) -> None:
    """A headline's figure that the body gives again is judged in the body, where the
    article says where it comes from: the headline repeats it, as headlines do (the labels
    call it optional). The body may give it as a figure of the article's own ("Stumpf made
    $19.3 million", any kind, shares too) or inside a quote, which is no figure of the
    article's: then the number as the headline writes it, followed by the same unit word."""
    if headline is None:
        return
    start, end = headline
    body_text = text_of(doc)[end:]
    body = [f for f in figures if f.start >= end]
    for fig in figures:
        if not (start <= fig.start and fig.end <= end) or fig.value is None or fig.mood:
            continue
        unit = (fig.unit or "").lower()
        if any(
            f.kind == fig.kind and f.value == fig.value and (f.unit or "").lower() == unit for f in body
        ) or _written_again(fig, body_text):
            fig.restated = True


def _written_again(fig: Figure, body: str) -> bool:
    """The headline figure's number followed by its unit word, anywhere in ``body``."""
    number = re.match(r"[$€£]?[\d.,]+", fig.text)
    unit = re.search(r"[A-Za-z%]+\S*$", fig.text)
    if number is None or unit is None:
        return False
    pattern = rf"(?<![\w.,]){re.escape(number.group(0))}\s*{re.escape(unit.group(0))}"
    return re.search(pattern, body, re.IGNORECASE) is not None


def _mark_restated(doc: Doc, figures: list[Figure]) -> None:
    """A figure that states again an earlier one of the article (the same value of the same
    unit: "10 judges" in the lede and in the body) is one claim, judged where it was first
    stated: the restatement needs no finding of its own, and shares the first statement's
    sources when it has none. An amount of money says nothing of what it is an amount of,
    so two equal sums are one claim only when their sentences share a content word ("the
    union invested $10 million" twice, not a donor's $23 million and a PAC's)."""
    first: dict[tuple[str, float, str], list[Figure]] = {}
    for fig in figures:
        if fig.mood or fig.value is None or fig.kind not in RESTATABLE_KINDS or not fig.unit:
            continue
        if fig.restated:
            continue  # a headline's figure, judged in the body (``_mark_headline_restated``)
        stated = first.setdefault((fig.kind, fig.value, fig.unit.lower()), [])
        earlier = next(
            (e for e in stated if e.sentence_start != fig.sentence_start and _same_thing(doc, e, fig)), None
        )
        stated.append(fig)
        if earlier is None or fig.sources:
            continue  # a restatement with a source of its own stands on that source
        fig.restated = True
        fig.sources.extend(earlier.sources)


def _same_thing(doc: Doc, earlier: Figure, fig: Figure) -> bool:
    if fig.kind != "money":
        return True  # the unit is the counted noun: "10 judges"
    spans = [doc.char_span(f.sentence_start, f.sentence_end, alignment_mode="expand") for f in (earlier, fig)]
    return all(sp is not None for sp in spans) and bool(_topic(spans[0]) & _topic(spans[1]))
