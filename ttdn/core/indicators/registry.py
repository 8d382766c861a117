"""The indicator registry (docs/reports.md#indicators).

An indicator is a named figure computed from records for any period: "incoming
delegations", "person-visits", "tasks by status", "published articles"… Each app
contributes its own indicators from a module called ``indicators.py`` (found in
every installed app the first time the registry is read, the way Wagtail finds
``wagtail_hooks.py``)::

    # ttdn/<app>/indicators.py
    from ttdn.core.indicators import Dimension, Observation, indicator

    @indicator(
        code="DELEG_IN_COUNT",
        name_vi="Đoàn nước ngoài vào làm việc",
        name_en="Incoming foreign delegations",
        unit_vi="đoàn",
        unit_en="delegations",
        dimensions=(Dimension("country", "quốc gia", "country"),),
    )
    def incoming_delegations(period):
        for delegation in selectors.delegations_in(period.start, period.end):
            yield Observation.of(delegation, value=1, country=...)

A figure is the sum of the observations a period yields: each observation is one
record's contribution (its value and its dimension values), which is the figure's
provenance — the admin lists, for every figure, the records that produced it.
"""

import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import get_language

from .period import Period


def _english() -> bool:
    return (get_language() or "vi").startswith("en")


@dataclass(frozen=True)
class Dimension:
    """A breakdown of an indicator: ``country``, ``status``, ``unit``…"""

    key: str
    label_vi: str
    label_en: str

    @property
    def label(self) -> str:
        return self.label_en if _english() else self.label_vi


@dataclass(frozen=True)
class SourceRef:
    """The record an observation comes from: ``app_label.model`` and primary key,
    with a readable label."""

    model: str
    pk: int | str
    label: str

    def as_dict(self) -> dict:
        return {"model": self.model, "pk": self.pk, "label": self.label}


@dataclass(frozen=True)
class Observation:
    """One record's contribution to an indicator."""

    value: Decimal | int
    dimensions: dict
    source: SourceRef

    @classmethod
    def of(cls, instance, *, value=1, label: str | None = None, **dimensions):
        return cls(
            value=value,
            dimensions={k: str(v) for k, v in dimensions.items()},
            source=SourceRef(
                model=instance._meta.label_lower,
                pk=instance.pk,
                label=label if label is not None else str(instance),
            ),
        )


@dataclass(frozen=True)
class Indicator:
    code: str
    name_vi: str
    name_en: str
    unit_vi: str
    unit_en: str
    observe: Callable[[Period], Iterable[Observation]]
    dimensions: tuple[Dimension, ...] = ()
    description_vi: str = ""
    description_en: str = ""
    app_label: str = ""
    decimals: int = 0

    @property
    def name(self) -> str:
        return self.name_en if _english() else self.name_vi

    @property
    def unit(self) -> str:
        return self.unit_en if _english() else self.unit_vi

    @property
    def description(self) -> str:
        return self.description_en if _english() else self.description_vi

    def dimension(self, key: str) -> Dimension:
        for dimension in self.dimensions:
            if dimension.key == key:
                return dimension
        raise KeyError(f"{self.code} has no dimension {key!r}")

    def compute(self, period: Period) -> "Result":
        return Result(
            indicator=self, period=period, observations=list(self.observe(period))
        )


@dataclass
class Group:
    """The observations sharing a dimension value (or a combination of them)."""

    key: tuple
    value: Decimal | int = 0
    sources: list = field(default_factory=list)


