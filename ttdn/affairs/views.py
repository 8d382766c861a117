"""Wagtail admin views of the register (menu group "Đối ngoại"). Thin: reads go
through ``selectors`` (scoped by organisation), writes through ``services`` and
``workflow``; refusals come back with their Vietnamese reason.

Every view that shows a record fetches it through ``selectors.records_for``: a
record outside the user's scope does not exist for them (404) once the view's own
permission check has passed (otherwise: permission denied).
"""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import ObjectList
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput, BooleanRadioSelect, HeaderButton

import django_filters

from ttdn.accounts.selectors import sees_all_organisations, user_organisation
from ttdn.core import workflow
from ttdn.core.admin.views import (
    ScopedIndexView,
    ScopedInspectView,
    ScopedViewMixin,
    ServiceCreateView,
    ServiceDeleteView,
    ServiceEditView,
)
from ttdn.core.timefmt import to_local
from ttdn.directory.forms import DAY_INPUT_FORMATS
from ttdn.directory.models import Country, Organisation

from . import deadlines, importer, selectors, services
from .choices import Direction
from .forms import (
    ImportForm,
    RecordForm,
    StatisticsForm,
    TransitionForm,
)
from .narrative import delegation_narrative


def _day(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{to_local(value):%d/%m/%Y %H:%M}"
    return f"{value:%d/%m/%Y}"


# --- listings -------------------------------------------------------------------------
def _years():
    this_year = timezone.localdate().year
    return [(str(y), str(y)) for y in range(this_year + 1, 1999, -1)]


class RecordFilterSet(WagtailFilterSet):
    """Period (year, from, to), status, unit and "overdue only"; record types
    add their own (direction, country…)."""

    year = django_filters.ChoiceFilter(
        label=gettext_lazy("Year"), choices=_years, method="filter_year"
    )
    start_from = django_filters.DateFilter(
        label=pgettext_lazy("affairs", "From"),
        method="filter_from",
        widget=AdminDateInput,
        input_formats=DAY_INPUT_FORMATS,
    )
    start_to = django_filters.DateFilter(
        label=pgettext_lazy("affairs", "To"),
        method="filter_to",
        widget=AdminDateInput,
        input_formats=DAY_INPUT_FORMATS,
    )
    organisation = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Unit"),
        queryset=lambda request: Organisation.objects.all().order_by("name"),
        method="filter_organisation",
        help_text=gettext_lazy("Includes the bodies merged into it."),
    )
    overdue = django_filters.BooleanFilter(
        label=gettext_lazy("Overdue only"),
        method="filter_overdue",
        widget=BooleanRadioSelect,
    )
    date_field = "start_date"

    def filter_year(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__year": int(value)})

    def filter_from(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__gte": value})

    def filter_to(self, queryset, name, value):
        return queryset.filter(**{f"{self.date_field}__lte": value})

    def filter_organisation(self, queryset, name, value):
        return selectors._rolled_up(
            queryset, on=timezone.localdate(), organisation=value
        )

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        user = self.request.user if self.request else None
        late = selectors.overdue_ids(self.Meta.model, user)
        if value:
            return queryset.filter(pk__in=late)
        return queryset.exclude(pk__in=late)


def _status_filter(choices):
    return django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=choices, widget=forms.Select
    )


def _country_filter(lookup: str):
    return django_filters.ModelChoiceFilter(
        label=gettext_lazy("Country"),
        queryset=lambda request: Country.objects.all().order_by("name_vi"),
        field_name=lookup,
        distinct=True,
    )


class AffairsIndexView(ScopedIndexView):
    """Rows open the inspect view (due dates, actions, history); editing depends
    on the state and starts from there."""

    def get_edit_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None

    @cached_property
    def add_url(self):
        if not services.can_add(self.request.user, self.model):
            return None
        return super().add_url


class DelegationIndexView(AffairsIndexView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if importer_allowed(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Import a register (XLSX)"),
                    url=reverse("affairs_delegations:import"),
                    icon_name="upload",
                )
            )
        return buttons

    @cached_property
    def add_button(self):
        return HeaderButton(self.add_item_label, url=self.add_url, icon_name="plus")


def importer_allowed(user) -> bool:
    from .machines import PROCESSORS

    return bool(
        user.is_active
        and user.has_perm("affairs.add_delegation")
        and services.user_roles(user) & PROCESSORS
    )


# --- inspect ------------------------------------------------------------------------
class AffairsInspectView(ScopedInspectView):
    template_name = "affairs/admin/inspect.html"
    transition_url_name = None

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, dt.datetime | dt.date):
            return _day(value)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if value in (None, ""):
            return "-"
        return value

    # Computed rows (labels in the viewset's ``extra_labels``).
    def get_period_display_value(self):
        return self.object.period_display or "-"

    def get_countries_display_value(self):
        return ", ".join(str(c) for c in self.object.countries) or "-"

    def get_partners_display_value(self):
        return ", ".join(str(p) for p in self.object.partners) or "-"

    def get_sensitive_display_value(self):
        return ", ".join(self.object.sensitive_topics) or _("none")

    def get_members_list_display_value(self):
        members = list(self.object.members.select_related("nationality"))
        if not members:
            return _("No member list (number of persons entered directly).")
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                "<li>{} — {}{}{}</li>",
                (
                    (
                        m.full_name,
                        m.get_role_display(),
                        f", {m.position}" if m.position else "",
                        f" ({m.nationality})" if m.nationality else "",
                    )
                    for m in members
                ),
            ),
        )

    def get_journalists_list_display_value(self):
        journalists = list(self.object.journalists.select_related("nationality"))
        if not journalists:
            return "-"
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                "<li>{} — {}{}</li>",
                (
                    (
                        j.full_name,
                        j.get_role_display(),
                        f" ({j.nationality})" if j.nationality else "",
                    )
                    for j in journalists
                ),
            ),
        )

    def get_edit_url(self):
        if services.edit_mode(self.object, self.request.user) is None:
            return None
        return super().get_edit_url()

    def get_delete_url(self):
        if not services.can_delete(self.object, self.request.user):
            return None
        return super().get_delete_url()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        machine = workflow.machine_for(record)
        user = self.request.user
        context.update(
            {
                "status_label": record.get_status_display(),
                "options": machine.options(record, user),
                "transition_url_name": self.transition_url_name,
                "due_dates": deadlines.due_dates(record),
                "history": workflow.history_rows(record),
                "edit_mode": services.edit_mode(record, user),
            }
        )
        return context


