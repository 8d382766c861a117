"""Benchmark of the monitoring pipeline (issue 6): items per second for
extract + language + dedupe (exact and MinHash LSH) + relevance + topic over local
HTML pages, in one process pinned to one core; peak memory.

    .venv/bin/python bench/monitoring_pipeline.py [--pages 2000] [--json]

The pages are generated under var/bench/monitoring/pages from the shipped test
material (labelled set and republished stories): each page has a site header,
navigation, related links and footer around 3–6 paragraphs, and about one page in
six republishes an earlier one with edits. The gazetteer is Sơn La's, built from
the vietnam-provinces package and the demo directory's names (no database). The
topic model is the one trained on the shipped set (trained first if missing; the
training time is reported apart). Results: bench/results/monitoring-pipeline.json.
"""

import os

# One core, one thread: numpy/scipy must not start thread pools.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ttdn.settings.dev")
OUT_DIR = ROOT / "var" / "bench" / "monitoring"
RESULTS = ROOT / "bench" / "results" / "monitoring-pipeline.json"

PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{title} | Báo {site}</title>
<meta property="article:published_time" content="2026-11-{day:02d}T0{hour}:15:00+07:00">
</head><body><header><a href="/">Báo {site}</a><nav>{nav}</nav></header>
<main><article><h1>{title}</h1><p class="sapo">{lead}</p>{paragraphs}
<p class="author">Phóng viên {site}</p></article>
<aside><h2>Tin liên quan</h2><ul>{related}</ul></aside></main>
<footer><p>Cơ quan chủ quản: Báo {site}. Giấy phép số {day}/GP-BTTTT.</p>
<p>Địa chỉ: số {hour} đường Thử Nghiệm. Điện thoại: 0212 3852 000.</p></footer>
</body></html>"""
SECTIONS = [
    "Thời sự",
    "Chính trị",
    "Kinh tế",
    "Xã hội",
    "Văn hóa",
    "Du lịch",
    "Quốc tế",
]


def generate(pages: int, seed: int = 6) -> list[Path]:
    from ttdn.monitoring import evaluation

    rng = random.Random(seed)
    rows = evaluation.labelled_rows()
    stories = [d for _i, _g, d in evaluation.dedupe_documents()]
    sentences = [s.strip() for r in rows for s in r["text"].split(". ") if len(s) > 40]
    folder = OUT_DIR / "pages"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.html"):
        old.unlink()
    made, paths = [], []
    for number in range(pages):
        if made and rng.random() < 0.17:
            title, lead, body = rng.choice(made)
            title = rng.choice(["(Tin lại) ", "", "Cập nhật: "]) + title
            body = body[: rng.randint(max(1, len(body) - 2), len(body))]
        else:
            if rng.random() < 0.5:
                row = rng.choice(rows)
                title, lead = row["title"], row["text"]
            else:
                text = rng.choice(stories)
                title, lead = text.split("\n", 1)
            body = rng.sample(sentences, rng.randint(3, 6))
            made.append((title, lead, body))
        paragraphs = "".join(f"<p>{s}.</p>" for s in body)
        nav = "".join(f'<a href="/{i}">{s}</a>' for i, s in enumerate(SECTIONS))
        related = "".join(
            f'<li><a href="/tin-{rng.randint(1, 9999)}.html">{r["title"]}</a></li>'
            for r in rng.sample(rows, 4)
        )
        html = PAGE.format(
            title=title,
            site=rng.choice(["Thử", "Mẫu", "Ví Dụ", "Tây Bắc Thử"]),
            day=rng.randint(1, 24),
            hour=rng.randint(1, 9),
            nav=nav,
            lead=lead,
            paragraphs=paragraphs,
            related=related,
        )
        path = folder / f"{number:05d}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    return paths


def son_la_gazetteer():
    """Sơn La's gazetteer from the package data and the demo directory's names,
    as selectors.build_gazetteer() builds it from the database."""
    from vietnam_provinces import Province, Ward

    from ttdn.directory.demo import content
    from ttdn.monitoring.gazetteer import Gazetteer, bare_name, tokens

    units, elsewhere = [], set()
    for ward in Ward.iter_all():
        if int(ward.province_code.value) == 14:
            units.append(ward.name)
        else:
            elsewhere.add(" ".join(tokens(bare_name(ward.name))))
    for province in Province.iter_all():
        if int(province.code.value) != 14:
            elsewhere.add(" ".join(tokens(bare_name(province.name))))
    organisations = [spec[1] for spec in content.PROVINCIAL]
    return Gazetteer.build(
        province="Tỉnh Sơn La",
        province_names=["Tỉnh Sơn La", "Son La Province"],
        units=[*units, "Huyện Vân Hồ", "Huyện Mộc Châu"],
        organisations=[o for o in organisations if o],
        partners=[n for spec in content.PARTNERS for n in (spec[1], spec[2]) if n],
        elsewhere=frozenset(elsewhere),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    import django

    django.setup()
    from django.conf import settings

    settings.TTDN_MONITORING = {
        **settings.TTDN_MONITORING,
        "MODEL_PATH": OUT_DIR / "topic-model.joblib",
    }
    from ttdn.monitoring import classifier, dedupe, extraction, language
    from ttdn.monitoring.pipeline import analyse

    paths = generate(args.pages)
    started = time.perf_counter()
    topics = classifier.get_classifier()
    topics.predict_one("khởi động")  # load pyvi's CRF model
    language.detect("khởi động")
    gazetteer = son_la_gazetteer()
    setup_seconds = time.perf_counter() - started

    config = settings.TTDN_MONITORING
    index = dedupe.StoryIndex(
        threshold=config["NEAR_DUPLICATE_THRESHOLD"],
        num_perm=config["MINHASH_PERMUTATIONS"],
    )
    seen_urls, seen_hashes = set(), set()
    stages = dict.fromkeys(("extract", "dedupe", "understand"), 0.0)  # CPU time
    counts = {"items": 0, "exact_duplicates": 0, "stories": 0, "relevant": 0}
    clock = time.process_time  # CPU time of this single-threaded process
    started = clock()
    wall_started = time.perf_counter()
    for path in paths:
        t0 = clock()
        html = path.read_text(encoding="utf-8")
        url = f"https://bao.example.org/{path.stem}.html"
        article = extraction.extract_article(html, url=url)
        t1 = clock()
        stages["extract"] += t1 - t0
        if article is None:
            continue
        c_hash = dedupe.content_hash(article.title, article.text)
        if article.url in seen_urls or c_hash in seen_hashes:
            counts["exact_duplicates"] += 1
            stages["dedupe"] += clock() - t1
            continue
        seen_urls.add(article.url)
        seen_hashes.add(c_hash)
        minhash = dedupe.signature(
            f"{article.title}\n{article.text}",
            num_perm=config["MINHASH_PERMUTATIONS"],
            shingle_size=config["SHINGLE_WORDS"],
        )
        match = index.best_match(minhash)
        story = match.story if match else path.stem
        counts["stories"] += match is None
        index.add(path.stem, minhash, story)
        t2 = clock()
        stages["dedupe"] += t2 - t1
        result = analyse(
            article.title, article.text, gazetteer=gazetteer, topics=topics
        )
        stages["understand"] += clock() - t2
        counts["items"] += 1
        counts["relevant"] += result.relevant
    elapsed = clock() - started
    wall = time.perf_counter() - wall_started
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "pages": len(paths),
        "cpu_seconds": round(elapsed, 2),
        "wall_seconds": round(wall, 2),
        "items_per_second": round(len(paths) / elapsed, 1),
        "items_per_second_wall": round(len(paths) / wall, 1),
        "ms_per_page": {k: round(v / len(paths) * 1000, 2) for k, v in stages.items()},
        "setup_seconds": round(setup_seconds, 2),
        "peak_memory_mb": round(peak_kib / 1024, 1),
        "cores": 1,
        **counts,
        "threshold": config["NEAR_DUPLICATE_THRESHOLD"],
        "python": sys.version.split()[0],
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"Monitoring pipeline: {result['pages']} pages in "
            f"{result['cpu_seconds']} s "
            f"of CPU = {result['items_per_second']} items/s on one core "
            f"({result['items_per_second_wall']} items/s by the wall clock, "
            f"{result['wall_seconds']} s) "
            f"(extract {result['ms_per_page']['extract']} ms, dedupe "
            f"{result['ms_per_page']['dedupe']} ms, language+relevance+topic "
            f"{result['ms_per_page']['understand']} ms per page); peak memory "
            f"{result['peak_memory_mb']} MB; {counts['items']} items stored, "
            f"{counts['exact_duplicates']} exact duplicates, {counts['stories']} "
            f"stories, {counts['relevant']} relevant. → {RESULTS.relative_to(ROOT)}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
