"""The permission matrix (issue 11): every back-office listing and add page,
and the inspect, edit and delete pages of one demo record per model, for every
role, by GET and by POST. A role without the permission (or a record outside
its organisation) is refused and a refused POST changes nothing; every other
admin page without parameters answers without a server error.

One test over the full demo (loading it dominates the time)."""

from collections import Counter

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import ModelLogEntry

import pytest

from ttdn.core import access

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DEMO_ACCOUNTS = ["admin", "bientap", "duyet", "chuyenvien", "daumoi", "daumoixa",
                 "theodoi", "bcd"]  # fmt: skip
PAYLOAD = {"title": "ĐÃ BỊ SỬA", "name": "ĐÃ BỊ SỬA", "subject": "ĐÃ BỊ SỬA"}
REFUSED = (302, 403, 404, 405)


def _model_viewsets():
    seen = set()
    for viewset in viewsets.viewsets:
        if isinstance(viewset, ModelViewSet) and viewset.name not in seen:
            seen.add(viewset.name)
            yield viewset


def _fingerprint(model, obj=None):
    rows = model._default_manager.count()
    values = None
    if obj is not None:
        values = model._default_manager.filter(pk=obj.pk).values().first()
    return (
        rows,
        values,
        ModelLogEntry.objects.exclude(action__in=["ttdn.login", "ttdn.logout"]).count(),
    )


def _allowed(user, viewset, action, obj):
    perm = {
        "index": ("view", "change", "add", "delete"),
        "inspect": ("view", "change"),
        "add": ("add",),
        "edit": ("change",),
        "delete": ("delete",),
    }[action]
    policy = viewset.permission_policy
    if not any(policy.user_has_permission(user, p) for p in perm):
        return False
    if obj is None:
        return True
    scope = access.scope_for(viewset.model)
    if scope is not None:
        return scope.scope(user).filter(pk=obj.pk).exists()
    return True


def _url(viewset, action, obj):
    try:
        if obj is None:
            return reverse(viewset.get_url_name(action))
        return reverse(viewset.get_url_name(action), args=[obj.pk])
    except NoReverseMatch:
        return None


def _simple_admin_urls():
    """Names of the admin URLs that take no argument."""
    names = []

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}{pattern.namespace}:"
                walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                route = prefix + str(pattern.pattern)
                if (
                    "<" not in route
                    and "(?P" not in route
                    and route.startswith("admin/")
                ):
                    names.append(f"{namespace}{pattern.name}")

    walk(get_resolver().url_patterns)
    return sorted(set(names))


def test_permission_matrix(settings):
    call_command("load_reference_data", province=["14"], verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("ensure_demo_users", verbosity=0)
    User = get_user_model()
    users = {name: User.objects.get(username=name) for name in DEMO_ACCOUNTS}
    users["khongvaitro"] = User.objects.create_user("khongvaitro", password="x")
    users["khongvaitro"].user_permissions.add(
        Permission.objects.get(codename="access_admin")
    )
    problems = []
    checked = Counter()
    clients = {}
    for name, user in users.items():
        clients[name] = Client(raise_request_exception=False)
        clients[name].force_login(user)

    for viewset in _model_viewsets():
        model = viewset.model
        sample = model._default_manager.order_by("pk").first()
        for action in ("index", "add", "inspect", "edit", "delete"):
            obj = sample if action in ("inspect", "edit", "delete") else None
            if action in ("inspect", "edit", "delete") and sample is None:
                continue
            url = _url(viewset, action, obj)
            if url is None:
                continue
            for name, user in users.items():
                client = clients[name]
                allowed = _allowed(user, viewset, action, obj)
                response = client.get(url)
                checked["GET"] += 1
                if response.status_code >= 500:
                    problems.append(f"GET {url} as {name}: {response.status_code}")
                elif allowed and response.status_code not in (200, 302):
                    # (302: a business rule refuses it in the record's state,
                    # e.g. a submitted progress report is no longer editable.)
                    problems.append(
                        f"GET {url} as {name}: {response.status_code}, expected 200"
                    )
                elif not allowed and response.status_code not in REFUSED:
                    problems.append(
                        f"GET {url} as {name}: {response.status_code}, expected refusal"
                    )
                if action == "index" or allowed:
                    continue
                before = _fingerprint(model, obj)
                response = client.post(url, PAYLOAD)
                checked["POST"] += 1
                after = _fingerprint(model, obj)
                if response.status_code >= 500:
                    problems.append(f"POST {url} as {name}: {response.status_code}")
                if response.status_code not in REFUSED:
                    problems.append(
                        f"POST {url} as {name}: {response.status_code}, expected refusal"
                    )
                if before != after:
                    problems.append(f"POST {url} as {name}: refused but changed data")

    for url_name in _simple_admin_urls():
        url = reverse(url_name)
        if "failwhale" in url:  # Wagtail's deliberate error page
            continue
        for name in users:
            response = clients[name].get(url)
            checked["GET other"] += 1
            if response.status_code >= 500:
                problems.append(f"GET {url} as {name}: {response.status_code}")

    assert problems == [], "\n".join(problems[:60])
    # The matrix really ran: every role, dozens of record types.
    assert checked["GET"] > 800 and checked["POST"] > 300, checked
