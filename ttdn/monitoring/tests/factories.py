import datetime as dt

from django.utils import timezone

import factory

from ttdn.monitoring import dedupe
from ttdn.monitoring.choices import SourceKind, SourceType, Topic
from ttdn.monitoring.models import Incident, Item, Source, Story


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Báo Thử {n}")
    source_type = SourceType.FEED
    url = factory.Sequence(lambda n: f"https://bao{n}.example.org/rss.xml")
    kind = SourceKind.DOMESTIC_PRESS
    language = "vi"
    interval_minutes = 30


class StoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Story

    title = factory.Sequence(lambda n: f"Chuỗi tin {n}")
    first_seen_at = factory.LazyFunction(timezone.now)
    last_seen_at = factory.LazyFunction(timezone.now)
    item_count = 1
    source_count = 1
    relevant = True


def _minhash(item):
    return dedupe.to_bytes(
        dedupe.signature(f"{item.title}\n{item.text}", num_perm=128, shingle_size=3)
    )


class ItemFactory(factory.django.DjangoModelFactory):
    """An item as the pipeline would store it (for tests that need many items
    quickly; pipeline tests go through services)."""

    class Meta:
        model = Item

    source = factory.SubFactory(SourceFactory)
    title = factory.Sequence(lambda n: f"Tin số {n} về Sơn La")
    text = factory.Sequence(lambda n: f"Nội dung tin số {n} về tỉnh Sơn La.")
    url = factory.Sequence(lambda n: f"https://bao.example.org/tin-{n}.html")
    url_hash = factory.LazyAttribute(lambda o: dedupe.url_hash(o.url))
    content_hash = factory.LazyAttribute(lambda o: dedupe.content_hash(o.title, o.text))
    fetched_at = factory.LazyFunction(timezone.now)
    language = "vi"
    minhash = factory.LazyAttribute(_minhash)
    relevant = True
    topic = Topic.FOREIGN_AFFAIRS
    topic_score = 0.9
    story = factory.SubFactory(StoryFactory)


class IncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Incident

    title = factory.Sequence(lambda n: f"Sự việc {n}")
    detected_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1))
