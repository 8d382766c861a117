from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Locale, Site

from ttdn.pagecache import generation

from . import selectors
from .models import FooterText, LinkKind, StateLink


def _chrome(site) -> dict:
    home = site.root_page.localized.specific if site else None
    locale = Locale.get_active()
    footer = (
        FooterText.objects.filter(locale=locale).first()
        or FooterText.objects.filter(locale=Locale.get_default()).first()
    )
    links = list(StateLink.objects.filter(locale=locale))
    groups = [
        (label, [link for link in links if link.kind == kind])
        for kind, label in LinkKind.choices
    ]
    return {
        "state_link_groups": [(label, rows) for label, rows in groups if rows],
        "site_home": home,
        "menu_pages": list(selectors.menu_sections(home=home)) if home else [],
        "footer": footer,
    }


def portal(request):
    """Site-wide template data: the active language's home, menu and footer
    (cached per site and language until content changes: ttdn.pagecache)."""
    if request.path.startswith("/admin/"):
        return {}
    site = Site.find_for_request(request)
    chrome = generation.cached(
        f"portal-chrome:{site.pk if site else 0}:{get_language()}",
        lambda: _chrome(site),
    )
    return {**chrome, "site_name": settings.WAGTAIL_SITE_NAME}
