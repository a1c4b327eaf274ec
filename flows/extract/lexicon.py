"""Word lists the extractors share. Kept small and general: verbs of saying, naming and
reporting in English news, not phrases from any particular article."""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    """say tell add warn write tweet post ask insist argue claim state explain note declare announce
    recall reply respond answer admit acknowledge suggest predict promise caution complain conclude
    concede confirm contend deny describe emphasize emphasise joke lament observe quip remark report
    reveal stress testify urge vow assert boast comment counter shout scream chant recount mention
    maintain reiterate plead proclaim exclaim wonder muse continue agree disagree allege charge
    criticize criticise demand pledge assure declare advise protest retort snap sigh whisper yell cry
    blast slam praise tout quote read begin conclude summarize summarise elaborate specify
    """.split()
)
# Verbs that report a finding or a count: "the census shows", "a survey found".
REPORT_VERBS = frozenset(
    """say tell announce report find show estimate state publish count record reveal indicate suggest
    confirm calculate put project forecast conclude note document measure survey list give
    """.split()
)
# Verbs and phrases that introduce a name, a title or a coined term rather than speech.
NAMING_WORDS = frozenset(
    """call calls called calling dub dubbed name named term termed label labelled labeled brand branded
    nickname nicknamed title titled entitle entitled word term phrase slogan concept notion principle
    motto label dubbing so-called as""".split()
)
SPEECH_NOUNS = frozenset("statement interview speech remarks post tweet letter email message report".split())
PERSONAL_PRONOUNS = frozenset("he she they we i you it".split())
# Subjects that hide who is speaking: "critics say", "observers believe".
VAGUE_SUBJECTS = frozenset(
    """some many others critics critic observers observer experts analysts analyst sources insiders
    people commentators skeptics sceptics pundits someone everyone everybody research studies evidence
    reports""".split()
)
VAGUE_VERBS = frozenset("say believe think suggest claim argue fear feel expect contend insist warn hold".split())
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
