from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.search import SearchArea

from .views import FinderView


@hooks.register("register_admin_urls")
def register_finder_url():
    return [path("finder/", FinderView.as_view(), name="finder")]


@hooks.register("register_admin_search_area")
def register_finder_search_area():
    # A tab of the admin's own search box: the query typed there carries over.
    return SearchArea(
        _("Records"), reverse("finder"), name="records", icon_name="list-ul", order=50
    )
