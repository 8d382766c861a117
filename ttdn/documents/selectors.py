"""Reads of the document library.

Back office (:func:`documents_for`): administrators, foreign-affairs officers,
editors, approvers, monitors and steering-committee members see every
document; a focal point sees the documents issued by their own organisation
(and the bodies it took over) and every public one; nobody else any.

Portal (:func:`public_documents`, :func:`public_document`, :func:`public_file`):
public documents only, whoever asks — a document that is not public is not
found on the portal, not even by a logged-in officer.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from ttdn.accounts import roles
from ttdn.accounts.selectors import user_roles, visible_organisation_ids
from ttdn.core.folding import folded_search
from ttdn.directory.models import Organisation

from .choices import INVERSE_LABELS
from .models import DocumentFile, OfficialDocument

# Roles that read the whole library (the portal's editors publish from it).
LIBRARY_ROLES = frozenset(
    {
        roles.ADMINISTRATOR,
        roles.FOREIGN_AFFAIRS_OFFICER,
        roles.EDITOR,
        roles.APPROVER,
        roles.MONITOR,
        roles.STEERING_MEMBER,
    }
)


def sees_whole_library(user) -> bool:
    return bool(user_roles(user) & LIBRARY_ROLES)


def editable_issuer_ids(user) -> frozenset | None:
    """``None``: the user may file documents of any issuing body; otherwise the
    ids of the bodies whose documents they may file and change."""
    if sees_whole_library(user):
        return None
    return visible_organisation_ids(user) or frozenset()


def documents_for(user) -> QuerySet[OfficialDocument]:
    queryset = OfficialDocument.objects.select_related("issuer")
    if not getattr(user, "is_authenticated", False):
        return queryset.none()
    ids = editable_issuer_ids(user)
    if ids is None:
        return queryset
    return queryset.filter(Q(issuer_id__in=ids) | Q(is_public=True))


@dataclass(frozen=True)
class LibraryFilters:
    query: str = ""
    doc_type: str = ""
    field: str = ""
    issuer_id: int | None = None
    year: int | None = None


def public_documents(filters: LibraryFilters | None = None) -> QuerySet:
    """Public documents, newest first, filtered; ``query`` searches the
    number, summary, signer, issuing body and the text of the files, without
    diacritics (phrase matches first)."""
    filters = filters or LibraryFilters()
    queryset = OfficialDocument.objects.filter(is_public=True).select_related("issuer")
    if filters.doc_type:
        queryset = queryset.filter(doc_type=filters.doc_type)
    if filters.field:
        queryset = queryset.filter(field=filters.field)
    if filters.issuer_id:
        queryset = queryset.filter(issuer_id=filters.issuer_id)
    if filters.year:
        queryset = queryset.filter(issued_on__year=filters.year)
    if filters.query:
        queryset = folded_search(queryset, filters.query, rank=True)
    return queryset


def public_issuers():
    """The bodies that issued at least one public document (the filter's
    choices)."""
    ids = OfficialDocument.objects.filter(is_public=True).values("issuer_id")
    return Organisation.objects.filter(pk__in=ids).order_by("name")


def public_years() -> list[int]:
    dates = OfficialDocument.objects.filter(is_public=True).dates(
        "issued_on", "year", order="DESC"
    )
    return [day.year for day in dates]


def public_document(pk: int) -> OfficialDocument | None:
    return (
        OfficialDocument.objects.filter(is_public=True, pk=pk)
        .select_related("issuer")
        .first()
    )


def public_file(document_pk: int, file_pk: int) -> DocumentFile | None:
    """A file of a public document (``None`` otherwise)."""
    return (
        DocumentFile.objects.filter(
            pk=file_pk, document_id=document_pk, document__is_public=True
        )
        .select_related("file")
        .first()
    )


@dataclass(frozen=True)
class Related:
    label: str
    document: OfficialDocument


def related_documents(document: OfficialDocument, *, public_only: bool) -> list:
    """The documents this one replaces, amends, implements or refers to, and
    those that do so to it ("replaced by"), as (label, document) rows."""
    rows = []
    outgoing = document.relations.select_related("target", "target__issuer")
    incoming = document.related_from.select_related("document", "document__issuer")
    for relation in outgoing:
        if public_only and not relation.target.is_public:
            continue
        rows.append(Related(str(relation.get_kind_display()), relation.target))
    for relation in incoming:
        if public_only and not relation.document.is_public:
            continue
        rows.append(Related(str(INVERSE_LABELS[relation.kind]), relation.document))
    return rows


NOT_YET, IN_FORCE, EXPIRED = "not_yet", "in_force", "expired"


def validity(document: OfficialDocument, *, on: dt.date) -> str:
    """Whether the document is in force on *on*: ``not_yet`` (before its
    effective date), ``expired`` (after its expiry date), else ``in_force``.
    Replacement by another document is shown by the relations, not here."""
    if document.effective_from and on < document.effective_from:
        return NOT_YET
    if document.expires_on and on > document.expires_on:
        return EXPIRED
    return IN_FORCE
