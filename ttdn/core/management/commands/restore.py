from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ttdn.core import backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into an empty database and "
        "MEDIA_ROOT (docs/security.md#backup-and-restore)."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz written by `backup`.")
        parser.add_argument(
            "--flush",
            action="store_true",
            help="Empty the target database first (every record is lost).",
        )

    def handle(self, *args, archive, flush=False, **options):
        try:
            counts = backup.restore(Path(archive), flush=flush)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Đã khôi phục {counts['objects']} bản ghi và {counts['files']} tệp."
        )
