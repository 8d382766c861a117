"""Measurements reported by ``manage.py monitoring_evaluate`` and in
docs/monitoring.md: topic classifier precision/recall/F1 on a held-out split,
near-duplicate grouping precision/recall on the fixture set, gazetteer relevance
precision/recall on the labelled set. Deterministic (fixed split and seeds)."""

import json
from dataclasses import dataclass

from django.conf import settings

from sklearn.metrics import accuracy_score, precision_recall_fscore_support
from sklearn.model_selection import train_test_split

from . import classifier, dedupe
from .classifier import DATA_DIR

DEDUPE_FIXTURES = DATA_DIR / "dedupe_fixtures.json"


def dedupe_documents() -> list[tuple[str, str, str]]:
    """``(id, true_story, text)``: the republished stories of the fixture set,
    interleaved with the 208 distinct items of the labelled set."""
    data = json.loads(DEDUPE_FIXTURES.read_text(encoding="utf-8"))
    stories = []
    for story in data["stories"]:
        for number, document in enumerate(story["documents"], 1):
            stories.append(
                (
                    f"{story['story']}-{number}",
                    story["story"],
                    f"{document['title']}\n{document['text']}",
                )
            )
    labelled = json.loads(classifier.LABELLED_SET.read_text(encoding="utf-8"))
    distinct = [
        (row["id"], row["id"], f"{row['title']}\n{row['text']}")
        for row in labelled["items"]
    ]
    # Interleave so that versions of a story arrive among other news.
    documents, step = [], max(1, len(distinct) // max(1, len(stories)))
    for index, document in enumerate(stories):
        documents.extend(distinct[index * step : (index + 1) * step])
        documents.append(document)
    documents.extend(distinct[len(stories) * step :])
    return documents


def evaluate_dedupe(threshold: float | None = None) -> dedupe.GroupingScore:
    config = settings.TTDN_MONITORING
    return dedupe.evaluate_grouping(
        dedupe_documents(),
        threshold=config["NEAR_DUPLICATE_THRESHOLD"]
        if threshold is None
        else threshold,
        num_perm=config["MINHASH_PERMUTATIONS"],
        shingle_size=config["SHINGLE_WORDS"],
    )


@dataclass
class TopicScore:
    topic: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class ClassifierReport:
    train_size: int
    test_size: int
    accuracy: float
    macro_f1: float
    topics: list[TopicScore]

    def as_dict(self) -> dict:
        return {
            "train_size": self.train_size,
            "test_size": self.test_size,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "topics": [
                {
                    "topic": t.topic,
                    "precision": round(t.precision, 4),
                    "recall": round(t.recall, 4),
                    "f1": round(t.f1, 4),
                    "support": t.support,
                }
                for t in self.topics
            ],
        }


def evaluate_classifier(
    examples: list[classifier.Example], *, test_size: float = 0.25
) -> ClassifierReport:
    """Train on a stratified split of *examples* and score the held-out part."""
    texts = [e.text for e in examples]
    labels = [e.topic for e in examples]
    x_train, x_test, y_train, y_test = train_test_split(
        texts,
        labels,
        test_size=test_size,
        stratify=labels,
        random_state=classifier.RANDOM_STATE,
    )
    pipeline = classifier.build_pipeline()
    pipeline.fit(x_train, y_train)
    predicted = pipeline.predict(x_test)
    topics = sorted(set(labels))
    precision, recall, f1, support = precision_recall_fscore_support(
        y_test, predicted, labels=topics, zero_division=0
    )
    return ClassifierReport(
        train_size=len(x_train),
        test_size=len(x_test),
        accuracy=float(accuracy_score(y_test, predicted)),
        macro_f1=float(sum(f1) / len(f1)),
        topics=[
            TopicScore(t, float(p), float(r), float(f), int(s))
            for t, p, r, f, s in zip(
                topics, precision, recall, f1, support, strict=True
            )
        ],
    )


@dataclass
class RelevanceScore:
    items: int
    true_positive: int
    false_positive: int
    false_negative: int

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0

    def as_dict(self) -> dict:
        return {
            "items": self.items,
            "true_positive": self.true_positive,
            "false_positive": self.false_positive,
            "false_negative": self.false_negative,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
        }


def evaluate_relevance(gazetteer, rows: list[dict]) -> tuple[RelevanceScore, list]:
    """Gazetteer against the ``relevant`` labels; returns the score and the ids
    it got wrong."""
    tp = fp = fn = 0
    wrong = []
    for row in rows:
        found = gazetteer.match(f"{row['title']}\n{row['text']}").relevant
        if found and row["relevant"]:
            tp += 1
        elif found:
            fp += 1
            wrong.append(row["id"])
        elif row["relevant"]:
            fn += 1
            wrong.append(row["id"])
    return RelevanceScore(len(rows), tp, fp, fn), wrong


def labelled_rows() -> list[dict]:
    return json.loads(classifier.LABELLED_SET.read_text(encoding="utf-8"))["items"]
