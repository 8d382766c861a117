"""Topic classifier: a scikit-learn pipeline over word-segmented Vietnamese.

Text → pyvi word segmentation (``đối_ngoại``, ``biên_giới``) → two TF-IDF views
(segmented words and word pairs as written; the same folded, so text typed without
diacritics is understood) → logistic regression. The score is the probability of
the chosen topic.

Next to the topic, a second model of the same shape gives the foreign-affairs
judgement (is the item about external relations?) with a probability threshold
chosen by cross-validation on its training data. Both read the same segmented
text: the text is segmented once per item.

Training data: the shipped labelled set (``data/labelled_items.json``, test material
written for this project), the tune part of the real-news set
(``data/real_news.json``, weighted twice: it is what the models meet in use) and
every item whose topic or foreign-affairs judgement a monitor corrected in the
inbox. The trained pipeline is saved with joblib at
``TTDN_MONITORING["MODEL_PATH"]`` together with the scikit-learn version and a
digest of its training data. :func:`get_classifier` loads it, or trains and saves
it when it is missing or was made by another scikit-learn version — never from the
network.
"""

import datetime as dt
import hashlib
import json
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

import joblib
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from ttdn.core.text import fold, nfc, squash_spaces

from . import provinces

DATA_DIR = Path(__file__).resolve().parent / "data"
LABELLED_SET = DATA_DIR / "labelled_items.json"
REAL_NEWS = DATA_DIR / "real_news.json"
RANDOM_STATE = 20261125
MODEL_FORMAT = 3  # 3: topic + foreign-affairs models on shared features
REAL_WEIGHT = 2


# --- preprocessing (module-level functions: the pipeline is pickled) ------------------
def segment(text: str) -> str:
    """Lower-case Vietnamese with multi-syllable words joined by ``_``."""
    from pyvi import ViTokenizer

    return ViTokenizer.tokenize(squash_spaces(nfc(text or ""))).lower()


def segment_many(texts) -> list[str]:
    return [segment(t) for t in texts]


def fold_text(text: str) -> str:
    return fold(text)


def _split(text: str) -> list[str]:
    return [w for w in text.split() if any(c.isalnum() for c in w)]


def build_pipeline(*, c: float = 20.0) -> Pipeline:
    words = TfidfVectorizer(
        tokenizer=_split,
        token_pattern=None,
        lowercase=False,
        ngram_range=(1, 2),
        sublinear_tf=True,
        min_df=1,
    )
    folded = TfidfVectorizer(
        preprocessor=fold_text,
        tokenizer=_split,
        token_pattern=None,
        lowercase=False,
        ngram_range=(1, 1),
        sublinear_tf=True,
    )
    return Pipeline(
        [
            ("segment", FunctionTransformer(segment_many)),
            ("features", FeatureUnion([("words", words), ("folded", folded)])),
            (
                "model",
                LogisticRegression(
                    C=c,
                    max_iter=5000,
                    class_weight="balanced",
                    random_state=RANDOM_STATE,
                ),
            ),
        ]
    )


def topic_text(title: str, text: str) -> str:
    """What the classifier reads: the title and the start of the text."""
    limit = settings.TTDN_MONITORING["TOPIC_TEXT_CHARS"]
    return f"{title or ''}\n{(text or '')[:limit]}".strip()


# --- training data --------------------------------------------------------------------
@dataclass(frozen=True)
class Example:
    id: str
    text: str
    topic: str
    relevant: bool | None = None
    origin: str = "shipped"
    foreign_affairs: bool | None = None


def shipped_examples() -> list[Example]:
    data = json.loads(LABELLED_SET.read_text(encoding="utf-8"))
    return [
        Example(
            id=str(row["id"]),
            text=topic_text(row["title"], row["text"]),
            topic=row["topic"],
            relevant=row.get("relevant"),
            # The fictional set has no separate judgement: its foreign-affairs
            # topic is the judgement.
            foreign_affairs=row["topic"] == "foreign_affairs",
        )
        for row in data["items"]
    ]


