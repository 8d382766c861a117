"""Portal URLs that are not Wagtail pages; included inside i18n_patterns."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

urlpatterns = [
    # "tim-kiem/" in Vietnamese, "search/" in English (translated URL).
    path(pgettext_lazy("url", "search/"), views.search, name="search"),
]
