"""MinHash signatures of quotes and their LSH band keys (datasketch's MinHash).

A quote is shingled into word pairs and signed in windows of ``WINDOW`` words every
``STRIDE`` words, so that an excerpt of a long quote is compared with the stretch of it
that it repeats, not with the whole (whose other words would make the two look unlike).
Each signature is cut into ``BANDS`` bands of ``ROWS`` values; two windows share a band
key when their bands are equal, which for two windows with Jaccard similarity s happens
with probability 1 - (1 - s^ROWS)^BANDS: 0.99 at s = 0.64 (one word changed in a
12-word window), 0.23 at s = 0.2, 0.02 at s = 0.1. The keys go into the database
(``schema.ArchiveBand``, indexed), so a lookup is an indexed ``IN`` query whatever the
size of the archive, and nothing is rebuilt in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache

WINDOW = 12
STRIDE = 4
ROWS = 3
BANDS = 16
NUM_PERM = ROWS * BANDS
SEED = 1  # fixed, as the scheme: the stored keys of earlier runs must stay comparable
SCHEME = "affine32"


@cache
def _minhash():
    """datasketch's MinHash and the permutations of ``SEED``, drawn as datasketch draws them:
    made once, not for every window (drawing them is most of the cost of a small MinHash).
    Imported at the first signature: datasketch imports scipy.integrate (a second or two),
    which a review whose articles are all unchanged never needs."""
    from datasketch import MinHash

    return MinHash, MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def preload() -> None:
    """Import datasketch now, e.g. in a thread while articles are parsed."""
    _minhash()


def windows(words: list[str]) -> Iterator[list[str]]:
    """Overlapping stretches of ``WINDOW`` words; a shorter quote is one window; the last
    window ends with the quote."""
    if len(words) <= WINDOW:
        yield words
        return
    last = len(words) - WINDOW
    starts = list(range(0, last + 1, STRIDE))
    if starts[-1] != last:
        starts.append(last)
    for start in starts:
        yield words[start : start + WINDOW]


def band_keys(words: list[str]) -> set[int]:
    """The LSH band keys of every window of the quote's words (gaps removed)."""
    minhash_class, permutations = _minhash()
    keys: set[int] = set()
    for window in windows(words):
        shingles = {f"{a} {b}".encode() for a, b in zip(window, window[1:], strict=False)}
        minhash = minhash_class(num_perm=NUM_PERM, seed=SEED, permutations=permutations, scheme=SCHEME)
        minhash.update_batch(list(shingles))
        values = minhash.hashvalues
        for band in range(BANDS):
            chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
            digest = hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest()
            keys.add(int.from_bytes(digest, "big", signed=True))  # fits a BIGINT column
    return keys
