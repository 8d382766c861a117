"""The document library in the back office (Văn bản): list with filters and
search (number, summary, signer, body, text of the files), file, edit and delete
through the services, inspect with the files and relations."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from ttdn.core.admin.views import ScopedInspectView
from ttdn.core.admin.viewsets import ServiceModelViewSet

from . import selectors, services
from .models import OfficialDocument


class TypeColumn(Column):
    def get_value(self, instance):
        return instance.get_doc_type_display()


class PublicColumn(Column):
    def get_value(self, instance):
        return _("yes") if instance.is_public else _("no")


class DocumentInspectView(ScopedInspectView):
    def get_field_display_value(self, field_name=None, field=None):
        # Wagtail looks for ``get_<name>_display_value`` on the view first; the
        # model has a field named "field", so for it this very method is found
        # and called without arguments.
        if field_name is None:
            return self.object.get_field_display()
        return super().get_field_display_value(field_name, field)


class OfficialDocumentViewSet(ServiceModelViewSet):
    inspect_view_class = DocumentInspectView
    model = OfficialDocument
    icon = "doc-full-inverse"
    menu_label = _("Official documents")
    menu_order = 250
    add_to_admin_menu = True
    name = "official_documents"
    url_prefix = "documents/library"
    list_filter = ["doc_type", "field", "is_public", "issuer"]
    ordering = ["-issued_on", "-pk"]
    list_per_page = 50
    list_display = [
        "number",
        TypeColumn(
            "doc_type", label=pgettext_lazy("library", "Type"), sort_key="doc_type"
        ),
        "summary",
        Column("issuer", label=_("Issuing body"), accessor="issuer"),
        Column("issued_on", label=_("Date of issue"), sort_key="issued_on"),
        PublicColumn("is_public", label=_("Public"), sort_key="is_public"),
    ]
    list_export = [
        "number",
        "get_doc_type_display",
        "summary",
        "issuer.name",
        "signer",
        "issued_on",
        "effective_from",
        "expires_on",
        "get_field_display",
        "is_public",
    ]
    export_headings = {
        "get_doc_type_display": pgettext_lazy("library", "Type"),
        "issuer.name": _("Issuing body"),
        "get_field_display": pgettext_lazy("library", "Field"),
    }
    export_filename = "van-ban"
    inspect_view_fields = [
        "doc_type",
        "number",
        "issuer",
        "signer",
        "issued_on",
        "effective_from",
        "expires_on",
        "summary",
        "field",
        "is_public",
        "created_by",
        "created_at",
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("doc_type"), FieldPanel("number")]),
                    FieldPanel("issuer"),
                    FieldPanel("signer"),
                    FieldRowPanel(
                        [
                            FieldPanel("issued_on"),
                            FieldPanel("effective_from"),
                            FieldPanel("expires_on"),
                        ]
                    ),
                    FieldPanel("summary"),
                    FieldRowPanel([FieldPanel("field"), FieldPanel("is_public")]),
                ],
                heading=pgettext_lazy("library", "Document"),
            ),
            InlinePanel("files", heading=_("Files"), label=_("File")),
            InlinePanel(
                "relations", heading=_("Related documents"), label=_("Relation")
            ),
        ]
    )
    formset_fields = {"files": "files", "relations": "relations"}

    def scope(self, user):
        return selectors.documents_for(user)

    def save_service(self, instance, *, user):
        return services.document_save(instance, user=user)

    def delete_service(self, instance, *, user):
        services.document_delete(instance, user=user)


class PublicDocumentChooseViewMixin:
    def get_object_list(self):
        return selectors.public_documents()

    def filter_object_list(self, objects):
        query = self.request.GET.get("q", "").strip()
        if query:
            objects = selectors.public_documents(selectors.LibraryFilters(query=query))
        return objects


class PublicDocumentChooseView(PublicDocumentChooseViewMixin, ChooseView):
    pass


class PublicDocumentChooseResultsView(PublicDocumentChooseViewMixin, ChooseResultsView):
    pass


class PublicDocumentChooserViewSet(ChooserViewSet):
    """Choose a public library entry (the article's document block)."""

    model = OfficialDocument
    icon = "doc-full-inverse"
    choose_one_text = _("Choose a public document")
    choose_another_text = pgettext_lazy("library", "Choose another document")
    choose_view_class = PublicDocumentChooseView
    choose_results_view_class = PublicDocumentChooseResultsView
    register_widget = False
    url_filter_parameters = []
    per_page = 20


document_chooser_viewset = PublicDocumentChooserViewSet("official_document_chooser")
