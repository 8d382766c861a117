"""StreamField blocks shared by articles and fixed pages."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

from ttdn.documents.blocks import DocumentLinkBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image with caption")
        template = "portal/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "portal/blocks/quote.html"


class CaptionBlock(blocks.CharBlock):
    """A photo caption whose photo did not survive (articles imported from text)."""

    class Meta:
        icon = "image"
        label = _("Caption (photo not available)")
        template = "portal/blocks/caption.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "portal/blocks/heading.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Paragraph"), icon="pilcrow"
    )
    image = ImageWithCaptionBlock()
    caption = CaptionBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    table = TableBlock(
        label=_("Table"),
        table_options={"contextMenu": True, "startRows": 3, "startCols": 3},
        template="portal/blocks/table.html",
    )

    class Meta:
        block_counts = {}
