"""Word lists the extractors share. Kept small and general: verbs of saying, naming and
reporting in English news, not phrases from any particular article."""

from __future__ import annotations


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

# Verbs that report a finding or a count: "the census shows", "a survey found".
REPORT_VERBS = _words(
    """
    announce calculate conclude confirm count document estimate find forecast give indicate list
    measure note project publish put record report reveal say show state suggest survey tell
    """
)

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
)

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

PERSONAL_PRONOUNS = _words(
    """
    he i it she they we you
    """
)

# Subjects that hide who is speaking: "critics say", "observers believe".
VAGUE_SUBJECTS = _words(
    """
    analyst analysts commentators critic critics everybody everyone evidence experts insiders many
    observer observers others people pundits reports research sceptics skeptics some someone sources
    studies
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
