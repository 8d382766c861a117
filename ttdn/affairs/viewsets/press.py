"""Foreign press visits."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column

from .. import views
from ..choices import (
    PressVisitStatus,
)
from ..forms import RecordForm
from ..models import (
    ForeignPressVisit,
)
from .base import COMMON_EXPORT_HEADINGS, RecordViewSet, StatusColumn


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
