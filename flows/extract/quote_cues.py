"""Cues: the verb (or "according to") that reports a quote, and the sentences to look in.

A cue is "according to", a verb of saying (``lexicon.SPEECH_VERBS``) anywhere in the
quote's frame, a verb of the wider communication, cognition or comparison classes
(``lexicon.COMMUNICATION_VERBS``) whose clause holds the quote, or, from the parse alone,
any verb with a subject whose complement holds the quote ("Article 9 affirms: “…”",
"she vented to her husband that it would be “a fight”"). Among the cues the one whose
clause holds the quote wins, the fewest steps up the parse from the quoted words first
(or a reporting clause right beside the quote), then the closest class, then the nearest;
"X said that Y called it “…”" is credited to the outermost reporter.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.doccache import line_paragraphs, paragraph_index, sentence_of, text_of
from copydesk.flows.extract.lexicon import (
    INFORMING_VERBS,
    SPEECH_VERBS,
    TEXT_FRAME_VERBS,
    communicates,
    informing_lemma,
    is_as_clause,
)
from copydesk.flows.extract.quote_speakers import RELATIVE_PRONOUNS, SUBJECT_DEPS, speaker_of, words_root
from copydesk.flows.extract.speaker_nouns import likely_reporter

# Subordinators that set a clause against another: what follows is a statement of its own.
CONTRASTING = frozenset({"while", "whereas", "though", "although"})
REPORTED_CLAUSE = {"ccomp", "xcomp", "advcl", "relcl", "pcomp", "pobj", "dobj", "acl", "acomp"}


def acts_as_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun ("Article 33 affirms: “…”", "the
    charter states that …") that the parser still made the root of a clause with a
    subject and a clausal complement: no noun takes those."""
    if token.pos_ == "VERB":
        return True
    children = [c.dep_ for c in token.children]
    return token.pos_ == "NOUN" and token.dep_ == "ROOT" and "nsubj" in children and "ccomp" in children


def is_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if acts_as_verb(token) and lemma in SPEECH_VERBS:
        return True
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"


# How far a cue's class is from a plain verb of saying, in characters of distance.
WIDER_CLASS_COST = 50
PARSE_ONLY_COST = 150
# One step up the parse tree between the quote and a cue whose clause holds it.
STEP_COST = 10


def best_cue(doc: Doc, span: Span, frame: Span, inside: bytearray) -> Token | None:
    """A verb of saying or "according to" first; only when the frame has none, a verb of
    the wider classes or, from the parse alone, any verb whose complement holds the quote."""
    saying = _best_cue(span, frame, inside, saying=True)
    if saying is not None and speaker_of(saying, inside) is not None:
        if _reports_quote(saying, span, inside):
            return saying
        return _hung_reporter(span, frame, inside) or saying
    # A verb of saying that names nobody ("…,” referencing the storm) gives way to a
    # verb whose clause holds the quote and has a subject.
    other = _best_cue(span, frame, inside, saying=False)
    if other is not None and speaker_of(other, inside) is not None:
        return other
    # "Sanders shot back, “Clinton called them out …”": with the quote made the root, the
    # reporting clause hung on it holds nothing; a verb that reports is enough then
    hung = _hung_reporter(span, frame, inside)
    return (hung if hung is not None and _reports(hung) else None) or saying or other


def _hung_reporter(span: Span, frame: Span, inside: bytearray) -> Token | None:
    """ "After the mayor criticized the board, Ortiz shot back, “I could have …”": the
    parser often makes the quoted words the root and hangs the reporting clause on them.
    A verb so hung, with a speaker, reports the quote whatever its class."""
    hung = [
        t
        for t in frame
        if not inside[t.idx]
        and _hung_on(t, span)
        # "When Rubio thanked them, a man yelled “Stay!”": a subordinate clause is not the
        # reporting one
        and not any(c.dep_ == "mark" or c.tag_ == "WRB" for c in t.children)
        and speaker_of(t, inside) is not None
    ]
    return min(hung, key=lambda t: min(abs(t.i - span.start), abs(t.i - span.end)), default=None)


def _reports_quote(verb: Token, span: Span, inside: bytearray) -> bool:
    holders = _holders(span)
    return verb.i in holders or _as_aside(verb, holders, inside) or _hung_on(verb, span)


