import pytest

from ttdn.core import workflow
from ttdn.monitoring.choices import IncidentState
from ttdn.monitoring.demo.loader import load_demo
from ttdn.monitoring.models import Alert, Incident, Item, Source, Story

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory_demo():
    from ttdn.directory import services
    from ttdn.directory.demo.loader import load_demo as load_directory

    services.load_reference_data(province_codes=["14"])
    load_directory()


def test_demo_loads_once_without_network(directory_demo):
    created = load_demo()
    assert created > 0
    assert Source.objects.count() == 5
    assert not Source.objects.filter(enabled=True).exists()
    assert Item.objects.count() == 25 + 54
    republished = Story.objects.filter(item_count__gt=1)
    assert republished.count() == 8
    assert Story.objects.get(items__url__endswith="-s1-1.html").item_count == 3
    states = sorted(Incident.objects.values_list("state", flat=True))
    assert states == sorted(
        [
            IncidentState.RESPONDING,
            IncidentState.VERIFYING,
            IncidentState.CLOSED,
            IncidentState.VERIFYING,
            IncidentState.TRIAGED,
            IncidentState.DETECTED,
        ]
    )
    faked = Incident.objects.get(title="Trang web giả mạo Cổng thông tin điện tử tỉnh")
    assert workflow.history(faked).count() == 6
    assert Incident.objects.filter(organisation__short_code="SVHTTDL").count() == 1
    assert Alert.objects.filter(subject="story").exists()
    counts = (
        Source.objects.count(),
        Item.objects.count(),
        Story.objects.count(),
        Incident.objects.count(),
        Alert.objects.count(),
    )
    assert load_demo() == 0
    assert (
        Source.objects.count(),
        Item.objects.count(),
        Story.objects.count(),
        Incident.objects.count(),
        Alert.objects.count(),
    ) == counts
