"""Admin: "Thống kê truy cập" — daily figures (read only, exportable) and article
views (starting views set by administrators). The starting total visits is a
setting (Settings → Visit statistics)."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import AdminPageChooser
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import selectors, services
from .formatting import format_count
from .forms import StartingFigureFormMixin
from .models import DailyStats, PageViewTotal


class ViewOnlyPolicy(ModelPermissionPolicy):
    """Figures are counted, never typed in: only "view" is ever granted."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a == "view"])


class NoDeletePolicy(ModelPermissionPolicy):
    """Article views: starting views may be set; counted views are never deleted."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a != "delete"])


register_permission_policy(DailyStats, ViewOnlyPolicy(DailyStats))
register_permission_policy(PageViewTotal, NoDeletePolicy(PageViewTotal))


class CountColumn(Column):
    """A number with the reader's thousands separator (41.466.892)."""

    def get_value(self, instance):
        return format_count(super().get_value(instance))


class DailyStatsViewSet(ModelViewSet):
    model = DailyStats
    icon = "date"
    menu_label = _("Daily figures")
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "day",
        CountColumn("visits", label=_("visits"), sort_key="visits"),
        CountColumn("visitors", label=_("visitors"), sort_key="visitors"),
        CountColumn("views", label=_("page views"), sort_key="views"),
        CountColumn("hits", label=_("hits"), sort_key="hits"),
    ]
    list_filter = ["day"]
    list_export = ["day", "visits", "visitors", "views", "hits"]
    export_filename = "thong-ke-truy-cap"
    inspect_view_fields = ["day", "visits", "visitors", "views", "hits"]
    # Never offered (ViewOnlyPolicy), but a model viewset needs a form.
    form_fields = ["day", "visits", "visitors", "views", "hits"]
    ordering = ["-day"]
    list_per_page = 31

    def get_queryset(self, request):
        return selectors.daily_stats()


class ArticleViewsForm(StartingFigureFormMixin, WagtailAdminModelForm):
    """Add: choose the article and its starting views; edit: starting views only.
    An article that already has a row is updated rather than refused."""

    class Meta:
        model = PageViewTotal
        fields = ["page", "starting_views"]
        widgets = {"page": AdminPageChooser(target_models=["portal.ArticlePage"])}

    def validate_unique(self):
        """The page may already have counted views: adding sets its starting views."""


class ArticleViewsEditForm(StartingFigureFormMixin, WagtailAdminModelForm):
    class Meta:
        model = PageViewTotal
        fields = ["starting_views"]


class ArticleViewsCreateView(generic.CreateView):
    def save_instance(self):
        instance = services.set_starting_views(
            page=self.form.cleaned_data["page"],
            views=self.form.cleaned_data["starting_views"],
        )
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        return instance


class ArticleViewsEditView(generic.EditView):
    def save_instance(self):
        instance = services.set_starting_views(
            page=self.object.page, views=self.form.cleaned_data["starting_views"]
        )
        log(instance=instance, action="wagtail.edit", user=self.request.user)
        return instance


class ArticleViewsViewSet(ModelViewSet):
    model = PageViewTotal
    icon = "doc-full"
    menu_label = _("Article views")
    add_view_class = ArticleViewsCreateView
    edit_view_class = ArticleViewsEditView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        Column("page", label=_("page"), accessor="page"),
        CountColumn("views", label=_("views counted here"), sort_key="views"),
        CountColumn(
            "starting_views", label=_("starting views"), sort_key="starting_views"
        ),
        CountColumn("total", label=_("total views")),
    ]
    list_export = ["page", "views", "starting_views", "total"]
    export_headings = {
        "page": _("page"),
        "views": _("views counted here"),
        "starting_views": _("starting views"),
        "total": _("total views"),
    }
    export_filename = "luot-xem-tin-bai"
    inspect_view_fields = ["page", "views", "starting_views", "total"]
    search_fields = ["page__title"]
    search_backend_name = None
    list_per_page = 50

    def get_queryset(self, request):
        return selectors.article_views()

    def get_form_class(self, for_update=False):
        return ArticleViewsEditForm if for_update else ArticleViewsForm


class AnalyticsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Visit statistics")
    menu_icon = "table"
    menu_order = 900
    items = (DailyStatsViewSet("daily_stats"), ArticleViewsViewSet("article_views"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return AnalyticsViewSetGroup()
