"""Searching records without diacritics through a folded ``search_text``
column: :func:`folded` makes the column's value, :func:`folded_search` finds
records by it (``van ho`` finds ``Xã Vân Hồ``, ``dak lak`` ``Tỉnh Đắk Lắk``).
Every back-office listing searches this way (``ttdn.core.admin``)."""

import re

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from .text import fold, nfc, squash_spaces

_WORD = re.compile(r"\w+", re.UNICODE)


def folded(*values) -> str:
    """Search text: every value folded (no diacritics, lower case) on one line,
    separated by `` | `` so a phrase never spans two values."""
    return " | ".join(squash_spaces(fold(nfc(str(v)))) for v in values if v)


def folded_search(
    queryset: QuerySet, query: str, *, field_name="search_text", rank=False
) -> QuerySet:
    """Entries whose folded search text has a word starting with each word of
    *query*, with or without diacritics. With *rank*, entries containing the
    words as a phrase come first (the queryset's ordering breaks ties)."""
    words = _WORD.findall(fold(nfc(query or "")))
    for word in words:
        queryset = queryset.filter(
            Q(**{f"{field_name}__startswith": word})
            | Q(**{f"{field_name}__contains": f" {word}"})
        )
    if rank and words:
        phrase = " ".join(words)
        ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
        queryset = queryset.annotate(
            _phrase_rank=Case(
                When(
                    Q(**{f"{field_name}__startswith": phrase})
                    | Q(**{f"{field_name}__contains": f" {phrase}"}),
                    then=Value(0),
                ),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("_phrase_rank", *ordering)
    return queryset
