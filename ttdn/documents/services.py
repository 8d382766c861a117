"""Writes to the document library: filing a document with its files (their
text read for search, the files kept in the library's restricted collection)
and its relations, deleting one. Every write is validated first, saved all or
nothing and leaves an audit entry (``ttdn.core.audit``)."""

import datetime as dt
import re
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from ttdn.core import audit
from ttdn.core.errors import Errors, model_errors
from ttdn.core.folding import folded
from ttdn.pagecache import generation

from . import extraction, selectors
from .models import DocumentFile, DocumentRelation, OfficialDocument

PRIVATE_COLLECTION_NAME = "Văn bản (thư viện, hạn chế)"


def private_collection() -> Collection:
    """The collection holding the library's files: Wagtail serves its files
    (``/documents/…``) to logged-in users only; the portal serves the files of
    public documents through its own checked view."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PRIVATE_COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=PRIVATE_COLLECTION_NAME)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        CollectionViewRestriction.objects.create(
            collection=collection,
            restriction_type=CollectionViewRestriction.LOGIN,
        )
    return collection


def _search_text(document: OfficialDocument, texts: Iterable[str]) -> str:
    with translation.override("vi"):
        kind = str(document.get_doc_type_display())
        field = str(document.get_field_display())
    issuer = document.issuer.name if document.issuer_id else ""
    # "51 kh ubnd" too, so that each part of the symbol starts a word.
    parts = re.sub(r"[/\-.]+", " ", document.number)
    return folded(
        document.number,
        parts,
        kind,
        document.summary,
        document.signer,
        issuer,
        field,
        *texts,
    )


def _check_scope(document: OfficialDocument, *, user, stored=None) -> None:
    ids = selectors.editable_issuer_ids(user)
    if ids is None:
        return
    for issuer_id in {document.issuer_id, getattr(stored, "issuer_id", None)} - {None}:
        if issuer_id not in ids:
            raise PermissionDenied(
                _(
                    "Issuing body: you may file and change only the documents of "
                    "your own organisation."
                )
            )


def _errors(document: OfficialDocument) -> Errors:
    errors = model_errors(document, exclude=["search_text"])
    if document.number and document.issuer_id and document.issued_on:
        clash = OfficialDocument.objects.filter(
            number__iexact=document.number.strip(),
            issuer_id=document.issuer_id,
            issued_on__year=document.issued_on.year,
        ).exclude(pk=document.pk)
        if clash.exists():
            errors.add(
                "number",
                _(
                    "Number and symbol: %(number)s of this issuing body in "
                    "%(year)s is already in the library."
                )
                % {"number": document.number.strip(), "year": document.issued_on.year},
            )
    files = list(document.files.all())
    seen_files = set()
    for row in files:
        if row.file_id in seen_files:
            errors.add("files", _("Files: the same file is attached twice."))
        seen_files.add(row.file_id)
    seen = set()
    for relation in document.relations.all():
        if relation.target_id is None:
            continue
        if document.pk is not None and relation.target_id == document.pk:
            errors.add(
                "relations",
                _("Related documents: a document cannot be related to itself."),
            )
        key = (relation.kind, relation.target_id)
        if key in seen:
            errors.add(
                "relations",
                _("Related documents: the same relation is given twice."),
            )
        seen.add(key)
    return errors


def _prepare_files(document: OfficialDocument) -> list[str]:
    """Read the text of new or changed files and move them into the library's
    collection; the texts of all the document's files."""
    collection = private_collection()
    texts = []
    rows = list(document.files.all())
    for row in rows:
        wagtail_document = row.file
        if wagtail_document.collection_id != collection.pk:
            wagtail_document.collection = collection
            wagtail_document.save(update_fields=["collection"])
        current = wagtail_document.file_hash or ""
        if not current:
            wagtail_document._set_document_file_metadata()
            wagtail_document.save(update_fields=["file_hash", "file_size"])
            current = wagtail_document.file_hash
        if row.text_hash != current or not row.text_hash:
            row.text = extraction.file_text(wagtail_document)
            row.text_hash = current
        texts.append(row.text)
    # Held in memory so that saving the document saves the texts read here.
    document.files = rows
    return texts


@transaction.atomic
def document_save(document: OfficialDocument, *, user) -> OfficialDocument:
    """Create or update *document* with its (in-memory) files and relations."""
    stored = None
    if document.pk is not None:
        stored = OfficialDocument.objects.select_for_update().get(pk=document.pk)
    _check_scope(document, user=user, stored=stored)
    _errors(document).raise_if_any()
    if stored is None:
        document.created_by = user if getattr(user, "pk", None) else None
    texts = _prepare_files(document)
    document.search_text = _search_text(document, texts)
    audit.save_logged(document, user=user, relations=["files", "relations"])
    generation.bump()  # the portal's listing and pages show it
    return document


def document_create(
    *,
    doc_type: str,
    number: str,
    issuer,
    issued_on: dt.date,
    summary: str,
    user,
    files: Iterable = (),
    signer: str = "",
    field: str = "",
    is_public: bool = False,
    effective_from: dt.date | None = None,
    expires_on: dt.date | None = None,
) -> OfficialDocument:
    """File a new document (from code: a command, the demo, a report being
    issued); *files* are Wagtail documents."""
    document = OfficialDocument(
        doc_type=doc_type,
        number=number,
        issuer=issuer,
        issued_on=issued_on,
        summary=summary,
        signer=signer,
        is_public=is_public,
        effective_from=effective_from,
        expires_on=expires_on,
    )
    if field:
        document.field = field
    document.files = [DocumentFile(file=f) for f in files]
    return document_save(document, user=user)


def upload_file(*, title: str, name: str, data: bytes, user=None):
    """A Wagtail document holding *data*, in the library's collection."""
    document = get_document_model()(
        title=title,
        collection=private_collection(),
        uploaded_by_user=user if getattr(user, "pk", None) else None,
    )
    document.file.save(name, ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


@transaction.atomic
def document_delete(document: OfficialDocument, *, user) -> None:
    """Delete a document; refused while a record or another document points
    at it."""
    _check_scope(document, user=user)
    pointing = DocumentRelation.objects.filter(target=document).select_related(
        "document"
    )
    if pointing.exists():
        raise ValidationError(
            _(
                "This document cannot be deleted: %(documents)s refer to it. "
                "Remove those relations first."
            )
            % {"documents": ", ".join(r.document.number for r in pointing)}
        )
    try:
        with transaction.atomic():
            audit.log_delete(document, user=user)
            document.delete()
    except ProtectedError as error:
        names = ", ".join(sorted({str(o) for o in error.protected_objects})[:5])
        raise ValidationError(
            _("This document cannot be deleted: records point at it (%(records)s).")
            % {"records": names}
        ) from error
    generation.bump()