def _best_cue(span: Span, frame: Span, inside: bytearray, saying: bool) -> Token | None:
    best: tuple[float, Token] | None = None
    holders = _holders(span)
    for token in frame:
        if inside[token.idx] or not (acts_as_verb(token) or token.lower_ == "according"):
            continue
        aside = _as_aside(token, holders, inside)
        holds = token.i in holders or aside or _reporting_tail(token, span)
        cost = _class_cost(token, span, holds)
        if cost is None or (cost == 0) != saying:
            continue
        if (
            token.lemma_.lower() in {"read", "begin", "continue", "quote"}
            and not has_subject(token)
            and not _inverted_after(token, span)
        ):
            continue
        distance = token.idx - span.end_char if token.idx >= span.end_char else span.start_char - token.idx
        # Prefer a cue whose clause holds the quote, the quote's own clause first ("While
        # Ames said it was “careless”, he said …" is Ames's; ``outermost_cue`` then climbs
        # to a reporter above it), then the closest class, then the nearest. A reporting
        # clause right beside the quote ("“…?” asked Dunn", "“…,” he wrote", "Ames said:
        # “…”") is its own however the parser hung the quote. An "as" clause reports the
        # clause it is attached to as closely as that clause's verb does.
        if holds:
            steps = 0 if _beside(token, span, inside) else holders.get(token.head.i if aside else token.i, 0)
            score = steps * STEP_COST + cost + distance / 100
        else:
            score = distance + cost + 400
        if speaker_of(token, inside) is None:
            score += 200
        if best is None or score < best[0]:
            best = (score, token)
    return best[1] if best else None


def _beside(verb: Token, span: Span, inside: bytearray) -> bool:
    """Is ``verb`` the verb of a reporting clause right beside the quote? After it: only
    punctuation between ("“…?” asked Dunn"), or a short subject with no verb ("“…,” the
    former mayor of Lyon wrote"), and no report of its own after the verb ("“…,” Lee said
    the cases differ" reports its own clause). Before it: only punctuation, or the
    inverted subject, between the verb and the quote ("Ames said: “…”", "said Ames, “…”")."""
    doc = verb.doc
    if verb.i >= span.end:
        between = [t for t in doc[span.end : verb.i] if not (t.is_punct or t.is_space)]
        if between and (
            len(between) > MAX_SUBJECT_WORDS
            or any(t.pos_ in {"VERB", "AUX"} for t in between)
            or not any(c.dep_ in SUBJECT_DEPS and between[0].i <= c.i for c in verb.children if c.i < verb.i)
        ):
            return False
        # "“…,” Ames said: “…”" introduces the next quote
        nxt = verb.i + 1
        for c in verb.rights:
            if c.dep_ in SUBJECT_DEPS and c.left_edge.i == nxt:  # "said Ames:"
                nxt = c.right_edge.i + 1
        colon = nxt < len(doc) and doc[nxt].text == ":"
        return not colon and not any(
            c.dep_ in {"ccomp", "xcomp", "dobj"} and not inside[c.idx] for c in verb.rights
        )
    if verb.i < span.start:
        between = [t for t in doc[verb.i + 1 : span.start] if not (t.is_punct or t.is_space)]
        return not between or (
            len(between) <= MAX_SUBJECT_WORDS
            and all(t.pos_ not in {"VERB", "AUX", "SCONJ"} for t in between)
            and any(c.dep_ in SUBJECT_DEPS for c in verb.rights)
        )
    return False


# How long the subject of a reporting clause beside a quote can be.
MAX_SUBJECT_WORDS = 8


def _inverted_after(token: Token, span: Span) -> bool:
    """ "“…,” read the statement": the verb right after the quote, its subject after it
    (the parser often takes that subject for an object)."""
    gap = token.doc[span.end : token.i]
    return all(t.is_punct or t.is_space for t in gap) and any(
        c.dep_ in {"dobj", "nsubj"} for c in token.rights
    )


def _as_aside(token: Token, holders: dict[int, int], inside: bytearray) -> bool:
    """ "As she puts it, “…”" / "“…”, as the memo read": an "as" clause of a verb of
    saying reports the clause it is attached to ("as sanctions ramped up" is when)."""
    return (
        is_as_clause(token) and _reports(token) and (token.head.i in holders or bool(inside[token.head.idx]))
    )


def _hung_on(token: Token, span: Span) -> bool:
    """ "Ortiz shot back, “I could have stayed home …”": the parser often makes the quoted
    words the root and hangs the reporting clause on them; that clause reports the quote
    as surely as one that holds it. The clause must touch the quote, with only punctuation
    between, as a reporting clause does."""
    if not (
        token.pos_ == "VERB"
        and not span.start <= token.i < span.end
        and span.start <= token.head.i < span.end
        and not token.head.is_punct
        and token.dep_ in {"advcl", "parataxis", "ccomp", "conj"}
        and has_subject(token)
    ):
        return False
    doc = token.doc
    first, last = token.left_edge.i, token.right_edge.i
    gap = doc[last + 1 : span.start] if last < span.start else doc[span.end : first]
    return all(t.is_punct or t.is_space for t in gap)


