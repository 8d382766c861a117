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


# --- the real-news set ---------------------------------------------------------------
HOME_PROVINCE = "14"  # Tỉnh Sơn La, the demo's serving province
TARGETS = {
    "foreign_affairs_f1": 0.90,
    "province_accuracy": 0.90,
    "topic_accuracy": 0.85,
    "home_relevance_f1": 0.95,
}


@dataclass
class RealReport:
    train_size: int
    test_size: int
    province_accuracy: float
    foreign_affairs: dict
    topic_accuracy: float
    topics: list[TopicScore]
    home_relevance: dict
    relevance_all_provinces_f1: float
    province_params: dict
    fa_threshold: float
    misses: list[dict]

    @property
    def figures(self) -> dict:
        return {
            "foreign_affairs_f1": self.foreign_affairs["f1"],
            "province_accuracy": self.province_accuracy,
            "topic_accuracy": self.topic_accuracy,
            "home_relevance_f1": self.home_relevance["f1"],
        }

    def as_dict(self) -> dict:
        return {
            "train_size": self.train_size,
            "test_size": self.test_size,
            "province_accuracy": round(self.province_accuracy, 4),
            "foreign_affairs": self.foreign_affairs,
            "topic_accuracy": round(self.topic_accuracy, 4),
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
            "home_relevance": self.home_relevance,
            "relevance_all_provinces_f1": round(self.relevance_all_provinces_f1, 4),
            "province_params": self.province_params,
            "fa_threshold": self.fa_threshold,
            "targets": TARGETS,
            "misses": self.misses,
        }


def _prf(truth: list[bool], predicted: list[bool]) -> dict:
    tp = sum(t and p for t, p in zip(truth, predicted, strict=True))
    fp = sum(p and not t for t, p in zip(truth, predicted, strict=True))
    fn = sum(t and not p for t, p in zip(truth, predicted, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "true_positive": tp,
        "false_positive": fp,
        "false_negative": fn,
    }


def evaluate_real(home: str = HOME_PROVINCE) -> RealReport:
    """Train on the shipped set and the tune part of the real-news set; score the
    report part: province (34 or national), foreign-affairs judgement, topic, and
    relevance to the home province (an item is relevant when the province it is
    about is the home province)."""
    from . import provinces

    examples = classifier.shipped_examples() + classifier.real_examples("tune")
    trained = classifier.train(examples)
    rows = provinces.labelled_rows(classifier.real_rows("report"))
    judgements = trained.judge(
        [classifier.topic_text(r["title"], r["text"]) for r in rows]
    )
    places = [
        provinces.judge(
            r["title"], r["text"], home=r["home"], params=trained.province_params
        )
        for r in rows
    ]
    truth_fa = [r["foreign_affairs"] for r in rows]
    predicted_fa = [j.foreign_affairs for j in judgements]
    province_hits = sum(
        p.code == r["province_code"] for p, r in zip(places, rows, strict=True)
    )
    truth_topic = [r["topic"] for r in rows]
    predicted_topic = [j.topic for j in judgements]
    topics = sorted(set(truth_topic) | set(predicted_topic))
    precision, recall, f1, support = precision_recall_fscore_support(
        truth_topic, predicted_topic, labels=topics, zero_division=0
    )
    # Relevance to every province in turn (micro-averaged): one decision per
    # item and province.
    all_truth, all_predicted = [], []
    for code in provinces.provinces():
        all_truth += [r["province_code"] == code for r in rows]
        all_predicted += [p.code == code for p in places]
    misses = [
        {
            "id": r["id"],
            "province": r["province_code"],
            "predicted_province": p.code,
            "foreign_affairs": r["foreign_affairs"],
            "predicted_foreign_affairs": j.foreign_affairs,
            "topic": r["topic"],
            "predicted_topic": j.topic,
        }
        for r, p, j in zip(rows, places, judgements, strict=True)
        if p.code != r["province_code"]
        or j.foreign_affairs != r["foreign_affairs"]
        or j.topic != r["topic"]
    ]
    return RealReport(
        train_size=len(examples),
        test_size=len(rows),
        province_accuracy=province_hits / len(rows),
        foreign_affairs=_prf(truth_fa, predicted_fa),
        topic_accuracy=float(accuracy_score(truth_topic, predicted_topic)),
        topics=[
            TopicScore(t, float(p), float(r), float(f), int(s))
            for t, p, r, f, s in zip(
                topics, precision, recall, f1, support, strict=True
            )
        ],
        home_relevance=_prf(
            [r["province_code"] == home for r in rows], [p.code == home for p in places]
        ),
        relevance_all_provinces_f1=_prf(all_truth, all_predicted)["f1"],
        province_params=provinces.params_as_dict(trained.province_params),
        fa_threshold=trained.fa_threshold,
        misses=misses,
    )
