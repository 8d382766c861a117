"""Wagtail search backend that finds Vietnamese text typed without diacritics.

``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "ttdn.core.search"``. The database
vendor picks the implementation, as modelsearch's own database backend does:

* PostgreSQL: the ``vietnamese_unaccent`` text-search configuration (unaccent +
  simple, created by ``core`` migration 0002) for both full-text and autocomplete.
* SQLite FTS5: FTS5's tokenizer cannot fold ``đ`` or letters with two marks, so
  the index text and every query are folded in Python (:func:`ttdn.core.text.fold`).

Both subclass modelsearch 1.3.2 internals, which pyproject.toml pins exactly.
"""

from django.db import connection


def SearchBackend(params):
    # Vendor modules are imported lazily: modelsearch's SQLite module needs the
    # SQLite-only FTS model, which does not exist on PostgreSQL.
    if connection.vendor == "postgresql":
        from .postgres import VietnamesePostgresSearchBackend

        return VietnamesePostgresSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as DefaultSearchBackend

    backend = DefaultSearchBackend(params)
    if (
        connection.vendor == "sqlite"
        and type(backend).__name__ == "SQLiteSearchBackend"
    ):
        from .sqlite import FoldingSQLiteSearchBackend

        return FoldingSQLiteSearchBackend(params)
    return backend
