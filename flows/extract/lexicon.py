"""Word lists the extractors share. Kept small and general: verbs of saying, naming and
reporting in English news, not phrases from any particular article."""

from __future__ import annotations

from spacy.tokens import Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SPEECH_VERBS = _words(
    """
    accuse acknowledge add admit advise agree allege announce answer argue ask assert assure attack
    blast boast brand call caution challenge chant characterise characterize charge claim
    comment complain concede conclude confirm contend continue counter criticise criticize cry
    declare decry demand deny describe disagree dismiss dub elaborate emphasise emphasize exclaim
    explain fume grumble hail insist joke label lament lash laugh liken maintain mention mock murmur
    muse mutter note observe plead pledge post praise pray predict proclaim promise propose protest
    question quip quote rail read recall recommend recount refer reiterate remark reply report
    respond retort reveal ridicule rip say scoff scream shout sigh sing slam snap specify state
    stress suggest summarise summarize tell testify threaten tout tweet urge vow warn whisper wonder
    write yell condemn denounce rate cite portray paint reject defend thank applaud welcome blame
    reference hammer grill scold chide rebuke caution concede acknowledge tease taunt lambast
    """
)

# Verbs of saying whose object is the addressee, not the words ("told “Harbour Today”"), so
# that their passive subject is who was spoken to ("Reed was asked by a host, “…”").
ADDRESSING_VERBS = frozenset({"tell", "ask", "inform", "remind", "thank", "brief", "assure", "urge", "warn"})

# Verbs that report a finding or a count: "the census shows", "a survey found".
REPORT_VERBS = _words(
    """
    announce calculate conclude confirm count document estimate find forecast give indicate list
    measure note project publish put record report reveal say show state suggest survey tell
    """
)

# Verbs by which a text or a record presents what it holds ("one slide says", "the chart
# shows", "the order lists"): the subset of REPORT_VERBS a thing can be the subject of
# without being an actor ("the victories are giving her 108 delegates", "the policies put
# 50 percent of the vote in reach" act, they present nothing).
PRESENTING_VERBS = _words(
    """
    say show list indicate reveal report state note find suggest estimate read detail document
    """
)

# Words a share is counted in ("Thirty percent", "34%"): a figure of people, when it is a
# subject or speaks ("75 percent of renters said ...").
SHARE_WORDS = _words("percent % percentage")
# Units of length: "25 miles south", "215 feet above" (a distance), "a mile" (an amount).
LENGTH_UNITS = _words("mile kilometre kilometer metre meter foot feet inch yard")

# Verbs of accusing (VerbNet's judgment class, accuse and charge): what the accused is said
# to have done, in the "of" or "with" phrase, is the accuser's claim ("prosecutors charged
# them with defrauding investors from 74 countries", "the SEC accused the firm of hiding
# $40 million").
ACCUSING_VERBS = _words("accuse charge indict")
# Where an accusing verb puts what the accused is said to have done.
ACCUSATION_PREPOSITIONS = _words("of with")

# Verbs that inform only with their particle, known by verb and particle together (see
# ``informing_lemma``): "pointed out that ...", "spelled out how ...", but not "pointed
# at the map".
INFORMING_PHRASAL = frozenset({("point", "out"), ("spell", "out")})
# Verbs whose content is information the subject gives out, so that a figure inside what
# they report is the subject's (VerbNet's say, tell, report, indicate, estimate and
# discover classes). Verbs of judging or attacking ("grill", "rail", "praise") report an
# attitude, not a figure, and verbs of acting ("give", "agree") report nothing.
INFORMING_VERBS = _words(
    """
    acknowledge add admit announce assert boast brag calculate claim conclude confirm count
    declare disclose document estimate explain find forecast indicate insist list maintain
    measure note predict project publish put record reiterate report reveal say show
    state stress suggest survey tally tell testify track tweet warn write argue contend
    allege emphasize emphasise poll interview calculate model analyze analyse compute
    unveil release cite refer mention quote
    """
) | {f"{verb} {particle}" for verb, particle in INFORMING_PHRASAL}


