from wagtail import hooks

from .viewsets import OfficialDocumentViewSet


@hooks.register("register_admin_viewset")
def register_documents():
    return OfficialDocumentViewSet()
