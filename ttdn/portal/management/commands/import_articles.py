import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale

from ttdn.portal import services
from ttdn.portal.models import SectionPage


class Command(BaseCommand):
    help = gettext_lazy(
        "Import articles from saved portal pages (plain-text dumps or HTML) into a "
        "section. Each file is imported on its own; the exit code is non-zero when "
        "any file fails."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--section", required=True, metavar="SLUG", help=_("Section slug.")
        )
        parser.add_argument(
            "--locale",
            default=None,
            help=_("Language of the section (default: the default language)."),
        )
        parser.add_argument("--format", choices=["text", "html"], default="text")
        parser.add_argument(
            "--source", default="", help=_("Source used when a file names none.")
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help=_("Create drafts instead of publishing."),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Parse only; create nothing.")
        )
        parser.add_argument(
            "--json", action="store_true", help=_("One JSON object per file.")
        )
        parser.add_argument(
            "--max-bytes", type=int, default=settings.TTDN_IMPORT_MAX_BYTES
        )
        parser.add_argument(
            "--date-from-lead",
            action="store_true",
            help=_(
                "When a page has no date line, take the date that opens its lead "
                "(the day of the event) as the publication date."
            ),
        )

    def handle(self, *args, **options):
        section = self._section(options["section"], options["locale"])
        outcomes = services.import_files(
            options["paths"],
            section=section,
            fmt=options["format"],
            dry_run=options["dry_run"],
            source=options["source"],
            publish=not options["draft"],
            max_bytes=options["max_bytes"],
            date_from_lead=options["date_from_lead"],
        )
        for outcome in outcomes:
            if options["json"]:
                self.stdout.write(
                    json.dumps(self._as_json(outcome, options), ensure_ascii=False)
                )
            else:
                self._write_text(outcome, options)
        failed = [o for o in outcomes if not o.ok]
        if not options["json"]:
            self.stdout.write(
                _("%(ok)d of %(total)d files processed, %(failed)d failed.")
                % {
                    "ok": len(outcomes) - len(failed),
                    "total": len(outcomes),
                    "failed": len(failed),
                }
            )
        if failed:
            raise CommandError(
                _("%(count)d file(s) could not be imported.") % {"count": len(failed)},
                returncode=1,
            )

    def _section(self, slug, language_code):
        locale = (
            Locale.objects.filter(language_code=language_code).first()
            if language_code
            else Locale.get_default()
        )
        if locale is None:
            raise CommandError(
                _("--locale: unknown language “%(code)s”.") % {"code": language_code}
            )
        section = SectionPage.objects.filter(slug=slug, locale=locale).first()
        if section is None:
            known = ", ".join(
                SectionPage.objects.filter(locale=locale).values_list("slug", flat=True)
            )
            raise CommandError(
                _("--section: no section with slug “%(slug)s”. Known: %(known)s")
                % {"slug": slug, "known": known or "-"}
            )
        return section

    def _as_json(self, outcome, options):
        data = outcome.parsed.as_json() if outcome.parsed else {"path": outcome.path}
        if outcome.error:
            data["error"] = outcome.error
        if not options["dry_run"]:
            data["status"] = (
                "error"
                if outcome.error
                else ("created" if outcome.created else "exists")
            )
            if outcome.page is not None:
                data["page_id"] = outcome.page.pk
                data["url"] = outcome.page.url
        return data

    def _write_text(self, outcome, options):
        if outcome.error:
            self.stderr.write(f"✗ {outcome.path}: {outcome.error}")
            return
        title = outcome.parsed.title
        if options["dry_run"]:
            line = _("%(path)s: “%(title)s” (dry run, nothing created)")
        elif outcome.created:
            line = _("%(path)s: created “%(title)s” (page %(id)s)")
        else:
            line = _("%(path)s: already imported as page %(id)s, unchanged")
        page_id = outcome.page.pk if outcome.page else "-"
        self.stdout.write(
            "✓ " + line % {"path": outcome.path, "title": title, "id": page_id}
        )
        for warning in outcome.warnings:
            self.stdout.write("  ! " + warning)
