from django.core.management.base import BaseCommand

from ttdn.portal.search import index


class Command(BaseCommand):
    help = (
        "Rebuild the portal search index from the live, public articles. Publishing, "
        "importing and load_demo keep it current on their own; run this after "
        "restoring a database or upgrading from a version without the index."
    )

    def handle(self, *args, **options):
        total = index.rebuild(stdout=self.stdout)
        self.stdout.write(f"Portal search index rebuilt: {total} articles.")
