"""The document library on the portal: listing with filters and search,
detail with downloads, the download itself. Public documents only; a document
or file that is not public answers 404 whoever asks."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from . import selectors
from .forms import LibraryFilterForm

PER_PAGE = 20


@require_GET
def library(request):
    form = LibraryFilterForm(
        request.GET or None,
        issuers=selectors.public_issuers(),
        years=selectors.public_years(),
    )
    filters = selectors.LibraryFilters(
        query=(form.value("q") or "").strip(),
        doc_type=form.value("type") or "",
        field=form.value("field") or "",
        issuer_id=form.value("issuer"),
        year=form.value("year"),
    )
    documents = selectors.public_documents(filters)
    page_obj = Paginator(documents, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "documents/library.html",
        {
            "form": form,
            "filters": filters,
            "filtered": any(
                (
                    filters.query,
                    filters.doc_type,
                    filters.field,
                    filters.issuer_id,
                    filters.year,
                )
            ),
            "page_obj": page_obj,
            "query": filters.query,
        },
    )


@require_GET
def detail(request, pk: int):
    document = selectors.public_document(pk)
    if document is None:
        raise Http404
    return render(
        request,
        "documents/detail.html",
        {
            "document": document,
            "files": list(document.files.select_related("file")),
            "related": selectors.related_documents(document, public_only=True),
            "validity": selectors.validity(document, on=timezone.localdate()),
        },
    )


@require_GET
def download(request, pk: int, file_pk: int):
    row = selectors.public_file(pk, file_pk)
    if row is None:
        raise Http404
    wagtail_document = row.file
    try:
        handle = wagtail_document.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=wagtail_document.filename,
        content_type=wagtail_document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = f"public, max-age={settings.TTDN_PAGE_CACHE['TTL']}"
    return response