def informing_lemma(token: Token) -> str:
    """The lemma a verb of informing is known by in INFORMING_VERBS: "point out" for
    "pointed out", the plain lemma (lower case) otherwise."""
    lemma = token.lemma_.lower()
    if lemma not in _PHRASAL_VERBS:
        return lemma  # most tokens: no need to look at the children
    for child in token.children:
        if child.dep_ == "prt" and (lemma, child.lower_) in INFORMING_PHRASAL:
            return f"{lemma} {child.lower_}"
    return lemma


_PHRASAL_VERBS = frozenset(verb for verb, _ in INFORMING_PHRASAL)


def communicates(verb: Token) -> bool:
    """A verb of the wider classes of COMMUNICATION_VERBS in a use that frames words: a
    verb of TEXT_FRAME_VERBS only with no object but "it" or the quoted words themselves
    (or with the words as what the object is put as: "put their location as “…”"), not
    passive and not before another verb ("began to see", "went on to promote" say
    nothing). "“…,” begins a scripted message": with no subject, the object after the
    verb is the subject the parser missed."""
    lemma = verb.lemma_.lower()
    if lemma not in COMMUNICATION_VERBS:
        return False
    children = list(verb.children)
    if lemma not in TEXT_FRAME_VERBS or any(c.dep_ == "prep" and c.lower_ == "as" for c in children):
        return True
    inverted = verb.dep_ == "ROOT" and not any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in children)
    return not any(
        c.dep_ in {"auxpass", "nsubjpass", "xcomp"}
        or (c.dep_ == "dobj" and not inverted and c.lower_ != "it" and not _quoted(c))
        for c in children
    )


def _quoted(phrase: Token) -> bool:
    """The phrase opens with a quotation mark: words given as words."""
    first = phrase.left_edge
    return first.is_quote or (first.i > 0 and first.nbor(-1).is_quote)