# --- create and edit ------------------------------------------------------------------
class AffairsCreateView(ServiceCreateView):
    inspect_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not services.can_add(request.user, self.model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def new_instance(self):
        return self.model()

    def get_initial_form_instance(self):
        instance = self.new_instance()

        user = self.request.user
        if not sees_all_organisations(user):
            organisation = user_organisation(user)
            if organisation is not None:
                instance.organisation = organisation
        return instance

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=[quote(self.object.pk)])


class DelegationCreateView(AffairsCreateView):
    def new_instance(self):
        direction = self.request.GET.get("direction")
        if direction not in Direction.values:
            direction = Direction.INCOMING
        return self.model(direction=direction)


class AffairsEditView(ServiceEditView):
    report_panel = None

    @cached_property
    def scoped(self):
        return ScopedViewMixin.get_object(self)

    def get_object(self, queryset=None):
        return self.scoped

    @cached_property
    def mode(self):
        return services.edit_mode(self.scoped, self.request.user)

    def dispatch(self, request, *args, **kwargs):
        self.check_view_permission()
        if self.mode is None:
            messages.error(
                request,
                _(
                    "This record cannot be edited in its current state (“%(state)s”) "
                    "by you; use the workflow actions."
                )
                % {"state": self.scoped.get_status_display()},
            )
            return redirect(self.inspect_url_name, quote(self.scoped.pk))
        return super().dispatch(request, *args, **kwargs)

    def get_panel(self):
        panel = super().get_panel()
        if self.mode == services.REPORT and self.report_panel is not None:
            return self.report_panel
        return panel

    def get_form_class(self):
        if self.mode == services.REPORT and self.report_panel is not None:
            return self.report_panel.get_form_class()
        return super().get_form_class()

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=[quote(self.object.pk)])


