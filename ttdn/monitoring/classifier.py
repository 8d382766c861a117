"""Topic classifier: a scikit-learn pipeline over word-segmented Vietnamese.

Text → pyvi word segmentation (``đối_ngoại``, ``biên_giới``) → two TF-IDF views
(segmented words and word pairs as written; the same folded, so text typed without
diacritics is understood) → logistic regression. The score is the probability of
the chosen topic.

Training data: the shipped labelled set (``data/labelled_items.json``, test material
written for this project) plus every item whose topic a monitor labelled in the
admin. The trained pipeline is saved with joblib at
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
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer

from ttdn.core.text import fold, nfc, squash_spaces

DATA_DIR = Path(__file__).resolve().parent / "data"
LABELLED_SET = DATA_DIR / "labelled_items.json"
RANDOM_STATE = 20261125


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


def build_pipeline() -> Pipeline:
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
                    C=20.0,
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


def shipped_examples() -> list[Example]:
    data = json.loads(LABELLED_SET.read_text(encoding="utf-8"))
    return [
        Example(
            id=str(row["id"]),
            text=topic_text(row["title"], row["text"]),
            topic=row["topic"],
            relevant=row.get("relevant"),
        )
        for row in data["items"]
    ]


def digest(examples: list[Example]) -> str:
    h = hashlib.sha256()
    for example in sorted(examples, key=lambda e: (e.origin, e.id)):
        h.update(f"{example.origin}|{example.id}|{example.topic}|".encode())
        h.update(example.text.encode())
    return h.hexdigest()


# --- the trained classifier -----------------------------------------------------------
@dataclass
class Prediction:
    topic: str
    score: float


class TopicClassifier:
    def __init__(self, pipeline: Pipeline, *, meta: dict):
        self.pipeline = pipeline
        self.meta = meta

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


def train(examples: list[Example]) -> TopicClassifier:
    pipeline = build_pipeline()
    pipeline.fit([e.text for e in examples], [e.topic for e in examples])
    return TopicClassifier(
        pipeline,
        meta={
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
            {"pipeline": classifier.pipeline, "meta": classifier.meta}, temporary
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
    return TopicClassifier(data["pipeline"], meta=meta)


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
            classifier = train(examples if examples is not None else shipped_examples())
            save(classifier, path)
            mtime = path.stat().st_mtime_ns
        _cache[str(path)] = (mtime, classifier)
        return classifier


def forget() -> None:
    """Drop the per-process cache (tests, after training)."""
    with _lock:
        _cache.clear()
