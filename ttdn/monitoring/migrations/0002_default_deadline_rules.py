"""Default deadlines of incident handling (docs/monitoring.md#deadlines).

Examples from domain c.8, to be replaced by the province's own rules in the admin
(Theo dõi thông tin › Thời hạn xử lý): triage within 1 day of detection; verification
within 5 days of publication and report within 20 days (Nghệ An, Quyết định
29/2023/QĐ-UBND); first response within 7 days (Thông tư 02/2019/TT-BTTTT, for
ministries).
"""

from django.db import migrations

RULES = [
    ("triage", 1, "detection", "Mặc định của hệ thống (phân loại trong ngày làm việc kế tiếp)"),
    ("verify", 5, "publication", "Quyết định 29/2023/QĐ-UBND tỉnh Nghệ An (ví dụ)"),
    ("respond", 7, "detection", "Thông tư 02/2019/TT-BTTTT (áp dụng tương tự)"),
    ("report", 20, "publication", "Quyết định 29/2023/QĐ-UBND tỉnh Nghệ An (ví dụ)"),
]


def add_rules(apps, schema_editor):
    DeadlineRule = apps.get_model("monitoring", "DeadlineRule")
    for step, days, counted_from, basis in RULES:
        if not DeadlineRule.objects.filter(step=step).exists():
            DeadlineRule.objects.create(
                step=step, days=days, counted_from=counted_from, basis=basis
            )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]

    operations = [migrations.RunPython(add_rules, migrations.RunPython.noop)]