class AffairsDeleteView(ServiceDeleteView):
    def get_object(self, queryset=None):
        if getattr(self, "object", None):
            return self.object
        return super().get_object(queryset)

    def dispatch(self, request, *args, **kwargs):
        if not services.can_delete(self.object, request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- transitions --------------------------------------------------------------------
class TransitionView(ScopedViewMixin, WagtailAdminTemplateMixin, FormView):
    """GET: the action's form (comment); POST: perform it."""

    model = None
    permission_policy = None
    any_permission_required = ["view"]
    template_name = "affairs/admin/transition.html"
    inspect_url_name = None
    index_url_name = None
    header_icon = "tasks"

    def user_has_permission(self, permission):
        return self.permission_policy.user_has_permission(self.request.user, permission)

    def user_has_any_permission(self, permissions):
        return self.permission_policy.user_has_any_permission(
            self.request.user, permissions
        )

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.action = kwargs["action"]

    @cached_property
    def object(self):
        return self.get_object()

    @cached_property
    def machine(self):
        return workflow.machine_for(self.object)

    @cached_property
    def transition(self):
        return self.machine.get(self.action)

    @property
    def inspect_url(self):
        return reverse(self.inspect_url_name, args=[quote(self.object.pk)])

    def get_page_title(self):
        return str(self.transition.label) if self.transition else _("Action")

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse(self.index_url_name),
                "label": str(self.model._meta.verbose_name_plural).capitalize(),
            },
            {"url": self.inspect_url, "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def dispatch(self, request, *args, **kwargs):
        self.object  # noqa: B018 - permission denied / 404 before anything else
        try:
            self.machine.check(
                self.object, self.action, user=request.user, check_comment=False
            )
        except workflow.TransitionRefused as refusal:
            if refusal.code == workflow.UNKNOWN_ACTION:
                from django.http import Http404

                raise Http404 from refusal
            messages.error(request, refusal.message)
            return redirect(self.inspect_url)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["comment_required"] = self.transition.comment_required
        return kwargs

    def get_form_class(self):
        return TransitionForm

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "object": self.object,
                "transition": self.transition,
                "source_label": self.machine.state_label(
                    self.machine.state_of(self.object)
                ),
                "target_label": self.machine.state_label(self.transition.target),
                "inspect_url": self.inspect_url,
            }
        )
        return context

    def form_valid(self, form):
        try:
            services.transition(
                self.object,
                self.action,
                user=self.request.user,
                comment=form.cleaned_data["comment"],
            )
        except workflow.TransitionRefused as refusal:
            form.add_error(None, refusal.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("“%(action)s” done: the record is now “%(state)s”.")
            % {
                "action": self.transition.label,
                "state": self.machine.state_label(self.transition.target),
            },
        )
        return redirect(self.inspect_url)


# --- import -------------------------------------------------------------------------
class ImportView(WagtailAdminTemplateMixin, FormView):
    form_class = ImportForm
    template_name = "affairs/admin/import.html"
    page_title = gettext_lazy("Import a delegation register")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not importer_allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("affairs_delegations:index"),
                "label": _("Delegations"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["template_url"] = reverse("affairs_delegations:import_template")
        context["columns"] = [
            (column, importer.COLUMN_HELP[column]) for column in importer.COLUMNS
        ]
        return context

    def form_valid(self, form):
        result = importer.import_register(
            form.cleaned_data["file"], user=self.request.user
        )
        if not result.ok:
            return self.render_to_response(
                self.get_context_data(form=form, result=result)
            )
        messages.success(
            self.request,
            _("%(count)s delegations imported.") % {"count": len(result.created)},
        )
        return redirect("affairs_delegations:index")


def import_template(request):
    if not importer_allowed(request.user):
        raise PermissionDenied
    response = HttpResponse(
        importer.template_workbook(),
        content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
    )
    response["Content-Disposition"] = 'attachment; filename="so-dang-ky-doan.xlsx"'
    return response


# --- statistics -----------------------------------------------------------------------
class PageMixin(WagtailAdminTemplateMixin):
    """A single admin page: the breadcrumbs end with its title."""

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]


