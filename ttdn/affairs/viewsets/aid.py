"""Foreign NGO aid and the foreign NGOs working in the province."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column

from .. import views
from ..choices import (
    AidStatus,
    NGOStatus,
)
from ..forms import RecordForm
from ..models import (
    AidPackage,
    ForeignNGO,
)
from .base import COMMON_EXPORT_HEADINGS, DECISION_PANEL, RecordViewSet, StatusColumn


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
