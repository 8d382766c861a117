"""Delete services of the parts write their audit entry naming the actor, and a
refused delete changes nothing: the record stays and no entry is written."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError

from wagtail.models import ModelLogEntry

import pytest

from ttdn.accounts.tests.factories import UserFactory
from ttdn.directory import services as directory_services
from ttdn.directory.models import Country
from ttdn.directory.tests.factories import CountryFactory
from ttdn.monitoring import services as monitoring_services
from ttdn.monitoring.models import Incident, Source
from ttdn.monitoring.tests.factories import IncidentFactory, ItemFactory, SourceFactory
from ttdn.planning.models import Meeting, SteeringCommittee
from ttdn.planning.services.committee import committee_delete

pytestmark = pytest.mark.django_db


def _deletes(model, pk):
    return list(
        ModelLogEntry.objects.filter(
            content_type__model=model._meta.model_name,
            object_id=str(pk),
            action="wagtail.delete",
        ).values_list("user__username", flat=True)
    )


def test_committee_delete_logs_the_actor_and_refuses_one_that_met(superuser):
    kept = SteeringCommittee.objects.create(
        name="Ban Chỉ đạo công tác thông tin đối ngoại",
        decision="12/QĐ-UBND",
        established_on=dt.date(2016, 1, 5),
    )
    Meeting.objects.create(
        committee=kept, kind="regular", title="Họp định kỳ", held_on=dt.date(2016, 6, 1)
    )
    with pytest.raises(ValidationError) as caught:
        committee_delete(kept, user=superuser)
    assert caught.value.messages == [
        "Ban chỉ đạo này đã có phiên họp: được giữ lại trong lịch sử; hãy nhập "
        "ngày giải thể thay vì xóa."
    ]
    assert SteeringCommittee.objects.filter(pk=kept.pk).exists()
    assert _deletes(SteeringCommittee, kept.pk) == []

    mistake = SteeringCommittee.objects.create(
        name="Ban nhập nhầm", decision="1/QĐ", established_on=dt.date(2020, 1, 1)
    )
    pk = mistake.pk
    committee_delete(mistake, user=superuser)
    assert not SteeringCommittee.objects.filter(pk=pk).exists()
    assert _deletes(SteeringCommittee, pk) == ["root"]


def test_delete_source_logs_the_actor_and_keeps_a_source_with_items(superuser):
    used = SourceFactory()
    ItemFactory(source=used)
    with pytest.raises(ValidationError):
        monitoring_services.delete_source(used, user=superuser)
    assert Source.objects.filter(pk=used.pk).exists()
    assert _deletes(Source, used.pk) == []

    unused = SourceFactory()
    pk = unused.pk
    monitoring_services.delete_source(unused, user=superuser)
    assert not Source.objects.filter(pk=pk).exists()
    assert _deletes(Source, pk) == ["root"]


def test_delete_incident_needs_the_permission_and_logs_the_actor(superuser):
    incident = IncidentFactory()
    officer = UserFactory(username="theodoi-thu", is_staff=True)
    with pytest.raises(PermissionDenied):
        monitoring_services.delete_incident(incident, user=officer)
    assert Incident.objects.filter(pk=incident.pk).exists()
    assert _deletes(Incident, incident.pk) == []

    pk = incident.pk
    monitoring_services.delete_incident(incident, user=superuser)
    assert not Incident.objects.filter(pk=pk).exists()
    assert _deletes(Incident, pk) == ["root"]


def test_delete_entry_logs_the_actor(superuser):
    country = CountryFactory(
        alpha_2="ZZ", alpha_3="ZZZ", numeric="999", name_vi="Nước thử", name_en="Test"
    )
    pk = country.pk
    directory_services.delete_entry(country, user=superuser)
    assert not Country.objects.filter(pk=pk).exists()
    assert _deletes(Country, pk) == ["root"]