def _holders(span: Span) -> dict[int, int]:
    """The tokens whose clause holds the quote, the ancestors of its words (``governs``
    for every token of a frame at once), each with how many steps up the tree it is from
    the nearest of them: the fewer, the more the quote is that clause's own."""
    out: dict[int, int] = {}
    for t in span:
        if t.is_punct:
            continue
        node, steps = t, 0
        while node.head != node:
            node, steps = node.head, steps + 1
            if out.get(node.i, steps + 1) <= steps:
                break
            out[node.i] = steps
    return out


def _class_cost(token: Token, span: Span, holds: bool) -> int | None:
    if is_cue(token):
        return 0
    if not acts_as_verb(token) or not holds:
        return None
    if communicates(token):
        return WIDER_CLASS_COST
    if token.lemma_.lower() in TEXT_FRAME_VERBS:
        return None  # "should be put to death by having “…”": an ordinary verb here
    # Any other verb reports the quote only when the quote is in what it says, not in
    # its subject ("“Jaws” was written by …" names a film), and when its subject is one
    # that reports words ("the timing does not surprise Shaw: “…”" has none).
    if _in_subject(token, span):
        return None
    subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
    if subjects and not likely_reporter(subjects[0]):
        return None
    return PARSE_ONLY_COST


def _in_subject(verb: Token, span: Span) -> bool:
    node = words_root(span)
    while node.head != node and node.head != verb:
        node = node.head
    return node.head == verb and node.dep_ in SUBJECT_DEPS


def has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def governs(cue: Token, span: Span) -> bool:
    return any(t.head == cue or cue in t.ancestors for t in span if not t.is_punct)


def cue_text(cue: Token) -> str:
    if cue.lower_ == "according":
        return "according to"
    prt = [c for c in cue.children if c.dep_ == "prt"]
    return cue.text + (" " + prt[0].text if prt else "")


def outermost_cue(cue: Token, inside: bytearray) -> Token:
    """ "X said that Y called it “…”" is X's statement in the article: the source the
    reader is given is the outermost speaker whose report contains the quote. Any verb
    that reports is a reporter there ("When the host pointed out that Ortiz refers to it
    as “…”", "The mayor believes Reed called it “…”"), except a verb that frames words only
    in its own construction ("the memo began"): "Reed went to the hearing because Ortiz
    called it “…”" is Ortiz's. A predicate noun is part of its clause's report ("Reed said
    it was the same thing as Ortiz calling it “…”").

    A verb joined to another with no subject of its own shares that verb's clause: in
    "Pence said it takes time but added, “…”" the parser hangs "added" on "takes", inside
    what Pence said, and the quote is Pence's, not the subject "it"'s. A conjunct with its
    own subject ("Lee said X, and Ruiz said “…”") is a statement of its own."""
    node = cue
    best = cue
    participle = False  # climbed from a participle on a noun ("McCain telling ...")
    for _ in range(6):
        if (
            node.head == node
            or node.dep_ not in REPORTED_CLAUSE | {"prep", "conj", "attr"}
            or (node.dep_ == "conj" and has_subject(node))
            or _second_statement(node, inside)
            or _closing_reporter(node, inside)
            # "..., with McCain telling reporters he viewed Obama as “responsible”": an
            # absolute "with" phrase is a circumstance of its clause, not what it reports
            or (participle and node.dep_ == "prep" and node.lower_ in {"with", "without"})
        ):
            break
        participle = participle or (node.dep_ in {"acl", "pcomp"} and node.tag_ == "VBG")
        node = node.head
        if (
            not inside[node.idx]
            and _reports(node)
            and node.lemma_.lower() not in TEXT_FRAME_VERBS
            and not _passive(node)
            and speaker_of(node, inside) is not None
        ):
            best = node
    return _according_to(best, inside) or _parenthetical_reporter(best, inside) or best


def _parenthetical_reporter(cue: Token, inside: bytearray) -> Token | None:
    """ "CNN, Reed said, called the move “highly significant”": a verb of saying set off by
    commas, with no complement of its own, reports the whole clause it interrupts, as
    "CNN called the move “…”, Reed said" does."""
    node = cue
    for _ in range(6):
        for child in node.children:
            if (
                child is not cue
                and child.dep_ in {"parataxis", "ccomp"}
                and child.pos_ == "VERB"
                and child.lemma_.lower() in SPEECH_VERBS
                and not inside[child.idx]
                and not any(c.dep_ in {"ccomp", "xcomp"} for c in child.children)
                and _set_off(child)
                and _says_nothing_of_its_own(child, inside)
            ):
                return child
        if node.head == node:
            break
        node = node.head
    return None


