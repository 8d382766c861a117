"""The deadline rules of incident handling."""

from django.utils.translation import gettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column

from ttdn.core.admin.viewsets import ServiceModelViewSet

from .. import forms, services
from ..models import DeadlineRule


# --- deadline rules -------------------------------------------------------------------
class DeadlineRuleViewSet(ServiceModelViewSet):
    model = DeadlineRule
    icon = "time"
    menu_label = gettext_lazy("Deadlines")
    menu_order = 700
    name = "monitoring_deadlines"
    url_prefix = "monitoring/deadlines"
    inspect_view_enabled = False
    copy_view_enabled = False
    ordering = ["step", "valid_from"]
    list_display = [
        Column("step", label=gettext_lazy("Step"), accessor="get_step_display"),
        "days",
        Column(
            "counted_from",
            label=gettext_lazy("Counted from"),
            accessor="get_counted_from_display",
        ),
        "valid_from",
        "valid_to",
        "basis",
    ]
    edit_handler = ObjectList(
        [
            FieldRowPanel(
                [FieldPanel("step"), FieldPanel("days"), FieldPanel("counted_from")]
            ),
            FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
            FieldPanel("basis"),
        ],
        base_form_class=forms.DeadlineRuleForm,
    )

    def save_service(self, instance, *, user):
        return services.save_deadline_rule(instance, user=user)
