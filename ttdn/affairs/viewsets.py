"""The admin menu group "Đối ngoại": one viewset per record type (listing with
filters, search, CSV/XLSX export, inspect view with due dates, actions and
history, create/edit through the services), the deadlines overview, the
delegation statistics and the deadline rules."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.widgets import BooleanRadioSelect

import django_filters

from ttdn.core.admin.viewsets import ServiceModelViewSet
from ttdn.core.admin_pages import AdminPageViewSet

from . import selectors, services, views
from .choices import (
    ActivityKind,
    AgreementStatus,
    AidStatus,
    ApprovalAuthority,
    ConferenceStatus,
    DeadlineStep,
    DelegationStatus,
    Direction,
    NGOStatus,
    PressVisitStatus,
)
from .forms import FORMSET_FIELDS, RecordForm
from .models import (
    AidPackage,
    DeadlineRule,
    Delegation,
    ForeignNGO,
    ForeignPressVisit,
    InternationalAgreement,
    InternationalConference,
)

DECISION_PANEL = MultiFieldPanel(
    [
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        FieldPanel("decision_signer"),
    ],
    heading=_("Approval decision"),
    help_text=_(
        "Recorded by the foreign-affairs body before “Approve”: the decision the "
        "Chairperson (or the head of the foreign-affairs body by delegation) signed."
    ),
)
COMMON_EXPORT_HEADINGS = {
    "get_status_display": _("Status"),
    "organisation.name": _("Unit"),
    "is_historic": _("Entered after the fact"),
}


class StatusColumn(Column):
    def get_value(self, instance):
        return instance.get_status_display()


class RecordViewSet(ServiceModelViewSet):
    index_view_class = views.AffairsIndexView
    add_view_class = views.AffairsCreateView
    edit_view_class = views.AffairsEditView
    delete_view_class = views.AffairsDeleteView
    inspect_view_class = views.AffairsInspectView
    inspect_template_name = "affairs/admin/inspect.html"
    formset_fields = FORMSET_FIELDS
    list_per_page = 50
    report_fields: tuple = ()
    extra_labels: dict = {}

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            transition_url_name=self.get_url_name("transition"),
            extra_labels=self.extra_labels,
            **kwargs,
        )

    def get_edit_view_kwargs(self, **kwargs):
        fields = services.report_fields(self.model)
        panel = (
            ObjectList(
                [FieldPanel(name) for name in fields], base_form_class=RecordForm
            ).bind_to_model(self.model)
            if fields
            else None
        )
        return super().get_edit_view_kwargs(report_panel=panel, **kwargs)

    def scope(self, user):
        return selectors.records_for(user, self.model)

    def save_service(self, instance, *, user):
        return services.save_record(instance, user=user)

    def delete_service(self, instance, *, user):
        services.delete_record(instance, user=user)

    @property
    def transition_view(self):
        return self.construct_view(
            views.TransitionView,
            inspect_url_name=self.get_url_name("inspect"),
            index_url_name=self.get_url_name("index"),
            permission_policy=self.permission_policy,
            scope=self.scope,
        )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), *views.extra_urls(self)]


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


MEMBER_PANELS = [
    FieldRowPanel([FieldPanel("full_name"), FieldPanel("role")]),
    FieldRowPanel([FieldPanel("position"), FieldPanel("organisation_name")]),
    FieldRowPanel([FieldPanel("nationality"), FieldPanel("passport_type")]),
]


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
                    FieldPanel("result_report"),
                    FieldPanel("result_summary"),
                ],
                heading=_("Attachments and result"),
            ),
            FieldPanel("notes"),
        ],
        base_form_class=RecordForm,
    )


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


# --- agreements ---------------------------------------------------------------------
class AgreementFilterSet(views.RecordFilterSet):
    date_field = "signing_date"
    status = views._status_filter(AgreementStatus.choices)
    country = views._country_filter("foreign_partner__country")

    class Meta:
        model = InternationalAgreement
        fields = [
            "status",
            "country",
            "year",
            "start_from",
            "start_to",
            "organisation",
            "overdue",
        ]


class AgreementViewSet(RecordViewSet):
    model = InternationalAgreement
    icon = "doc-full"
    menu_label = _("International agreements")
    menu_order = 300
    name = "affairs_agreements"
    url_prefix = "affairs/agreements"
    filterset_class = AgreementFilterSet
    ordering = ["-signing_date"]
    list_display = [
        "title",
        Column("form", label=_("Name (form)"), accessor="get_form_name_display"),
        Column("partner", label=_("Foreign party"), accessor="foreign_partner"),
        Column("organisation", label=_("Vietnamese party"), accessor="organisation"),
        Column("signing_date", label=_("Signing date"), sort_key="signing_date"),
        StatusColumn("status", label=_("Status"), sort_key="status"),
    ]
    list_export = [
        "reference",
        "title",
        "get_form_name_display",
        "organisation.name",
        "get_party_kind_display",
        "foreign_partner.name",
        "effective_country.name_vi",
        "fields_of_cooperation",
        "signing_date",
        "signing_place",
        "signatory",
        "effective_from",
        "expires_on",
        "get_status_display",
    ]
    export_headings = {
        **COMMON_EXPORT_HEADINGS,
        "get_form_name_display": _("Name (form)"),
        "organisation.name": _("Vietnamese party"),
        "get_party_kind_display": _("Kind of Vietnamese party"),
        "foreign_partner.name": _("Foreign party"),
        "effective_country.name_vi": _("Country"),
    }
    export_filename = "thoa-thuan-quoc-te"
    inspect_view_fields = [
        "reference",
        "title",
        "form_name",
        "organisation",
        "party_kind",
        "foreign_partner",
        "country",
        "fields_of_cooperation",
        "languages",
        "consulted_agencies",
        "decision_number",
        "decision_date",
        "decision_signer",
        "signing_date",
        "signing_place",
        "signatory",
        "effective_from",
        "expires_on",
        "copy_sent_to_mofa_on",
        "inherited_from",
        "name_update_required",
        "publish_on_portal",
        "document",
        "post_signing_report",
        "submitted_at",
        "reported_at",
        "notes",
        "created_by",
        "created_at",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("reference"),
                    FieldPanel("title"),
                    FieldPanel("form_name"),
                    FieldRowPanel(
                        [FieldPanel("organisation"), FieldPanel("party_kind")]
                    ),
                    FieldRowPanel(
                        [FieldPanel("foreign_partner"), FieldPanel("country")]
                    ),
                    FieldPanel("fields_of_cooperation"),
                    FieldPanel("languages"),
                    FieldPanel("consulted_agencies"),
                ],
                heading=_("Agreement"),
            ),
            DECISION_PANEL,
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("signing_date"), FieldPanel("signing_place")]
                    ),
                    FieldPanel("signatory"),
                    FieldRowPanel(
                        [FieldPanel("effective_from"), FieldPanel("expires_on")]
                    ),
                    FieldPanel("copy_sent_to_mofa_on"),
                ],
                heading=_("Signing and validity"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("inherited_from"),
                    FieldPanel("name_update_required"),
                    FieldPanel("publish_on_portal"),
                ],
                heading=_("2025 reorganisation and publication"),
            ),
            MultiFieldPanel(
                [FieldPanel("document"), FieldPanel("post_signing_report")],
                heading=_("Documents"),
            ),
            FieldPanel("notes"),
        ],
        base_form_class=RecordForm,
    )


# --- aid ----------------------------------------------------------------------------
class AidFilterSet(views.RecordFilterSet):
    status = views._status_filter(AidStatus.choices)
    country = views._country_filter("donor__country")

    class Meta:
        model = AidPackage
        fields = [
            "status",
            "country",
            "year",
            "start_from",
            "start_to",
            "organisation",
            "overdue",
        ]


class AidViewSet(RecordViewSet):
    model = AidPackage
    icon = "pick"
    menu_label = _("Foreign NGO aid")
    menu_order = 400
    name = "affairs_aid"
    url_prefix = "affairs/aid"
    filterset_class = AidFilterSet
    ordering = ["-start_date"]
    list_display = [
        "title",
        Column("donor", label=_("Donor"), accessor="donor"),
        Column(
            "organisation",
            label=pgettext_lazy("affairs", "Recipient"),
            accessor="organisation",
        ),
        Column("grant", label=_("Grant value"), accessor="grant_value"),
        Column("currency", label=_("Currency"), accessor="currency"),
        StatusColumn("status", label=_("Status"), sort_key="status"),
    ]
    list_export = [
        "reference",
        "title",
        "get_modality_display",
        "donor.name",
        "donor.country.name_vi",
        "organisation.name",
        "start_date",
        "end_date",
        "currency",
        "grant_value",
        "counterpart_value",
        "donor_managed_value",
        "get_approval_authority_display",
        "decision_number",
        "decision_date",
        "get_status_display",
    ]
    export_headings = {
        **COMMON_EXPORT_HEADINGS,
        "organisation.name": pgettext_lazy("affairs", "Recipient"),
        "get_modality_display": _("Modality"),
        "donor.name": _("Donor"),
        "donor.country.name_vi": _("Donor's country"),
        "get_approval_authority_display": _("Approval authority"),
    }
    export_filename = "vien-tro-phi-chinh-phu"
    inspect_view_fields = [
        "reference",
        "title",
        "modality",
        "donor",
        "organisation",
        "governing_agency",
        "aid_owner",
        "project_management_unit",
        "objectives",
        "main_results",
        "goods_list",
        "location",
        "period",
        "currency",
        "grant_value",
        "counterpart_value",
        "donor_managed_value",
        "state_budget_revenue",
        "approval_authority",
        "appraisal_conclusion",
        "appraisal_date",
        "decision_number",
        "decision_date",
        "decision_signer",
        "proposal",
        "final_report",
        "submitted_at",
        "donor_notified_at",
        "final_reported_at",
        "notes",
        "created_by",
        "created_at",
    ]
    extra_labels = {"period": _("Dates")}
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("reference"),
                    FieldPanel("title"),
                    FieldPanel("modality"),
                    FieldPanel("donor"),
                    FieldPanel("organisation"),
                    FieldPanel("governing_agency"),
                    FieldRowPanel(
                        [FieldPanel("aid_owner"), FieldPanel("project_management_unit")]
                    ),
                    FieldPanel("objectives"),
                    FieldPanel("main_results"),
                    FieldPanel("goods_list"),
                    FieldPanel("location"),
                    FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                ],
                heading=_("Aid"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("currency"),
                    FieldRowPanel(
                        [
                            FieldPanel("grant_value"),
                            FieldPanel("counterpart_value"),
                            FieldPanel("donor_managed_value"),
                        ]
                    ),
                    FieldPanel("state_budget_revenue"),
                ],
                heading=_("Value"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("topic_security"),
                    FieldPanel("topic_religion"),
                    FieldPanel("topic_legal_drafting"),
                ],
                heading=_("Topics approved by the Prime Minister"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("proposal"),
                    FieldPanel("appraisal_conclusion"),
                    FieldPanel("appraisal_date"),
                ],
                heading=_("Dossier and appraisal"),
            ),
            DECISION_PANEL,
            FieldPanel("final_report"),
            FieldPanel("notes"),
        ],
        base_form_class=RecordForm,
    )


# --- NGOs ---------------------------------------------------------------------------
class NGOFilterSet(views.RecordFilterSet):
    date_field = "issued_on"
    status = views._status_filter(NGOStatus.choices)
    country = views._country_filter("country")

    class Meta:
        model = ForeignNGO
        fields = ["status", "country", "year", "organisation", "overdue"]


class NGOViewSet(RecordViewSet):
    model = ForeignNGO
    icon = "globe"
    menu_label = _("Foreign NGOs")
    menu_order = 500
    name = "affairs_ngos"
    url_prefix = "affairs/ngos"
    filterset_class = NGOFilterSet
    ordering = ["title"]
    list_display = [
        "title",
        Column("country", label=_("Country"), accessor="country"),
        Column("registration", label=_("Registration"), accessor="registration_number"),
        Column("expires_on", label=_("Expires on"), sort_key="expires_on"),
        Column(
            "organisation",
            label=_("Vietnamese partner agency"),
            accessor="organisation",
        ),
        StatusColumn("status", label=_("Status"), sort_key="status"),
    ]
    list_export = [
        "reference",
        "title",
        "original_name",
        "country.name_vi",
        "get_registration_kind_display",
        "registration_number",
        "issued_on",
        "expires_on",
        "areas",
        "fields_of_activity",
        "representative",
        "organisation.name",
        "activity_plan_notified_on",
        "get_status_display",
    ]
    export_headings = {
        **COMMON_EXPORT_HEADINGS,
        "organisation.name": _("Vietnamese partner agency"),
        "country.name_vi": _("Country of establishment"),
        "get_registration_kind_display": _("Registration"),
    }
    export_filename = "to-chuc-phi-chinh-phu-nuoc-ngoai"
    inspect_view_fields = [
        "reference",
        "title",
        "original_name",
        "partner",
        "country",
        "registration_kind",
        "registration_number",
        "issued_on",
        "expires_on",
        "areas",
        "fields_of_activity",
        "representative",
        "organisation",
        "bank_account_notified_on",
        "activity_plan_notified_on",
        "registration_document",
        "notes",
        "created_by",
        "created_at",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("reference"),
                    FieldPanel("title"),
                    FieldPanel("original_name"),
                    FieldRowPanel([FieldPanel("country"), FieldPanel("partner")]),
                    FieldPanel("organisation"),
                    FieldPanel("representative"),
                ],
                heading=pgettext_lazy("affairs", "Organisation"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [
                            FieldPanel("registration_kind"),
                            FieldPanel("registration_number"),
                        ]
                    ),
                    FieldRowPanel([FieldPanel("issued_on"), FieldPanel("expires_on")]),
                    FieldPanel("areas"),
                    FieldPanel("fields_of_activity"),
                    FieldPanel("registration_document"),
                ],
                heading=_("Registration (Ministry of Foreign Affairs)"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("bank_account_notified_on"),
                    FieldPanel("activity_plan_notified_on"),
                ],
                heading=_("Notifications"),
            ),
            FieldPanel("notes"),
        ],
        base_form_class=RecordForm,
    )


# --- press visits -------------------------------------------------------------------
class PressFilterSet(views.RecordFilterSet):
    status = views._status_filter(PressVisitStatus.choices)
    country = views._country_filter("country")

    class Meta:
        model = ForeignPressVisit
        fields = [
            "status",
            "country",
            "year",
            "start_from",
            "start_to",
            "organisation",
        ]


class PressViewSet(RecordViewSet):
    model = ForeignPressVisit
    icon = "media"
    menu_label = _("Foreign press visits")
    menu_order = 600
    name = "affairs_press"
    url_prefix = "affairs/press"
    filterset_class = PressFilterSet
    ordering = ["-start_date"]
    list_display = [
        "title",
        Column("media_outlet", label=_("Media outlet"), accessor="media_outlet"),
        Column("country", label=_("Country"), accessor="country"),
        Column(
            "period", label=_("Dates"), accessor="period_display", sort_key="start_date"
        ),
        Column("journalists", label=_("Journalists"), accessor="journalist_count"),
        StatusColumn("status", label=_("Status"), sort_key="status"),
    ]
    list_export = [
        "reference",
        "title",
        "media_outlet",
        "country.name_vi",
        "start_date",
        "end_date",
        "journalist_count",
        "press_permit_number",
        "places",
        "organisation.name",
        "get_status_display",
    ]
    export_headings = {
        **COMMON_EXPORT_HEADINGS,
        "organisation.name": _("Guiding unit"),
        "country.name_vi": _("Country"),
        "journalist_count": _("Journalists"),
    }
    export_filename = "phong-vien-nuoc-ngoai"
    inspect_view_fields = [
        "reference",
        "title",
        "media_outlet",
        "country",
        "journalists_list",
        "topics",
        "programme",
        "places",
        "period",
        "application_received_on",
        "press_permit_number",
        "permit_issued_on",
        "organisation",
        "guiding_officer",
        "accompanying_delegation",
        "local_publication_requested",
        "result_report",
        "result_summary",
        "result_reported_at",
        "notes",
        "created_by",
        "created_at",
    ]
    extra_labels = {"period": _("Dates"), "journalists_list": _("Journalists")}
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("reference"),
                    FieldPanel("title"),
                    FieldRowPanel([FieldPanel("media_outlet"), FieldPanel("country")]),
                    FieldPanel("topics"),
                    FieldPanel("programme"),
                    FieldPanel("places"),
                    FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                    FieldPanel("accompanying_delegation"),
                    FieldPanel("local_publication_requested"),
                ],
                heading=_("Visit"),
            ),
            InlinePanel(
                "journalists",
                heading=_("Journalists"),
                label=_("Journalist"),
                panels=[
                    FieldRowPanel(
                        [
                            FieldPanel("full_name"),
                            FieldPanel("nationality"),
                            FieldPanel("role"),
                        ]
                    )
                ],
            ),
            MultiFieldPanel(
                [
                    FieldPanel("application_received_on"),
                    FieldRowPanel(
                        [
                            FieldPanel("press_permit_number"),
                            FieldPanel("permit_issued_on"),
                        ]
                    ),
                    FieldPanel("organisation"),
                    FieldPanel("guiding_officer"),
                ],
                heading=_("Permit and guidance"),
            ),
            MultiFieldPanel(
                [FieldPanel("result_report"), FieldPanel("result_summary")],
                heading=_("Result"),
            ),
            FieldPanel("notes"),
        ],
        base_form_class=RecordForm,
    )


# --- deadline rules -----------------------------------------------------------------
class DeadlineRuleFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Activity"), choices=ActivityKind.choices
    )
    step = django_filters.ChoiceFilter(label=_("Step"), choices=DeadlineStep.choices)

    class Meta:
        model = DeadlineRule
        fields = ["kind", "step"]


class DeadlineRuleViewSet(ServiceModelViewSet):
    model = DeadlineRule
    icon = "time"
    menu_label = _("Deadline rules")
    menu_order = 900
    name = "affairs_rules"
    url_prefix = "affairs/deadline-rules"
    list_per_page = 50
    ordering = ["kind", "step"]
    list_display = [
        Column(
            "kind", label=_("Activity"), accessor="get_kind_display", sort_key="kind"
        ),
        Column("step", label=_("Step"), accessor="get_step_display", sort_key="step"),
        Column("variant", label=_("Applies only to"), accessor="get_variant_display"),
        Column("summary", label=_("Rule"), accessor="summary"),
        Column("valid_from", label=_("In force from"), sort_key="valid_from"),
        Column("valid_to", label=_("In force until"), sort_key="valid_to"),
    ]
    list_export = [
        "get_kind_display",
        "get_step_display",
        "get_variant_display",
        "summary",
        "valid_from",
        "valid_to",
        "legal_basis",
        "note",
    ]
    export_headings = {
        "get_kind_display": _("Activity"),
        "get_step_display": _("Step"),
        "get_variant_display": _("Applies only to"),
        "summary": _("Rule"),
    }
    export_filename = "quy-tac-thoi-han"
    filterset_class = DeadlineRuleFilterSet
    inspect_view_fields = [
        "kind",
        "step",
        "variant",
        "anchor",
        "amount",
        "unit",
        "valid_from",
        "valid_to",
        "legal_basis",
        "note",
        "remind_days_before",
        "updated_at",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("kind"), FieldPanel("step"), FieldPanel("variant")]
            ),
            FieldRowPanel(
                [FieldPanel("amount"), FieldPanel("unit"), FieldPanel("anchor")]
            ),
            FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
            FieldPanel("legal_basis"),
            FieldPanel("note"),
            FieldPanel("remind_days_before"),
        ],
        base_form_class=RecordForm,
    )

    def save_service(self, instance, *, user):
        return services.save_deadline_rule(instance, user=user)


# --- overview pages -----------------------------------------------------------------
class PageViewSet(AdminPageViewSet):
    """A single admin page in the group, shown to users with one of
    ``permissions``."""

    permissions: tuple = ()

    def shown_to(self, user) -> bool:
        return any(user.has_perm(p) for p in self.permissions)


class DeadlinesViewSet(PageViewSet):
    name = "affairs_deadlines"
    url_prefix = "affairs/deadlines"
    icon = "time"
    menu_label = pgettext_lazy("affairs", "Deadlines")
    menu_order = 700
    view_class = views.DeadlinesView
    permissions = tuple(
        f"affairs.view_{m._meta.model_name}" for m in selectors.RECORD_MODELS
    )


class StatisticsViewSet(PageViewSet):
    name = "affairs_statistics"
    url_prefix = "affairs/statistics"
    icon = "table"
    menu_label = _("Delegation statistics")
    menu_order = 800
    view_class = views.StatisticsView
    permissions = ("affairs.view_delegation",)


class AffairsViewSetGroup(ViewSetGroup):
    menu_label = _("Foreign affairs")
    menu_icon = "globe"
    menu_order = 260
    submenu_hook = "register_affairs_menu_item"
    items = (
        DelegationViewSet,
        ConferenceViewSet,
        AgreementViewSet,
        AidViewSet,
        NGOViewSet,
        PressViewSet,
        DeadlinesViewSet,
        StatisticsViewSet,
        DeadlineRuleViewSet,
    )
