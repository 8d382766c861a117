from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = (
        "Load the demo data of every part of the product (settings.TTDN_DEMO_LOADERS, "
        "in order): the Sơn La portal with the seed articles, and what later parts "
        "add. Idempotent: a second run changes nothing."
    )

    def handle(self, *args, **options):
        total = 0
        for path in settings.TTDN_DEMO_LOADERS:
            loader = import_string(path)
            changed = loader(stdout=self.stdout)
            total += changed
            self.stdout.write(f"{path}: {changed} objects created or changed.")
        if total:
            self.stdout.write(f"Demo data loaded ({total} objects created or changed).")
        else:
            self.stdout.write("Demo data already present; nothing changed.")
