"""Delegations in and out."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import BooleanRadioSelect

import django_filters

from .. import selectors, views
from ..choices import (
    DelegationStatus,
    Direction,
)
from ..forms import RecordForm
from ..models import (
    Delegation,
)
from .base import (
    COMMON_EXPORT_HEADINGS,
    DECISION_PANEL,
    MEMBER_PANELS,
    RecordViewSet,
    StatusColumn,
)


# --- delegations --------------------------------------------------------------------
class DelegationFilterSet(views.RecordFilterSet):
    direction = django_filters.ChoiceFilter(
        label=_("Direction"), choices=Direction.choices
    )
    status = views._status_filter(DelegationStatus.choices)
    realised = django_filters.BooleanFilter(
        label=_("Took place"),
        method="filter_realised",
        widget=BooleanRadioSelect,
        help_text=_("Travelling or hosted, completed, reported or closed."),
    )
    country = views._country_filter("country_links__country")

    class Meta:
        model = Delegation
        fields = [
            "direction",
            "status",
            "realised",
            "country",
            "year",
            "start_from",
            "start_to",
            "organisation",
            "overdue",
        ]

    def filter_realised(self, queryset, name, value):
        if value is None:
            return queryset
        states = selectors.REALISED_DELEGATION_STATES
        if value:
            return queryset.filter(status__in=states)
        return queryset.exclude(status__in=states)


class DelegationViewSet(RecordViewSet):
    """Incoming and outgoing delegations, with the register import."""

    model = Delegation
    icon = "group"
    menu_label = _("Delegations")
    menu_order = 100
    name = "affairs_delegations"
    url_prefix = "affairs/delegations"
    index_view_class = views.DelegationIndexView
    add_view_class = views.DelegationCreateView
    filterset_class = DelegationFilterSet
    ordering = ["-start_date"]
    list_display = [
        "title",
        Column("direction", label=_("Direction"), accessor="get_direction_display"),
        Column(
            "period", label=_("Dates"), accessor="period_display", sort_key="start_date"
        ),
        Column("countries", label=_("Countries"), accessor="countries_display"),
        Column("organisation", label=_("Unit"), accessor="organisation"),
        Column("person_count", label=_("Persons"), sort_key="person_count"),
        StatusColumn("status", label=_("Status"), sort_key="status"),
    ]
    list_export = [
        "reference",
        "get_direction_display",
        "title",
        "organisation.name",
        "start_date",
        "end_date",
        "countries_display",
        "partners_display",
        "places",
        "purpose",
        "person_count",
        "get_funding_source_display",
        "get_guest_class_display",
        "get_status_display",
        "decision_number",
        "decision_date",
        "is_historic",
    ]
    export_headings = {
        **COMMON_EXPORT_HEADINGS,
        "get_direction_display": _("Direction"),
        "countries_display": _("Countries"),
        "partners_display": _("Partner organisations"),
        "person_count": _("Person-visits"),
        "get_funding_source_display": _("Funding source"),
        "get_guest_class_display": _("Guest class"),
    }
    export_filename = "doan-ra-doan-vao"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", views.ImportView.as_view(), name="import"),
            path("import/template/", views.import_template, name="import_template"),
        ]

    inspect_view_fields = [
        "reference",
        "direction",
        "title",
        "organisation",
        "period",
        "countries",
        "partners",
        "places",
        "purpose",
        "programme",
        "members_list",
        "person_count",
        "funding_source",
        "budget_estimate",
        "guest_class",
        "sensitive",
        "requires_party_opinion",
        "decision_number",
        "decision_date",
        "decision_signer",
        "invitation",
        "decision_document",
        "decision_entry",
        "result_report",
        "result_summary",
        "submitted_at",
        "result_reported_at",
        "is_historic",
        "notes",
        "created_by",
        "created_at",
    ]
    extra_labels = {
        "period": _("Dates"),
        "countries": _("Countries"),
        "partners": _("Partner organisations"),
        "members_list": _("Members"),
        "sensitive": _("Sensitive topics"),
    }
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("direction"), FieldPanel("reference")]),
                    FieldPanel("title"),
                    FieldPanel("organisation"),
                    FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                    FieldPanel("purpose"),
                    FieldPanel("programme"),
                    FieldPanel("places"),
                ],
                heading=_("Delegation"),
            ),
            MultipleChooserPanel(
                "country_links",
                chooser_field_name="country",
                heading=_("Countries"),
                label=_("Country"),
            ),
            MultipleChooserPanel(
                "partner_links",
                chooser_field_name="partner",
                heading=_("Partner organisations"),
                label=_("Partner organisation"),
            ),
            InlinePanel(
                "members",
                heading=_("Members"),
                label=_("Member"),
                panels=MEMBER_PANELS,
                help_text=_(
                    "The person count is the number of members. For a record "
                    "that lists no members, enter the number of persons below."
                ),
            ),
            FieldPanel("declared_person_count"),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("funding_source"), FieldPanel("budget_estimate")]
                    ),
                    FieldPanel("guest_class"),
                    FieldRowPanel(
                        [
                            FieldPanel("topic_religion"),
                            FieldPanel("topic_ethnicity"),
                            FieldPanel("topic_human_rights"),
                        ],
                        heading=_("Sensitive topics"),
                    ),
                    FieldPanel("requires_party_opinion"),
                ],
                heading=_("Funding, guests and sensitive topics"),
            ),
            DECISION_PANEL,
            MultiFieldPanel(
                [
                    FieldPanel("invitation"),
                    FieldPanel("decision_document"),
                    FieldPanel("decision_entry"),
                    FieldPanel("result_report"),
                    FieldPanel("result_summary"),
                ],
                heading=_("Attachments and result"),
            ),
            FieldPanel("notes"),
        ],
        base_form_class=RecordForm,
    )
