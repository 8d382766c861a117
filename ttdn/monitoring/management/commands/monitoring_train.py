"""Train the topic classifier on the shipped labelled set and the topics
labelled in the admin, and save it (TTDN_MONITORING["MODEL_PATH"])."""

import json

from django.core.management.base import BaseCommand

from ttdn.monitoring import services


class Command(BaseCommand):
    help = "Train and save the topic classifier."

    def add_arguments(self, parser):
        parser.add_argument(
            "--shipped-only",
            action="store_true",
            help="Ignore the labels given in the admin (train on the shipped set).",
        )
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args, **options):
        trained = services.train_classifier(include_admin=not options["shipped_only"])
        meta = trained.meta
        if options["json"]:
            self.stdout.write(json.dumps({**meta, "topics": trained.labels}))
            return
        self.stdout.write(
            f"Đã huấn luyện bộ phân loại chủ đề: {meta['examples']} mẫu "
            f"({meta['labelled_in_admin']} mẫu gán nhãn trong trang quản trị), "
            f"{len(trained.labels)} chủ đề, scikit-learn {meta['sklearn_version']}."
        )
