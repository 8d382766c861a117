"""Things in force from one day to another: administrative units and
organisations over time, deadline rules, publication rules.

:class:`InForceModel` gives a model ``valid_from`` / ``valid_to`` (both ends
inclusive; an empty end is open), the check constraint keeping them in order, the
queryset method :meth:`InForceQuerySet.in_force_on` and the predicate
:meth:`InForceModel.is_in_force_on`. :func:`overlap_errors` is the one check that
two entries of the same kind (two rules for one step) are not in force on the
same day. A subclass may redeclare the two fields to give them its own labels.
"""

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .errors import Errors
from .timefmt import format_short


class InForceQuerySet(models.QuerySet):
    def in_force_on(self, day: dt.date):
        """Entries in force on *day* (both ends inclusive; empty ends are open)."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )

    def current(self):
        """Entries in force today (GMT+7)."""
        return self.in_force_on(timezone.localdate())

    def ended_before(self, day: dt.date):
        """Entries no longer in force on *day*."""
        return self.filter(valid_to__lt=day)

    def overlapping(self, valid_from: dt.date | None, valid_to: dt.date | None):
        """Entries in force on at least one day of ``valid_from``–``valid_to``."""
        query = self
        if valid_to is not None:
            query = query.filter(
                Q(valid_from__isnull=True) | Q(valid_from__lte=valid_to)
            )
        if valid_from is not None:
            query = query.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=valid_from))
        return query


class InForceModel(models.Model):
    valid_from = models.DateField(
        _("in force from"),
        null=True,
        blank=True,
        help_text=_("Empty: since before any record."),
    )
    valid_to = models.DateField(
        _("in force until"),
        null=True,
        blank=True,
        help_text=_("Empty: still in force."),
    )

    objects = InForceQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True)
                | Q(valid_to__isnull=True)
                | Q(valid_to__gte=F("valid_from")),
                name="%(app_label)s_%(class)s_valid_range",
                violation_error_message=_(
                    "The last day cannot be before the first day."
                ),
            )
        ]

    def is_in_force_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @property
    def is_current(self) -> bool:
        return self.is_in_force_on(timezone.localdate())

    @property
    def period_display(self) -> str:
        """``01/07/2025 – nay``, ``– 30/06/2025``; empty when open on both ends."""
        return period_text(self.valid_from, self.valid_to)

    def clean(self):
        super().clean()
        period_errors(self).raise_if_any()


def period_text(valid_from: dt.date | None, valid_to: dt.date | None) -> str:
    if valid_from is None and valid_to is None:
        return ""
    end = format_short(valid_to) or gettext("present")
    return f"{format_short(valid_from)} – {end}".strip()


def _label(instance, field_name: str) -> str:
    return capfirst(str(type(instance)._meta.get_field(field_name).verbose_name))


def period_errors(instance: InForceModel) -> Errors:
    """The last day before the first, said with the model's own field labels."""
    errors = Errors()
    start, end = instance.valid_from, instance.valid_to
    if start and end and end < start:
        errors.add(
            "valid_to",
            gettext(
                "%(field)s: the last day (%(end)s) is before the first day (%(start)s)."
            )
            % {
                "field": _label(instance, "valid_to"),
                "end": format_short(end),
                "start": format_short(start),
            },
        )
    return errors


def overlap_errors(
    instance: InForceModel, peers: models.QuerySet, *, describe=str
) -> Errors:
    """An error on ``valid_from`` for each of *peers* (entries that may not be in
    force on the same day as *instance*, e.g. rules for the same step) in force on
    a day of *instance*'s period. *describe* names a peer in the message."""
    errors = Errors()
    if instance.pk is not None:
        peers = peers.exclude(pk=instance.pk)
    clashes = peers.overlapping(instance.valid_from, instance.valid_to)
    for other in clashes.order_by(F("valid_from").asc(nulls_first=True), "pk"):
        errors.add(
            "valid_from",
            gettext(
                "%(field)s: “%(other)s” (%(period)s) is in force on some of the same "
                "days; end it first."
            )
            % {
                "field": _label(instance, "valid_from"),
                "other": describe(other),
                "period": period_text(other.valid_from, other.valid_to)
                or gettext("always"),
            },
        )
    return errors
