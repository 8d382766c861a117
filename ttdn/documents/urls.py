"""Portal URLs of the document library; included inside i18n_patterns
("van-ban/" in Vietnamese, "documents/" in English)."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from . import views

app_name = "documents"

urlpatterns = [
    path(pgettext_lazy("url", "official-documents/"), views.library, name="library"),
    path(
        pgettext_lazy("url", "official-documents/<int:pk>/"),
        views.detail,
        name="detail",
    ),
    path(
        pgettext_lazy("url", "official-documents/<int:pk>/files/<int:file_pk>/"),
        views.download,
        name="download",
    ),
]
