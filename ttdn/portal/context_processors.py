from django.conf import settings

from wagtail.models import Locale, Site

from . import selectors
from .models import FooterText


def portal(request):
    """Site-wide template data: the active language's home, menu and footer."""
    if request.path.startswith("/admin/"):
        return {}
    site = Site.find_for_request(request)
    home = site.root_page.localized.specific if site else None
    locale = Locale.get_active()
    footer = (
        FooterText.objects.filter(locale=locale).first()
        or FooterText.objects.filter(locale=Locale.get_default()).first()
    )
    return {
        "site_home": home,
        "menu_pages": selectors.menu_sections(home=home) if home else [],
        "footer": footer,
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
