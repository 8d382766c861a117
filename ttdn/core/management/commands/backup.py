from pathlib import Path

from django.core.management.base import BaseCommand

from ttdn.core import backup


class Command(BaseCommand):
    help = (
        "Back up the database and the uploaded files into one .tar.gz "
        "(docs/security.md#backup-and-restore)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            nargs="?",
            default="var/backups",
            help="A folder (a dated file is written in it) or a .tar.gz path.",
        )

    def handle(self, *args, destination, **options):
        path = backup.create(Path(destination))
        self.stdout.write(f"Đã sao lưu: {path}")
