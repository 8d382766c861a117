"""The back-office search page (Wagtail admin)."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors


class FinderView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "finder/search.html"
    page_title = _("Search records")
    header_icon = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = " ".join(self.request.GET.get("q", "").split())[:200]
        context["query"] = query
        context["too_short"] = bool(query) and (
            len("".join(selectors.words(query))) < selectors.MIN_QUERY_LENGTH
        )
        context["groups"] = selectors.search(self.request.user, query) if query else []
        return context
