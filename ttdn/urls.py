from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import index as sitemap_index
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from ttdn.accounts.login import ThrottledPasswordResetView
from ttdn.core.admin.site_history import ScopedLogEntriesView
from ttdn.portal import views as portal_views
from ttdn.portal.sitemaps import PortalSitemap

SITEMAPS = {"pages": PortalSitemap}

urlpatterns = [
    # Wagtail's site history, scoped per organisation (ttdn/core/audit_scope.py);
    # before Wagtail's own routes so these answer at the same addresses.
    path("admin/reports/site-history/", ScopedLogEntriesView.as_view()),
    path(
        "admin/reports/site-history/results/",
        ScopedLogEntriesView.as_view(results_only=True),
    ),
    # Password reset requests throttled per address and e-mail (accounts/login.py).
    path(
        "admin/password_reset/",
        ThrottledPasswordResetView.as_view(),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("analytics/", include("ttdn.analytics.urls")),
    # A sitemap index over pages of at most PortalSitemap.limit URLs each.
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap,
        {"sitemaps": SITEMAPS, "template_name": "portal/sitemap.xml"},
        name="sitemap_section",
    ),
    path("robots.txt", portal_views.robots_txt, name="robots_txt"),
]

if settings.TTDN_SERVE_MEDIA:
    # Embedded mode (make run): Django serves the public media (image renditions)
    # itself; documents and reports go through their checked views. Behind nginx,
    # TTDN_SERVE_MEDIA is off (docs/deployment.md, docs/security.md).
    from django.urls import re_path

    from ttdn.core.files import serve_public_media

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_public_media)]

urlpatterns += i18n_patterns(
    path("", include("ttdn.portal.urls")),
    path("", include("ttdn.documents.urls")),
    path("", include("ttdn.questions.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
