"""Near-duplicate texts: MinHash signatures and LSH band keys (datasketch).

The same wire story runs in five papers with a new headline, a dateline or a
footer. An ingest job computes a :class:`Signature` of each text *before*
coding it, asks the store which stored document shares enough of its word
3-grams (:meth:`Store.near_duplicate`), and links the copy to the first one
instead of coding it again. The store keeps each document's band keys, so a
resumed or later job still finds the first copy.

Method: the text is lower-cased and cut into words; each run of three words is
a shingle; a 128-permutation MinHash estimates the Jaccard similarity of two
shingle sets. The 128 values are cut into 32 bands of 4; two texts that agree
on a whole band are candidates (probability 1 - (1 - s^4)^32: 0.87 at s = 0.5,
0.999 at s = 0.7), and a candidate is a near-duplicate when its estimated
similarity is at least :data:`THRESHOLD`. Pure functions: no I/O, no state
beyond :class:`LocalIndex`, which finds copies inside one batch.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import MinHash

__all__ = [
    "BANDS",
    "MIN_WORDS",
    "NUM_PERM",
    "ROWS",
    "THRESHOLD",
    "LocalIndex",
    "Signature",
    "comparable",
    "signature",
]


def comparable(text: str) -> bool:
    """Whether a text is long enough to be compared for near-copies (:data:`MIN_WORDS`)."""
    count = 0
    for _ in _WORD.finditer(text):
        count += 1
        if count >= MIN_WORDS:
            return True
    return False


NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
#: estimated Jaccard similarity of word 3-grams from which two texts are copies
THRESHOLD = 0.5
#: texts shorter than this are never compared: a wire copy is a story, and on a few
#: shingles the MinHash estimate is too coarse ("Rebels attacked town 12." and "… 120.")
MIN_WORDS = 50
#: fixed seed: signatures are the same on every run and machine
_SEED = 1
_WORD = re.compile(r"\w+")
_SCHEME = "affine32"
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


def _shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.lower())
    if len(words) < 3:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + 3]).encode("utf-8") for i in range(len(words) - 2)}


class Signature:
    """A text's MinHash: :data:`NUM_PERM` unsigned 32-bit values, held as one numpy array.

    Immutable: the array is read-only, and signatures compare by their values.
    """

    __slots__ = ("values",)

    def __init__(self, hashvalues: Iterable[int] | np.ndarray) -> None:
        values = np.array(hashvalues, dtype=np.uint64)
        values.setflags(write=False)
        self.values = values

    @property
    def hashvalues(self) -> tuple[int, ...]:
        return tuple(self.values.tolist())

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Signature) and bool(np.array_equal(self.values, other.values))

    def __hash__(self) -> int:
        return hash(self.values.tobytes())

    def __repr__(self) -> str:
        return f"Signature({self.values[:4].tolist()}…)"

    def __getstate__(self) -> bytes:
        return self.to_bytes()

    def __setstate__(self, state: bytes) -> None:
        self.__init__(np.frombuffer(state, dtype="<u8"))  # type: ignore[misc]

    def band_keys(self) -> list[str]:
        """One key per LSH band: ``"<band>:<hash of its values>"``."""
        values = self.values.astype("<u8", copy=False)
        keys = []
        for band in range(BANDS):
            chunk = values[band * ROWS : (band + 1) * ROWS].tobytes()
            keys.append(f"{band}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
        return keys

    def similarity(self, other: Signature) -> float:
        """Estimated Jaccard similarity of the two texts' shingle sets."""
        return float(np.count_nonzero(self.values == other.values)) / len(self.values)

    def to_bytes(self) -> bytes:
        return self.values.astype("<u8", copy=False).tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Signature:
        return cls(np.frombuffer(data, dtype="<u8"))


def signature(text: str) -> Signature:
    """The MinHash signature of ``text`` (deterministic)."""
    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_PERMUTATIONS, scheme=_SCHEME)
    minhash.update_batch(sorted(_shingles(text)))
    return Signature(tuple(int(v) for v in minhash.hashvalues))


@dataclass(slots=True)
class LocalIndex:
    """Band keys of the texts seen so far in one batch (the store does the rest)."""

    threshold: float = THRESHOLD
    _bands: dict[str, list[str]] = field(default_factory=dict)
    _signatures: dict[str, Signature] = field(default_factory=dict)

    def first_copy(self, signature: Signature) -> str | None:
        """The name of the earliest added signature similar enough, if any."""
        names = {name for key in signature.band_keys() for name in self._bands.get(key, ())}
        matches = [
            name for name in names if signature.similarity(self._signatures[name]) >= self.threshold
        ]
        return min(matches, key=list(self._signatures).index) if matches else None

    def add(self, name: str, signature: Signature) -> None:
        self._signatures[name] = signature
        for key in signature.band_keys():
            self._bands.setdefault(key, []).append(name)

    def extend(self, items: Iterable[tuple[str, Signature]]) -> None:
        for name, sig in items:
            self.add(name, sig)
