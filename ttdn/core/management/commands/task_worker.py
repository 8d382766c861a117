from django_tasks_db.management.commands import db_worker

from ttdn.core import worker


class Command(db_worker.Command):
    help = (
        "Run the background task worker: django-tasks-db's db_worker that "
        "requeues tasks of dead workers and waits for the database when it goes "
        "away (ttdn/core/worker.py). `make run` starts it."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=None)

    def handle(self, *args, worker_id=None, **options):
        original = db_worker.Worker
        db_worker.Worker = worker.ResilientWorker
        try:
            super().handle(
                *args, worker_id=worker_id or worker.new_worker_id(), **options
            )
        finally:
            db_worker.Worker = original
