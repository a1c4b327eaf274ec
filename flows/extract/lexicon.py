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
