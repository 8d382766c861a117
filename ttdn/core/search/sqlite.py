"""SQLite FTS5: fold the indexed text and every query in Python."""

from modelsearch.backends.database.sqlite import sqlite as sqlite_backend
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from ttdn.core.text import fold


def fold_query(query):
    if isinstance(query, PlainText):
        return PlainText(
            fold(query.query_string), operator=query.operator, boost=query.boost
        )
    if isinstance(query, Phrase):
        return Phrase(fold(query.query_string))
    return query


class FoldingObjectIndexer(sqlite_backend.ObjectIndexer):
    def prepare_value(self, value):
        return fold(super().prepare_value(value))


class FoldingSQLiteIndex(sqlite_backend.SQLiteIndex):
    def add_items(self, model, objs):
        # Same as SQLiteIndex.add_items, with the folding indexer.
        search_fields = model.get_search_fields()
        if not search_fields:
            return
        indexers = [FoldingObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {ix.id: (ix.title, ix.autocomplete, ix.body) for ix in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed_ids = frozenset(
            entries.filter(object_id__in=data.keys()).values_list(
                "object_id", flat=True
            )
        )
        for object_id in indexed_ids:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            [
                sqlite_backend.IndexEntry(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
                if object_id not in indexed_ids
            ]
        )
        self._refresh_title_norms()


class FoldingSQLiteQueryCompiler(sqlite_backend.SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(fold_query(query), config=config)


class FoldingSQLiteAutocompleteCompiler(sqlite_backend.SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(fold_query(query), config=config)


class FoldingSQLiteSearchBackend(sqlite_backend.SQLiteSearchBackend):
    index_class = FoldingSQLiteIndex
    query_compiler_class = FoldingSQLiteQueryCompiler
    autocomplete_query_compiler_class = FoldingSQLiteAutocompleteCompiler
