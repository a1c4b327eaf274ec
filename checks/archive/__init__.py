"""The quote archive: every reviewed article's speech quotes, indexed so that each review
can find the same quote in other articles (``quote-speaker-conflict``,
``quote-wording-drift``).

One module per job: ``wording`` normalises a quote to its words, ``people`` decides
whether two speaker names are one person, ``alignment`` compares two wordings word by
word, ``signatures`` turns words into MinHash signatures and LSH band keys, ``schema``
holds the tables (beside the ledger's, in the same database), ``index`` keeps them up to
date and answers "which archived quotes repeat this one?", ``review`` is a review's use
of it (index the run's articles, then look each one up), ``findings`` what the archive
rules (``checks/rules/quote_speaker_conflict.py``, ``quote_wording_drift.py``) share.
"""