def _says_nothing_of_its_own(verb: Token, inside: bytearray) -> bool:
    """A reporting verb with a speaker and no object of its own, but for the subject the
    parser took for one ("…, reported the Washington Examiner.")."""
    speaker = speaker_of(verb, inside)
    if speaker is None:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return not objects or (len(objects) == 1 and speaker.root == objects[0])


def _set_off(verb: Token) -> bool:
    """The clause of ``verb`` sits between commas, or after one at the end of its sentence:
    ", Reed said," and ", the Times reported."."""
    doc = verb.doc
    first, last = verb.left_edge.i, verb.right_edge.i
    before = doc[first - 1] if first > 0 else None
    after = doc[last + 1] if last + 1 < len(doc) else None
    comma_before = (before is not None and before.text == ",") or doc[first].text == ","
    # "…, the Times reported." ends its sentence
    comma_after = (
        (after is not None and (after.text == "," or (after.is_sent_end and after.is_punct)))
        or doc[last].text == ","
        or (doc[last].is_punct and doc[last].is_sent_end)
    )
    return comma_before and comma_after


def _passive(verb: Token) -> bool:
    """ "Fourteen families were admitted", "he was told": the subject of a passive verb of
    saying is what was said or who heard it, never a reporter above the quote."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _closing_reporter(verb: Token, inside: bytearray) -> bool:
    """ "The chief cannot say that “from his view,” Lee added, …": a reporting clause right
    after a closing quotation mark and comma, with no complement of its own, reports what
    came before it; the parser may hang it on a verb before the quote (here as what "say"
    reports), but it is no clause of that verb's report. (", reports USA Today" after it
    is another matter: an outer reporter.)"""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if (
        not subjects
        or not _reports(verb)
        or verb.head.i > verb.i
        or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)
    ):
        return False
    first = min(verb.i, subjects[0].left_edge.i)
    if first < 2:
        return False
    mark, comma = verb.doc[first - 1], verb.doc[first - 2]
    return mark.is_quote and inside[mark.idx] and comma.text in {",", "!", "?"} and verb.i < subjects[0].i + 4


def _second_statement(clause: Token, inside: bytearray) -> bool:
    """ "Ortiz said he was not ready, though he said “I hope to”": an adverbial clause with
    a subject of its own, hung on a verb of saying, is a second statement beside the first,
    not part of what the first reports (a participle, "…, saying “…”", has no subject of
    its own and reports for the verb's). Inside reported content ("Flynn said Trump was
    right when he said “…”") the clause is part of the content, and its reporter is the
    outer speaker."""
    if clause.dep_ == "relcl":
        # "…, which he added “is deeply regrettable”", "Trump, who he blasted as a “bully”":
        # a relative clause whose own subject says or judges the quoted words.
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]  # who speaks, not who is called
        return _reports(clause) and bool(subjects) and subjects[0].lower_ not in RELATIVE_PRONOUNS
    if clause.dep_ != "advcl" or not has_subject(clause) or not _reports(clause):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        # "A letter calls for the party to respond by recognizing that “…”": an infinitive
        # with a subject of its own is what the outer verb asks for, not a second statement
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONTRASTING for c in clause.children):
        return True  # "…, while Reed called it “reckless”": wherever the parser hangs it
    head = clause.head
    return (
        head.pos_ == "VERB" and head.lemma_.lower() in SPEECH_VERBS and speaker_of(head, inside) is not None
    )


def _reports(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return acts_as_verb(verb) and (
        lemma in SPEECH_VERBS or communicates(verb) or informing_lemma(verb) in INFORMING_VERBS
    )


def _according_to(cue: Token, inside: bytearray) -> Token | None:
    """ "A clerk shouted “Fire!”, according to police": "according to X" on the cue's
    clause, or on a clause above it, makes X the source the article gives."""
    node = cue
    for _ in range(8):
        for child in node.children:
            if (
                child.lower_ == "according"
                and not inside[child.idx]
                and is_cue(child)
                and speaker_of(child, inside)
            ):
                return child
        if node.head == node or (node.dep_ == "conj" and has_subject(node)):
            break  # "…, according to the Gazette, and Ames said “…”": Ames's own statement
        node = node.head
    return _closing_according_to(cue, inside)


def _closing_according_to(cue: Token, inside: bytearray) -> Token | None:
    """ "Trump said he was “happy to see” it, according to The New York Times.": an
    "according to" set off at the end of the sentence reports all of it, wherever the
    parser hung it (here on the reported clause, below the cue)."""
    words = [t for t in sentence_of(cue) if not (t.is_punct or t.is_space)]
    for t in words:
        if (
            t.lower_ == "according"
            and t.i > cue.i
            and not inside[t.idx]
            and t.nbor(-1).text == ","
            and is_cue(t)
            and t.right_edge.i >= words[-1].i  # its phrase runs to the end of the sentence
            and speaker_of(t, inside)
        ):
            return t
    return None


def frame_of(doc: Doc, span: Span) -> Span:
    """The sentences the quote touches: where its cue and speaker are to be found."""
    first = sentence_of(doc[span.start])
    last = sentence_of(doc[span.end - 1])
    start, end = first.start, last.end
    # A quote that fills its sentence is often attributed in the next one: “…,” she said.
    nxt = sentence_of(doc[end]) if end < len(doc) else None
    if (
        nxt is not None
        and span.end >= last.end - 1
        and same_paragraph(doc, last, nxt)
        and len(nxt) <= 40
        and (
            any(_bare_report(t) for t in list(nxt[:6]) + _first_verb(nxt) + [nxt.root])
            or any(_reporting_tail(t, span) for t in _first_verb(nxt))
        )
    ):
        end = nxt.end
    return doc[start:end]


def _reporting_tail(verb: Token, span: Span) -> bool:
    """ "“Would it be negotiable?” Lee interjected.", "“You know?” Ortiz went on, …": right
    after the quote, a subject and a verb of the wider classes that says nothing of its own
    (no object, no clause, no place it went to) report the quote, though the tagger ends
    the sentence at the question mark and the verb is not one of saying."""
    doc = verb.doc
    if verb.i < span.end or not communicates(verb):
        return False
    between = [t for t in doc[span.end : verb.i] if not (t.is_punct or t.is_space)]
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and span.end <= c.i < verb.i]
    return (
        0 < len(between) <= MAX_SUBJECT_WORDS
        # the words between are the subject and nothing else ("…,” and I agree" is not)
        and bool(subjects)
        and subjects[0].left_edge.i <= between[0].i
        and subjects[0].right_edge.i >= between[-1].i
        and not any(t.pos_ in {"VERB", "AUX"} for t in between)
        and not any(c.dep_ in {"ccomp", "xcomp", "dobj", "prep", "attr", "acomp"} for c in verb.children)
    )


def _first_verb(sentence: Span) -> list[Token]:
    """The sentence's first verb: after a long subject ("“…!” Ann Lee, the head of the
    fund, tweeted on Friday.") it is the reporting verb even when the parse hangs it
    elsewhere."""
    return [t for t in sentence if t.pos_ == "VERB"][:1]


def _bare_report(verb: Token) -> bool:
    """A verb of saying with no reported clause of its own ("she said.", "Ruiz added,
    smiling."): it can report the quote before it. "Later, Ruiz said that the vote …"
    reports its own clause, not the quote before it."""
    return (
        verb.pos_ == "VERB"
        and verb.lemma_.lower() in SPEECH_VERBS
        and not any(c.dep_ == "ccomp" for c in verb.children)
    )


def same_paragraph(doc: Doc, a: Span, b: Span) -> bool:
    return paragraph_index(doc, a.start_char) == paragraph_index(doc, b.start_char)


def previous_sentence(doc: Doc, token_index: int) -> Span | None:
    """The sentence before ``token_index`` when it is in the same paragraph."""
    if token_index == 0:
        return None
    prev = sentence_of(doc[token_index - 1])
    if paragraph_index(doc, prev.start_char) != paragraph_index(doc, doc[token_index].idx):
        return None
    return prev


def lead_in_sentence(doc: Doc, span: Span, inside: bytearray) -> Span | None:
    """The sentence that introduces a quote paragraph with no cue of its own: the last one
    of the paragraph before ("Alvarez praised the crew's work. / “We need people who …”").
    Only for a quote that is its whole paragraph, after a paragraph that quotes nobody
    itself (after a quote, the running speaker decides: ``running_speaker``)."""
    paragraphs = line_paragraphs(doc)
    k = paragraph_index(doc, span.start_char)
    if k == 0:
        return None
    text = text_of(doc)
    start, end = paragraphs[k]
    if text[start : span.start_char].strip() or text[span.end_char : end].strip(" \t\n.,"):
        return None  # words of the article's own beside the quote: its own sentence decides
    before_start, before_end = paragraphs[k - 1]
    if any(inside[before_start:before_end]):
        return None
    before = doc.char_span(before_start, before_end, alignment_mode="contract")
    if before is None or not len(before):
        return None
    return sentence_of(before[-1])
