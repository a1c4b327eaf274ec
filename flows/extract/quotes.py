"""Quotes: where they are, whether they are speech or a term, and who said them.

``extract_quotes(doc)`` is the extractor; it follows textacy's style (a function over a
``Doc``) but does not give up on unbalanced marks (see ``quote_marks``), reads the parse
for the cue verb and its subject, resolves pronouns to the nearest named person before
them, and carries a speaker over to follow-on quotes.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from checks.records import Quote
from flows.extract.doccache import ents_before, ents_in, sentence_of, text_of
from flows.extract.lexicon import NAMING_WORDS, PERSONAL_PRONOUNS, SPEECH_NOUNS, SPEECH_VERBS
from flows.extract.quote_marks import QuoteSpan, find_quote_spans
from flows.extract.text import paragraph_spans

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Where a speaker's name stops when read off the words next to a cue.
STOP_POS = {"VERB", "AUX", "ADP", "SCONJ", "CCONJ"}
CLAUSE_DEPS_TO_DROP = {"relcl", "acl", "advcl", "ccomp", "parataxis", "cc", "conj"}
# Prepositions that belong to who someone is ("of the union", "for the ministry"), not when.
IDENTITY_PREPS = {"of", "for", "from", "at"}


def extract_quotes(doc: Doc) -> list[Quote]:
    paragraphs = paragraph_spans(text_of(doc))
    spans = find_quote_spans(text_of(doc), paragraphs)
    inside = _char_mask(len(text_of(doc)), spans)
    quotes: list[Quote] = []
    for qs in spans:
        span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        kind = _classify(doc, span, qs, inside)
        quote = Quote(
            qs.start,
            qs.end,
            text_of(doc)[qs.start : qs.end],
            kind,
            paragraph=_para_index(paragraphs, qs.start),
        )
        if kind == "speech":
            _attribute(doc, span, quote, inside)
        quotes.append(quote)
    _carry_speakers(doc, quotes, spans, paragraphs)
    for quote in quotes:
        if quote.kind == "speech" and quote.speaker and not quote.speaker_name:
            quote.speaker_name = quote.speaker
    return quotes


# ---------------------------------------------------------------- kind
def _classify(doc: Doc, span: Span, qs: QuoteSpan, inside: bytearray) -> str:
    inner = [t for t in span if not t.is_punct and not t.is_space]
    words = [t for t in inner if t.is_alpha or t.like_num]
    if not words:
        return "term"
    before = [t for t in doc[max(span.start - 3, 0) : span.start] if not t.is_punct]
    if before and before[-1].lower_ in NAMING_WORDS:
        return "term"  # so-called “X”, the word “X”, dubbed “X”
    if len(before) >= 2 and before[-2].lower_ in {"known", "referred"} and before[-1].lower_ in {"as", "to"}:
        return "term"
    if _names_something(doc, span, words):
        return "term"  # officials call the plan “fair fares”
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in inner)
    ends_sentence = span.text.rstrip("”’\"'»› ")[-1:] in ".!?…"
    attached = _attached_to_cue(doc, span)
    title_case = all(t.text[0].isupper() for t in words if len(t.text) > 3)
    # Names and titles: a short Title Case phrase ("Person of the Year", "On NKAO").
    if title_case and len(words) <= (4 if ends_sentence else 8) and not attached:
        return "term"
    if has_verb or len(words) > 5:
        return "speech"
    # A few words without a verb: a partial quote when someone is reported saying them
    # ("adding that the deals were handed out “like candy”"), else a scare quote.
    if attached or _reported(doc, span, inside):
        return "speech"
    return "term"


NAMING_VERBS = {"call", "dub", "name", "term", "label", "brand", "nickname", "title", "christen", "style"}


def _names_something(doc: Doc, span: Span, words: list[Token]) -> bool:
    """'call X “Y”' introduces a name when Y is a bare noun phrase ('the plan “fair fares”');
    with an article before it ('called him a “liar”') or as a description it is speech."""
    # Climb from the quote to its verb: "called the lot “the crater”" may hang the quote
    # off the object (appos) rather than off the verb.
    node, head = span.root, None
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


def _reported(doc: Doc, span: Span, inside: bytearray) -> bool:
    """Is the quote inside what a speech verb with a subject reports, or 'according to' someone?"""
    node = span.root
    for _ in range(5):
        if node.head == node:
            break
        node = node.head
        if not inside[node.idx] and _is_cue(node) and _speaker_of(node, inside) is not None:
            return True
    # The parse often hangs a partial quote off the wrong word; a verb of saying with a
    # speaker in the same sentence is evidence enough that its words are reported.
    sent = sentence_of(doc[span.start])
    return any(
        not inside[t.idx]
        and (
            t.lower_ == "according"
            or (t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS and _speaker_of(t, inside) is not None)
        )
        for t in sent
    )


def _attached_to_cue(doc: Doc, span: Span) -> bool:
    """“Never,” she said. / He said: “Absolutely.” — a short quote right next to a speech verb."""
    after = [t for t in doc[span.end : span.end + 4] if not t.is_punct]
    before = [t for t in doc[max(span.start - 2, 0) : span.start] if not t.is_punct]
    near = after[:2] + before[-1:]
    return any(t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" for t in near)


# ---------------------------------------------------------------- speaker
def _attribute(doc: Doc, span: Span, quote: Quote, inside: bytearray) -> None:
    frame = _frame(doc, span)
    cue = _best_cue(doc, span, frame, inside)
    if cue is None:
        # "Smith praised the plan. “It will work.”" / "He added:" then the quote: a quote
        # that opens its sentence is often introduced by the sentence before it.
        prev = _previous_sentence(doc, frame.start)
        opens_sentence = not any(not t.is_punct and not t.is_space for t in doc[frame.start : span.start])
        if prev is not None and (prev.text.rstrip().endswith(":") or opens_sentence):
            cue = _best_cue(doc, span, prev, inside)
    if cue is None:
        introducer = _colon_introducer(doc, span, inside)
        if introducer is not None:
            _set_speaker(doc, quote, introducer, ":")
            return
    dash = _dash_speaker(doc, quote.end)
    if cue is None or (dash is not None and not _governs(cue, span)):
        if dash is None:
            return
        cue_text, speaker = "—", dash
    else:
        cue = _outermost_cue(cue, inside)
        cue_text = _cue_text(cue)
        quote.cue_start = cue.idx
        speaker = _speaker_of(cue, inside) or _adjacent_speaker(doc, span, cue, inside)
    quote.cue = cue_text
    if speaker is not None:
        _set_speaker(doc, quote, speaker, cue_text)


def _set_speaker(doc: Doc, quote: Quote, speaker: Span, cue: str) -> None:
    quote.cue = cue
    quote.speaker = speaker.text
    quote.speaker_start = speaker.start_char
    quote.speaker_end = speaker.end_char
    quote.speaker_name = _name_in(speaker)
    if quote.speaker_name is None and speaker.root.lower_ in PERSONAL_PRONOUNS:
        quote.speaker_name = _resolve_pronoun(doc, speaker)
    quote.anonymous = quote.speaker_name is None and not any(t.pos_ == "PROPN" for t in speaker)


REPORTED_CLAUSE = {"ccomp", "xcomp", "advcl", "relcl", "pcomp", "pobj", "dobj", "acl"}


def _outermost_cue(cue: Token, inside: bytearray) -> Token:
    """ "X said that Y called it “…”" is X's statement in the article: the source the
    reader is given is the outermost speaker whose report contains the quote."""
    node = cue
    best = cue
    for _ in range(6):
        if node.head == node or node.dep_ not in REPORTED_CLAUSE | {"prep"}:
            break
        node = node.head
        if (
            not inside[node.idx]
            and node.pos_ == "VERB"
            and node.lemma_.lower() in SPEECH_VERBS
            and _speaker_of(node, inside) is not None
        ):
            best = node
    return best


def _colon_introducer(doc: Doc, span: Span, inside: bytearray) -> Span | None:
    """ "Maria Olsen was blunt about the budget: “…”": with no verb of saying, a clause that
    ends in a colon right before the quote introduces its speaker when its subject is a
    person (or a pronoun for one)."""
    i = span.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":":
        return None
    # The clause before the colon: climb from its last word while the heads stay before it.
    clause_root = doc[max(i - 1, 0)]
    while clause_root.head != clause_root and clause_root.head.i < i:
        clause_root = clause_root.head
    subj = [c for c in clause_root.children if c.dep_ in {"nsubj", "nsubjpass"} and not inside[c.idx]]
    if not subj:
        return None
    head = subj[0]
    if head.ent_type_ == "PERSON" or head.lower_ in {"he", "she"}:
        return _phrase(head, inside)
    return None


def _distance(cue: Token, span: Span) -> int:
    return cue.idx - span.end_char if cue.idx >= span.end_char else span.start_char - cue.idx


DASH_AFTER = re.compile(r"\s*(?:[―—–]|--?)\s*(?!so\b|as\b)")


def _dash_speaker(doc: Doc, quote_end: int) -> Span | None:
    """“…” — Jane Doe  /  “…”― Jane Doe, a teacher: a name after a dash signs the quote."""
    m = DASH_AFTER.match(text_of(doc), quote_end)
    if not m:
        return None
    tail = doc.char_span(m.end(), min(len(text_of(doc)), m.end() + 80), alignment_mode="expand")
    if tail is None:
        return None
    name: list[Token] = []
    for tok in tail:
        if tok.pos_ == "PROPN" or (name and tok.text == "." and len(name[-1]) <= 2):
            name.append(tok)
        elif tok.pos_ in {"DET", "ADJ", "NOUN"} and not name:
            continue
        else:
            break
    if not name or len(name) > 6:
        return None
    return doc[name[0].i : name[-1].i + 1]


def _adjacent_speaker(doc: Doc, span: Span, cue: Token, inside: bytearray) -> Span | None:
    """When the parse gives the cue no subject, take the noun phrase that sits between the
    quote and the cue (“…,” the police chief said) or right after the cue (said Hester)."""
    if cue.lower_ == "according":
        return None
    if cue.i < span.start:
        # "Said Ellis: “…”"
        after = []
        for t in doc[cue.i + 1 : span.start]:
            if t.is_punct or t.pos_ in STOP_POS or t.is_space or t.ent_type_ in {"DATE", "TIME"}:
                break
            after.append(t)
        if after and any(t.pos_ in {"PROPN", "NOUN"} for t in after):
            return doc[after[0].i : after[-1].i + 1]
        return None
    if cue.i >= span.end:
        between = [t for t in doc[span.end : cue.i] if not t.is_punct and not t.is_space]
        # A capitalised word tagged as a verb is a name the tagger got wrong ("Tulsa").
        verbs = [t for t in between if t.pos_ in {"VERB", "AUX"} and not t.text[:1].isupper()]
        if 0 < len(between) <= 8 and not verbs and any(t.pos_ in {"PROPN", "NOUN", "PRON"} for t in between):
            return doc[between[0].i : between[-1].i + 1]
        if not between:
            after = []
            for t in doc[cue.i + 1 : cue.i + 10]:
                if (
                    t.is_punct
                    or t.pos_ in STOP_POS
                    or inside[t.idx]
                    or t.is_space
                    or t.ent_type_ in {"DATE", "TIME"}
                ):
                    break
                after.append(t)
            if after and any(t.pos_ in {"PROPN", "NOUN"} for t in after):
                return doc[after[0].i : after[-1].i + 1]
    return None


def _frame(doc: Doc, span: Span) -> Span:
    """The sentences the quote touches: where its cue and speaker are to be found."""
    first = sentence_of(doc[span.start])
    last = sentence_of(doc[span.end - 1])
    start, end = first.start, last.end
    # A quote that fills its sentence is often attributed in the next one: “…,” she said.
    nxt = sentence_of(doc[end]) if end < len(doc) else None
    if (
        nxt is not None
        and span.end >= last.end - 1
        and _same_paragraph(doc, last, nxt)
        and len(nxt) <= 40
        and (
            any(t.lemma_.lower() in SPEECH_VERBS and t.pos_ == "VERB" for t in nxt[:6])
            or (nxt.root.lemma_.lower() in SPEECH_VERBS and nxt.root.pos_ == "VERB")
        )
    ):
        end = nxt.end
    return doc[start:end]


def _same_paragraph(doc: Doc, a: Span, b: Span) -> bool:
    between = text_of(doc)[a.end_char : b.start_char]
    return "\n\n" not in between and not any("\n\n" in t.text for t in a if t.is_space)


def _previous_sentence(doc: Doc, token_index: int) -> Span | None:
    if token_index == 0:
        return None
    prev = sentence_of(doc[token_index - 1])
    if "\n\n" in text_of(doc)[prev.end_char - 2 : doc[token_index].idx]:
        return None
    return prev


def _is_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in SPEECH_VERBS:
        return True
    return token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to"


def _best_cue(doc: Doc, span: Span, frame: Span, inside: bytearray) -> Token | None:
    best: tuple[float, Token] | None = None
    for token in frame:
        if inside[token.idx] or not _is_cue(token):
            continue
        if token.lemma_.lower() in {"read", "begin", "continue", "quote"} and not _has_subject(token):
            continue
        distance = token.idx - span.end_char if token.idx >= span.end_char else span.start_char - token.idx
        # Prefer a cue whose clause holds the quote, then the nearest one.
        score = distance + (0 if _governs(token, span) else 400)
        if _speaker_of(token, inside) is None:
            score += 200
        if best is None or score < best[0]:
            best = (score, token)
    return best[1] if best else None


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in token.children)


def _governs(cue: Token, span: Span) -> bool:
    return any(t.head == cue or cue in t.ancestors for t in span if not t.is_punct)


def _cue_text(cue: Token) -> str:
    if cue.lower_ == "according":
        return "according to"
    prt = [c for c in cue.children if c.dep_ == "prt"]
    return cue.text + (" " + prt[0].text if prt else "")


def _speaker_of(cue: Token, inside: bytearray) -> Span | None:
    if cue.lower_ == "according":
        to = cue.nbor()
        objs = [c for c in to.children if c.dep_ == "pobj"]
        return _phrase(objs[0], inside) if objs else None
    verb = cue
    for _ in range(4):
        subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not inside[c.idx]]
        if subj:
            # "The engineer Karl Hahn said" can come out as two subjects: take the name.
            head = next((c for c in subj if c.ent_type_ == "PERSON"), subj[0])
            if head.lower_ in {"that", "which", "who"}:
                # "the minister, who said …": the relative clause's noun is the speaker.
                return _phrase(verb.head, inside) if verb.dep_ == "relcl" else None
            if head.lower_ in {"what", "this", "there"} or head.ent_type_ in {"DATE", "TIME"}:
                return None
            return _phrase(head, inside)
        if verb.dep_ == "acl" and verb.head.pos_ in {"PROPN", "NOUN"} and not inside[verb.head.idx]:
            return _phrase(verb.head, inside)  # "footage of Jane Doe asking, “…”"
        # "was quoted as saying", "went on to say", "he paused and added"
        if verb.dep_ in {"xcomp", "advcl", "pcomp", "conj"} and verb.head != verb:
            verb = verb.head if verb.dep_ != "pcomp" else verb.head.head
            continue
        break
    return None


def _phrase(head: Token, inside: bytearray) -> Span:
    """The noun phrase of a speaker: the head with its modifiers and appositives, without
    relative clauses or anything inside a quote."""
    doc = head.doc
    keep = {head.i}
    for child in head.children:
        if child.dep_ in CLAUSE_DEPS_TO_DROP:
            continue
        if child.dep_ == "prep" and child.lower_ not in IDENTITY_PREPS:
            continue
        keep.update(t.i for t in child.subtree if not inside[t.idx])
    start, end = head.i, head.i
    while start - 1 in keep:
        start -= 1
    while end + 1 in keep:
        end += 1
    # Trim edge punctuation.
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and (doc[end].is_punct or doc[end].dep_ in {"cc", "punct"}):
        end -= 1
    return doc[start : end + 1]


def _name_in(speaker: Span) -> str | None:
    for ent in ents_in(speaker):
        if ent.label_ == "PERSON":
            return ent.text
    for ent in ents_in(speaker):
        if ent.label_ in {"ORG", "NORP", "GPE"} and ent.root == speaker.root:
            return ent.text
    propn = [t for t in speaker if t.pos_ == "PROPN"]
    if propn and speaker.root.pos_ == "PROPN":
        return speaker.text
    return None


def _resolve_pronoun(doc: Doc, pronoun: Span) -> str | None:
    """Nearest named person before the pronoun (for 'it' or 'they', an organisation)."""
    want = {"ORG", "NORP", "GPE"} if pronoun.root.lower_ in {"it", "they"} else {"PERSON"}
    return next((e.text for e in ents_before(doc, pronoun.start_char) if e.label_ in want), None)


# ---------------------------------------------------------------- follow-ons
def _carry_speakers(doc: Doc, quotes: list[Quote], spans: list[QuoteSpan], paragraphs) -> None:
    """A quote with no speaker takes the previous quote's when it continues that quote, sits
    in the same paragraph, or opens the paragraph right after a quote paragraph of one
    speaker."""
    by_start = {s.start: s for s in spans}
    speech = [q for q in quotes if q.kind == "speech"]
    for i, quote in enumerate(speech):
        if quote.speaker or i == 0:
            continue
        prev = speech[i - 1]
        if not prev.speaker:
            continue
        qs = by_start.get(quote.start)
        opens_paragraph = paragraphs[quote.paragraph][0] == quote.start
        same_paragraph = prev.paragraph == quote.paragraph
        follows = (
            opens_paragraph and prev.paragraph == quote.paragraph - 1 and _one_speaker(speech, prev.paragraph)
        )
        if (qs is not None and qs.continuation) or same_paragraph or follows:
            quote.speaker = prev.speaker
            quote.speaker_start, quote.speaker_end = prev.speaker_start, prev.speaker_end
            quote.speaker_name = prev.speaker_name
            quote.cue = prev.cue
            quote.anonymous = prev.anonymous


def _one_speaker(speech: list[Quote], paragraph: int) -> bool:
    names = {q.speaker_name or q.speaker for q in speech if q.paragraph == paragraph}
    return len(names) == 1 and None not in names


# ---------------------------------------------------------------- helpers
def _char_mask(n: int, spans: list[QuoteSpan]) -> bytearray:
    mask = bytearray(n + 1)
    for s in spans:
        mask[s.start : s.end] = b"\x01" * (s.end - s.start)
    return mask


def _para_index(paragraphs: list[tuple[int, int]], pos: int) -> int:
    lo, hi = 0, len(paragraphs) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if paragraphs[mid][0] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


__all__ = ["extract_quotes", "SPEECH_NOUNS"]
