from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinderConfig(AppConfig):
    """One search box over the back office's records. It sits above every app it
    searches (affairs, planning, monitoring, reports) and reads them only through
    their selectors, which scope what each user may see."""

    name = "ttdn.finder"
    label = "finder"
    verbose_name = _("Back-office search")
