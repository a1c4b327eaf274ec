"""The quote archive: every reviewed article's speech quotes, indexed so that each review
can find the same quote in other articles (``quote-speaker-conflict``,
``quote-wording-drift``).

One module per job: ``wording`` normalises a quote to its words, ``people`` decides
whether two speaker names are one person, ``alignment`` compares two wordings word by
word, ``signatures`` turns words into MinHash signatures and LSH band keys, ``schema``
holds the tables (beside the ledger's, in the same database), ``index`` keeps them up to
date and answers "which archived quotes repeat this one?", ``review`` is a review's use
of it (index the run's articles, then look each one up).
"""

# The archive rules, and whether each is about a quote repeated in the same words (the
# speaker differs) or in other words (the speaker is the same).
ARCHIVE_RULES = {"quote-speaker-conflict": True, "quote-wording-drift": False}
