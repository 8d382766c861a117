"""International agreements."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column

from .. import views
from ..choices import (
    AgreementStatus,
)
from ..forms import RecordForm
from ..models import (
    InternationalAgreement,
)
from .base import COMMON_EXPORT_HEADINGS, DECISION_PANEL, RecordViewSet, StatusColumn


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
        "text_entry",
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
                [
                    FieldPanel("document"),
                    FieldPanel("text_entry"),
                    FieldPanel("post_signing_report"),
                ],
                heading=_("Documents"),
            ),
            FieldPanel("notes"),
        ],
        base_form_class=RecordForm,
    )
