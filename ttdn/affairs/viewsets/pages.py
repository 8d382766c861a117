"""The deadline rules and the overview pages (deadlines, statistics)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column

import django_filters

from ttdn.core.admin.viewsets import ServiceModelViewSet
from ttdn.core.admin_pages import AdminPageViewSet

from .. import selectors, services, views
from ..choices import (
    ActivityKind,
    DeadlineStep,
)
from ..forms import RecordForm
from ..models import (
    DeadlineRule,
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
