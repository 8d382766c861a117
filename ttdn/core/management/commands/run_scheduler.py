from django.core.management.base import BaseCommand

from ttdn.core import periodic


class Command(BaseCommand):
    help = (
        "Enqueue the periodic jobs of settings.TTDN_PERIODIC_TASKS (scheduled "
        "publishing, …) at their intervals. Runs until stopped; `make run` starts it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="Enqueue every job once and exit (for cron or tests).",
        )

    def handle(self, *args, once=False, **options):
        if once:
            names = periodic.enqueue_due(periodic.periodic_jobs(), {}, 0.0)
            self.stdout.write(", ".join(names) or "-")
            return
        try:
            periodic.run_forever()
        except KeyboardInterrupt:
            self.stdout.write("Scheduler stopped.")
