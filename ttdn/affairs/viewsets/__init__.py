"""The admin menu group "Đối ngoại": one viewset per record type (listing with
filters, search, CSV/XLSX export, inspect view with due dates, actions and
history, create/edit through the services), the deadlines overview, the
delegation statistics and the deadline rules — one module per record type."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.base import ViewSetGroup

from .agreements import AgreementViewSet
from .aid import AidViewSet, NGOViewSet
from .conferences import ConferenceViewSet
from .delegations import DelegationViewSet
from .pages import DeadlineRuleViewSet, DeadlinesViewSet, StatisticsViewSet
from .press import PressViewSet


class AffairsViewSetGroup(ViewSetGroup):
    menu_label = _("Foreign affairs")
    menu_icon = "globe"
    menu_order = 260
    submenu_hook = "register_affairs_menu_item"
    items = (
        DelegationViewSet,
        ConferenceViewSet,
        AgreementViewSet,
        AidViewSet,
        NGOViewSet,
        PressViewSet,
        DeadlinesViewSet,
        StatisticsViewSet,
        DeadlineRuleViewSet,
    )
