"""Indicators registered by the reports app for the apps that carry no reporting
code of their own — portal, analytics, affairs, monitoring (``contrib/``), each only
when the app is installed. Found by the registry like every app's
``indicators.py``; planning registers its own (ttdn/planning/indicators.py)."""

from django.apps import apps

from .contrib import portal  # noqa: F401

if apps.is_installed("ttdn.analytics"):
    from .contrib import analytics  # noqa: F401

if apps.is_installed("ttdn.affairs"):
    from .contrib import affairs  # noqa: F401

if apps.is_installed("ttdn.monitoring"):
    from .contrib import monitoring  # noqa: F401
