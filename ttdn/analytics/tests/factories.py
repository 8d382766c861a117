import datetime as dt

import factory

from ttdn.analytics.models import DailyStats


class DailyStatsFactory(factory.django.DjangoModelFactory):
    """Aggregates as a flush or a counted hit leaves them (test data)."""

    class Meta:
        model = DailyStats
        django_get_or_create = ("day",)

    day = factory.Sequence(lambda n: dt.date(2026, 1, 1) + dt.timedelta(days=n))
    visits = 0
    visitors = 0
    views = 0
    hits = 0
