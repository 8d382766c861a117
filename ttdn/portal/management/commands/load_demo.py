from django.core.management.base import BaseCommand

from ttdn.portal.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the demo portal: Sơn La home page in Vietnamese and English, sections, "
        "the five seed articles, fixed pages, photo library. Idempotent."
    )

    def handle(self, *args, **options):
        changed = load_demo(stdout=self.stdout)
        if changed:
            self.stdout.write(f"Demo content loaded ({changed} objects created).")
        else:
            self.stdout.write("Demo content already present; nothing changed.")
