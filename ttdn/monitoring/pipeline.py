"""The ingest pipeline: an extracted article → a stored item, once, in its story,
with its language, relevance, topic, the province it is mainly about and its
foreign-affairs judgement.

One :class:`Pipeline` serves a batch (a fetch run, a demo load): it builds the
gazetteer and the story index once and keeps them up to date as items arrive.
:func:`analyse` is the database-free part the benchmark and ``monitoring_classify``
share.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from ttdn.directory.selectors import serving_province

from . import classifier, dedupe, language, provinces
from .extraction import Article
from .gazetteer import Gazetteer
from .models import Item, Source, Story, folded


@dataclass
class Analysis:
    language: str
    relevant: bool
    province: str | None
    matches: list[str]
    topic: str
    score: float
    subject_province: str = ""
    foreign_affairs: bool = False
    foreign_affairs_score: float = 0.0


def analyse(
    title: str,
    text: str,
    *,
    gazetteer: Gazetteer,
    topics: classifier.TopicClassifier,
    home: str = "",
) -> Analysis:
    """*home*: code of the source's home province (a provincial outlet)."""
    full = f"{title}\n{text}"
    code, _probability = language.detect(full)
    relevance = gazetteer.match(full)
    judgement = topics.judge_one(classifier.topic_text(title, text))
    place = provinces.judge(title, text, home=home, params=topics.province_params)
    return Analysis(
        language=code,
        relevant=relevance.relevant,
        province=relevance.province,
        matches=relevance.matches,
        topic=judgement.topic,
        score=judgement.score,
        subject_province=place.code,
        foreign_affairs=judgement.foreign_affairs,
        foreign_affairs_score=judgement.foreign_affairs_score,
    )


@dataclass
class IngestResult:
    item: Item | None
    created: bool
    reason: str = ""  # "url" or "content" for a duplicate


class Pipeline:
    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        topics: classifier.TopicClassifier | None = None,
        index: dedupe.StoryIndex | None = None,
        now: dt.datetime | None = None,
    ):
        from . import selectors

        config = settings.TTDN_MONITORING
        self.num_perm = config["MINHASH_PERMUTATIONS"]
        self.shingle_size = config["SHINGLE_WORDS"]
        self.gazetteer = gazetteer or selectors.build_gazetteer()
        self.topics = topics or classifier.get_classifier()
        self.index = index or selectors.load_story_index(now=now)
        self._province_unit = None

    def _province(self, name: str | None):
        if name is None:
            return None
        if self._province_unit is None:
            self._province_unit = serving_province()
        return self._province_unit

    def ingest(
        self, source: Source, article: Article, *, fetched_at: dt.datetime | None = None
    ) -> IngestResult:
        """Store *article* unless its address or content is already stored."""
        fetched_at = fetched_at or timezone.now()
        u_hash = dedupe.url_hash(article.url)
        c_hash = dedupe.content_hash(article.title, article.text)
        existing = (
            Item.objects.filter(Q(url_hash=u_hash) | Q(content_hash=c_hash))
            .only("pk", "url_hash")
            .first()
        )
        if existing is not None:
            reason = "url" if existing.url_hash == u_hash else "content"
            return IngestResult(existing, False, reason)
        analysis = analyse(
            article.title,
            article.text,
            gazetteer=self.gazetteer,
            topics=self.topics,
            home=source.home_province,
        )
        minhash = dedupe.signature(
            f"{article.title}\n{article.text}",
            num_perm=self.num_perm,
            shingle_size=self.shingle_size,
        )
        try:
            with transaction.atomic():
                item = Item.objects.create(
                    source=source,
                    url=article.url,
                    url_hash=u_hash,
                    content_hash=c_hash,
                    title=article.title,
                    text=article.text,
                    published_at=article.published_at,
                    fetched_at=fetched_at,
                    language=analysis.language,
                    minhash=dedupe.to_bytes(minhash),
                    relevant=analysis.relevant,
                    province=self._province(analysis.province),
                    matched_terms=analysis.matches,
                    topic=analysis.topic,
                    topic_score=analysis.score,
                    subject_province=analysis.subject_province,
                    foreign_affairs=analysis.foreign_affairs,
                    foreign_affairs_score=analysis.foreign_affairs_score,
                    search_text=folded(article.title, article.url),
                )
                match = self.index.best_match(minhash)
                story = self._join_story(item, match.story if match else None)
        except IntegrityError:  # stored meanwhile by another worker
            existing = Item.objects.filter(
                Q(url_hash=u_hash) | Q(content_hash=c_hash)
            ).first()
            return IngestResult(existing, False, "url")
        self.index.add(item.pk, minhash, story.pk)
        return IngestResult(item, True)

    def _join_story(self, item: Item, story_id) -> Story:
        story = (
            Story.objects.select_for_update().filter(pk=story_id).first()
            if story_id
            else None
        )
        seen = item.published_at or item.fetched_at
        if story is None:
            story = Story.objects.create(
                title=item.title,
                first_seen_at=seen,
                last_seen_at=item.fetched_at,
                item_count=0,
                search_text=folded(item.title),
            )
        item.story = story
        item.save(update_fields=["story"])
        refresh_story(story)
        return story


def refresh_story(story: Story) -> Story:
    """Counts, dates, relevance and topic of a story from its items."""
    items = list(
        story.items.values_list(
            "source_id",
            "fetched_at",
            "published_at",
            "relevant",
            "topic",
            "topic_label",
        )
    )
    if not items:
        return story
    story.item_count = len(items)
    story.source_count = len({row[0] for row in items})
    story.first_seen_at = min((row[2] or row[1]) for row in items)
    story.last_seen_at = max(row[1] for row in items)
    story.relevant = any(row[3] for row in items)
    topics = Counter(row[5] or row[4] for row in items if (row[5] or row[4]))
    story.topic = topics.most_common(1)[0][0] if topics else ""
    story.save(
        update_fields=[
            "item_count",
            "source_count",
            "first_seen_at",
            "last_seen_at",
            "relevant",
            "topic",
            "updated_at",
        ]
    )
    return story
