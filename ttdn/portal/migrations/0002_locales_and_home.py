"""Content locales and the default-language home page as the site root.

Translations of the home page for the other languages are created by
`manage.py setup_site` (real models are needed to copy a page for translation).
"""

import uuid

from django.conf import settings
from django.db import migrations


def create_locales_and_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("portal", "HomePage")

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)

    # Wagtail's welcome page (a plain Page at depth 2) is replaced.
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=page_type, depth=2).delete()
    if HomePage.objects.exists():
        return
    home_type, _ = ContentType.objects.get_or_create(
        app_label="portal", model="homepage"
    )
    root = Page.objects.get(depth=1)
    path = f"{root.path}{(root.numchild + 1):04d}"
    home = HomePage.objects.create(
        title="Cổng thông tin đối ngoại",
        draft_title="Cổng thông tin đối ngoại",
        slug="trang-chu",
        content_type=home_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/trang-chu/",
        locale=default_locale,
        translation_key=uuid.uuid4(),
        live=True,
    )
    Page.objects.filter(pk=root.pk).update(
        numchild=Page.objects.filter(depth=2).count()
    )
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(create_locales_and_home, migrations.RunPython.noop)]