def real_rows(split: str | None = None) -> list[dict]:
    """Items of the real-news set (``split``: "tune", "report" or all)."""
    rows = json.loads(REAL_NEWS.read_text(encoding="utf-8"))["items"]
    return [row for row in rows if split is None or row["split"] == split]


def real_examples(split: str = "tune") -> list[Example]:
    return [
        Example(
            id=row["id"],
            text=topic_text(row["title"], row["text"]),
            topic=row["topic"],
            origin="real",
            foreign_affairs=row["foreign_affairs"],
        )
        for row in real_rows(split)
    ]


def digest(examples: list[Example]) -> str:
    h = hashlib.sha256()
    for example in sorted(examples, key=lambda e: (e.origin, e.id)):
        h.update(
            f"{example.origin}|{example.id}|{example.topic}|"
            f"{example.foreign_affairs}|".encode()
        )
        h.update(example.text.encode())
    return h.hexdigest()


# --- the trained classifier -----------------------------------------------------------
@dataclass
class Prediction:
    topic: str
    score: float


@dataclass
class Judgement:
    topic: str
    score: float
    foreign_affairs: bool
    foreign_affairs_score: float


class TopicClassifier:
    def __init__(
        self,
        pipeline: Pipeline,
        *,
        meta: dict,
        fa_pipeline: LogisticRegression | None = None,
        fa_threshold: float = 0.5,
    ):
        self.pipeline = pipeline
        self.meta = meta
        self.fa_pipeline = fa_pipeline
        self.fa_threshold = fa_threshold
        self.province_params = provinces.params_from_dict(meta.get("province_params"))

    def judge(self, texts: list[str]) -> list[Judgement]:
        """Topic and foreign-affairs judgement of each text (segmented once)."""
        if not texts:
            return []
        # Segment once, build the features once: both models read them.
        features = self.pipeline.named_steps["features"].transform(segment_many(texts))
        topics = self.pipeline.named_steps["model"].predict_proba(features)
        classes = self.pipeline.classes_
        if self.fa_pipeline is not None:
            fa = self.fa_pipeline.predict_proba(features)[:, 1]
        else:
            fa = [0.0] * len(texts)
        results = []
        for row, fa_score in zip(topics, fa, strict=True):
            best = int(row.argmax())
            results.append(
                Judgement(
                    topic=str(classes[best]),
                    score=round(float(row[best]), 4),
                    foreign_affairs=bool(fa_score >= self.fa_threshold),
                    foreign_affairs_score=round(float(fa_score), 4),
                )
            )
        return results

    def judge_one(self, text: str) -> Judgement:
        return self.judge([text])[0]

    @property
    def labels(self) -> list[str]:
        return list(self.pipeline.classes_)

    def predict(self, texts: list[str]) -> list[Prediction]:
        if not texts:
            return []
        probabilities = self.pipeline.predict_proba(texts)
        classes = self.pipeline.classes_
        results = []
        for row in probabilities:
            best = int(row.argmax())
            results.append(Prediction(str(classes[best]), round(float(row[best]), 4)))
        return results

    def predict_one(self, text: str) -> Prediction:
        return self.predict([text])[0]


def _weighted(examples: list[Example]) -> list[Example]:
    return [
        e for e in examples for _ in range(REAL_WEIGHT if e.origin == "real" else 1)
    ]


def _fa_model() -> LogisticRegression:
    return LogisticRegression(
        C=20.0, max_iter=5000, class_weight="balanced", random_state=RANDOM_STATE
    )


def choose_threshold(features, labels: list[bool]) -> float:
    """The probability threshold with the best cross-validated F1 on the
    training data (never on the part the figures are reported on)."""
    if sum(labels) < 5 or len(labels) - sum(labels) < 5:
        return 0.5
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=RANDOM_STATE)
    scores = cross_val_predict(
        _fa_model(), features, labels, cv=folds, method="predict_proba"
    )[:, 1]
    candidates = [round(0.2 + 0.05 * i, 2) for i in range(11)]
    return max(
        candidates,
        key=lambda t: (f1_score(labels, scores >= t), -abs(t - 0.5)),
    )


