import datetime as dt

from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

import pytest

from ttdn.monitoring import selectors, services
from ttdn.monitoring.choices import AlertSubject, AlertWindow, Review, Topic
from ttdn.monitoring.models import Alert

from ..factories import ItemFactory, StoryFactory

pytestmark = pytest.mark.django_db


def items(count, *, at, story=None, topic=Topic.DISINFORMATION):
    story = story or StoryFactory()
    return [ItemFactory(fetched_at=at, story=story, topic=topic) for _ in range(count)]


def test_story_spike_in_the_last_hour_mails_monitors(users):
    # Ten past the hour, so that "five minutes later" is the same hour.
    now = timezone.now().replace(minute=10, second=0, microsecond=0)
    story = StoryFactory(title="Tin đồn vỡ đập")
    items(1, at=now - dt.timedelta(hours=5), story=story)
    items(3, at=now - dt.timedelta(minutes=20), story=story)
    alerts = services.detect_spikes(now=now)
    story_alerts = [a for a in alerts if a.subject == AlertSubject.STORY]
    assert [(a.window, a.count, a.baseline) for a in story_alerts] == [
        (AlertWindow.HOUR, 3, round(1 / 12, 2))
    ]
    assert story_alerts[0].headline == (
        "Tăng đột biến ở chuỗi tin “Tin đồn vỡ đập”: 3 tin trong giờ vừa qua "
        "(thông thường 0.1 tin mỗi giờ)"
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["theodoi@example.org"]
    assert "Tin đồn vỡ đập" in mail.outbox[0].body
    # Once per hour: a second run raises nothing new and sends nothing.
    assert services.detect_spikes(now=now + dt.timedelta(minutes=5)) == []
    assert len(mail.outbox) == 1


def test_usual_volume_is_no_spike(users):
    now = timezone.now()
    story = StoryFactory()
    for hours in range(1, 13):
        items(2, at=now - dt.timedelta(hours=hours, minutes=30), story=story)
    items(3, at=now - dt.timedelta(minutes=10), story=story)
    assert [
        a for a in services.detect_spikes(now=now) if a.window == AlertWindow.HOUR
    ] == []


def test_topic_spike_over_a_day(users):
    now = timezone.now()
    for day in range(2, 16):
        items(1, at=now - dt.timedelta(days=day), topic=Topic.BORDER_SECURITY)
    for hour in range(6):
        items(1, at=now - dt.timedelta(hours=2 + hour * 3), topic=Topic.BORDER_SECURITY)
    alerts = services.detect_spikes(now=now, notify=False)
    day = [
        a
        for a in alerts
        if a.subject == AlertSubject.TOPIC and a.window == AlertWindow.DAY
    ]
    assert [(a.topic, a.count, a.baseline) for a in day] == [
        (Topic.BORDER_SECURITY, 6, 1.0)
    ]
    assert mail.outbox == []


def test_irrelevant_items_raise_no_topic_alert(users):
    now = timezone.now()
    for _ in range(5):
        ItemFactory(fetched_at=now, relevant=False, story=StoryFactory(relevant=False))
    assert services.detect_spikes(now=now) == []


def test_acknowledge(users):
    alert = Alert.objects.create(
        subject=AlertSubject.TOPIC,
        window=AlertWindow.HOUR,
        topic=Topic.DISINFORMATION,
        key="k",
        window_end=timezone.now(),
        count=3,
        baseline=0,
    )
    services.acknowledge_alert(alert, user=users["monitor"])
    first = alert.acknowledged_at
    services.acknowledge_alert(alert, user=users["officer"])
    alert.refresh_from_db()
    assert (alert.acknowledged_at, alert.acknowledged_by) == (first, users["monitor"])
    assert list(selectors.open_alerts()) == []


def test_review_labels_feed_training(users):
    item = ItemFactory(topic=Topic.DOMESTIC_OTHER, review=Review.UNREVIEWED)
    assert list(selectors.inbox()) == [item]
    services.review_item(
        item,
        user=users["monitor"],
        review=Review.RELEVANT,
        topic_label=Topic.TOURISM_CULTURE,
    )
    item.refresh_from_db()
    assert (item.review, item.topic_label, item.reviewed_by) == (
        Review.RELEVANT,
        Topic.TOURISM_CULTURE,
        users["monitor"],
    )
    assert list(selectors.inbox()) == []
    admin = selectors.admin_examples()
    assert [(e.id, e.topic, e.relevant, e.origin) for e in admin] == [
        (str(item.pk), Topic.TOURISM_CULTURE, True, "admin")
    ]
    assert len(selectors.training_examples()) == 404
    assert item.story.topic == Topic.TOURISM_CULTURE


def test_review_refuses_unknown_values(users):
    item = ItemFactory(review=Review.UNREVIEWED)
    with pytest.raises(ValidationError) as error:
        services.review_item(
            item, user=users["monitor"], review="maybe", topic_label="sport"
        )
    assert error.value.message_dict == {
        "review": ["Đánh giá: chọn liên quan hoặc không liên quan."],
        "topic_label": ["Chủ đề: chọn một trong các chủ đề có sẵn."],
    }
    item.refresh_from_db()
    assert item.review == Review.UNREVIEWED


def test_retrain_only_when_labels_change(users):
    services.train_classifier()
    assert services.retrain_if_labels_changed() is False
    item = ItemFactory()
    services.review_item(
        item,
        user=users["monitor"],
        review=Review.RELEVANT,
        topic_label=Topic.FOREIGN_AFFAIRS,
    )
    assert services.retrain_if_labels_changed() is True
    from ttdn.monitoring import classifier

    assert classifier.get_classifier().meta["labelled_in_admin"] == 1
