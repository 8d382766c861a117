"""Page factories: pages are created under a parent with add_child and published."""

import datetime as dt
import io

from django.core.files.images import ImageFile
from django.utils.html import escape

from wagtail.models import Collection
from wagtail.rich_text import RichText

import factory

from ttdn.core.models import PortalImage
from ttdn.core.timefmt import VN_TZ
from ttdn.portal import models


def paragraphs(*texts):
    return [("paragraph", RichText(f"<p>{escape(t)}</p>")) for t in texts]


class PageFactory(factory.django.DjangoModelFactory):
    """Pass parent=<page>; publish=False leaves a draft."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Trang {n}")
    slug = factory.Sequence(lambda n: f"trang-{n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, tags=(), **kwargs):
        page = model_class(*args, **kwargs)
        page.live = False
        parent.add_child(instance=page)
        if tags:
            page.tags.add(*tags)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        return page


class SectionPageFactory(PageFactory):
    class Meta:
        model = models.SectionPage

    title = factory.Sequence(lambda n: f"Chuyên mục {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-{n}")
    show_in_menus = True


class ArticlePageFactory(PageFactory):
    class Meta:
        model = models.ArticlePage

    title = factory.Sequence(lambda n: f"Tin bài số {n}")
    slug = factory.Sequence(lambda n: f"tin-bai-{n}")
    lead = "Tóm tắt tin bài."
    body = factory.LazyFunction(lambda: paragraphs("Nội dung tin bài."))
    author = "Lê Hồng"
    published_at = factory.Sequence(
        lambda n: dt.datetime(2017, 1, 1, 7, 0, tzinfo=VN_TZ) + dt.timedelta(days=n)
    )


class StandardPageFactory(PageFactory):
    class Meta:
        model = models.StandardPage

    lead = "Giới thiệu chung."
    body = factory.LazyFunction(lambda: paragraphs("Nội dung trang."))


class GalleryIndexPageFactory(PageFactory):
    class Meta:
        model = models.GalleryIndexPage

    title = "Thư viện ảnh"
    slug = "thu-vien-anh"


class GalleryPageFactory(PageFactory):
    class Meta:
        model = models.GalleryPage

    date = dt.date(2026, 10, 1)


def make_image(title="Ảnh thử", description="Ảnh thử nghiệm màu đỏ", size=(640, 480)):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="JPEG")
    image = PortalImage(
        title=title,
        description=description,
        collection=Collection.get_first_root_node(),
        file=ImageFile(io.BytesIO(buffer.getvalue()), name="test.jpg"),
    )
    image.save()
    return image
