from django.core.management.base import BaseCommand

from ttdn.accounts import demo


class Command(BaseCommand):
    help = (
        "Create the demo administrator (and an editor and an approver) when no "
        "administrator exists, and print how to log in."
    )

    def handle(self, *args, **options):
        for line in demo.ensure_demo_users():
            self.stdout.write(line)
