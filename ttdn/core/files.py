"""Who may download which uploaded file (docs/security.md#files).

Public: image renditions (``/media/images/…``) and documents linked from a live
portal page. Everything else — register attachments, plan and meeting documents,
issued reports — goes through a view that checks the user's permission and
organisation: a document may be downloaded by the user who uploaded it, by
someone allowed to manage documents in its collection, and by anyone who may see
a record that references it (that record's own scope, ``access.py``).

The checked file is sent by Django, or by the web server when ``TTDN_SENDFILE``
says so (``SENDFILE_BACKEND``: X-Accel-Redirect for nginx, X-Sendfile).
"""

import posixpath
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import ForeignKey, Q
from django.http import Http404, HttpResponse
from django.views.static import serve

from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from . import access

# Folders of MEDIA_ROOT anybody may read: Wagtail's image renditions.
PUBLIC_MEDIA_PREFIXES = ("images/",)


def serve_public_media(request, path):
    """``/media/`` in embedded mode: image renditions only; every other file
    (documents, issued reports) has its own checked view."""
    normalised = posixpath.normpath(path).lstrip("/")
    if normalised != path or not normalised.startswith(PUBLIC_MEDIA_PREFIXES):
        raise Http404
    return serve(request, normalised, document_root=settings.MEDIA_ROOT)


def is_public_document(document) -> bool:
    """True when a live portal page links to *document*."""
    references = ReferenceIndex.get_references_to(document).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    page_ids = [int(pk) for pk in references.values_list("object_id", flat=True)]
    return bool(page_ids) and Page.objects.live().filter(pk__in=page_ids).exists()


def _document_links(document_model):
    """(registered record model, lookup path to a document) pairs: the record's
    own document fields and its child rows' (modelcluster ParentalKey)."""
    links = []
    for model in access.registered():
        for field in model._meta.get_fields():
            if isinstance(field, ForeignKey) and field.related_model is document_model:
                links.append((model, field.name))
            elif field.one_to_many and field.auto_created:
                child = field.related_model
                for child_field in child._meta.get_fields():
                    if (
                        isinstance(child_field, ForeignKey)
                        and child_field.related_model is document_model
                    ):
                        accessor = field.get_accessor_name()
                        links.append((model, f"{accessor}__{child_field.name}"))
    return links


def records_referencing(document, user) -> bool:
    """True when *user* may see a record that references *document*."""
    Document = type(document)
    by_model: dict = {}
    for model, lookup in _document_links(Document):
        by_model.setdefault(model, []).append(lookup)
    for model, lookups in by_model.items():
        condition = Q()
        for lookup in lookups:
            condition |= Q(**{lookup: document.pk})
        if access.scope_for(model).visible(user).filter(condition).exists():
            return True
    return False


def may_download(user, document) -> bool:
    """May *user* download *document*? (Public ones: everybody.)"""
    if is_public_document(document):
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    if document.uploaded_by_user_id == user.pk:
        return True
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(type(document))
    if policy.user_has_permission_for_instance(user, "change", document):
        return True
    return records_referencing(document, user)


def documents_model():
    return get_document_model()


# --- sendfile backend (SENDFILE_BACKEND = "ttdn.core.files") ---------------------
def sendfile(request, filename, **kwargs):
    """Hand a checked file to the web server: nginx's X-Accel-Redirect to the
    internal location TTDN_SENDFILE_URL, or the X-Sendfile header."""
    response = HttpResponse()
    if settings.TTDN_SENDFILE == "nginx":
        relative = posixpath.relpath(str(filename), str(settings.MEDIA_ROOT))
        if relative.startswith(".."):
            raise Http404
        base = settings.TTDN_SENDFILE_URL.rstrip("/")
        response["X-Accel-Redirect"] = f"{base}/{quote(relative)}"
    else:
        response["X-Sendfile"] = str(filename)
    return response


def send_checked_file(request, fieldfile, *, filename: str, content_type: str):
    """A response sending *fieldfile* (already checked), as an attachment."""
    from wagtail.utils import sendfile_streaming_backend
    from wagtail.utils.sendfile import sendfile as wagtail_sendfile

    options = {
        "attachment": True,
        "attachment_filename": filename,
        "mimetype": content_type,
    }
    if not getattr(settings, "SENDFILE_BACKEND", None):
        options["backend"] = sendfile_streaming_backend.sendfile
    response = wagtail_sendfile(request, fieldfile.path, **options)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
