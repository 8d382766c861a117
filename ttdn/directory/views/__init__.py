"""The directory's admin: listings, forms and inspect views (``admin.py``) and
the choosers other parts' forms use (``choosers.py``)."""

from .admin import DirectoryViewSetGroup
from .choosers import CHOOSERS, organisation_chooser

__all__ = ["CHOOSERS", "DirectoryViewSetGroup", "organisation_chooser"]