class StatisticsView(PageMixin, TemplateView):
    template_name = "affairs/admin/statistics.html"
    page_title = gettext_lazy("Delegation statistics")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("affairs.view_delegation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        data = self.request.GET or {"period": "year"}
        form = StatisticsForm(data)
        context["form"] = form
        if not form.is_valid():
            return context
        period = form.cleaned_data["period_obj"]
        country = form.cleaned_data.get("country")
        organisation = form.cleaned_data.get("organisation")
        rollup_on = form.cleaned_data.get("rollup_on")
        by = form.cleaned_data.get("breakdown") or "country"
        user = self.request.user
        filters = {"organisation": organisation} if organisation else {}
        stats = selectors.delegation_stats(
            period, country=country, user=user, rollup_on=rollup_on, **filters
        )
        list_url = reverse("affairs_delegations:index")
        directions = []
        for key, direction, label in (
            ("incoming", Direction.INCOMING, _("Incoming delegations")),
            ("outgoing", Direction.OUTGOING, _("Outgoing delegations")),
        ):
            query = (
                f"?start_from={period.start:%d/%m/%Y}&start_to={period.end:%d/%m/%Y}"
                f"&direction={direction}&realised=true"
            )
            entry = stats[key]
            directions.append(
                {
                    "label": label,
                    "figures": entry,
                    "of_which": entry.get("of_which", {}).get(
                        country.alpha_2 if country else "", None
                    ),
                    "list_url": list_url + query,
                    "of_which_url": list_url + query + f"&country={country.pk}"
                    if country
                    else "",
                    "breakdown": selectors.delegation_breakdown(
                        period,
                        direction=direction,
                        by=by,
                        user=user,
                        rollup_on=rollup_on,
                    ),
                }
            )
        context.update(
            {
                "period": period,
                "country": country,
                "rollup_on": rollup_on or period.end,
                "directions": directions,
                "breakdown_label": dict(form.fields["breakdown"].choices).get(by),
                "narrative": delegation_narrative(
                    period,
                    country=country,
                    organisation=organisation,
                    user=user,
                    rollup_on=rollup_on,
                    stats=stats,
                ),
            }
        )
        return context


# --- deadlines overview ---------------------------------------------------------------
class DeadlinesView(PageMixin, TemplateView):
    template_name = "affairs/admin/deadlines.html"
    page_title = pgettext_lazy("affairs", "Deadlines")
    header_icon = "time"
    soon_days = 14

    def dispatch(self, request, *args, **kwargs):
        if not any(
            request.user.has_perm(f"affairs.view_{model._meta.model_name}")
            for model in selectors.RECORD_MODELS
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = selectors.open_due_dates(user=self.request.user)
        rows = [
            {
                "item": item,
                "url": reverse(
                    selectors.inspect_url_name(type(item.record)),
                    args=[quote(item.record.pk)],
                ),
                "kind": type(item.record)._meta.verbose_name,
                "due": _day(item.due),
                "responsible": _("foreign-affairs body")
                if item.spec.responsible == deadlines.FOREIGN_AFFAIRS_BODY
                else item.record.organisation,
            }
            for item in items
        ]
        context["overdue"] = [r for r in rows if r["item"].status == deadlines.OVERDUE]
        context["soon"] = [
            r
            for r in rows
            if r["item"].status == deadlines.PENDING
            and r["item"].days_left <= self.soon_days
        ]
        context["soon_days"] = self.soon_days
        return context


# --- deadline rules -----------------------------------------------------------------
def report_panel(fields) -> ObjectList:
    return ObjectList([*fields], base_form_class=RecordForm)


def extra_urls(viewset):
    """The transition URL every record viewset adds."""
    return [
        path(
            f"transition/<{viewset.pk_path_converter}:pk>/<slug:action>/",
            viewset.transition_view,
            name="transition",
        )
    ]
