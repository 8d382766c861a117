"""Wagtail's generic admin views, reading through a scope selector and writing
through services (``ServiceModelViewSet`` in ``viewsets.py`` wires them).

* Objects come from the viewset's ``scope(user)`` selector: without the view's own
  permission the answer is "permission denied"; outside the user's scope the
  object does not exist (404).
* Creating, editing and deleting call the viewset's services, which validate,
  save all or nothing and write the audit entry (``ttdn.core.audit``); a refusal
  shows the service's messages next to their fields and saves nothing.
* Listings search the folded ``search_text`` column (``ttdn.core.folding``) and
  export with dates as dd/mm/yyyy, times in GMT+7, yes/no in words and empty
  relations as empty cells.
"""

import datetime as dt

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.generic import FormView

from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.views.generic.usage import UsageView
from wagtail.coreutils import multigetattr

from ttdn.core import audit
from ttdn.core.errors import add_to_form
from ttdn.core.folding import folded_search
from ttdn.core.timefmt import to_local


# --- reading --------------------------------------------------------------------
class ScopedViewMixin:
    """Objects of the view come from ``scope(user)`` (set by the viewset)."""

    scope = None

    def check_view_permission(self):
        required = getattr(self, "permission_required", None)
        if required is not None and not self.user_has_permission(required):
            raise PermissionDenied
        any_required = getattr(self, "any_permission_required", None)
        if any_required is not None and not self.user_has_any_permission(any_required):
            raise PermissionDenied

    def scoped_queryset(self):
        self.check_view_permission()
        if self.scope is None:
            return self.model._default_manager.all()
        return self.scope(self.request.user)

    def get_base_object_queryset(self):
        return self.scoped_queryset()

    def object_pk(self):
        kwargs = getattr(self, "kwargs", {}) or {}
        pk = kwargs.get(getattr(self, "pk_url_kwarg", "pk"))
        return pk if pk is not None else getattr(self, "pk", None)

    def get_object(self, queryset=None):
        return get_object_or_404(
            self.scoped_queryset(), pk=unquote(str(self.object_pk()))
        )


class LoggedExportMixin:
    """Every export of a listing is an audit entry on the exporting user: what
    was exported, in which format, how many rows (docs/security.md#audit)."""

    def as_spreadsheet(self, queryset, spreadsheet_format):
        response = super().as_spreadsheet(queryset, spreadsheet_format)
        model = getattr(self, "model", None) or getattr(queryset, "model", None)
        audit.log_export(
            self.request.user,
            user=self.request.user,
            data={
                "model": model._meta.label_lower if model else "",
                "title": str(getattr(self, "page_title", "") or ""),
                "format": spreadsheet_format,
                "rows": len(queryset)
                if isinstance(queryset, list)
                else queryset.count(),
                "query": self.request.GET.urlencode()[:500],
            },
        )
        return response


class ExportMixin(LoggedExportMixin):
    """Exports that tolerate empty relations and read well in Vietnamese."""

    def to_row_dict(self, item):
        row = {}
        for field in self.list_export:
            try:
                row[field] = multigetattr(item, field)
            except AttributeError:  # an empty relation on the way
                row[field] = None
        return row

    def preprocess_field_value(self, field, value, export_format):
        if value is None:
            return ""
        if isinstance(value, bool):
            return str(_("yes") if value else _("no"))
        if isinstance(value, dt.datetime):
            value = to_local(value).replace(tzinfo=None)
            if export_format == "csv":
                return f"{value:%d/%m/%Y %H:%M}"
        elif export_format == "csv" and isinstance(value, dt.date):
            return f"{value:%d/%m/%Y}"
        return super().preprocess_field_value(field, value, export_format)


