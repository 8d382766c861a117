"""The judged query set: nDCG@10, precision and recall per query and on average.

    .venv/bin/python bench/search_quality.py                       # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ttdn_x \\
        .venv/bin/python bench/search_quality.py                   # PostgreSQL

Creates a throw-away test database (as the tests do), publishes the judged
articles of ttdn/portal/tests/search/judged.py, runs every query through the
portal search and prints the figures. Never part of `make test`; the test
ttdn/portal/tests/search/test_search_quality.py keeps the means at ≥ 0.9.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ttdn.settings.test")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    from ttdn.portal.search import evaluation
    from ttdn.portal.selectors import default_home
    from ttdn.portal.tests.search import judged

    setup_test_environment()
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        home = default_home()
        keys = evaluation.load_corpus(home, judged.ARTICLES)
        scores = evaluation.evaluate(judged.QUERIES, keys, locale_id=home.locale_id)
        print(f"{connection.vendor}: {len(judged.ARTICLES)} articles")
        print(f"{'query':<28} {'nDCG@10':>8} {'P':>6} {'R@10':>6}")
        for s in scores:
            print(f"{s.query:<28} {s.ndcg:>8.3f} {s.precision:>6.2f} {s.recall:>6.2f}")
        means = evaluation.means(scores)
        print(f"{'mean of ' + str(len(scores)):<28}", end=" ")
        print(" ".join(f"{v:>7.3f}" for v in means.values()))
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
