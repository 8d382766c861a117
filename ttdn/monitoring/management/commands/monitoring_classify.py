"""Classify texts from a JSON-lines file: relevance to the province and topic.

    python manage.py monitoring_classify FILE --json

Each input line is ``{"id": …, "text": "…"}`` (an optional ``"title"`` is read
too); each output line is ``{"id", "relevant", "province", "topic", "score"}``.
``-`` reads standard input. Works offline: the topic model is trained from the
shipped labelled set at first use if none is saved.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from ttdn.monitoring import classifier, provinces, selectors

BATCH = 256


class Command(BaseCommand):
    help = "Classify JSON lines {id, text}: relevance to the province and topic."

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON-lines file ('-' for standard input).")
        parser.add_argument(
            "--json",
            action="store_true",
            help="Print one JSON object per line (the default output format).",
        )

    def handle(self, *args, **options):
        path = options["file"]
        try:
            stream = (
                sys.stdin if path == "-" else open(path, encoding="utf-8-sig")  # noqa: SIM115
            )
        except OSError as error:
            raise CommandError(
                f"Không mở được tệp {path}: {error.strerror}."
            ) from error
        gazetteer = selectors.build_gazetteer()
        topics = classifier.get_classifier()
        rows = []
        with stream:
            for number, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    raise CommandError(
                        f"Dòng {number}: không phải JSON hợp lệ ({error.msg})."
                    ) from error
                if (
                    not isinstance(row, dict)
                    or "id" not in row
                    or not isinstance(row.get("text"), str)
                ):
                    raise CommandError(
                        f'Dòng {number}: cần một đối tượng có "id" và "text" (chuỗi).'
                    )
                rows.append(row)
                if len(rows) >= BATCH:
                    self._emit(rows, gazetteer, topics)
                    rows = []
        self._emit(rows, gazetteer, topics)

    def _emit(self, rows, gazetteer, topics):
        if not rows:
            return
        texts = [
            classifier.topic_text(str(row.get("title") or ""), row["text"])
            for row in rows
        ]
        predictions = topics.judge(texts)
        for row, prediction in zip(rows, predictions, strict=True):
            title = str(row.get("title") or "")
            relevance = gazetteer.match(f"{title}\n{row['text']}")
            place = provinces.judge(
                title,
                row["text"],
                home=str(row.get("home_province") or ""),
                params=topics.province_params,
            )
            self.stdout.write(
                json.dumps(
                    {
                        "id": row["id"],
                        "relevant": relevance.relevant,
                        "province": relevance.province,
                        "topic": prediction.topic,
                        "score": prediction.score,
                        "about_province": place.name or None,
                        "foreign_affairs": prediction.foreign_affairs,
                        "foreign_affairs_score": prediction.foreign_affairs_score,
                    },
                    ensure_ascii=False,
                )
            )
