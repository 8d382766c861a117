import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

import pytest

from ttdn.core.periods import overlap_errors, period_errors, period_text
from ttdn.monitoring.models import DeadlineRule

pytestmark = pytest.mark.django_db


def rule(**fields) -> DeadlineRule:
    return DeadlineRule(step="verify", days=5, **fields)


def test_in_force_on_includes_both_ends_and_open_ends():
    DeadlineRule.objects.all().delete()
    old = DeadlineRule.objects.create(
        step="verify", days=7, valid_to=dt.date(2025, 6, 30)
    )
    new = DeadlineRule.objects.create(
        step="verify", days=5, valid_from=dt.date(2025, 7, 1)
    )
    on = DeadlineRule.objects.in_force_on
    assert list(on(dt.date(2025, 6, 30))) == [old]
    assert list(on(dt.date(2025, 7, 1))) == [new]
    assert old.is_in_force_on(dt.date(1990, 1, 1))
    assert not old.is_in_force_on(dt.date(2025, 7, 1))
    assert list(DeadlineRule.objects.ended_before(dt.date(2025, 7, 1))) == [old]
    assert list(
        DeadlineRule.objects.overlapping(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    ) == [old]
    assert set(DeadlineRule.objects.overlapping(None, None)) == {old, new}


def test_the_database_refuses_a_period_that_ends_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        rule(valid_from=dt.date(2025, 7, 1), valid_to=dt.date(2025, 6, 30)).save()


def test_period_errors_name_the_models_own_field():
    with translation.override("vi"):
        errors = period_errors(
            rule(valid_from=dt.date(2025, 7, 1), valid_to=dt.date(2025, 6, 30))
        )
    assert errors == {
        "valid_to": [
            "Có hiệu lực đến: ngày cuối (30/06/2025) trước ngày đầu (01/07/2025)."
        ]
    }
    assert period_errors(rule(valid_from=dt.date(2025, 7, 1))) == {}
    with pytest.raises(ValidationError):
        rule(valid_from=dt.date(2025, 7, 1), valid_to=dt.date(2025, 6, 30)).clean()


def test_overlap_errors_name_each_clash():
    DeadlineRule.objects.all().delete()
    kept = DeadlineRule.objects.create(
        step="verify", days=7, valid_from=dt.date(2020, 1, 1)
    )
    DeadlineRule.objects.create(step="report", days=20)
    candidate = rule(valid_from=dt.date(2026, 1, 1))
    with translation.override("vi"):
        errors = overlap_errors(candidate, DeadlineRule.objects.filter(step="verify"))
    assert errors == {
        "valid_from": [
            f"Có hiệu lực từ: “{kept}” (01/01/2020 – nay) cũng có hiệu lực vào một "
            "số ngày trùng; hãy cho nó hết hiệu lực trước."
        ]
    }
    kept.valid_to = dt.date(2025, 12, 31)
    kept.save()
    assert overlap_errors(candidate, DeadlineRule.objects.filter(step="verify")) == {}
    # An entry never clashes with itself.
    assert overlap_errors(kept, DeadlineRule.objects.filter(step="verify")) == {}


def test_period_text():
    with translation.override("vi"):
        assert period_text(None, None) == ""
        assert period_text(dt.date(2025, 7, 1), None) == "01/07/2025 – nay"
        assert period_text(None, dt.date(2025, 6, 30)) == "– 30/06/2025"
