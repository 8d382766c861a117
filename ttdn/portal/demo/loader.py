"""Load the demo content through the services. Idempotent: a second run changes
nothing (every object is looked up before it is created)."""

import datetime as dt
import io
import math
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import escape

from wagtail.models import Collection, Locale
from wagtail.rich_text import RichText

from ttdn.core.models import PortalImage
from ttdn.portal import services
from ttdn.portal.importers import parse_text, read_input
from ttdn.portal.models import (
    ArticlePage,
    FooterText,
    GalleryIndexPage,
    GalleryPage,
    GalleryPhoto,
    HomePage,
    SectionPage,
    StandardPage,
    StateLink,
)

from . import content


def _paragraphs(texts):
    return [("paragraph", RichText(f"<p>{escape(t)}</p>")) for t in texts]


def _publish(page):
    page.save_revision().publish()


def _child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _translation(page, locale):
    return page.get_translation_or_none(locale)


def _translate(page, locale, **fields):
    """The page's translation into locale, created and published if missing."""
    existing = _translation(page, locale)
    if existing is not None:
        return existing.specific, False
    translated = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    _publish(translated)
    return translated, True


class DemoLoader:
    def __init__(self, stdout=None):
        self.stdout = stdout
        self.created = 0

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    @transaction.atomic
    def run(self):
        home = services.setup_site()
        vi = home.locale
        en = Locale.objects.filter(language_code="en").first()
        self.home(home, vi, en)
        sections = self.sections(home, en)
        self.seeds(sections, en)
        self.fixed_pages(home, en)
        self.gallery(home, en)
        self.footers(vi, en)
        self.state_links(vi, en)
        return self.created

    # --- pieces -------------------------------------------------------------------
    def home(self, home: HomePage, vi, en):
        wanted = content.SITE[vi.language_code]
        if home.title != wanted["title"] or home.intro != wanted["intro"]:
            home.title, home.draft_title = wanted["title"], wanted["title"]
            home.intro = wanted["intro"]
            home.save()
            _publish(home)
            self.created += 1
        if en is not None:
            en_home = _translation(home, en).specific
            wanted = content.SITE["en"]
            if en_home.title != wanted["title"] or en_home.intro != wanted["intro"]:
                en_home.title, en_home.draft_title = wanted["title"], wanted["title"]
                en_home.intro = wanted["intro"]
                en_home.slug = "home"
                en_home.save()
                _publish(en_home)
                self.created += 1

    def sections(self, home, en):
        result = {}
        for key, spec in content.SECTIONS.items():
            slug, title, intro = spec["vi"]
            section = _child(home, SectionPage, slug)
            if section is None:
                section = SectionPage(
                    title=title, slug=slug, intro=intro, show_in_menus=True
                )
                home.add_child(instance=section)
                _publish(section)
                self.created += 1
                self.log(f"+ chuyên mục {title}")
            if en is not None:
                slug_en, title_en, intro_en = spec["en"]
                _, made = _translate(
                    section, en, title=title_en, slug=slug_en, intro=intro_en
                )
                self.created += made
            result[key] = section
        return result

    def seeds(self, sections, en):
        for seed in content.SEEDS:
            path = content.SEEDS_DIR / seed["file"]
            parsed = parse_text(read_input(path, max_bytes=1_000_000), path=str(path))
            # Seed 003 prints no date line; its lead dates the event (6/7/2018),
            # which the demo takes as the page's date, as --date-from-lead does.
            parsed.with_lead_date()
            page, created = services.import_article(
                parsed=parsed,
                section=sections[seed["section"]],
                source=seed["source"],
                tags=seed["tags"],
                featured=seed.get("featured", False),
            )
            if created:
                self.created += 1
                self.log(f"+ bài {page.title}")
            translation = content.TRANSLATIONS.get(seed["file"])
            if en is not None and translation:
                self.translate_article(page, en, translation)

    def translate_article(self, page: ArticlePage, en, spec):
        if _translation(page, en) is not None:
            return
        translated = page.copy_for_translation(en)
        translated.title = translated.draft_title = spec["title"]
        translated.slug = services.unique_child_slug(
            translated.get_parent(), spec["title"]
        )
        translated.lead = spec["lead"]
        translated.body = _paragraphs(spec["paragraphs"])
        translated.source = spec["source"]
        translated.import_fingerprint = ""
        translated.save()
        translated.tags.set(list(page.tags.names()))
        translated.save()
        _publish(translated)
        self.created += 1

    def fixed_pages(self, home, en):
        for spec in content.FIXED_PAGES:
            vi_spec = spec["vi"]
            page = _child(home, StandardPage, vi_spec["slug"])
            if page is None:
                page = StandardPage(
                    title=vi_spec["title"],
                    slug=vi_spec["slug"],
                    lead=vi_spec["lead"],
                    body=self._standard_body(vi_spec, "vi"),
                    show_in_menus=False,
                )
                home.add_child(instance=page)
                _publish(page)
                self.created += 1
            if en is not None:
                en_spec = spec["en"]
                _, made = _translate(
                    page,
                    en,
                    title=en_spec["title"],
                    draft_title=en_spec["title"],
                    slug=en_spec["slug"],
                    lead=en_spec["lead"],
                    body=self._standard_body(en_spec, "en"),
                )
                self.created += made

    def _standard_body(self, spec, language):
        body = _paragraphs(spec["paragraphs"])
        if "table" in spec:
            body.append(
                (
                    "table",
                    {
                        "data": spec["table"],
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "table_caption": "",
                    },
                )
            )
        body.append(("caption", content.DEMO_NOTE[language]))
        return body

    def gallery(self, home, en):
        slug, title, intro = content.GALLERY["vi"]
        index = _child(home, GalleryIndexPage, slug)
        if index is None:
            index = GalleryIndexPage(title=title, slug=slug, intro=intro)
            index.show_in_menus = True
            home.add_child(instance=index)
            _publish(index)
            self.created += 1
        if en is not None:
            slug_en, title_en, intro_en = content.GALLERY["en"]
            _, made = _translate(
                index,
                en,
                title=title_en,
                draft_title=title_en,
                slug=slug_en,
                intro=intro_en,
            )
            self.created += made
        for album in content.ALBUMS:
            page = _child(index, GalleryPage, album["slug"])
            if page is None:
                page = GalleryPage(
                    title=album["title"]["vi"],
                    slug=album["slug"],
                    date=dt.date.fromisoformat(album["date"]),
                )
                for order, (key, colour, label) in enumerate(album["photos"]):
                    image = self.illustration(key, colour, label)
                    page.photos.add(
                        GalleryPhoto(
                            image=image, caption=image.caption, sort_order=order
                        )
                    )
                index.add_child(instance=page)
                _publish(page)
                self.created += 1
            if en is not None and _translation(page, en) is None:
                translated = page.copy_for_translation(en)
                translated.title = translated.draft_title = album["title"]["en"]
                translated.save()
                _publish(translated)
                self.created += 1

    def illustration(self, key, colour, label) -> PortalImage:
        title = f"{label} (tranh minh họa)"
        image = PortalImage.objects.filter(title=title).first()
        if image is not None:
            return image
        image = PortalImage(
            title=title,
            description=(
                f"Tranh minh họa tạo tự động: dãy núi nhiều lớp dưới bầu trời, "
                f"ghi chữ “{label}”"
            ),
            caption=f"{label} — tranh minh họa cho bản trình diễn",
            collection=Collection.get_first_root_node(),
            file=ImageFile(io.BytesIO(_draw(colour, label)), name=f"demo-{key}.jpg"),
        )
        image.save()
        self.created += 1
        return image

    def state_links(self, vi, en):
        for locale in (vi, en):
            if locale is None or StateLink.objects.filter(locale=locale).exists():
                continue
            for order, (kind, title_vi, title_en, url) in enumerate(
                content.STATE_LINKS
            ):
                StateLink.objects.create(
                    locale=locale,
                    kind=kind,
                    title=title_vi if locale.language_code == "vi" else title_en,
                    url=url,
                    sort_order=order,
                )
                self.created += 1

    def footers(self, vi, en):
        for locale in (vi, en):
            if locale is None or FooterText.objects.filter(locale=locale).exists():
                continue
            FooterText.objects.create(
                locale=locale, **content.FOOTER[locale.language_code]
            )
            self.created += 1


def _font(size):
    from PIL import ImageFont

    for candidate in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    ):
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return None


def _draw(colour, label, size=(1200, 800)) -> bytes:
    """A landscape illustration: sky gradient, layered hills, a label."""
    from PIL import Image, ImageDraw

    width, height = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    r, g, b = colour
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=(int(235 - 60 * t), int(230 - 40 * t), int(245 - 20 * t)),
        )
    for layer in range(4):
        shade = 1 - layer * 0.18
        base = height * (0.45 + layer * 0.13)
        points = [(0, height)]
        for x in range(0, width + 40, 40):
            wave = math.sin(x / (130 + 40 * layer) + layer * 1.7) * 60
            wave += math.sin(x / 47 + layer) * 12
            points.append((x, base + wave))
        points.append((width, height))
        draw.polygon(points, fill=(int(r * shade), int(g * shade), int(b * shade)))
    font = _font(72)
    if font is not None:
        draw.text(
            (60, 60),
            label,
            fill=(255, 255, 255),
            font=font,
            stroke_width=3,
            stroke_fill=(40, 40, 40),
        )
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


def load_demo(stdout=None) -> int:
    """Load everything; returns how many objects were created or changed."""
    return DemoLoader(stdout=stdout).run()
