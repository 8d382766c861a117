"""``manage.py generate_report KIND --from DATE --to DATE --output FILE``: a report
of the period in the Decree 30/2020 format (DOCX) or, for the kinds that have
one, its spreadsheet (XLSX), with the narrative suggested from the data. Nothing
is stored in the database; the file is written only when everything worked."""

import os
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ttdn.core.indicators import Period, parse_day
from ttdn.directory.models import Organisation
from ttdn.reports import services
from ttdn.reports.choices import ReportKind
from ttdn.reports.kinds import get_template


class Command(BaseCommand):
    help = (
        "Generate a report of a period: DOCX in the Decree 30/2020 format, or XLSX "
        "for kinds with a spreadsheet form (task_status). Kinds: "
        + ", ".join(ReportKind.values)
        + "."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "kind", help="ttdn_h1, ttdn_annual, foreign_affairs, task_status"
        )
        parser.add_argument(
            "--from",
            dest="start",
            required=True,
            help="First day, 2026-01-01 or 01/01/2026.",
        )
        parser.add_argument(
            "--to",
            dest="end",
            required=True,
            help="Last day, 2026-06-30 or 30/06/2026.",
        )
        parser.add_argument(
            "--output", required=True, help="The file to write: .docx or .xlsx."
        )
        parser.add_argument(
            "--organisation",
            type=int,
            help="Id of the issuing body (default: the foreign-affairs body).",
        )
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="Replace the output file if it exists.",
        )

    def handle(
        self,
        *args,
        kind,
        start,
        end,
        output,
        organisation=None,
        overwrite=False,
        **options,
    ):
        if kind not in ReportKind.values:
            raise CommandError(
                _("Unknown kind of report “%(kind)s”; choose one of: %(kinds)s.")
                % {"kind": kind, "kinds": ", ".join(ReportKind.values)}
            )
        try:
            period = Period(
                parse_day(start, field_label="--from"),
                parse_day(end, field_label="--to"),
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        path = Path(output).expanduser()
        extension = path.suffix.lower()
        if extension not in (".docx", ".xlsx"):
            raise CommandError(
                _("--output: “%(path)s” must end in .docx or .xlsx.") % {"path": output}
            )
        template = get_template(kind)
        if extension == ".xlsx" and not template.spreadsheet:
            raise CommandError(
                _(
                    "--output: the report “%(kind)s” has no spreadsheet form; write "
                    "a .docx file."
                )
                % {"kind": kind}
            )
        directory = path.parent if str(path.parent) else Path(".")
        if not directory.is_dir():
            raise CommandError(
                _("--output: the folder “%(folder)s” does not exist.")
                % {"folder": directory}
            )
        if not os.access(directory, os.W_OK):
            raise CommandError(
                _("--output: the folder “%(folder)s” is not writable.")
                % {"folder": directory}
            )
        if path.is_dir():
            raise CommandError(
                _("--output: “%(path)s” is a folder.") % {"path": output}
            )
        if path.exists() and not overwrite:
            raise CommandError(
                _("--output: “%(path)s” already exists; add --overwrite to replace it.")
                % {"path": output}
            )
        issuer = None
        if organisation is not None:
            issuer = Organisation.objects.filter(pk=organisation).first()
            if issuer is None:
                raise CommandError(
                    _("--organisation: no organisation has the id %(id)s.")
                    % {"id": organisation}
                )
        try:
            if extension == ".xlsx":
                content = services.generate_workbook(kind, period)
            else:
                content, _report = services.generate_document(
                    kind, period, issuing_organisation=issuer
                )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        handle, temporary = tempfile.mkstemp(
            dir=directory, prefix=".ttdn-", suffix=extension
        )
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(content)
            os.chmod(temporary, 0o644)
            os.replace(temporary, path)
        except OSError as error:
            Path(temporary).unlink(missing_ok=True)
            raise CommandError(
                _("--output: “%(path)s” could not be written (%(error)s).")
                % {"path": output, "error": error.strerror}
            ) from None
        self.stdout.write(
            _("Wrote %(path)s: %(kind)s, %(period)s (%(size)s bytes).")
            % {
                "path": path,
                "kind": ReportKind(kind).label,
                "period": period,
                "size": len(content),
            }
        )
