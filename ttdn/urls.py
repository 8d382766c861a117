from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from ttdn.portal import views as portal_views
from ttdn.portal.sitemaps import PortalSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("analytics/", include("ttdn.analytics.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}),
    path("robots.txt", portal_views.robots_txt, name="robots_txt"),
]

if settings.TTDN_SERVE_MEDIA:
    # Embedded mode (make run): Django serves uploaded media itself. Behind nginx
    # or with object storage, TTDN_SERVE_MEDIA is off (docs/deployment.md).
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

urlpatterns += i18n_patterns(
    path("", include("ttdn.portal.urls")),
    path("", include("ttdn.documents.urls")),
    path("", include("ttdn.questions.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
