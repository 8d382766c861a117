"""Measure the text importer on its evaluation corpus (docs/portal.md):
per-field precision and recall of headline, publication date and author, and how
many listing pages are recognised as not articles, on the report part (sites the
parser was not tuned on) by default."""

import json

from django.core.management.base import BaseCommand

from ttdn.portal.importers import evaluation

_LABELS = {
    "headline": "Tiêu đề",
    "published": "Ngày đăng",
    "author": "Tác giả",
    "not_article": "Trang danh sách nhận ra (không phải bài)",
}


class Command(BaseCommand):
    help = "Evaluate the text importer on the evaluation corpus."

    def add_arguments(self, parser):
        parser.add_argument(
            "--part",
            choices=["report", "tune", "all"],
            default="report",
            help="Part of the corpus to score (default: report).",
        )
        parser.add_argument("--json", action="store_true", help="Print JSON.")
        parser.add_argument(
            "--details", action="store_true", help="List the pages each field missed."
        )

    def handle(self, *args, **options):
        report = evaluation.evaluate(options["part"])
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
            return
        write = self.stdout.write
        write(
            f"Bộ đánh giá nhập bài ({report.part}): {report.pages} trang, "
            f"{report.articles} bài, {report.listings} trang danh sách, "
            f"{report.sites} trang web"
        )
        write(f"{'Trường':<42} {'P':>6} {'R':>6} {'Bịa':>4}  Mục tiêu (R)")
        for name, label in _LABELS.items():
            score = report.fields[name]
            target = evaluation.TARGETS[name]
            verdict = "đạt" if score.recall >= target else "CHƯA ĐẠT"
            write(
                f"{label:<42} {score.precision:6.3f} {score.recall:6.3f} "
                f"{score.invented:4d}  ≥ {target:.2f}: {verdict}"
            )
            if options["details"]:
                for wrong in score.wrong:
                    write(f"    - {wrong}")
