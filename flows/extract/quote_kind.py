"""Speech or term: is a quoted span something someone said, or a name, title or scare quote?"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.doccache import sentence_of, text_of
from copydesk.flows.extract.lexicon import (
    ADDRESSING_VERBS,
    COMMUNICATION_VERBS,
    NAMING_WORDS,
    SHARE_WORDS,
    SPEECH_VERBS,
    communicates,
    is_as_clause,
)
from copydesk.flows.extract.quote_cues import is_cue
from copydesk.flows.extract.quote_marks import QuoteSpan
from copydesk.flows.extract.quote_owners import statement_owner
from copydesk.flows.extract.quote_speakers import SUBJECT_DEPS, speaker_of, words_root

NAMING_VERBS = {"call", "dub", "name", "term", "label", "brand", "nickname", "title", "christen", "style"}
# Parts of speech a title leaves in lower case: articles, prepositions, conjunctions.
TITLE_LOWER = frozenset({"ADP", "DET", "CCONJ", "PART"})
# Verbs that judge rather than coin a name: with someone as their subject, the quoted
# complement is that person's words ("Cruz called Trump a “pathological liar”", "what
# she called a “rant”"); "dub", "nickname" or "christen" make a name whatever the subject.
JUDGING_VERBS = {"call", "label", "brand", "describe", "characterize", "characterise", "rate", "deem"}
# Quantifiers the parser tags as adjectives ("many commentators called him …"): they
# make a plural a set of people who said something, not a community's usage.
# The words of a short subject noun phrase between a quote and its verb of saying.
SUBJECT_WORDS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"})
QUANTIFIERS = {"many", "several", "few", "numerous", "multiple", "most", "various"}


def classify(doc: Doc, span: Span, qs: QuoteSpan, inside: bytearray) -> str:
    inner = [t for t in span if not t.is_punct and not t.is_space]
    words = [t for t in inner if t.is_alpha or t.like_num]
    if not words:
        return "term"
    # The words right before the quote, in its own sentence ("… in the call. “There is …”"
    # is not "the call “X”").
    sentence_start = sentence_of(span[0]).start
    before = [t for t in doc[max(span.start - 3, sentence_start, 0) : span.start] if not t.is_punct]
    if _judged_by_someone(doc, span):
        return "speech"  # what she called a “rant”, called the rule “a gift to crooks”
    if _exclaimed_or_asked_alone(span):
        return "speech"  # 'The judge turned to me. “Mr. Reed?”': a title is not asked
    if before and before[-1].lower_ in NAMING_WORDS:
        return "term"  # so-called “X”, the word “X”, dubbed “X”
    if len(before) >= 2 and before[-2].lower_ in {"known", "referred"} and before[-1].lower_ in {"as", "to"}:
        return "term"
    if _names_something(doc, span, words):
        return "term"  # officials call the plan “fair fares”
    if _inside_a_name(doc, span, words):
        return "term"  # John “Tig” Tiegen
    if _bylined(doc, span):
        return "term"  # “Pop-up art show opens,” by DNAinfo's Eddie Small: a work's title
    if _dated(doc, span):
        return "term"  # “Stop mass naturalization” (2008): a work's or a measure's title and its year
    if _answer_counted(doc, span):
        return "term"  # Thirty percent “strongly agree”: a survey's answer, nobody's words
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in inner)
    ends_sentence = _last_mark(span) in ".!?…"
    attached = _attached_to_cue(doc, span)
    # Numbers say nothing about case ("American Skin (41 Shots)" is a title), and short
    # words only when there is nothing longer to go by ("Tig", but not "way off").
    long_words = [t for t in words if len(t.text) > 3 and t.is_alpha] or [t for t in words if t.is_alpha]
    title_case = bool(long_words) and all(t.text[0].isupper() for t in long_words)
    # A name owned by a name is a programme or a work, even beside a verb of saying ("Reed
    # said on WXKB's “Morning Harbour”", "an interview with WXKB's “The Lead with Jo Ray”").
    if len(words) <= 8 and _owned(span) and _title(words):
        return "term"
    if ends_sentence and _after_colon(doc, span):
        return "speech"  # 'who responds: “Okay!”': an utterance, capitalised as a sentence is
    # Names and titles: a short Title Case phrase ("Person of the Year", "On NKAO"), or
    # one that is who a verb of telling addresses ("Ortiz told “Harbour Today,” …").
    if title_case and len(words) <= (4 if ends_sentence else 8) and (not attached or _addressed(doc, span)):
        return "term"
    # "The “longest standoff in history” may be over", "vacations disguised as “fact-finding
    # trips”": a noun phrase in the quote that the sentence outside uses as one of its own
    # (its article outside the marks, or after "as") names or mocks a thing; nobody is
    # reported saying it (a reported one was caught above or is caught here).
    if (
        _used_as_a_noun_phrase(doc, span)
        and not attached
        and not _speech_verb_in_sentence(doc, span, inside)
        and not _reported(doc, span, inside)
        and statement_owner(span, inside) is None
    ):
        return "term"
    # "the “fact-checking” website": participles modifying the noun after the quote are
    # adjectives there, not the verb of a clause somebody said; such a quote is speech only
    # as reported words (below), else a word set off.
    if (has_verb and not _modifies_the_noun_after(span)) or len(words) > 5 or _after_colon(doc, span):
        return "speech"
    # A few words without a verb: a partial quote when someone is reported saying them
    # ("adding that the deals were handed out “like candy”"), else a scare quote.
    if attached or _reported(doc, span, inside):
        return "speech"
    # "Trump's claim that there have been “thousands of shootings”": the content of an
    # owned noun of saying is in the owner's words
    if statement_owner(span, inside) is not None:
        return "speech"
    return "term"


def _used_as_a_noun_phrase(doc: Doc, span: Span) -> bool:
    """The quoted words are a noun phrase that fills a slot of the sentence outside the
    marks: their head is a noun, and the article or possessive before the opening mark is
    its determiner ("The “longest armed standoff in American history”"), or "as" or "like"
    outside introduces it ("portrayed simply as ''Big Coal vs. virtuous wind and solar''")."""
    root = words_root(span)
    if root.pos_ not in {"NOUN", "PROPN"} or span.start == 0 or span.start <= root.head.i < span.end:
        return False
    if any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in span):
        return False  # "a ''great luxury to have''": a clause's words, someone's
    before = next((t for t in reversed(doc[max(span.start - 3, 0) : span.start]) if not t.is_punct), None)
    if before is None:
        return False
    if before.dep_ == "case":
        before = before.head  # "the council's “…”": the possessor, through its "'s"
    if before.dep_ in {"det", "poss"} and before.head == root:
        return True
    return before.lower_ in {"as", "like"} and root.head == before and root.dep_ == "pobj"


def _speech_verb_in_sentence(doc: Doc, span: Span, inside: bytearray) -> bool:
    """A verb of saying outside the quotes of the quote's sentence, whoever the parse makes
    its subject ("Saturday at the convention Warren said Trump was a “proven failure”"
    has "Saturday" as the subject of "said")."""
    return any(
        not inside[t.idx] and t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS
        for t in sentence_of(doc[span.start])
    )


def _modifies_the_noun_after(span: Span) -> bool:
    """The quoted words modify a noun right after the closing mark ("the “fact-checking”
    website", "her “criminal” attempt"): their participles are adjectives there."""
    root = span.root
    head = root.head
    return (
        root.dep_ in {"amod", "compound", "nmod"}
        and head.pos_ in {"NOUN", "PROPN"}
        and span.end <= head.i <= span.end + 1
    )


def _inside_a_name(doc: Doc, span: Span, words: list[Token]) -> bool:
    """A nickname set inside a name: "John “Tig” Tiegen", "Marco “Little Marco” Rubio". The
    words are capitalised, and proper nouns stand right before and after the marks."""
    if len(words) > 3 or not all(t.text[0].isupper() for t in words if t.is_alpha):
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (
        before is not None
        and after is not None
        and before.pos_ == "PROPN"
        and after.pos_ == "PROPN"
        and not before.is_punct
        and not after.is_punct
    )


def _bylined(doc: Doc, span: Span) -> bool:
    """A byline follows the quote: “Pop-up art show opens,” by DNAinfo's Eddie Small — the
    title of a piece, as round-ups cite one: the title closes on a comma, then "by" and a
    name (or "the" and a name) on the same line. Not "a “candid memoir” by Marla Maples"
    nor "“terrified” by Trump", where "by" goes on with the sentence."""
    if _last_mark(span) != ",":
        return False
    after = [t for t in doc[span.end : span.end + 3] if not t.is_space]
    if len(after) < 2 or after[0].lower_ != "by" or "\n" in text_of(doc)[span.end_char : after[0].idx]:
        return False
    name = after[2] if after[1].lower_ == "the" and len(after) > 2 else after[1]
    return name.pos_ == "PROPN" or name.ent_type_ in {"PERSON", "ORG"}


DATED = re.compile(r"\s*\((?:1[5-9]|20)\d\d\)")


def _dated(doc: Doc, span: Span) -> bool:
    """A year in brackets right after the quote: “Stop mass naturalization” (2008), “The
    Harbour” (1987) — how a list cites a title, a ballot measure's or a work's, with its
    year. Words somebody said are dated in the sentence, not bracketed to the quote."""
    return bool(DATED.match(text_of(doc), span.end_char))


def _answer_counted(doc: Doc, span: Span) -> bool:
    """ "Thirty percent of whites “strongly agree” that ...", "(34% “strongly agree”)": the
    quoted words are a survey's answer, and their subject, or the word before them, is the
    share of people who gave it. Nobody is reported saying them. ("52 percent said “yes”"
    is a cue with its content: the share's verb is outside the quote.)"""
    root = words_root(span)
    if root.pos_ not in {"VERB", "AUX"}:
        return False
    subjects = [c for c in root.children if c.dep_ in SUBJECT_DEPS and not span.start <= c.i < span.end]
    before = span.start - 1
    while before >= 0 and (doc[before].is_space or doc[before].text in {"(", "["}):
        before -= 1  # "(34% “strongly agree”)"; not across a full stop: "the 1 percent. “I would …”"
    return any(t.lower_ in SHARE_WORDS for t in subjects) or before >= 0 and doc[before].lower_ in SHARE_WORDS


def _addressed(doc: Doc, span: Span) -> bool:
    """The quote comes right after a verb whose first object is who is told or asked."""
    prev = doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.pos_ == "VERB" and prev.lemma_.lower() in ADDRESSING_VERBS


def _title(words: list[Token]) -> bool:
    """Written as a title: every word capitalised but short ones and the function words
    titles keep in lower case, and at least one capital to show it."""
    cased = [
        t
        for t in words
        if len(t.text) > 3 and t.is_alpha and not (t.pos_ in TITLE_LOWER and t.text.islower())
    ]
    return bool(cased) and all(t.text[0].isupper() for t in cased)


def _owned(span: Span) -> bool:
    """The quoted words head a noun phrase with an owner right before them: "CNN's “…”"."""
    doc = span.doc
    i = span.start
    while i > 0 and (doc[i - 1].is_quote or doc[i - 1].is_space):
        i -= 1
    return i > 0 and doc[i - 1].tag_ == "POS"


def _names_something(doc: Doc, span: Span, words: list[Token]) -> bool:
    """'call X “Y”' introduces a name when Y is a bare noun phrase ('the plan “fair fares”');
    with an article before it ('called him a “liar”') or as a description it is speech."""
    # Climb from the quote to its verb: "called the lot “the crater”" may hang the quote
    # off the object (appos) rather than off the verb.
    node, head = words_root(span), None
    for _ in range(2):
        if node.dep_ not in {"oprd", "dobj", "xcomp", "attr", "appos", "npadvmod", "ccomp"}:
            break
        node = node.head
        if node.lemma_.lower() in NAMING_VERBS:
            head = node
            break
    if head is None:
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in {"a", "an"}:
        return False
    return (
        len(words) <= 5
        and any(t.pos_ in {"NOUN", "PROPN"} for t in words)
        and words[0].lower_ not in {"a", "an"}
    )


def _judging_verb(span: Span) -> Token | None:
    """The verb of judging the quote completes: "called him “X”", "what it calls “X”",
    "described the levy as “X”" (the quote hangs from "as")."""
    node, through_as = words_root(span), False
    as_head = None  # the word an "as" phrase on the path hangs from
    for _ in range(3):
        if node.dep_ not in {
            "oprd",
            "dobj",
            "xcomp",
            "attr",
            "appos",
            "ccomp",
            "pobj",
            "prep",
            "conj",
            "amod",
        }:
            return None
        if node.dep_ == "prep" and node.lower_ == "as":
            through_as = True
            if node.i == 0 or node.nbor(-1).lower_ != "such":
                as_head = node.head
        node = node.head
        if node.pos_ != "VERB":
            continue
        lemma = node.lemma_.lower()
        # "derided the bill as “a gift to crooks”", "slammed as “careless”": a verb of
        # saying or judging with an "as" complement says what its subject called it.
        if lemma in JUDGING_VERBS or (through_as and lemma in COMMUNICATION_VERBS):
            return node
        # "Reid has been pounding Trump as a “con artist”", "Trump postured himself as the
        # “law and order candidate”": a verb that takes someone or something as what the
        # quoted words say gives its subject's words. Not "words such as “attack”": that
        # "as" lists examples of a noun.
        objects = [c for c in node.children if c.dep_ == "dobj"]
        if as_head is not None and objects and (as_head == node or as_head in objects):
            return node  # the parser hangs "as" on the verb or on its object
        return None
    return None


def _judged_by_someone(doc: Doc, span: Span) -> bool:
    """A judging verb in the active voice with a particular subject reports that subject's
    words. Passives without an agent ("a box labeled “X”") and a bare plural's usage of a
    definite name ("locals call the bridge “the Needle”") name things."""
    verb = _judging_verb(span)
    if verb is None:
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # A participle with an active subject is a past tense the tagger took for a
    # participle ("in what Reed called “trench warfare”"), not a passive.
    passive_without_agent = (
        verb.tag_ == "VBN"
        and not any(c.dep_ == "agent" for c in verb.children)
        and not any(c.dep_ == "nsubj" for c in subjects)
    )
    if passive_without_agent and (
        not any(c.dep_ == "aux" for c in verb.children) or any(c.dep_ == "nsubjpass" for c in subjects)
    ):
        return False
    # "Ode attacked the plan, calling it “reckless”": a participle clause judges with the
    # subject of the verb it hangs from.
    head = verb
    # "Ortiz took the stage and called the board “rotten”": a conjunct shares its subject.
    while not subjects and head.dep_ == "conj" and head.head != head and head.head.pos_ in {"VERB", "AUX"}:
        head = head.head
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    while (
        not subjects and head.dep_ in {"advcl", "conj", "xcomp"} and head.tag_ == "VBG" and head.head != head
    ):
        head = head.head
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        # "the minister, who called it …", "a statement calling it …", "the profile
        # hailed him as …": the clause's head noun is who judged.
        # A clause on a noun without a subject of its own is active when it is a gerund,
        # has an object ("a statement calling it", "the profile hailed him") or is a past
        # tense away from its noun (a relative clause whose subject the parse lost). Right
        # after its noun and without an object it is a participle, whatever the tagger
        # says ("a folder labeled “urgent”").
        if verb.dep_ == "acl":
            reduced = verb.i == verb.head.i + 1
            return (
                verb.tag_ == "VBG"
                or any(c.dep_ == "dobj" for c in verb.children)
                or (verb.tag_ == "VBD" and not reduced)
            )
        return verb.dep_ == "relcl"
    subject = subjects[0]
    if subject.dep_ == "nsubjpass":
        return False
    # "Officials call the model “fair fares”", "Fishermen called the levy “the harbour
    # tax”": a bare plural's name for a thing is usage, not a statement; the same people
    # judging it ("critics called it “reckless”", "… “a disaster”") are quoted.
    generic = subject.pos_ == "NOUN" and not any(
        c.dep_ in {"det", "poss", "nummod"} or c.lower_ in QUANTIFIERS for c in subject.children
    )
    return not generic or _evaluative(span)


def _evaluative(span: Span) -> bool:
    words = [t for t in span if t.is_alpha]
    return bool(words) and (words[0].lower_ in {"a", "an"} or words_root(span).pos_ in {"ADJ", "VERB"})


def _reported(doc: Doc, span: Span, inside: bytearray) -> bool:
    """Is the quote inside what a speech verb with a subject reports, or 'according to' someone?"""
    node = words_root(span)
    for _ in range(5):
        if node.head == node:
            break
        node = node.head
        # a verb of the wider classes reports what its clause holds: "she vented to her
        # husband that it would be “ugly”", "he implied the judge was “hostile”"
        reporting = is_cue(node) or (node.pos_ == "VERB" and communicates(node))
        if not inside[node.idx] and reporting and speaker_of(node, inside) is not None:
            return True
        # "As the mayor put it, the port is “a car park”": an "as" clause of saying makes
        # the clause it hangs on its subject's words, as "according to" does.
        if any(_saying_aside(c, inside) for c in node.children):
            return True
    # The parse often hangs a partial quote off the wrong word; a verb of saying with a
    # speaker in the same sentence is evidence enough that its words are reported.
    sent = sentence_of(doc[span.start])
    return any(
        not inside[t.idx]
        and (
            t.lower_ == "according"
            or (t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS and speaker_of(t, inside) is not None)
        )
        for t in sent
    )


def _saying_aside(clause: Token, inside: bytearray) -> bool:
    """ "as the mayor put it", "as Reed noted": an "as" clause whose verb is one of saying
    or of the wider classes, with someone to say it."""
    return (
        is_as_clause(clause)
        and not inside[clause.idx]
        and (is_cue(clause) or (clause.pos_ == "VERB" and communicates(clause)))
        and speaker_of(clause, inside) is not None
    )


def _attached_to_cue(doc: Doc, span: Span) -> bool:
    """“Never,” she said. / He said: “Absolutely.” — a short quote right next to a speech verb.
    A quote that is the subject of that verb is what was written or sung, a title:
    "“Blue Harbour” was written by Reed"."""
    if any(
        t.dep_ in SUBJECT_DEPS and t.head.i >= span.end and not _other_subject(t.head, span) for t in span
    ):
        return False
    after = [t for t in doc[span.end : span.end + 4] if not t.is_punct]
    before = [t for t in doc[max(span.start - 2, 0) : span.start] if not t.is_punct]
    near = after[:2] + before[-1:]
    root = words_root(span)
    if any(
        t.lemma_.lower() in SPEECH_VERBS
        and t.pos_ == "VERB"
        # "appeared on “Harbour Today” to defend her": an infinitive of purpose reports nothing
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        # "Ortiz, the star of “The Tide Tables,” said": the quote is in who speaks
        and not (
            any(c.dep_ in SUBJECT_DEPS and (c == root or c in root.ancestors) for c in t.children)
            and not _other_subject(t, span)
        )
        for t in near
    ):
        return True
    # “Mexico!” the crowd screamed back: the verb after a short subject of its own, when
    # the quote opens its sentence and closes on its own punctuation as speech does (not
    # "In his book, “Make Your Kid a Millionaire,” Reed suggested").
    closes = _last_mark(span) in ",.!?…"
    opens_sentence = not any(t.is_alpha or t.like_num for t in doc[sentence_of(span[0]).start : span.start])
    if not (closes and opens_sentence):
        return False
    following = [t for t in doc[span.end : span.end + 8] if not t.is_punct][:6]
    verb = next((t for t in following if t.pos_ in {"VERB", "AUX"} or t.tag_ in {"WP", "WDT"}), None)
    return (
        verb is not None
        and verb.pos_ == "VERB"
        and verb.lemma_.lower() in SPEECH_VERBS
        and all(t.pos_ in SUBJECT_WORDS for t in following[: following.index(verb)])
        and any(c.dep_ in SUBJECT_DEPS and c.i > span.end - 1 and c.i < verb.i for c in verb.children)
    )


def _other_subject(verb: Token, span: Span) -> bool:
    """Has ``verb`` a subject of its own after the quote ("“Happy new year!,” he
    tweeted")? A verb has one subject: the parser that also hangs the quote on it as one
    mistook the quoted words for it, and they are what the verb reports."""
    return any(c.dep_ in SUBJECT_DEPS and c.i >= span.end for c in verb.children)


def _exclaimed_or_asked_alone(span: Span) -> bool:
    """The quote is a sentence of its own that asks or exclaims (“Mr. Reed?”, “Ortiz!
    Ortiz!”): an utterance, however short and capitalised. A name or title quoted on its
    own ends with a full stop, if anything."""
    if _last_mark(span) not in {"?", "!"}:
        return False
    sent = sentence_of(span[0])
    outside = [t for t in sent if not (span.start <= t.i < span.end) and not (t.is_punct or t.is_space)]
    return not outside


def _last_mark(span: Span) -> str:
    """The last character inside the quote marks: “Stay!” -> "!" ("" when there is none)."""
    return span.text.rstrip("”’\"'»› ")[-1:]


def _after_colon(doc: Doc, span: Span) -> bool:
    """A colon introduces words ("Jo Ray, Daily Post: “A dull night.”"), not a name."""
    i = span.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and doc[i].text == ":"
