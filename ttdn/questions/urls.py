"""Portal URLs of citizens' questions; included inside i18n_patterns
("hoi-dap/" in Vietnamese, "questions/" in English)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "questions"

urlpatterns = [
    path(pgettext_lazy("url", "questions/"), views.index, name="index"),
    path(pgettext_lazy("url", "questions/ask/"), views.ask, name="ask"),
    path(pgettext_lazy("url", "questions/status/"), views.lookup, name="lookup"),
]