@dataclass
class Result:
    indicator: Indicator
    period: Period
    observations: list

    @property
    def total(self):
        return sum((o.value for o in self.observations), 0)

    @property
    def sources(self) -> list[SourceRef]:
        return [o.source for o in self.observations]

    def by(self, *keys: str) -> list[Group]:
        """Sums per value of the dimensions *keys* (largest first, then by
        label); ``by()`` gives one group with the total."""
        groups: dict[tuple, Group] = {}
        for observation in self.observations:
            key = tuple(observation.dimensions.get(k, "") for k in keys)
            group = groups.get(key)
            if group is None:
                group = groups[key] = Group(key=key)
            group.value += observation.value
            group.sources.append(observation.source)
        return sorted(groups.values(), key=lambda g: (-g.value, g.key))

    def value_of(self, **dimensions) -> Decimal | int:
        """The sum of the observations matching every given dimension value."""
        return sum(
            (
                o.value
                for o in self.observations
                if all(o.dimensions.get(k) == str(v) for k, v in dimensions.items())
            ),
            0,
        )

    def as_dict(self) -> dict:
        """JSON-serialisable: total, breakdowns and every observation."""
        return {
            "code": self.indicator.code,
            "name_vi": self.indicator.name_vi,
            "name_en": self.indicator.name_en,
            "unit_vi": self.indicator.unit_vi,
            "unit_en": self.indicator.unit_en,
            "start": self.period.start.isoformat(),
            "end": self.period.end.isoformat(),
            "total": _plain(self.total),
            "observations": [
                {
                    "value": _plain(o.value),
                    "dimensions": o.dimensions,
                    "source": o.source.as_dict(),
                }
                for o in self.observations
            ],
        }


def _plain(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class UnknownIndicator(KeyError):
    pass


class IndicatorRegistry:
    def __init__(self):
        self._indicators: dict[str, Indicator] = {}
        self._discovered = False
        self._lock = threading.RLock()

    def discover(self) -> None:
        with self._lock:
            if not self._discovered:
                self._discovered = True
                autodiscover_modules("indicators")

    def register(self, item: Indicator) -> Indicator:
        existing = self._indicators.get(item.code)
        if existing is not None and existing.observe is not item.observe:
            raise ImproperlyConfigured(
                f"Indicator code {item.code!r} is registered twice "
                f"({existing.app_label} and {item.app_label})."
            )
        self._indicators[item.code] = item
        return item

    def unregister(self, code: str) -> None:
        self._indicators.pop(code, None)

    def get(self, code: str) -> Indicator:
        self.discover()
        try:
            return self._indicators[code]
        except KeyError:
            raise UnknownIndicator(code) from None

    def __contains__(self, code: str) -> bool:
        self.discover()
        return code in self._indicators

    def all(self) -> list[Indicator]:
        self.discover()
        return sorted(self._indicators.values(), key=lambda i: (i.app_label, i.code))

    def codes(self) -> list[str]:
        return [i.code for i in self.all()]


registry = IndicatorRegistry()


def indicator(
    *,
    code: str,
    name_vi: str,
    name_en: str,
    unit_vi: str,
    unit_en: str,
    dimensions: Iterable[Dimension] = (),
    description_vi: str = "",
    description_en: str = "",
    decimals: int = 0,
    app_label: str | None = None,
):
    """Register the decorated ``observe(period)`` function as an indicator.
    *app_label* (default: the app of the decorated function's module) says whose
    records it counts."""

    def decorate(observe):
        label = app_label
        if label is None:
            parts = (observe.__module__ or "").split(".")
            label = parts[1] if parts[0] == "ttdn" and len(parts) > 1 else parts[0]
        registry.register(
            Indicator(
                code=code,
                name_vi=name_vi,
                name_en=name_en,
                unit_vi=unit_vi,
                unit_en=unit_en,
                observe=observe,
                dimensions=tuple(dimensions),
                description_vi=description_vi,
                description_en=description_en,
                app_label=label,
                decimals=decimals,
            )
        )
        return observe

    return decorate


def compute_many(codes: Iterable[str], period: Period) -> dict[str, Result]:
    return {code: registry.get(code).compute(period) for code in codes}


def group_sources(sources: Iterable[SourceRef]) -> dict[str, list]:
    by_model = defaultdict(list)
    for source in sources:
        by_model[source.model].append(source)
    return by_model
