from wagtail import hooks

from .viewsets import OfficialDocumentViewSet, document_chooser_viewset


@hooks.register("register_admin_viewset")
def register_documents():
    return OfficialDocumentViewSet()


@hooks.register("register_admin_viewset")
def register_document_chooser():
    return document_chooser_viewset