def is_as_clause(verb: Token) -> bool:
    """ "As the Times reported, …", "…, as the memo read": an adverbial clause opened by
    "as". With a verb that reports, it reports the clause it is attached to rather than a
    clause of its own (quote cues, quote kinds and figure sources all read it so)."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


# A poll and its like: what counts a sample of people.
POLL_NOUNS = _words("poll survey polling questionnaire")

# Words that introduce a name, a title or a coined term rather than speech.
NAMING_WORDS = _words(
    """
    brand branded call called calling calls concept dub dubbed dubbing entitle entitled label
    labeled labelled motto name named nickname nicknamed notion phrase principle slogan so-called
    term termed title titled word
    """
)

SPEECH_NOUNS = _words(
    """
    email interview letter message post remarks report speech statement tweet
    """
)

# Nouns for what someone said, beyond the nominalisations of SPEECH_VERBS that
# ``is_statement_noun`` derives ("assertion", "warning", "announcement"): the irregular
# ones and the plain words for an utterance, or for the words someone keeps using
# ("his catch phrase was that …", "her slogan").
STATEMENT_NOUNS = SPEECH_NOUNS | _words(
    """
    admission answer assessment comment denial description line promise quip remark response
    retort vow word words phrase catchphrase slogan motto mantra refrain
    """
)
# How English makes a noun of a verb of saying: "assert" -> "assertion", "warn" ->
# "warning", "accuse" -> "accusation", "insist" -> "insistence", "state" -> "statement".
# The "e" a suffix drops ("accuse" -> "accusation") is put back only where it can have
# been dropped: "station" is not a nominalisation of "state".
_NOMINAL_SUFFIXES = {"ation": True, "ion": False, "ing": True, "ence": False, "ance": False, "ment": False}
# Latin stems change their last consonant before "-sion": "conclude" -> "conclusion",
# "admit" -> "admission".
_SION_STEMS = {"ssion": "t", "sion": "de"}


def is_statement_noun(lemma: str) -> bool:
    """Does a noun name what someone said: "her claim that …", "Trump's assertion of …"?
    A verb of saying used as a noun ("claim", "call", "pledge"), its nominalisation, or
    one of ``STATEMENT_NOUNS``."""
    if lemma in STATEMENT_NOUNS or lemma in SPEECH_VERBS:
        return True
    for suffix, dropped_e in _NOMINAL_SUFFIXES.items():
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            stem = lemma[: -len(suffix)]
            if stem in SPEECH_VERBS or (dropped_e and stem + "e" in SPEECH_VERBS):
                return True
    for suffix, ending in _SION_STEMS.items():
        if lemma.endswith(suffix) and lemma[: -len(suffix)] + ending in SPEECH_VERBS:
            return True
    return False


# What a person or body issues that carries their words: its issuer is the speaker.
ISSUED_TEXT_NOUNS = _words(
    """
    ad advert advertisement affidavit announcement article blog book brief bulletin column complaint
    document editorial email essay filing leaflet letter memo memorandum message motion note op-ed
    petition piece post press proclamation release remarks report resolution response ruling
    speech statement story testimony text tweet video
    """
)

PERSONAL_PRONOUNS = _words(
    """
    he i it she they we you
    """
)
# The owners of what was said: "her remark", "their statement" (not "its", which is a
# thing's as often as a body's: "the port keeps its promise").
POSSESSIVE_PRONOUNS = _words(
    """
    his her their my our
    """
)

VAGUE_VERBS = _words(
    """
    argue believe claim contend expect fear feel hold insist say suggest think warn
    """
)

_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}
MONTHS.update({m[:3]: i + 1 for i, m in enumerate(_MONTH_NAMES)})
MONTHS["sept"] = 9


# Verbs whose subject is the source of a quote they govern, by class (after VerbNet's
# classes; quote extraction only, so SPEECH_VERBS keeps its meaning for sources.py):
# communication beyond SPEECH_VERBS (say-37.7, manner_speaking-37.3, transfer_mesg-37.1,
# complain-37.8, advise-37.9, inquire-37.1.2, confess-37.10, lecture-37.11: "affirm",
# "vent", "interject", "ask"), what a text does with its words ("the memo began", "the
# sign read", "as she puts it"), cognition and judgement (consider-29.9, characterize-29.2,
# "thinks she has done a “serviceable job”", "remembered"), comparison (compare-22.2,
# "likened the plan to a sieve, “leaking at every seam”"), judgement (judgement-33:
# "derided the levy as “a gift to crooks”") and reporting ("projects", "estimates",
# "indicated").
# Verbs that frame words only in one construction, with no object but "it" ("the memo
# began", "as she put it", "to sum it up", "as the joke goes", "the headline ran") and
# are ordinary verbs otherwise ("put the location on their profile as ''…''", "close the
# ''carried interest'' loophole", "should be put to death by …"): ``communicates``.
TEXT_FRAME_VERBS = _words("begin close end go open put run sum")
COMMUNICATION_VERBS = (
    SPEECH_VERBS
    | TEXT_FRAME_VERBS
    | _words(
        """
    affirm allude announce apologize argue assail assure beg boast brag chime chirp complain
    concur confess confide contest convey croon cry declare disclose divulge editorialize email
    exclaim explain express gripe growl grumble gush holler howl hint imply inform insinuate
    interject interrupt lecture message mouth muse narrate note notify object opine pen phrase
    preach pronounce protest publish query rant reason rebut recite reckon reassert reaffirm
    relate relay remind repeat rephrase respond retaliate retort retweet rule scoff scrawl
    share shoot signal snarl sneer speculate spell state text theorize thunder tweet underline
    underscore utter vent venture voice wail warn wax whine word worry write
    conclude continue read say
    believe consider doubt expect fear feel figure guess hope imagine know recall remember
    suppose suspect think view wish
    characterise characterize depict describe frame portray cast
    compare contrast equate liken
    acclaim applaud castigate censure chastise commend condemn decry denigrate deride
    disparage extol fault hail herald lambaste laud mock praise rebuke ridicule salute scorn
    upbraid
    estimate forecast indicate predict project
    """
    )
)
