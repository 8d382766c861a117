"""One viewset base for every back-office record type.

A subclass says how records are read and written, and Wagtail's ``ModelViewSet``
does the rest (listing with filters and exports, forms and panels, inspect,
history)::

    class PlanViewSet(ServiceModelViewSet):
        model = Plan

        def scope(self, user):                  # what the user may see
            return selectors.plans_for(user)

        def save_service(self, instance, *, user):   # create and edit
            return services.plan_save(instance, user=user)

        def delete_service(self, instance, *, user):
            services.plan_delete(instance, user=user)

The services validate, save all or nothing and write the audit entry, so an
edit made here is logged exactly like one made by a command, a task or the API.
Leaving ``delete_service`` out refuses deleting.
"""

from wagtail.admin.viewsets.model import ModelViewSet

from .. import access
from . import views


class ServiceModelViewSet(ModelViewSet):
    index_view_class = views.ScopedIndexView
    add_view_class = views.ServiceCreateView
    edit_view_class = views.ServiceEditView
    delete_view_class = views.ServiceDeleteView
    inspect_view_class = views.ScopedInspectView
    history_view_class = views.ScopedHistoryView
    usage_view_class = views.ScopedUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    search_backend_name = None
    search_fields = ["search_text"]
    # Error field → child panel (formset) of the form, for the services' messages.
    formset_fields: dict = {}

    def on_register(self):
        super().on_register()
        # Files and audit entries about these records are scoped like them.
        access.register(self.model, self.scope)

    def scope(self, user):
        """The records *user* may see (default: all of them)."""
        return self.model._default_manager.all()

    def save_service(self, instance, *, user):
        raise NotImplementedError(f"{type(self).__name__}.save_service")

    delete_service = None

    def _scoped(self, **kwargs):
        return {"scope": self.scope, **kwargs}

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(**self._scoped(**kwargs))

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(**self._scoped(**kwargs))

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(
            save_service=self.save_service,
            formset_fields=self.formset_fields,
            **kwargs,
        )

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(
            **self._scoped(
                save_service=self.save_service,
                formset_fields=self.formset_fields,
                **kwargs,
            )
        )

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(
            **self._scoped(delete_service=self.delete_service, **kwargs)
        )

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(**self._scoped(**kwargs))

    def get_usage_view_kwargs(self, **kwargs):
        return super().get_usage_view_kwargs(**self._scoped(**kwargs))
