"""Is a figure stated as a fact, or as a hypothesis, a wish or a plan's own parameter?

A copy chief asks "who says so?" of a figure the article asserts. A worked example ("to
save that much you'd need to put aside $115 a month"), a plan's terms ("she would impose
a 4 percent surcharge", "Clinton wants to sign up 5 million people") and a condition
("if it earns 5 percent") assert nothing about the world, so nothing needs a source.

The test reads the clause the figure sits in, from the parse:
- a modal of possibility or condition (would, could, might, should, 'd) on its verb;
- a conditional clause ("if", "unless") around it;
- a second-person or generic subject ("you", "anyone"), or "your" on the figure's noun;
- a non-finite clause governed by a verb or noun of wanting, planning, proposing or
  requiring (VerbNet's want / wish / promise / require classes, not words of any one
  article): "wants to sign up", "a pledge to reduce", "need to put aside";
- a rule's bound: the figure sets a threshold, cap, limit or quota ("the commission's
  15 percent polling threshold", "a cap of $500,000 on damages");
- a standing rule stated in the present tense: a verb of permitting whose complement holds
  the figure ("the program allows investors to qualify by investing $500,000"), or a
  figure that is what a rule requires or allows ("40 percent of members are required to
  attend"). In the past tense the same verbs report what happened ("the error allowed
  hackers to steal $81 million", "5,300 workers were required to ..."): a claim;
- an imperative sentence ("Save a quarter of the cost"), or a question.
"Will" is left out on purpose: "the plan will cost $4 billion" is a forecast somebody
made, and a forecast needs a source like any other figure.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from copydesk.flows.extract.lexicon import SHARE_WORDS

IRREALIS_MODALS = frozenset({"would", "could", "might", "should", "'d", "ought"})
CONDITIONAL_MARKERS = frozenset({"if", "unless", "suppose", "supposing", "assuming"})
GENERIC_SUBJECTS = frozenset({"you", "anyone", "anybody", "one", "whoever", "someone"})

# Verbs and nouns whose complement is a goal, a wish, a requirement or a proposal: the
# figure inside it is what somebody wants or demands, not what is.
VOLITION_VERBS = frozenset(
    [
        "aim",
        "ask",
        "demand",
        "desire",
        "hope",
        "intend",
        "need",
        "offer",
        "plan",
        "pledge",
        "promise",
        "propose",
        "require",
        "seek",
        "strive",
        "try",
        "vow",
        "want",
        "wish",
        "push",
        "urge",
    ]
)
# Verbs of permitting and obliging (VerbNet's allow / require / force classes): in the
# present tense they state a standing rule, and the figures under them are its terms.
DEONTIC_VERBS = frozenset(
    ["allow", "permit", "entitle", "authorize", "oblige", "obligate", "require", "mandate"]
)
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
# Participles that tie an amount to what it is needed for: "the 1,237 delegates needed to
# clinch the nomination".
NEEDING_VERBS = frozenset(["need", "require"])
# Nouns for a rule's bound: a figure that sets one is the rule's parameter ("the
# commission's 15 percent polling threshold", "a cap of $500,000 on damages"), which
# FLAGS-GUIDE.md counts among a plan's terms, not a figure claim.
RULE_NOUNS = frozenset(["threshold", "cap", "limit", "ceiling", "floor", "minimum", "maximum", "quota"])
# Modifiers that make a noun a rule's bound: "the minimum wage", "the maximum contribution".
BOUND_MODIFIERS = frozenset(["minimum", "maximum"])
# Charges a government or a body levies: their rates are the terms of a law or a decision
# ("the corporate tax rate, at 35 percent", "tariffs ranging from 5 percent to 25 percent"),
# public record like a minimum wage, not a statistic somebody measured.
LEVY_NOUNS = frozenset(["tax", "tariff", "duty", "levy", "toll", "surcharge", "excise", "vat"])
# What makes a levy's rate a measurement of what was paid ("the average tax rate", "an
# effective rate of 19 percent"): a statistic again.
MEASURED_MODIFIERS = frozenset(["average", "effective", "median", "actual", "typical", "real", "mean"])
# The prepositions that give a term's value: "a wage of $15", "at 35 percent", "from 5 to
# 25 percent", "raised to $15". Not "by", which gives a change ("the tax rose by 2 percent").
VALUE_PREPOSITIONS = frozenset(["at", "of", "from", "to"])
VOLITION_NOUNS = frozenset(
    [
        "aim",
        "ambition",
        "bid",
        "commitment",
        "demand",
        "desire",
        "goal",
        "hope",
        "intention",
        "objective",
        "offer",
        "pledge",
        "plan",
        "promise",
        "proposal",
        "push",
        "requirement",
        "target",
        "vow",
        "wish",
    ]
)


def irrealis(span: Span) -> str | None:
    """Why the figure in ``span`` is not asserted as a fact, or None when it is."""
    root = span.root
    if any(c.dep_ == "poss" and c.lower_ == "your" for t in (root, root.head) for c in t.children):
        return "second person"
    counted = root.head if root.dep_ in {"nummod", "quantmod", "compound"} else root
    if _needed_for(counted):
        return "rule"  # "the 1,237 delegates needed to clinch the nomination": the rule's bar
    # Up the tree to the sentence's root: a figure two clauses below "if" is hypothetical too.
    node = child = root
    for _ in range(12):
        if child is not node and child.dep_ == "nsubjpass" and _states_a_rule(node):
            return "rule"  # "40 percent of members are required to attend": the rule's quorum
        if child is not node and (
            child.dep_ in {"nsubj", "nsubjpass"}
            or child.dep_ == "conj"
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in child.children)
        ):
            # "46 percent would choose Clinton": the figure counts who answered, the modal
            # is their answer's (or a projection somebody made): a claim all the same. A
            # conjoined clause has a mood of its own.
            break
        if node.pos_ in {"VERB", "AUX"}:
            reason = _clause_mood(node)
            if reason:
                return reason
        if node is not root and _is_volition(node) and child.dep_ not in {"nsubj", "nsubjpass", "agent"}:
            return "goal"  # "proposing 500 million solar panels", "a pledge to cut emissions 80 percent"
        if node is not root and _states_a_rule(node) and child.dep_ not in {"nsubj", "nsubjpass", "agent"}:
            return (
                "rule"  # "the program allows investors to qualify by investing $500,000", "a cap of $500,000"
            )
        if node.head is node or node.dep_ == "relcl" and node.head.pos_ == "PROPN":
            break  # "Trump, who lost $915 million, could ...": a fact about someone named
        child, node = node, node.head
    if _value_of_a_term(counted, _bound_noun):
        return "rule"  # "the minimum wage is $7.25", "a $15 minimum wage": the rule's own terms
    if _states_a_percentage(span) and _rate_of_a_levy(counted):
        return "rule"  # "the corporate tax rate, at 35 percent, ...": the law's own rate
    if span.sent.text.rstrip().rstrip("\"”’'»)").endswith("?"):
        return "question"  # "And where is that $115 supposed to come from?" asserts nothing
    sent_root = span.sent.root
    if _base_verb(sent_root) and _opens_imperative(sent_root, span.sent):
        return "imperative"
    return None


def _base_verb(root: Token) -> bool:
    """A verb in its base form. The tagger takes a capitalised verb that opens a sentence
    for a name ("Imagine paying $50,000 ...": NNP, the participle its "acl"); a word that
    is no entity and governs a clause or the participle right after it is a verb."""
    if root.tag_ == "VB":
        return True
    if root.tag_ != "NNP" or root.ent_type_:
        return False
    return any(
        c.dep_ in {"xcomp", "ccomp"} or (c.dep_ == "acl" and c.tag_ == "VBG" and c.i == root.i + 1)
        for c in root.children
    )


def _clause_mood(verb: Token) -> str | None:
    children = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ in IRREALIS_MODALS for c in children):
        return "modal"
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKERS for c in children):
        return "condition"
    subjects = [c for c in children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(c.lower_ in GENERIC_SUBJECTS or _owned_by_reader(c) for c in subjects):
        return "second person"  # "you earn", "your child could earn": the reader's case, not a fact
    if (
        verb.dep_ in {"relcl", "acl"}
        and verb.head.pos_ == "NOUN"
        and _infinitive(verb)
        and not _ranked(verb.head)
    ):
        # "a way for parents to pay a quarter of the cost", "enough money to save $500":
        # what the noun is for, not what happened ("the first port to handle 1 million" is)
        return "purpose"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children) and any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" and _is_volition(c) for c in children
    ):
        # "a pledge made in Paris to cut emissions 80 percent": when a modifier splits the
        # noun from its infinitive, the parser makes the noun the infinitive's subject
        return "goal"
    return None


def _opens_imperative(root: Token, sent: Span) -> bool:
    """ "Save a quarter ...", "Don't forget ...": the bare verb opens the sentence, with no
    subject and nothing before it but a negated "do"."""
    before = [t for t in sent if t.i < root.i]
    negated_do = len(before) == 2 and before[0].lower_ == "do" and before[1].dep_ == "neg"
    if before and not negated_do:
        return False
    return not any(c.dep_ in {"nsubj", "nsubjpass"} for c in root.children)


def _owned_by_reader(noun: Token) -> bool:
    return any(c.dep_ == "poss" and c.lower_ == "your" for c in noun.children)


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _ranked(noun: Token) -> bool:
    """ "the first", "the only", "the largest": a rank makes the infinitive a fact."""
    return any(
        c.tag_ in {"JJS", "RBS"} or c.lower_ in {"first", "last", "only", "next"} for c in noun.children
    )


def _states_a_rule(token: Token) -> bool:
    """A rule's bound ("threshold", "cap"), or a verb of permitting or obliging in the
    present tense, active ("allows", "require") or passive ("are required", "is
    permitted"): a standing rule, not an event."""
    lemma = token.lemma_.lower()
    if token.pos_ == "NOUN":
        return lemma in RULE_NOUNS
    if lemma == "take" and token.tag_ in PRESENT_TAGS:
        # "It takes 2,383 delegates to win": what winning needs, a standing rule
        return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in token.children) and any(
            c.dep_ == "xcomp" and _infinitive(c) for c in token.children
        )
    if token.pos_ not in {"VERB", "AUX"} or lemma not in DEONTIC_VERBS:
        return False
    if token.tag_ in PRESENT_TAGS:
        return True
    return token.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in PRESENT_TAGS for c in token.children)


