"""International conferences and seminars."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column

import django_filters

from .. import views
from ..choices import (
    ApprovalAuthority,
    ConferenceStatus,
)
from ..forms import RecordForm
from ..models import (
    InternationalConference,
)
from .base import COMMON_EXPORT_HEADINGS, DECISION_PANEL, RecordViewSet, StatusColumn


# --- conferences --------------------------------------------------------------------
class ConferenceFilterSet(views.RecordFilterSet):
    status = views._status_filter(ConferenceStatus.choices)
    approval_authority = django_filters.ChoiceFilter(
        label=_("Approval authority"), choices=ApprovalAuthority.choices
    )
    country = views._country_filter("country_links__country")

    class Meta:
        model = InternationalConference
        fields = [
            "status",
            "approval_authority",
            "country",
            "year",
            "start_from",
            "start_to",
            "organisation",
            "overdue",
        ]


class ConferenceViewSet(RecordViewSet):
    model = InternationalConference
    icon = "doc-full-inverse"
    menu_label = _("International conferences")
    menu_order = 200
    name = "affairs_conferences"
    url_prefix = "affairs/conferences"
    filterset_class = ConferenceFilterSet
    ordering = ["-start_date"]
    list_display = [
        "title",
        Column(
            "period", label=_("Dates"), accessor="period_display", sort_key="start_date"
        ),
        Column("organisation", label=_("Organiser"), accessor="organisation"),
        Column(
            "authority",
            label=_("Approval authority"),
            accessor="get_approval_authority_display",
        ),
        StatusColumn("status", label=_("Status"), sort_key="status"),
    ]
    list_export = [
        "reference",
        "title",
        "organisation.name",
        "start_date",
        "end_date",
        "venue",
        "get_format_display",
        "countries_display",
        "foreign_participants",
        "vietnamese_participants",
        "get_highest_foreign_rank_display",
        "get_approval_authority_display",
        "get_status_display",
        "decision_number",
        "decision_date",
    ]
    export_headings = {
        **COMMON_EXPORT_HEADINGS,
        "organisation.name": _("Organiser"),
        "get_format_display": pgettext_lazy("affairs", "Format"),
        "countries_display": _("Participating countries"),
        "get_highest_foreign_rank_display": _("Highest foreign rank"),
        "get_approval_authority_display": _("Approval authority"),
    }
    export_filename = "hoi-nghi-hoi-thao-quoc-te"
    inspect_view_fields = [
        "reference",
        "title",
        "topic",
        "format",
        "organiser_kind",
        "organisation",
        "foreign_organiser",
        "co_organisers",
        "period",
        "venue",
        "countries",
        "foreign_participants",
        "vietnamese_participants",
        "highest_foreign_rank",
        "sensitive",
        "approval_authority",
        "funding_source",
        "hosting_request_reason",
        "proposal",
        "application_letter",
        "decision_number",
        "decision_date",
        "decision_signer",
        "approval_document",
        "result_report",
        "result_summary",
        "submitted_at",
        "result_reported_at",
        "notes",
        "created_by",
        "created_at",
    ]
    extra_labels = {
        "period": _("Dates"),
        "countries": _("Participating countries"),
        "sensitive": _("Sensitive topics"),
    }
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("reference"),
                    FieldPanel("title"),
                    FieldPanel("topic"),
                    FieldRowPanel([FieldPanel("format"), FieldPanel("organiser_kind")]),
                    FieldPanel("organisation"),
                    FieldPanel("foreign_organiser"),
                    FieldPanel("co_organisers"),
                    FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                    FieldPanel("venue"),
                ],
                heading=_("Conference"),
            ),
            MultipleChooserPanel(
                "country_links",
                chooser_field_name="country",
                heading=_("Participating countries"),
                label=_("Country"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("foreign_participants"),
                            FieldPanel("vietnamese_participants"),
                        ]
                    ),
                    FieldPanel("highest_foreign_rank"),
                    FieldPanel("topic_sovereignty"),
                    FieldPanel("topic_security"),
                    FieldPanel("topic_ethnicity_religion"),
                    FieldPanel("topic_human_rights"),
                    FieldPanel("topic_state_secrets"),
                ],
                heading=_("Participants and topics (decide the approval authority)"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("funding_source"),
                    FieldPanel("hosting_request_reason"),
                    FieldPanel("proposal"),
                    FieldPanel("application_letter"),
                ],
                heading=_("Dossier"),
            ),
            DECISION_PANEL,
            MultiFieldPanel(
                [
                    FieldPanel("approval_document"),
                    FieldPanel("result_report"),
                    FieldPanel("result_summary"),
                ],
                heading=_("Approval and result"),
            ),
            FieldPanel("notes"),
        ],
        base_form_class=RecordForm,
    )
