"""Benchmark of the document library's search over the files' text (issue 14):
time of a portal search (``documents.selectors.public_documents`` with a query:
folded LIKE over ``search_text``, which holds every file's text) against the plain
listing (baseline, no query) in the same run, on N documents with long texts.

    .venv/bin/python bench/document_library.py [--documents 2000] [--chars 20000]

Runs on a throw-away database (SQLite by default; DATABASE_URL for PostgreSQL).
Results: bench/results/document-library.json.
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ttdn.settings.test")
RESULTS = ROOT / "bench" / "results" / "document-library.json"

TEXT = (
    "công tác thông tin đối ngoại tỉnh sơn la hợp tác quốc tế lào kế hoạch triển khai "
    "nhiệm vụ các sở ban ngành ủy ban nhân dân huyện xã tuyên truyền quảng bá hình ảnh "
    "đầu tư du lịch biên giới văn hóa giáo dục nông nghiệp an ninh quốc phòng đoàn ra "
    "đoàn vào hội nghị thỏa thuận viện trợ phi chính phủ báo cáo kết quả thực hiện"
)
WORDS = TEXT.split()


def _text(rng: random.Random, chars: int) -> str:
    out, size = [], 0
    while size < chars:
        word = rng.choice(WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)


def _timed(function, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--chars", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        results = run(args)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    for key, value in results.items():
        print(f"{key}: {value}")


def run(args) -> dict:
    import datetime as dt

    from django.core.paginator import Paginator
    from django.db import connection

    from ttdn.core.folding import folded
    from ttdn.directory.models import Organisation
    from ttdn.documents import selectors
    from ttdn.documents.models import OfficialDocument

    rng = random.Random(14)
    issuer = Organisation.objects.create(name="Ủy ban nhân dân tỉnh Thử")
    rows = []
    for n in range(args.documents):
        text = _text(rng, args.chars)
        if n % 100 == 0:  # 1 % of the files name the Hủa Phăn memorandum
            text += " biên bản ghi nhớ hợp tác với tỉnh Hủa Phăn"
        summary = f"Văn bản số {n + 1} về công tác đối ngoại"
        number = f"{n + 1}/KH-UBND"
        rows.append(
            OfficialDocument(
                doc_type="KH",
                number=number,
                issuer=issuer,
                issued_on=dt.date(2017, 1, 1) + dt.timedelta(days=n % 3000),
                summary=summary,
                is_public=True,
                search_text=folded(number, summary, text),
            )
        )
    OfficialDocument.objects.bulk_create(rows, batch_size=200)

    def page(filters):
        return list(
            Paginator(selectors.public_documents(filters), 20).get_page(1).object_list
        )

    baseline = _timed(lambda: page(selectors.LibraryFilters()), args.repeat)
    rare = _timed(
        lambda: page(selectors.LibraryFilters(query="hua phan ghi nho")), args.repeat
    )
    common = _timed(
        lambda: page(selectors.LibraryFilters(query="doi ngoai")), args.repeat
    )
    missing = _timed(
        lambda: page(selectors.LibraryFilters(query="khong co tu nay")), args.repeat
    )
    return {
        "database": connection.vendor,
        "documents": args.documents,
        "chars_per_document": args.chars,
        "listing_ms (baseline)": round(baseline, 1),
        "search_rare_phrase_ms": round(rare, 1),
        "search_common_words_ms": round(common, 1),
        "search_no_match_ms": round(missing, 1),
        "ratio_rare_vs_listing": round(rare / baseline, 1),
        "ratio_no_match_vs_listing": round(missing / baseline, 1),
    }


if __name__ == "__main__":
    main()
