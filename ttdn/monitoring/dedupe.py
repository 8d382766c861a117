"""Exact and near-duplicate detection.

* Exact: the canonical address and a hash of the folded title and text (the same
  text with other spacing, case or Unicode form has the same hash).
* Near: MinHash signatures (datasketch) of the folded text's word shingles, and an
  LSH index. An item joins the story of its most similar earlier item when their
  estimated Jaccard similarity reaches ``TTDN_MONITORING["NEAR_DUPLICATE_THRESHOLD"]``;
  otherwise it starts a story. Pure code: the database side is in ``selectors``.
"""

import hashlib
import itertools
import re
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from ttdn.core.text import fold, nfc

_WORD = re.compile(r"\w+", re.UNICODE)
# datasketch's permutation scheme (its 2.0 default), fixed so stored signatures
# stay comparable; the values are 32-bit.
SCHEME = "affine32"
DTYPE = np.uint32


def words(text: str) -> list[str]:
    return _WORD.findall(fold(nfc(text or "")))


def content_hash(title: str, text: str) -> str:
    key = " ".join(words(title)) + "\n" + " ".join(words(text))
    return hashlib.sha256(key.encode()).hexdigest()


def url_hash(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()


def shingles(text: str, size: int) -> set[bytes]:
    tokens = words(text)
    if len(tokens) < size:
        return {" ".join(tokens).encode()} if tokens else set()
    return {
        " ".join(tokens[i : i + size]).encode() for i in range(len(tokens) - size + 1)
    }


def signature(text: str, *, num_perm: int, shingle_size: int) -> MinHash:
    minhash = MinHash(num_perm=num_perm, scheme=SCHEME)
    grams = shingles(text, shingle_size)
    if grams:
        minhash.update_batch(list(grams))
    return minhash


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(DTYPE).tobytes()


def from_bytes(data: bytes, *, num_perm: int) -> MinHash:
    values = np.frombuffer(bytes(data), dtype=DTYPE)
    if len(values) != num_perm:
        raise ValueError("stored signature has another number of permutations")
    return MinHash(num_perm=num_perm, hashvalues=values.copy(), scheme=SCHEME)


@dataclass(frozen=True)
class Match:
    key: object
    story: object
    similarity: float


class StoryIndex:
    """Signatures of recent items in an LSH index, each with its story."""

    def __init__(self, *, threshold: float, num_perm: int):
        self.threshold = threshold
        self.num_perm = num_perm
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.entries: dict = {}

    def __len__(self):
        return len(self.entries)

    def add(self, key, minhash: MinHash, story) -> None:
        if key in self.entries:
            return
        self.lsh.insert(key, minhash)
        self.entries[key] = (minhash, story)

    def best_match(self, minhash: MinHash) -> Match | None:
        best = None
        for key in self.lsh.query(minhash):
            other, story = self.entries[key]
            similarity = minhash.jaccard(other)
            if similarity >= self.threshold and (
                best is None or similarity > best.similarity
            ):
                best = Match(key, story, similarity)
        return best


# --- evaluation on a labelled set -----------------------------------------------------
@dataclass
class GroupingScore:
    threshold: float
    documents: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int

    @property
    def precision(self) -> float:
        return (
            self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0
        )

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    def as_dict(self) -> dict:
        return {
            "threshold": self.threshold,
            "documents": self.documents,
            "true_pairs": self.true_pairs,
            "predicted_pairs": self.predicted_pairs,
            "correct_pairs": self.correct_pairs,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


def _pairs(groups: dict) -> set[tuple]:
    pairs = set()
    for members in groups.values():
        pairs |= {tuple(sorted(p)) for p in itertools.combinations(members, 2)}
    return pairs


def evaluate_grouping(
    documents: list[tuple[str, str, str]],
    *,
    threshold: float,
    num_perm: int,
    shingle_size: int,
) -> GroupingScore:
    """Group *documents* ``(id, true_group, text)`` in order as the ingest does and
    count pairs: precision = pairs put together that belong together / pairs put
    together; recall = the same / pairs that belong together."""
    index = StoryIndex(threshold=threshold, num_perm=num_perm)
    predicted: dict = defaultdict(list)
    truth: dict = defaultdict(list)
    for doc_id, group, text in documents:
        minhash = signature(text, num_perm=num_perm, shingle_size=shingle_size)
        match = index.best_match(minhash)
        story = match.story if match else doc_id
        index.add(doc_id, minhash, story)
        predicted[story].append(doc_id)
        truth[group].append(doc_id)
    true_pairs, predicted_pairs = _pairs(truth), _pairs(predicted)
    return GroupingScore(
        threshold=threshold,
        documents=len(documents),
        true_pairs=len(true_pairs),
        predicted_pairs=len(predicted_pairs),
        correct_pairs=len(true_pairs & predicted_pairs),
    )
