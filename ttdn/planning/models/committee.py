"""The steering committee, its members, meetings, documents and conclusions."""

import datetime as dt

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from ttdn.core.timefmt import format_short

from ..choices import (
    CommitteeRole,
    MeetingKind,
)
from .base import TimestampedModel


# --- steering committee ---------------------------------------------------------
class SteeringCommittee(ClusterableModel, TimestampedModel):
    """The provincial TTĐN steering committee (Ban Chỉ đạo công tác thông tin đối
    ngoại), established by the provincial Party Standing Board."""

    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_("e.g. Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Sơn La."),
    )
    decision = models.CharField(
        _("establishing decision"),
        max_length=255,
        blank=True,
        help_text=_("Number and date, e.g. Quyết định số 123-QĐ/TU ngày 05/08/2025."),
    )
    established_on = models.DateField(_("established on"))
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)
    regulation = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("operating regulation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("steering committee")
        verbose_name_plural = _("steering committees")
        ordering = ["-established_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(dissolved_on__isnull=True)
                | Q(dissolved_on__gte=F("established_on")),
                name="planning_committee_range",
                violation_error_message=_(
                    "Dissolved on: it cannot be before the day it was established."
                ),
            ),
        ]

    def __str__(self):
        return self.name


class CommitteeMember(Orderable):
    """A person's seat on the committee: role, home organisation and portfolio,
    from one day to another (members change with their posts)."""

    committee = ParentalKey(
        SteeringCommittee, on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        "directory.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="committee_seats",
    )
    role = models.CharField(_("role"), max_length=20, choices=CommitteeRole.choices)
    organisation = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("home organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.CharField(
        _("position"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh."),
    )
    portfolio = models.TextField(
        _("portfolio"),
        blank=True,
        help_text=_("The field the member is in charge of on the committee."),
    )
    valid_from = models.DateField(_("member from"))
    valid_to = models.DateField(_("member until"), null=True, blank=True)

    panels = [
        FieldPanel("person"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("position"),
        FieldPanel("portfolio"),
        FieldPanel("valid_from"),
        FieldPanel("valid_to"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")

    def __str__(self):
        return f"{self.person} — {self.get_role_display()}"

    def is_member_on(self, day: dt.date) -> bool:
        return self.valid_from <= day and (
            self.valid_to is None or day <= self.valid_to
        )


class Meeting(ClusterableModel, TimestampedModel):
    committee = models.ForeignKey(
        SteeringCommittee,
        verbose_name=_("steering committee"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=MeetingKind.choices)
    title = models.CharField(_("title"), max_length=500)
    held_on = models.DateField(_("date"))
    location = models.CharField(_("place"), max_length=255, blank=True)
    chair = models.ForeignKey(
        "directory.Person",
        verbose_name=_("chaired by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    agenda = models.TextField(_("agenda"), blank=True)
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Results, limitations and what was decided."),
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_on", "-pk"]

    def __str__(self):
        return f"{self.title} ({format_short(self.held_on)})"


class MeetingDocument(Orderable):
    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=255, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("title"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self):
        return self.title or str(self.document)


class Conclusion(Orderable):
    """A conclusion of a meeting; follow-ups become tasks
    (``services.conclusion_create_tasks``)."""

    meeting = ParentalKey(Meeting, on_delete=models.CASCADE, related_name="conclusions")
    text = models.TextField(_("conclusion"))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("conclusion")
        verbose_name_plural = _("conclusions")

    def __str__(self):
        text = " ".join(self.text.split())
        return text if len(text) <= 80 else text[:79] + "…"
