"""Items of the inbox (review, corrections) and the classifier's training."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ttdn.core import audit
from ttdn.core.errors import Errors

from .. import classifier, provinces, selectors
from ..choices import (
    Review,
    Topic,
)
from ..models import (
    Item,
)
from ..pipeline import refresh_story
from ..provinces import NATIONAL_LABEL


# --- items (the inbox) ----------------------------------------------------------------
@transaction.atomic
def review_item(
    item: Item, *, user, review: str, topic_label: str | None = None
) -> Item:
    """Mark an item relevant or not relevant, optionally with its topic."""
    errors = Errors()
    if review not in (Review.RELEVANT, Review.NOT_RELEVANT):
        errors.add("review", _("Review: choose relevant or not relevant."))
    if topic_label and topic_label not in Topic.values:
        errors.add("topic_label", _("Topic: choose one of the listed topics."))
    errors.raise_if_any()
    item.review = review
    if topic_label is not None:
        item.topic_label = topic_label
    item.reviewed_by = user
    item.reviewed_at = timezone.now()
    item.save(update_fields=["review", "topic_label", "reviewed_by", "reviewed_at"])
    audit.log_edit(
        item, user=user, fields=["review", *(["topic_label"] if topic_label else [])]
    )
    if item.story_id:
        refresh_story(item.story)
    return item


@transaction.atomic
def correct_item(
    item: Item,
    *,
    user,
    subject_province_label: str | None = None,
    foreign_affairs_label: bool | None = None,
    clear: bool = False,
) -> Item:
    """Store a monitor's correction of the province an item is about (a code of
    the 34 provinces, or ``NATIONAL_LABEL``) and/or of its foreign-affairs
    judgement; ``clear`` removes both corrections. The next training uses them."""
    errors = Errors()
    if subject_province_label is not None and subject_province_label not in (
        {NATIONAL_LABEL} | set(provinces.provinces())
    ):
        errors.add(
            "subject_province_label",
            _("Province: choose one of the 34 provinces or “national”."),
        )
    if not clear and subject_province_label is None and foreign_affairs_label is None:
        errors.add(
            "subject_province_label",
            _("Correction: choose a province or a foreign-affairs judgement."),
        )
    errors.raise_if_any()
    fields = []
    if clear:
        item.subject_province_label, item.foreign_affairs_label = "", None
        fields = ["subject_province_label", "foreign_affairs_label"]
    if subject_province_label is not None:
        item.subject_province_label = subject_province_label
        fields.append("subject_province_label")
    if foreign_affairs_label is not None:
        item.foreign_affairs_label = foreign_affairs_label
        fields.append("foreign_affairs_label")
    item.reviewed_by = user
    item.reviewed_at = timezone.now()
    item.save(update_fields=[*dict.fromkeys(fields), "reviewed_by", "reviewed_at"])
    audit.log_edit(item, user=user, fields=list(dict.fromkeys(fields)))
    return item


# --- classifier -----------------------------------------------------------------------
def train_classifier(*, include_admin: bool = True) -> classifier.TopicClassifier:
    """Train on the shipped and real sets plus the monitors' labels and save."""
    trained = classifier.train(
        selectors.training_examples(include_admin=include_admin),
        province_rows=selectors.province_corrections() if include_admin else [],
    )
    classifier.save(trained)
    classifier.forget()
    return trained


def retrain_if_labels_changed() -> bool:
    """Retrain when the training data differs from the saved model's."""
    examples = selectors.training_examples()
    corrections = selectors.province_corrections()
    current = classifier.load()
    if (
        current is not None
        and current.meta.get("digest") == classifier.digest(examples)
        and current.meta.get("province_corrections") == len(corrections)
    ):
        return False
    classifier.save(classifier.train(examples, province_rows=corrections))
    classifier.forget()
    return True