def _bound_noun(noun: Token) -> bool:
    """ "the federal minimum wage", "the maximum amount": a noun a bound modifier makes a
    rule's term."""
    return noun.pos_ == "NOUN" and any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in BOUND_MODIFIERS for c in noun.children
    )


def _value_of_a_term(counted: Token, term: Callable[[Token], bool]) -> bool:
    """The figure is the value a rule's term takes (``term`` says which nouns are terms: a
    bound, a levy). ``counted``: the figure's own noun, or the noun it modifies. It
    modifies the term ("a $15 minimum wage", "a 25 percent tariff"), stands in apposition
    with it ("$2,700, the maximum amount ..."), is what the term is ("the minimum wage is
    $7.25"), or sits in a phrase of value ("a minimum wage of $15", "the tax rate, which,
    at 35 percent, is the highest", "slapped tariffs, ranging from 5 percent to 25 percent,
    on ...") or gives what the term is set to ("raising the minimum wage to $15", "was cut
    to 10 percent from 12 percent")."""
    if (
        term(counted)
        or counted.dep_ in {"nummod", "compound", "amod", "nmod", "appos"}
        and term(counted.head)
    ):
        return True
    if any(c.dep_ == "appos" and term(c) for c in counted.children):
        return True
    if counted.dep_ == "attr" and counted.head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and term(c) for c in counted.head.children)
    if counted.dep_ != "pobj":
        return False
    prep = counted.head
    if prep.lower_ == "as" and prep.head.pos_ in {"ADJ", "ADV"} and prep.head.head.dep_ == "prep":
        prep = prep.head.head  # "to as low as 10 percent"
    for _ in range(3):  # "from 5 percent to 25 percent": "to" hangs on "from" or its figure
        up = prep.head.head if prep.head.dep_ == "pobj" else prep.head
        if prep.dep_ != "prep" or up.dep_ != "prep" or up.lower_ not in VALUE_PREPOSITIONS:
            break
        prep = up
    if prep.lower_ not in VALUE_PREPOSITIONS:
        return False
    holder = prep.head
    if term(holder):
        return True
    if holder.pos_ not in {"VERB", "AUX"}:
        return False
    if holder.dep_ in {"relcl", "acl"} and term(holder.head):
        return True
    if prep.lower_ in {"to", "from"} and any(
        c.dep_ in {"dobj", "nsubjpass"} and term(c) for c in holder.children
    ):
        return True  # the value the term is set to
    return (
        holder.dep_ == "advcl"
        and holder.tag_ == "VBG"
        and any(c.dep_ in {"dobj", "nsubjpass"} and term(c) for c in holder.head.children)
    )


