"""Indicators of information monitoring (ttdn.monitoring): incidents of false or
distorted information detected in a period (domain.md c.8), with the state they
are in now, their severity and the organisation handling them."""

from ttdn.core.indicators import Dimension, Observation, indicator
from ttdn.core.timefmt import local_range
from ttdn.monitoring.models import Incident


@indicator(
    code="INCIDENTS_DETECTED",
    name_vi="Vụ việc thông tin sai lệch, xuyên tạc được phát hiện",
    name_en="Incidents of false or distorted information detected",
    unit_vi="vụ việc",
    unit_en="incidents",
    dimensions=(
        Dimension("state", "trạng thái hiện nay", "current state"),
        Dimension("severity", "mức độ", "severity"),
        Dimension("unit", "cơ quan xử lý", "handling organisation"),
    ),
    description_vi="Vụ việc có thời điểm phát hiện trong kỳ (giờ Việt Nam).",
    description_en="Incidents detected within the period (GMT+7).",
    app_label="monitoring",
)
def incidents_detected(period):
    first, after = local_range(period.start, period.end)
    incidents = (
        Incident.objects.filter(detected_at__gte=first, detected_at__lt=after)
        .select_related("organisation")
        .order_by("detected_at", "pk")
    )
    for incident in incidents:
        yield Observation.of(
            incident,
            state=incident.get_state_display(),
            severity=incident.get_severity_display(),
            unit=incident.organisation.name if incident.organisation_id else "",
        )
