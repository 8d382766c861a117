"""The indicator registry and the reporting period: the kernel every app's
``indicators.py`` registers its figures with (docs/reports.md#indicators).
Reports reads figures only through here and the apps' selectors."""

from .period import Period, parse_day
from .registry import (
    Dimension,
    Group,
    Indicator,
    IndicatorRegistry,
    Observation,
    Result,
    SourceRef,
    UnknownIndicator,
    compute_many,
    group_sources,
    indicator,
    registry,
)

__all__ = [
    "Dimension",
    "Group",
    "Indicator",
    "IndicatorRegistry",
    "Observation",
    "Period",
    "Result",
    "SourceRef",
    "UnknownIndicator",
    "compute_many",
    "group_sources",
    "indicator",
    "parse_day",
    "registry",
]
