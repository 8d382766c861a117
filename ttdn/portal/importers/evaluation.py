"""Per-field precision and recall of the text importer on its evaluation corpus
(``ttdn/portal/tests/corpus``): headline, publication date, author and page kind,
on the tune or the report part (split by site, so that the report part holds
only sites the parser was not tuned on).

Fields are compared as a reader would: headlines and authors without regard to
case, diacritics of spacing; dates by day, and by minute when the truth has a
time. A value the parser gives where the page has none is *invented* (it lowers
precision); no value where the page has one is *missed* (it lowers recall).
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from ttdn.core.text import fold

from .base import ArticleParseError
from .pagekind import is_listing
from .textparse import parse_text

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
TARGETS = {
    "headline": 0.95,
    "published": 0.95,
    "author": 0.85,
    "not_article": 0.95,
}


@dataclass
class FieldScore:
    name: str
    correct: int = 0
    given: int = 0  # the parser gave a value
    expected: int = 0  # the page has a value
    invented: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.given if self.given else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    def as_dict(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "correct": self.correct,
            "given": self.given,
            "expected": self.expected,
            "invented": self.invented,
            "wrong": self.wrong,
        }


@dataclass
class CorpusReport:
    part: str
    pages: int
    articles: int
    listings: int
    sites: int
    fields: dict[str, FieldScore]

    def as_dict(self) -> dict:
        return {
            "part": self.part,
            "pages": self.pages,
            "articles": self.articles,
            "listings": self.listings,
            "sites": self.sites,
            "fields": {name: score.as_dict() for name, score in self.fields.items()},
            "targets": TARGETS,
        }

    def shortfalls(self) -> list[str]:
        """Fields below their target (recall), or with invented values."""
        out = []
        for name, target in TARGETS.items():
            score = self.fields[name]
            if score.recall < target:
                out.append(f"{name} recall {score.recall:.3f} < {target}")
        for name in ("published", "author"):
            if self.fields[name].invented:
                out.append(f"{name}: {self.fields[name].invented} invented")
        return out


def load_corpus(part: str = "report") -> list[dict]:
    data = json.loads((CORPUS / "ground_truth.json").read_text(encoding="utf-8"))
    return [p for p in data["pages"] if part == "all" or p["split"] == part]


def _same_text(a: str, b: str) -> bool:
    return " ".join(fold(a or "").split()) == " ".join(fold(b or "").split())


def _same_date(predicted, truth: str) -> bool:
    if predicted is None:
        return False
    if "T" in truth:
        expected = dt.datetime.fromisoformat(truth)
        if not isinstance(predicted, dt.datetime):
            return False
        return predicted.replace(second=0) == expected.replace(second=0) or (
            predicted == expected
        )
    day = predicted.date() if isinstance(predicted, dt.datetime) else predicted
    return day == dt.date.fromisoformat(truth)


def parse_page(text: str, path: str = ""):
    """(is_article, parsed article or None)."""
    if is_listing(text):
        return False, None
    try:
        return True, parse_text(text, path=path)
    except ArticleParseError:
        return False, None


def evaluate(part: str = "report") -> CorpusReport:
    pages = load_corpus(part)
    scores = {name: FieldScore(name) for name in ("headline", "published", "author")}
    kind = FieldScore("not_article")
    for page in pages:
        text = (CORPUS / page["file"]).read_text(encoding="utf-8")
        article, parsed = parse_page(text, page["file"])
        if not page["is_article"]:
            kind.expected += 1
            if not article:
                kind.correct += 1
                kind.given += 1
            else:
                kind.wrong.append(page["id"])
            continue
        if not article:
            kind.given += 1  # an article taken for a listing
            kind.wrong.append(page["id"])
        headline = parsed.title if parsed else ""
        _score_text(scores["headline"], page, headline, page["headline"])
        published = parsed.published if parsed else None
        score = scores["published"]
        score.expected += page["published"] is not None
        if published is not None:
            score.given += 1
            if page["published"] is None:
                score.invented += 1
                score.wrong.append(f"{page['id']}: invented {published.isoformat()}")
            elif _same_date(published, page["published"]):
                score.correct += 1
            else:
                score.wrong.append(f"{page['id']}: {published.isoformat()}")
        elif page["published"] is not None:
            score.wrong.append(f"{page['id']}: missed")
        _score_text(
            scores["author"], page, parsed.author if parsed else "", page["author"]
        )
    scores["not_article"] = kind
    return CorpusReport(
        part=part,
        pages=len(pages),
        articles=sum(p["is_article"] for p in pages),
        listings=sum(not p["is_article"] for p in pages),
        sites=len({p["site"] for p in pages}),
        fields=scores,
    )


def _score_text(score: FieldScore, page: dict, predicted: str, truth: str) -> None:
    score.expected += bool(truth)
    if predicted:
        score.given += 1
        if not truth:
            score.invented += 1
            score.wrong.append(f"{page['id']}: invented {predicted!r}")
        elif _same_text(predicted, truth):
            score.correct += 1
        else:
            score.wrong.append(f"{page['id']}: {predicted!r}")
    elif truth:
        score.wrong.append(f"{page['id']}: missed")
