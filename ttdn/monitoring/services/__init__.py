"""Writes of the monitoring app. Each function validates first and saves all or
nothing; a refused action raises ``ValidationError`` with Vietnamese messages keyed
by field and changes nothing.

* sources: :func:`save_source`, :func:`fetch_source`, :func:`fetch_due_sources`;
* items: :func:`review_item` (the inbox; labels train the classifier);
* classifier: :func:`train_classifier`;
* alerts: :func:`detect_spikes`, :func:`acknowledge_alert`;
* incidents: :func:`open_incident`, :func:`update_incident`, :func:`transition`,
  :func:`add_response`, :func:`save_deadline_rule`.
"""

from .alerts import (
    Window,
    acknowledge_alert,
    detect_spikes,
    notify_monitors,
)
from .incidents import (
    ACTION_TO,
    EDITABLE_FIELDS,
    add_response,
    allowed_transitions,
    article_status,
    deadline_rule_errors,
    delete_incident,
    open_incident,
    save_deadline_rule,
    transition,
    update_incident,
)
from .items import (
    correct_item,
    retrain_if_labels_changed,
    review_item,
    train_classifier,
)
from .sources import (
    FetchReport,
    delete_source,
    fetch_due_sources,
    fetch_source,
    save_source,
    source_errors,
)

__all__ = [
    "ACTION_TO",
    "EDITABLE_FIELDS",
    "FetchReport",
    "Window",
    "acknowledge_alert",
    "add_response",
    "allowed_transitions",
    "article_status",
    "correct_item",
    "deadline_rule_errors",
    "delete_incident",
    "delete_source",
    "detect_spikes",
    "fetch_due_sources",
    "fetch_source",
    "notify_monitors",
    "open_incident",
    "retrain_if_labels_changed",
    "review_item",
    "save_deadline_rule",
    "save_source",
    "source_errors",
    "train_classifier",
    "transition",
    "update_incident",
]
