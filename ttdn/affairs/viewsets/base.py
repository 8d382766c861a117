"""What every register record's viewset shares: the service-backed base with
its scope, the status column, the decision panel and the common export headings."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column

from ttdn.core.admin.viewsets import ServiceModelViewSet

from .. import selectors, services, views
from ..forms import FORMSET_FIELDS, RecordForm

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


MEMBER_PANELS = [
    FieldRowPanel([FieldPanel("full_name"), FieldPanel("role")]),
    FieldRowPanel([FieldPanel("position"), FieldPanel("organisation_name")]),
    FieldRowPanel([FieldPanel("nationality"), FieldPanel("passport_type")]),
]


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
