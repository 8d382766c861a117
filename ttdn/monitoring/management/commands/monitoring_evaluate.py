"""Measure the monitoring pipeline: topic classifier precision/recall/F1 per topic
on a held-out split (shipped set + admin labels), near-duplicate grouping
precision on the fixture set, and (when a serving province is set) the
gazetteer's relevance precision on the labelled set; and, on the report part of the
real-news set (docs/monitoring.md#real-news-set), the province each item is about,
the foreign-affairs judgement, the topic and the relevance to the home province,
each against its target."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ttdn.monitoring import evaluation, selectors
from ttdn.monitoring.choices import Topic


class Command(BaseCommand):
    help = (
        "Evaluate the topic classifier, the near-duplicate grouping and the gazetteer."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--test-size",
            type=float,
            default=0.25,
            help="Share of the examples held out for testing (default 0.25).",
        )
        parser.add_argument(
            "--shipped-only",
            action="store_true",
            help="Use only the shipped labelled set.",
        )
        parser.add_argument(
            "--threshold",
            type=float,
            default=None,
            help="Near-duplicate threshold to evaluate (default: the setting).",
        )
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args, **options):
        if not 0.05 <= options["test_size"] <= 0.5:
            raise CommandError("--test-size phải nằm trong khoảng 0,05 đến 0,5.")
        threshold = options["threshold"]
        if threshold is not None and not 0 < threshold < 1:
            raise CommandError("--threshold phải nằm trong khoảng (0, 1).")
        examples = selectors.training_examples(
            include_admin=not options["shipped_only"]
        )
        report = evaluation.evaluate_classifier(
            examples, test_size=options["test_size"]
        )
        grouping = evaluation.evaluate_dedupe(threshold)
        real = evaluation.evaluate_real()
        gazetteer = selectors.build_gazetteer()
        relevance = None
        if gazetteer.province:
            relevance, _wrong = evaluation.evaluate_relevance(
                gazetteer, evaluation.labelled_rows()
            )
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {
                        "classifier": report.as_dict(),
                        "dedupe": grouping.as_dict(),
                        "relevance": relevance.as_dict() if relevance else None,
                        "province": gazetteer.province,
                        "real_news": real.as_dict(),
                    },
                    ensure_ascii=False,
                )
            )
            return
        write = self.stdout.write
        write(
            f"Bộ phân loại chủ đề: huấn luyện {report.train_size} mẫu, kiểm tra "
            f"{report.test_size} mẫu; độ chính xác {report.accuracy:.3f}, "
            f"F1 trung bình {report.macro_f1:.3f}"
        )
        write(f"{'Chủ đề':<32} {'P':>6} {'R':>6} {'F1':>6} {'Số mẫu':>7}")
        for score in report.topics:
            write(
                f"{str(Topic(score.topic).label):<32} {score.precision:6.3f} "
                f"{score.recall:6.3f} {score.f1:6.3f} {score.support:7d}"
            )
        write(
            f"Gom tin trùng lặp (ngưỡng {grouping.threshold:g}, "
            f"{settings.TTDN_MONITORING['MINHASH_PERMUTATIONS']} hoán vị, "
            f"{grouping.documents} tin): độ chính xác {grouping.precision:.3f}, "
            f"độ phủ {grouping.recall:.3f} ({grouping.correct_pairs}/"
            f"{grouping.predicted_pairs} cặp gom đúng, "
            f"{grouping.true_pairs} cặp cần gom)"
        )
        if relevance:
            write(
                f"Liên quan đến {gazetteer.province} (từ điển địa danh, "
                f"{relevance.items} tin): độ chính xác {relevance.precision:.3f}, "
                f"độ phủ {relevance.recall:.3f}"
            )
        else:
            write(
                "Chưa đặt tỉnh phục vụ (Cấu hình danh mục): bỏ qua đánh giá liên quan."
            )
        self.write_real(real)

    def write_real(self, real):
        write = self.stdout.write
        fa = real.foreign_affairs
        write(
            f"Tin thật (bộ đánh giá, huấn luyện {real.train_size} mẫu, báo cáo "
            f"{real.test_size} tin):"
        )
        rows = [
            (
                "Tỉnh được nói đến (34 tỉnh hoặc toàn quốc): độ chính xác",
                real.province_accuracy,
                "province_accuracy",
            ),
            (
                f"Đối ngoại: F1 (P {fa['precision']:.3f}, R {fa['recall']:.3f})",
                fa["f1"],
                "foreign_affairs_f1",
            ),
            ("Chủ đề: độ chính xác", real.topic_accuracy, "topic_accuracy"),
            (
                f"Liên quan đến tỉnh nhà (Sơn La): F1 "
                f"(mọi tỉnh lần lượt: {real.relevance_all_provinces_f1:.3f})",
                real.home_relevance["f1"],
                "home_relevance_f1",
            ),
        ]
        for label, value, key in rows:
            target = evaluation.TARGETS[key]
            verdict = "đạt" if value >= target else "CHƯA ĐẠT"
            write(f"  {label}: {value:.3f} (mục tiêu ≥ {target:.2f}: {verdict})")
