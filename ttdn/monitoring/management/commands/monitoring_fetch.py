"""Fetch monitoring sources now: the due ones (as the periodic task does), every
enabled one, or the sources named by id."""

import json

from django.core.management.base import BaseCommand, CommandError

from ttdn.monitoring import services
from ttdn.monitoring.models import Source
from ttdn.monitoring.pipeline import Pipeline


class Command(BaseCommand):
    help = "Fetch monitoring sources (due ones by default)."

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, action="append", help="Source id.")
        parser.add_argument(
            "--all", action="store_true", help="Every enabled source, due or not."
        )
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args, **options):
        if options["source"]:
            sources = list(Source.objects.filter(pk__in=options["source"]))
            missing = set(options["source"]) - {s.pk for s in sources}
            if missing:
                raise CommandError(
                    "Không có nguồn tin với mã: "
                    + ", ".join(str(m) for m in sorted(missing))
                )
            pipeline = Pipeline()
            reports = [services.fetch_source(s, pipeline=pipeline) for s in sources]
        elif options["all"]:
            pipeline = Pipeline()
            reports = [
                services.fetch_source(s, pipeline=pipeline)
                for s in Source.objects.filter(enabled=True)
            ]
        else:
            reports = services.fetch_due_sources()
        rows = [
            {
                "source": r.source.pk,
                "name": r.source.name,
                "outcome": r.run.outcome,
                "new": r.run.items_new,
                "duplicates": r.run.items_duplicate,
                "message": r.run.message,
            }
            for r in reports
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False))
            return
        if not rows:
            self.stdout.write("Không có nguồn tin nào đến lượt lấy tin.")
        for row in rows:
            line = (
                f"{row['name']}: {row['outcome']}, {row['new']} tin mới, "
                f"{row['duplicates']} tin đã có"
            )
            if row["message"]:
                line += f" — {row['message']}"
            self.stdout.write(line)
