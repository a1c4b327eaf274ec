"""Speaker mentions: who a cue verb reports, the noun phrase of a speaker, names and pronouns.

Functions over a parsed ``Doc``; ``inside`` is a per-character mask of the quote spans, so
that no speaker is ever read out of the quoted words themselves.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from copydesk.flows.extract.doccache import (
    entities,
    ents_before,
    ents_in,
    named_in_story,
    paragraph_index,
    sentence_of,
    text_of,
)
from copydesk.flows.extract.lexicon import (
    ADDRESSING_VERBS,
    ISSUED_TEXT_NOUNS,
    POLL_NOUNS,
    SHARE_WORDS,
    SPEECH_VERBS,
    communicates,
)
from copydesk.flows.extract.person_gender import agrees, gender_of
from copydesk.flows.extract.speaker_nouns import cannot_speak

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Where a speaker's name stops when read off the words next to a cue.
STOP_POS = {"VERB", "AUX", "ADP", "SCONJ", "CCONJ"}
CLAUSE_DEPS_TO_DROP = {"relcl", "acl", "advcl", "ccomp", "parataxis", "cc", "conj"}
# Prepositions that belong to who someone is ("of the union", "for the ministry"), not when.
IDENTITY_PREPS = {"of", "for", "from", "at"}
RELATIVE_PRONOUNS = {"that", "which", "who"}


def speaker_of(cue: Token, inside: bytearray) -> Span | None:
    if cue.lower_ == "according":
        to = cue.nbor()
        objs = [c for c in to.children if c.dep_ == "pobj"]
        if not objs:
            return None
        # "according to calculations by Amy Glasmeier", "according to audio provided by
        # Wyoming Public Radio": whoever made what is cited is the source
        made_by = _made_by(objs[0], inside)
        return issuer(made_by or phrase(objs[0], inside), inside)
    verb = cue
    for _ in range(4):
        inverted = _inverted_subject(verb, inside)
        if inverted is not None:
            return inverted
        subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not inside[c.idx]]
        if (
            subj
            and subj[0].dep_ == "nsubjpass"
            and (verb.lemma_.lower() in ADDRESSING_VERBS or (verb is cue and _described(verb)))
        ):
            # "Reed was asked by the host, “…”": who was spoken to is the subject, and who
            # spoke is the agent, if the sentence names one. So for a passive that holds
            # the quote itself: "Trump was described as “unfit” by the board", "the levy,
            # which was denounced as “a tax” by Reed", or where it was published: "was
            # described on Amazon as “…”", "was called “…” in the report".
            return _agent(verb, inside) or _published_in(verb, inside)
        if len(subj) > 1:
            # A verb has one subject. "His verdict: “It's bleak,” he said." comes out with
            # two, one each side of the quote: the one the quote does not cut off is it.
            subj = [c for c in subj if not _quote_between(c, verb, inside)] or subj
        if subj:
            # "The engineer Karl Hahn said" can come out as two subjects: take the name.
            head = next((c for c in subj if c.ent_type_ == "PERSON"), subj[0])
            if head.lower_ in RELATIVE_PRONOUNS:
                # "the minister, who said …": the mention is "who"; ``antecedent`` names it.
                # "Sanders released an ad that urges voters to “…”": a document someone
                # issued speaks for them, as in "released a statement calling it “…”".
                noun = _relative_antecedent(head)
                if noun is None:
                    return None
                document = phrase(noun, inside)
                issued = issuer(document, inside)
                return issued if issued is not document else verb.doc[head.i : head.i + 1]
            if head.lower_ in {"what", "this", "there"} or head.ent_type_ in {"DATE", "TIME"}:
                return None
            if cannot_speak(head):
                # "the tone of the talk was calm and predicted …": no reporter. But in "With
                # 50 days until the election, Minyon Moore, a senior adviser, called ..." the
                # parser made the name an appositive of the noun before it: the name speaks.
                return _appositive_name(head, inside)
            return issuer(phrase(head, inside), inside)
        mistagged = _name_tagged_as_modifier(verb, inside)
        if mistagged is not None:
            return mistagged
        if (
            verb.tag_ == "VBN"
            and verb.dep_ in {"acl", "advcl"}
            and any(c.dep_ == "agent" for c in verb.children)
        ):
            # A participle with a by-agent is the agent's act, not that of the noun it
            # describes or the subject of the clause it hangs on: "“poison pill” measures
            # added by Republicans", "the files, described as “sensitive” by aides", "Asked
            # by a reporter if the plan “goes far enough,” Reed …" (the asker's words)
            return _agent(verb, inside)
        under_as = [
            o
            for m in verb.children
            if m.dep_ == "mark" and m.lower_ == "as"
            for o in m.children
            if o.dep_ == "pobj" and not inside[o.idx]
        ]
        if under_as:
            # "As Akhil Amar, a professor at Yale, put it, “…”": the parser can hang the
            # subject on "as" as its object
            return issuer(phrase(under_as[0], inside), inside)
        if (
            verb.dep_ == "acl"
            and verb.tag_ == "VBN"
            and any(inside[t.idx] for r in verb.rights for t in r.subtree)
            # With no agent: "Ode tweeted that it was “a con”" is a finite verb the tagger
            # took for a participle: a name right before it speaks. (A quote before the
            # participle is the same mistake: "“…” Ode, the mayor, Tweeted".)
            and not (verb.head.pos_ == "PROPN" and _right_after(verb.head, verb))
        ):
            return None
        if verb.dep_ == "acl" and verb.head.pos_ in {"PROPN", "NOUN"} and not inside[verb.head.idx]:
            noun = verb.head
            if (
                noun.dep_ == "pobj"
                and noun.head.lower_ in {"at", "in", "on", "during"}
                and noun.head.head.pos_ in {"VERB", "AUX"}
            ):
                # "he has battled with the mayor, at one point calling him a “liar”": the
                # parser hangs the participle on the time phrase; it goes with the clause
                verb = noun.head.head
                continue
            # "footage of Jane Doe asking, “…”", "a statement calling it “…”"
            return issuer(phrase(noun, inside), inside)
        # "was quoted as saying", "went on to say", "he paused and added", and "was quick
        # to add" (through the adjective to the copula, which has the subject)
        lost = _subject_of_a_misread_relative(verb, inside) or _for_subject(verb, inside)
        if lost is not None:
            return lost
        if verb.dep_ in {"xcomp", "advcl", "pcomp", "conj", "acomp"} and verb.head != verb:
            verb = verb.head if verb.dep_ != "pcomp" else verb.head.head
            continue
        break
    return None


def _described(verb: Token) -> bool:
    """Is the subject of a passive verb what was said or described, not who said it? Not
    when the verb has the subject say something ("was quoted as saying", "is shown
    lecturing", "are obliged to disclose") or takes an object: the parser reads "he's said
    the same thing" as a passive. Only for a verb of saying or judging: the subject of
    another passive the parse makes the cue may be a document ("The complaint is based on
    rules that ..."), and stays the speaker it was."""
    if not communicates(verb):  # the verbs of saying and the wider classes
        return False
    for child in verb.children:
        if child.dep_ == "dobj" or (child.dep_ == "auxpass" and child.lower_ in {"'s", "’s"}):
            return False
        if child.dep_ in {"xcomp", "ccomp", "advcl", "prep"} and any(
            t.pos_ == "VERB" and communicates(t) for t in child.subtree
        ):
            return False
    return True


def _appositive_name(noun: Token, inside: bytearray) -> Span | None:
    """A name set in apposition to ``noun`` ("the election, Minyon Moore, ...")."""
    for child in noun.children:
        if (
            child.dep_ == "appos"
            and not inside[child.idx]
            and (child.ent_type_ == "PERSON" or child.pos_ == "PROPN")
        ):
            return phrase(child, inside)
    return None


def _right_after(name: Token, verb: Token) -> bool:
    """Does ``verb`` follow ``name`` with nothing between but the name's own appositive set
    off by commas ("Aaron Kall, the director of debate at the university, compared ...")?"""
    if verb.i == name.i + 1:
        return True
    between = verb.doc[name.i + 1 : verb.i]
    own = {t.i for c in name.children if c.dep_ == "appos" for t in c.subtree}
    return (
        between[0].text == "," and between[-1].text == "," and all(t.i in own or t.is_punct for t in between)
    )


# Roles the tagger gives a name it does not see as one, right before its verb: "Skelly"
# (advmod) in "And Skelly called …", "Will" (aux) in "…, Will described …".
MODIFIER_DEPS = frozenset({"advmod", "aux", "npadvmod", "compound", "amod"})
PERSON_OR_BODY = frozenset({"PERSON", "ORG"})


def _name_tagged_as_modifier(verb: Token, inside: bytearray) -> Span | None:
    """A verb with no subject, right after a capitalised word the parser made its modifier,
    where the story names a person or body by that word elsewhere: the word is the subject
    the parser missed ("And Skelly called Braynard “…”" when the story has "Dan Skelly")."""
    if verb.i == 0:
        return None
    word = verb.doc[verb.i - 1]
    if (
        word.head != verb
        or word.dep_ not in MODIFIER_DEPS
        or inside[word.idx]
        or not word.is_alpha
        or not word.text[0].isupper()
        or word.is_sent_start
        or not named_in_story(verb.doc, {word.text}, PERSON_OR_BODY)
    ):
        return None
    return verb.doc[word.i : word.i + 1]


def _quote_between(word: Token, verb: Token, inside: bytearray) -> bool:
    """Do quoted words stand between ``word`` and ``verb``?"""
    low, high = sorted((word.i, verb.i))
    return any(inside[t.idx] for t in verb.doc[low + 1 : high])


def _made_by(noun: Token, inside: bytearray) -> Span | None:
    """Who made a cited thing: "calculations by X", or a participle's agent, "data
    compiled by X" (as for a document, ``_participle_agent``)."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by" and not inside[child.idx]:
            names = [o for o in child.children if o.dep_ == "pobj" and not inside[o.idx]]
            if names:
                return phrase(names[0], inside)
    return _participle_agent(noun, inside)


def _agent(verb: Token, inside: bytearray) -> Span | None:
    """The noun phrase a passive verb's "by" names."""
    names = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return phrase(names[0], inside) if names and not inside[names[0].idx] else None


# Entities that say when or how many, never who: "said Monday", "described in March as".
WHEN_OR_HOW_MANY_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"})
# Names that cannot publish words: those, a place or an event ("described in Iowa as").
# Any other name can be a paper, a site or a work (the recogniser takes "the Herald" for
# a person).
NOT_PUBLISHER_ENTS = WHEN_OR_HOW_MANY_ENTS | {"GPE", "LOC", "FAC", "EVENT", "NORP"}


def _published_in(verb: Token, inside: bytearray) -> Span | None:
    """ "is described on Amazon as “…”", "was called “a bully” in the Herald's report": the
    publication or text an agentless passive names with "in" or "on"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "on"} or inside[prep.idx]:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or inside[noun.idx]:
                continue
            if (noun.pos_ == "PROPN" and noun.ent_type_ not in NOT_PUBLISHER_ENTS) or (
                noun.pos_ == "NOUN" and noun.lemma_.lower() in ISSUED_TEXT_NOUNS
            ):
                return phrase(noun, inside)
    return None


def _inverted_subject(verb: Token, inside: bytearray) -> Span | None:
    """ "…,” said Kristen Day, …, reports USA Today.", "…, reported the Washington
    Examiner.": a verb of saying that closes its sentence after a comma, with only a name
    after it, has that name for its subject, whatever the parser made of it (an object, or
    a second subject beside the name before the comma). Not a verb whose object is who is
    told ("…, an official told Fox News."), nor a time ("…, Reed said Monday.")."""
    lemma = verb.lemma_.lower()
    if lemma not in SPEECH_VERBS or lemma in ADDRESSING_VERBS:
        return None
    if verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    after = [c for c in verb.children if c.i > verb.i and not c.is_punct]
    if len(after) != 1 or after[0].dep_ not in {"dobj", "npadvmod", "attr", "nsubj"} or inside[after[0].idx]:
        return None
    name = after[0]
    if name.ent_type_ in WHEN_OR_HOW_MANY_ENTS or (
        name.pos_ != "PROPN" and name.ent_type_ not in {"ORG", "PERSON"}
    ):
        return None
    end = name.right_edge.i + 1
    if end < len(verb.doc) and verb.doc[end].text not in {".", "!", "?"}:
        return None  # "…, said Reed Smith and his aide" goes on: not a closing clause
    return phrase(name, inside)


def _subject_of_a_misread_relative(verb: Token, inside: bytearray) -> Span | None:
    """ "Reed, meanwhile, who has no endorsements, said …": the parser may read the name and
    its relative clause as a clause of their own before the verb ("Reed … who has" with two
    subjects), leaving the verb with none. A clause before the verb whose subjects are a
    noun phrase and a relative pronoun is that misreading: the noun phrase speaks. So is a
    subject noun with the relative clause on it ("One resident, who like others spoke on
    condition of anonymity, said …": "resident" comes out as the subject of "spoke")."""
    for clause in verb.children:
        if clause.i > verb.i or clause.dep_ not in {"ccomp", "advcl", "parataxis"}:
            continue
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS and not inside[c.idx]]
        relative = [c for c in subjects if c.lower_ in RELATIVE_PRONOUNS]
        named = [
            c for c in subjects if c.pos_ in {"PROPN", "NOUN"} and c.i < (relative[0].i if relative else -1)
        ]
        if relative and named:
            return phrase(named[0], inside)
        relativised = [c for c in subjects if c.pos_ in {"PROPN", "NOUN"} and _has_relative_clause(c)]
        if relativised:
            return phrase(relativised[0], inside)
    return None


def _for_subject(verb: Token, inside: bytearray) -> Span | None:
    """ "It has been common for news accounts to portray him as a “rebel”": an infinitive's
    own subject comes with "for" right before its "to"; the parser hangs it on "for" as
    an object, and the clause above has only the "it" that stands in for the infinitive."""
    to = [c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i]
    if not to or to[0].i == 0:
        return None
    noun = verb.doc[to[0].i - 1]
    if noun.dep_ != "pobj" or noun.head.lower_ != "for" or inside[noun.idx]:
        return None
    # Only where "it" holds the subject's place above ("It is common for …"): in "Reed
    # asked for the council to call it “…”" the words are in what Reed asked for.
    above = verb.head
    if not any(c.dep_ in SUBJECT_DEPS and c.lower_ == "it" for c in above.children):
        return None
    return phrase(noun, inside)


def _has_relative_clause(noun: Token) -> bool:
    """ "Reed, who …": a relative clause set off by a comma and opened by its pronoun."""
    doc = noun.doc
    set_off = noun.i + 1 < len(doc) and doc[noun.i + 1].text == ","
    return set_off and any(
        c.dep_ == "relcl"
        and any(g.lower_ in RELATIVE_PRONOUNS and g.dep_ in SUBJECT_DEPS for g in c.children)
        for c in noun.children
    )


def poll_behind(doc: Doc, speaker: Span, inside: bytearray) -> Span | None:
    """ "In a Harbour Institute poll, 75 percent of renters said “…”": a share of
    respondents speaks through the poll that counted them. The poll named in the
    speaker's sentence, else in the sentence before it in the same paragraph."""
    root = speaker.root
    counted = root.like_num or root.lemma_.lower() in SHARE_WORDS
    if not counted:
        return None
    here = sentence_of(root)
    window = [here]
    if here.start > 0:
        before = sentence_of(doc[here.start - 1])
        if paragraph_index(doc, before.start_char) == paragraph_index(doc, here.start_char):
            window.append(before)
    for sent in window:
        polls = [t for t in sent if t.pos_ == "NOUN" and t.lemma_.lower() in POLL_NOUNS and not inside[t.idx]]
        if polls:
            return phrase(polls[0], inside)
    return None


def words_root(span: Span) -> Token:
    """The root of the quoted words. ``Span.root`` of the whole quote can be its closing
    mark, which the parser often hangs straight on the sentence's root."""
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words:
        return span.root
    return span.doc[words[0].i : words[-1].i + 1].root


def antecedent(mention: Span, inside: bytearray) -> Span | None:
    """The noun phrase a relative pronoun stands for ("the minister, who said …")."""
    root = mention.root
    if len(mention) != 1 or root.lower_ not in RELATIVE_PRONOUNS:
        return None
    noun = _relative_antecedent(root)
    return phrase(noun, inside) if noun is not None else None


def _relative_antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun stands for: the head of its relative clause, or, where
    the parser hung the clause elsewhere ("they turned to the Police Department which
    reported “…”" as an adverbial clause of "turned"), the noun right before "which" or
    "who" ("that" may as well be a conjunction there)."""
    if pronoun.head.dep_ == "relcl":
        return pronoun.head.head
    if pronoun.lower_ not in {"which", "who"} or pronoun.i == 0:
        return None
    before = pronoun.doc[pronoun.i - 1]
    if before.text == "," and before.i > 0:
        before = before.doc[before.i - 1]
    return before if before.pos_ in {"NOUN", "PROPN"} else None


def issuer(speaker: Span, inside: bytearray) -> Span:
    """A document someone issued speaks for them: "The union released a statement calling
    it “reckless”" is the union's. A document with no issuer in its clause ("The memo
    read, …") is itself the speaker."""
    root = speaker.root
    if root.lemma_.lower() not in ISSUED_TEXT_NOUNS:
        return speaker
    by = _participle_agent(root, inside)
    if by is not None:
        return by  # "a court document filed by the state attorney", "a letter signed by 40 senators"
    if root.dep_ not in {"dobj", "pobj"}:
        return speaker
    verb = root.head if root.dep_ == "dobj" else root.head.head
    if verb.pos_ != "VERB":
        return speaker
    subj = [c for c in verb.children if c.dep_ == "nsubj" and not inside[c.idx]]
    while not subj and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        # "the group sent letters and placed ads calling the deal “…”": joined verbs
        # share the first one's subject
        verb = verb.head
        subj = [c for c in verb.children if c.dep_ == "nsubj" and not inside[c.idx]]
    if not subj or subj[0].lower_ in RELATIVE_PRONOUNS or subj[0].pos_ not in {"PROPN", "NOUN", "PRON"}:
        return speaker
    return phrase(subj[0], inside)


def _participle_agent(document: Token, inside: bytearray) -> Span | None:
    """The agent of a participle that modifies a document: who filed, issued or signed it."""
    for verb in document.children:
        if verb.dep_ != "acl" or verb.tag_ != "VBN":
            continue
        for agent in verb.children:
            if agent.dep_ != "agent":
                continue
            names = [p for p in agent.children if p.dep_ == "pobj" and not inside[p.idx]]
            if names and names[0].pos_ in {"PROPN", "NOUN"}:
                return phrase(names[0], inside)
    return None


def phrase(head: Token, inside: bytearray) -> Span:
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
    start = _after_dateline(doc, start, end)
    # Trim edge punctuation.
    while start < end and doc[start].is_punct:
        start += 1
    while end > start and (doc[end].is_punct or doc[end].dep_ in {"cc", "punct"}):
        end -= 1
    return doc[start : end + 1]


DATELINE_DASHES = frozenset({"—", "--", "–"})


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """ "WASHINGTON — Sen. Chuck Grassley", "RENO, Nev. (AP) — Donald Trump": the parser
    can take a wire story's dateline into the subject. A phrase that opens its line with a
    word in capitals and has a dash within its first words, with no word in lower case
    before it (a place, a date, an agency), starts after the dash. "NATO officials — and
    their aides — said" is no dateline."""
    first = doc[start]
    if not (first.is_upper and len(first.text) > 2) or (
        start > 0 and "\n" not in doc[start - 1].text_with_ws
    ):
        return start
    for token in doc[start + 1 : min(end, start + 10)]:
        if token.text in DATELINE_DASHES:
            return token.i + 1
        if token.is_alpha and token.is_lower:
            break
    return start


def adjacent_speaker(doc: Doc, span: Span, cue: Token, inside: bytearray) -> Span | None:
    """When the parse gives the cue no subject, take the noun phrase that sits between the
    quote and the cue (“…,” the police chief said) or right after the cue (said Hester)."""
    if cue.lower_ == "according":
        return None
    if cue.i < span.start:
        before = _phrase_ending_at(doc, cue.i, inside)
        if before is not None:
            return before
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
        set_off = _subject_set_off(doc, span.end, cue.i)
        if set_off is not None:
            return set_off
        # "“…,” said Hester" inverts a finite verb; after a participle ("…,” referencing the
        # port") the noun phrase is its object.
        if not between and cue.tag_ not in {"VBG", "VBN"}:
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


def _subject_set_off(doc: Doc, start: int, cue_index: int) -> Span | None:
    """ "“…,” an official, who was not authorized to speak, told the paper": a noun phrase
    after the quote, then a relative clause or an appositive set off by commas, then the
    verb. The parser often hangs the noun phrase inside the quote (or the clause on it
    takes its verbs), so the cue has no subject; the phrase before the first comma is it."""
    words = [t for t in doc[start:cue_index] if not t.is_space]
    while words and words[0].is_punct:
        words = words[1:]
    if len(words) < 3 or words[-1].text != ",":
        return None
    comma = next(i for i, t in enumerate(words) if t.text == ",")
    head = words[:comma]
    if (
        not 0 < len(head) <= 8
        or comma == len(words) - 1
        or any(t.pos_ in {"VERB", "AUX"} for t in head)
        or not any(t.pos_ in {"PROPN", "NOUN"} for t in head)
    ):
        return None
    return doc[head[0].i : head[-1].i + 1]


def _phrase_ending_at(doc: Doc, verb_index: int, inside: bytearray) -> Span | None:
    """ "In a statement to the Herald, her adviser, Jake Ode, said: “…”": the parse may hang
    the subject on the noun before it as an appositive. The appositive that ends right
    before the verb, climbed to its outermost appositive, is the subject it lost."""
    i = verb_index - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i < 0 or inside[doc[i].idx] or doc[i].dep_ != "appos":
        return None
    head = doc[i]
    while head.dep_ == "appos" and head.head.dep_ == "appos":
        head = head.head
    if not any(speaker_like(t) for t in head.subtree):
        return None
    return phrase(head, inside)


SPEAKER_ENTS = {"PERSON", "ORG", "NORP", "GPE"}
PERSON_LABEL = frozenset({"PERSON"})


def speaker_like(head: Token) -> bool:
    return (
        head.ent_type_ in SPEAKER_ENTS
        or (head.pos_ == "PROPN" and head.ent_type_ not in {"DATE", "TIME"})
        or head.lower_ in {"he", "she", "they", "we", "i"}
        or head.lemma_.lower() in ISSUED_TEXT_NOUNS
    )


def name_in(speaker: Span) -> str | None:
    for ent in ents_in(speaker):
        if ent.label_ == "PERSON":
            return ent.text
    for ent in ents_in(speaker):
        if ent.label_ in {"ORG", "NORP", "GPE"} and ent.root == speaker.root:
            return ent.text
    # a lower-case word the tagger took for a name is none ("the senator said")
    propn = [t for t in speaker if t.pos_ == "PROPN" and not t.is_lower]
    if propn and speaker.root.pos_ == "PROPN" and not speaker.root.is_lower:
        return speaker.text
    return None


def resolve_pronoun(
    doc: Doc, pronoun: Span, inside: bytearray, hops: int = 0, speaking_before: str | None = None
) -> str | None:
    """The named person a pronoun stands for (for 'it' or 'they', an organisation): in its
    sentence and the one before (past sentences of quoted words only), the nearest that
    is a subject, since a subject is what
    the next sentence goes on about ("Obama spoke after meeting Putin. He said …" is
    Obama); else the nearest before it. ``inside`` marks the characters inside quotation
    marks: a name in quoted words is who the speaker talks about, not the speaker ("“I'm
    sure Trump's going to win,” he said")."""
    want = {"ORG", "NORP", "GPE"} if pronoun.root.lower_ in {"it", "they", "its", "their"} else PERSON_LABEL
    window_start = _previous_narrative_sentence(doc, sentence_of(pronoun.root), inside)
    # "She did not promise money. “…,” she said.": the same pronoun as the subject just
    # before is the same person; resolve from there.
    earlier = [
        t
        for t in doc[window_start : pronoun.start]
        if t.lower_ == pronoun.root.lower_
        and t.dep_ in {"nsubj", "nsubjpass"}
        and t.i != pronoun.root.i
        and not inside[t.idx]  # "“She never shows up,” she said": someone else
    ]
    if earlier and hops < 3:
        return resolve_pronoun(doc, doc[earlier[0].i : earlier[0].i + 1], inside, hops + 1, speaking_before)
    # "… her own tweets. She tweeted": a person the article calls "Mr." is not "she"
    word = pronoun.root.lower_
    if want == PERSON_LABEL:
        # The tagger's names count where the entity recogniser missed one ("Mayor Ana
        # Ruiz spoke …" with no PERSON entity): a proper-noun subject in the window.
        for t in reversed(doc[window_start : pronoun.start]):
            if t.dep_ not in {"nsubj", "nsubjpass"} or t.pos_ != "PROPN" or inside[t.idx]:
                continue
            if t.ent_type_ == "PERSON":
                name = next(e.text for e in entities(doc) if e.start <= t.i < e.end)
            else:
                parts = [t, *(c for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN")]
                name = doc[min(p.i for p in parts) : t.i + 1].text
                # another entity type is a person only when the article gives it a gender
                # ("Mr. Manafort", "Fiorina, a mother of two", taken for an ORG)
                if t.ent_type_ and gender_of(doc, name) is None:
                    continue
            if agrees(doc, word, name):
                return name
    # No person is the subject near it: a pronoun that reports speech goes on with whoever
    # spoke the quote before, rather than the nearest name ("“…,” said Don Fowler, a former
    # party chairman. … “…,” he added." is Fowler, not the Clinton his quote is about).
    if want == PERSON_LABEL and speaking_before is not None and agrees(doc, word, speaking_before):
        return speaking_before
    nearest = None
    for ent in ents_before(doc, pronoun.start_char):
        if ent.label_ not in want or inside[ent.start_char] or not agrees(doc, word, ent.text):
            continue
        if nearest is None:
            nearest = ent
        if ent.start < window_start:
            break
        if ent.root.dep_ in {"nsubj", "nsubjpass"}:
            return ent.text
    return nearest.text if nearest is not None else None


# How many wholly quoted sentences the window looks past for the sentence before.
MAX_QUOTED_SENTENCES = 4


def _previous_narrative_sentence(doc: Doc, here: Span, inside: bytearray) -> int:
    """Where the window a pronoun resolves in starts: the sentence before its own, past the
    sentences that are quoted words only ("Trump says he will ask Obama. / “Will you
    pledge …?” / he asks." when the tagger cuts "he asks." off its quote)."""
    start = here.start
    for _ in range(MAX_QUOTED_SENTENCES + 1):
        if start == 0:
            break
        sent = sentence_of(doc[start - 1])
        start = sent.start
        if not wholly_quoted(sent, inside):
            break
    return start


def wholly_quoted(sent: Span, inside: bytearray) -> bool:
    """Is every word of ``sent`` inside quotation marks (a sentence of quoted words only)?"""
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    return bool(words) and all(inside[t.idx] for t in words)


def neighbour_speaker(doc: Doc, span: Span, inside: bytearray) -> Span | None:
    """With no cue at all, a person who is the subject of the quote's own sentence, else
    of the sentence before or after it in the same paragraph, is who a reader takes for
    the speaker ("She gives credit to the reporters because to her, “…”"). Only people
    (a name, or he/she/they): a subject that is a thing speaks for nobody."""
    first = sentence_of(doc[span.start])
    last = sentence_of(doc[span.end - 1])
    here = paragraph_index(doc, span.start_char)
    candidates = [doc[first.start : last.end]]
    before = sentence_of(doc[first.start - 1]) if first.start > 0 else None
    after = sentence_of(doc[last.end]) if last.end < len(doc) else None
    # "“You know, right?” Ortiz went on.": the tagger ends the sentence at the "?", but a
    # subject right after the closing mark is the quote's own, nearer than the one before.
    if after is not None and _opens_on_its_subject(after, span):
        before, after = after, before
    candidates.extend(s for s in (before, after) if s is not None)
    for sent in candidates:
        if paragraph_index(doc, sent.start_char) != here:
            continue
        subjects = [
            t
            for t in sent
            if t.dep_ in {"nsubj", "nsubjpass"}
            and not inside[t.idx]
            and not _described_in(t, span)
            and (
                t.ent_type_ == "PERSON"
                or (t.pos_ == "PROPN" and not t.ent_type_)
                or t.lower_ in {"he", "she"}
                # "Trump also embraced ...": the recogniser's ORG here, a person the story
                # names elsewhere ("Donald Trump")
                or (t.pos_ == "PROPN" and named_in_story(doc, {t.text}, PERSON_LABEL))
            )
        ]
        if subjects:
            nearest = min(subjects, key=lambda t: abs(t.idx - span.start_char))
            return phrase(nearest, inside)
    return None


def _described_in(subject: Token, span: Span) -> bool:
    """Is ``subject`` who the quote describes: the subject of a passive verb of saying or
    judging whose clause holds the quote ("Ortiz was described as “a bully”")?"""
    verb = subject.head
    return (
        subject.dep_ == "nsubjpass"
        and verb.left_edge.i <= span.start
        and span.end <= verb.right_edge.i + 1
        and _described(verb)
    )


def _opens_on_its_subject(sent: Span, span: Span) -> bool:
    """Does ``sent`` start right at the quote's closing mark with its subject ("” Ortiz
    went on")? Only spaces may come between."""
    doc = sent.doc
    if text_of(doc)[span.end_char : sent.start_char].strip(" "):
        return False
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    head = words[0]
    while head.dep_ == "compound" and head.head != head:  # "Ana Ortiz went on"
        head = head.head
    return head.dep_ == "nsubj"
