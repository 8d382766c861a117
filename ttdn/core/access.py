"""Which records a user may see, per model, for code that meets records
indirectly: a file referenced by a record (``files.py``), an audit entry about a
record (the audit trail and Wagtail's site history, ``audit_scope.py``).

Every back-office viewset (``admin.viewsets.ServiceModelViewSet``) registers its
``scope(user)`` and its view permission here when Wagtail registers it, so the
answer is always the one the record's own listing gives.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Model, QuerySet


@dataclass(frozen=True)
class Scope:
    model: type[Model]
    scope: Callable[[object], QuerySet]
    permission: str  # "app.view_model"

    def visible(self, user) -> QuerySet:
        """The records *user* may see (none without the view permission)."""
        if not user.has_perm(self.permission) and not user.has_perm(
            self.permission.replace(".view_", ".change_")
        ):
            return self.model._default_manager.none()
        return self.scope(user)


_scopes: dict[type[Model], Scope] = {}


def register(model: type[Model], scope: Callable[[object], QuerySet]) -> None:
    opts = model._meta
    _scopes[model] = Scope(
        model=model, scope=scope, permission=f"{opts.app_label}.view_{opts.model_name}"
    )


def scope_for(model: type[Model]) -> Scope | None:
    """The registered scope of *model* (or of the concrete model it proxies)."""
    return _scopes.get(model) or _scopes.get(model._meta.concrete_model)


def registered() -> dict[type[Model], Scope]:
    return dict(_scopes)