def _states_a_percentage(span: Span) -> bool:
    return any(t.lower_ in SHARE_WORDS or t.lower_ == "per" for t in span)  # "per cent"


def _levy(noun: Token) -> bool:
    """A tax, tariff or duty, or its rate ("the corporate tax rate"), as set, not as
    measured ("the average tax rate")."""
    if noun.pos_ != "NOUN" or any(
        c.dep_ in {"amod", "compound"} and c.lemma_.lower() in MEASURED_MODIFIERS for c in noun.children
    ):
        return False
    lemma = noun.lemma_.lower()
    return (
        lemma in LEVY_NOUNS
        or lemma == "rate"
        and any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in LEVY_NOUNS for c in noun.children)
    )


def _rate_of_a_levy(counted: Token) -> bool:
    """The rate a levy is set at ("a 25 percent tariff", "the tax rate, which, at 35
    percent, ..."): the percentage itself, not a noun it modifies, and not a share of
    something."""
    if _levy(counted):
        return True  # "a 35 percent tax"
    if counted.lemma_.lower() not in SHARE_WORDS:
        return False  # "the tax on savings at 3 percent inflation": a rate of something else
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in counted.children):
        return False  # "a tax which amounts to 5 percent of revenue": a share, measured
    return _value_of_a_term(counted, _levy)


