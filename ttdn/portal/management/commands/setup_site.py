from django.core.management.base import BaseCommand

from ttdn.portal import services


class Command(BaseCommand):
    help = (
        "Create the locales of TTDN_CONTENT_LANGUAGES, translate the home page into "
        "each, and set the default site's address from WAGTAILADMIN_BASE_URL. "
        "Idempotent; run after migrate on a new installation."
    )

    def handle(self, *args, **options):
        home = services.setup_site()
        languages = ", ".join(
            home.get_translations(inclusive=True).values_list(
                "locale__language_code", flat=True
            )
        )
        self.stdout.write(f"Site ready: {home.title} [{languages}]")