class FoldedSearchIndexView(ExportMixin, generic.IndexView):
    """A listing searched without diacritics through the folded ``search_text``
    column (records without one: Wagtail's search over ``search_fields``);
    phrase matches first unless the user chose an ordering."""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        if not any(f.name == "search_text" for f in queryset.model._meta.fields):
            return super().search_queryset(queryset)
        return folded_search(
            queryset, self.search_query, rank=not self.is_explicitly_ordered
        )


class ScopedIndexView(ScopedViewMixin, FoldedSearchIndexView):
    def get_base_queryset(self):
        return self.scoped_queryset()


class ScopedInspectView(ScopedViewMixin, generic.InspectView):
    """Inspect view whose computed rows (``get_<name>_display_value``) may have
    labels of their own (``extra_labels``)."""

    extra_labels: dict = {}

    def get_field_label(self, field_name, field):
        if field_name in self.extra_labels:
            return str(self.extra_labels[field_name])
        return super().get_field_label(field_name, field)


class ScopedHistoryView(ScopedViewMixin, HistoryView):
    pass


class ScopedUsageView(ScopedViewMixin, UsageView):
    pass


# --- writing --------------------------------------------------------------------
class ServiceFormMixin:
    """Create and edit through ``save_service(instance, user=…)`` (set by the
    viewset); its refusals go next to their fields (``formset_fields`` maps an
    error's field to a child panel)."""

    save_service = None
    formset_fields = None

    def save_instance(self):
        if self.save_service is None:
            raise ImproperlyConfiguredSave(type(self).__name__)
        return self.save_service(self.form.save(commit=False), user=self.request.user)

    def form_valid(self, form):
        self.form = form
        try:
            with transaction.atomic():
                self.object = self.save_instance()
        except ValidationError as error:
            add_to_form(form, error, formset_fields=self.formset_fields)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        except PermissionDenied as error:
            form.add_error(None, str(error) or _("You may not save this record."))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        response = self.save_action()
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else response


class ImproperlyConfiguredSave(Exception):
    """A service-backed view without a save service."""


class ServiceCreateView(ServiceFormMixin, generic.CreateView):
    scope = None  # accepted so that one set of view arguments fits every view


class ServiceEditView(ServiceFormMixin, ScopedViewMixin, generic.EditView):
    pass


class ServiceDeleteView(ScopedViewMixin, generic.DeleteView):
    """Delete through ``delete_service(instance, user=…)``; a refusal is shown as
    an error message and nothing is deleted."""

    delete_service = None

    def dispatch(self, request, *args, **kwargs):
        if self.delete_service is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def delete_action(self):
        self.delete_service(self.object, user=self.request.user)

    def form_valid(self, form):
        success_url = self.get_success_url()
        try:
            with transaction.atomic():
                self.delete_action()
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return redirect(success_url)
        messages.success(self.request, self.get_success_message())
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else redirect(success_url)


# --- actions --------------------------------------------------------------------
class ObjectActionView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """A confirmation form for an action on one object (POST), read through
    ``scope(user)``; ``perform(form)`` calls the service and returns the success
    message, a refusal goes back on the form and changes nothing."""

    template_name = "core/admin/action_form.html"
    model = None
    scope = None
    permission_required = "change"
    submit_label = _lazy("Confirm")
    header_icon = "doc-full"
    inspect_url_name = ""
    intro = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = None

    def dispatch(self, request, *args, **kwargs):
        if self.permission_required and not self.user_has_permission(
            self.permission_required
        ):
            raise PermissionDenied
        self.object = get_object_or_404(
            self.scope(request.user), pk=unquote(str(kwargs["pk"]))
        )
        return FormView.dispatch(self, request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.object)

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=[quote(self.object.pk)])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            object=self.object,
            submit_label=self.submit_label,
            cancel_url=self.get_success_url(),
            intro=self.intro,
        )
        return context

    def perform(self, form) -> str:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            message = self.perform(form)
        except ValidationError as error:
            add_to_form(form, error)
            return self.form_invalid(form)
        messages.success(self.request, message)
        return redirect(self.get_success_url())
