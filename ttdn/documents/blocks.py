"""StreamField blocks of the library, for pages that link to its entries (the
portal's article body)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail import blocks

from .viewsets import document_chooser_viewset

OfficialDocumentChooserBlock = document_chooser_viewset.get_block_class(
    name="OfficialDocumentChooserBlock", module_path="ttdn.documents.blocks"
)


class DocumentLinkBlock(blocks.StructBlock):
    """A library entry in an article: number, summary, link and its files (a
    document that is no longer public is left out when the page is shown)."""

    document = OfficialDocumentChooserBlock(label=pgettext_lazy("library", "Document"))
    note = blocks.CharBlock(
        label=_("Note"),
        required=False,
        max_length=255,
        help_text=_("Optional, e.g. why the article refers to it."),
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Official document")
        template = "documents/blocks/document_link.html"