def _needed_for(noun: Token) -> bool:
    """ "the 1,237 delegates needed to clinch the nomination", "the 270 electoral votes
    required to win": an amount a participle of needing ties to what it is needed for is
    the rule's bar, not a count of anything."""
    return any(
        c.dep_ == "acl"
        and c.tag_ in {"VBN", "VBD"}  # a participle, whatever the tagger calls it after a noun
        and c.lemma_.lower() in NEEDING_VERBS
        and any(_infinitive(g) for g in c.children if g.dep_ in {"xcomp", "advcl"})
        for c in noun.children
    )


# Verbs that demand what their "for" phrase names: "call for", "press for", "advocate for".
DEMANDING_WITH_FOR = frozenset({"call", "press", "push", "ask", "argue", "lobby", "campaign", "advocate"})


def _opens_with_for(child: Token) -> bool:
    """A "for" phrase, or a clause a "for" opens ("for the wage to be raised")."""
    if child.dep_ == "prep":
        return child.lower_ == "for"
    return child.dep_ in {"advcl", "ccomp", "xcomp"} and any(
        c.dep_ == "mark" and c.lower_ == "for" for c in child.children
    )


def _is_volition(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ in {"VERB", "AUX"}:
        # "called for reducing the rate to 28 percent", "called for the wage to be raised
        # to $15" (a "for ... to" clause): a phrasal verb of demanding
        return lemma in VOLITION_VERBS or (
            lemma in DEMANDING_WITH_FOR and any(_opens_with_for(c) for c in token.children)
        )
    return token.pos_ == "NOUN" and lemma in VOLITION_NOUNS