def train_foreign_affairs(
    examples: list[Example], topic_pipeline: Pipeline
) -> tuple[LogisticRegression | None, float]:
    """A logistic regression over the topic model's features (one feature
    extraction per item serves both)."""
    labelled = _weighted([e for e in examples if e.foreign_affairs is not None])
    labels = [bool(e.foreign_affairs) for e in labelled]
    if len(set(labels)) < 2:
        return None, 0.5
    features = topic_pipeline.named_steps["features"].transform(
        segment_many([e.text for e in labelled])
    )
    threshold = choose_threshold(features, labels)
    model = _fa_model()
    model.fit(features, labels)
    return model, threshold


def train(
    examples: list[Example], *, province_rows: list[dict] | None = None
) -> TopicClassifier:
    """Train both models and tune the province rules on the tune part of the
    real-news set plus *province_rows* (monitors' corrections)."""
    weighted = _weighted(examples)
    place_rows = provinces.labelled_rows(real_rows("tune")) + (province_rows or [])
    province_params = provinces.tune(place_rows)
    pipeline = build_pipeline()
    pipeline.fit([e.text for e in weighted], [e.topic for e in weighted])
    fa_pipeline, fa_threshold = train_foreign_affairs(examples, pipeline)
    return TopicClassifier(
        pipeline,
        fa_pipeline=fa_pipeline,
        fa_threshold=fa_threshold,
        meta={
            "format": MODEL_FORMAT,
            "fa_threshold": fa_threshold,
            "province_params": provinces.params_as_dict(province_params),
            "province_examples": len(place_rows),
            "province_corrections": len(province_rows or []),
            "sklearn_version": sklearn.__version__,
            "digest": digest(examples),
            "examples": len(examples),
            "labelled_in_admin": sum(e.origin == "admin" for e in examples),
            "trained_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        },
    )


def model_path() -> Path:
    return Path(settings.TTDN_MONITORING["MODEL_PATH"])


def save(classifier: TopicClassifier, path: Path | None = None) -> Path:
    """Write atomically: readers in other processes see the old or the new file."""
    path = path or model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(handle)
    try:
        joblib.dump(
            {
                "pipeline": classifier.pipeline,
                "fa_pipeline": classifier.fa_pipeline,
                "fa_threshold": classifier.fa_threshold,
                "meta": classifier.meta,
            },
            temporary,
        )
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path


def load(path: Path | None = None) -> TopicClassifier | None:
    """The saved classifier, or ``None`` if missing, unreadable or made by another
    scikit-learn version."""
    path = path or model_path()
    if not path.exists():
        return None
    try:
        data = joblib.load(path)
    except Exception:  # a truncated or foreign file: retrain
        return None
    meta = data.get("meta", {}) if isinstance(data, dict) else {}
    if meta.get("sklearn_version") != sklearn.__version__:
        return None
    if meta.get("format") != MODEL_FORMAT:
        return None  # made before the foreign-affairs model: retrain
    return TopicClassifier(
        data["pipeline"],
        meta=meta,
        fa_pipeline=data.get("fa_pipeline"),
        fa_threshold=data.get("fa_threshold", 0.5),
    )


_lock = threading.Lock()
_cache: dict = {}


def get_classifier(*, examples=None) -> TopicClassifier:
    """The classifier of this installation, loaded once per process (and again
    when the file changes); trained from *examples* (default: the shipped set)
    when there is none."""
    path = model_path()
    with _lock:
        mtime = path.stat().st_mtime_ns if path.exists() else None
        cached = _cache.get(str(path))
        if cached and cached[0] == mtime and mtime is not None:
            return cached[1]
        classifier = load(path)
        if classifier is None:
            classifier = train(
                examples
                if examples is not None
                else shipped_examples() + real_examples("tune")
            )
            save(classifier, path)
            mtime = path.stat().st_mtime_ns
        _cache[str(path)] = (mtime, classifier)
        return classifier


def forget() -> None:
    """Drop the per-process cache (tests, after training)."""
    with _lock:
        _cache.clear()
