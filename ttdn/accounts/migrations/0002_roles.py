"""The platform's roles as groups (permissions: accounts.services.sync_roles).

Wagtail's sample groups ("Editors", "Moderators") and their "Moderators approval"
workflow are removed: the roles below replace them.
"""

from django.db import migrations

ROLE_GROUPS = [
    "Quản trị hệ thống",
    "Biên tập viên",
    "Lãnh đạo duyệt tin",
    "Chuyên viên đối ngoại",
    "Đầu mối đơn vị",
    "Cán bộ theo dõi thông tin",
    "Thành viên Ban Chỉ đạo",
]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    samples = Workflow.objects.filter(name="Moderators approval")
    WorkflowPage.objects.filter(workflow__in=samples).delete()
    Task.objects.filter(name="Moderators approval").delete()
    samples.delete()
    Group.objects.filter(name__in=["Editors", "Moderators"]).delete()
    for name in ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_roles, remove_roles)]
