"""Import a delegation register from an Excel workbook (.xlsx, openpyxl).

Every row is validated first; if any row has a problem nothing is imported and
the report lists each problem with its row, column and message (Vietnamese).
Otherwise every row becomes a delegation entered after the fact (closed, history
action ``import``), all in one transaction. Format: docs/affairs.md#importing-a-
register.
"""

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from zipfile import BadZipFile

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from ttdn.accounts.selectors import user_roles
from ttdn.core.folding import folded_search
from ttdn.core.text import fold, nfc, squash_spaces
from ttdn.directory.models import ForeignPartner, Organisation
from ttdn.directory.selectors import resolve_country

from . import services
from .choices import Direction, FundingSource, GuestClass
from .machines import PROCESSORS
from .models import Delegation, DelegationCountry, DelegationPartner

MAX_ROWS = 5000

# Column headings (the file format; matching ignores case and diacritics).
REFERENCE = "Số hiệu"
DIRECTION = "Hướng"
TITLE = "Tên đoàn"
COUNTRIES = "Quốc gia"
PARTNERS = "Đối tác"
UNIT = "Đơn vị chủ trì"
PURPOSE = "Mục đích"
START = "Từ ngày"
END = "Đến ngày"
PLACES = "Địa điểm"
PERSONS = "Số người"
FUNDING = "Nguồn kinh phí"
GUEST_CLASS = "Hạng khách"
NOTES = "Ghi chú"

COLUMNS = [
    REFERENCE,
    DIRECTION,
    TITLE,
    COUNTRIES,
    PARTNERS,
    UNIT,
    PURPOSE,
    START,
    END,
    PLACES,
    PERSONS,
    FUNDING,
    GUEST_CLASS,
    NOTES,
]
REQUIRED = [DIRECTION, TITLE, COUNTRIES, UNIT, START, END, PERSONS]
COLUMN_HELP = {
    REFERENCE: "Không bắt buộc; duy nhất (ví dụ 15/2016/ĐV).",
    DIRECTION: "Bắt buộc: “Đoàn vào” hoặc “Đoàn ra”.",
    TITLE: "Bắt buộc.",
    COUNTRIES: "Bắt buộc; tên hoặc mã ISO (Lào, CHDCND Lào, LA); nhiều nước cách "
    "nhau bằng dấu chấm phẩy.",
    PARTNERS: "Không bắt buộc; tên đối tác trong danh mục (Tỉnh Hủa Phăn), cách "
    "nhau bằng dấu chấm phẩy.",
    UNIT: "Bắt buộc; tên cơ quan, đơn vị trong danh mục (Sở Ngoại vụ tỉnh Sơn La).",
    PURPOSE: "Không bắt buộc.",
    START: "Bắt buộc; ngày (dd/mm/yyyy).",
    END: "Bắt buộc; ngày (dd/mm/yyyy), không sau hôm nay.",
    PLACES: "Không bắt buộc.",
    PERSONS: "Bắt buộc; số nguyên dương (số lượt người của đoàn).",
    FUNDING: "Không bắt buộc: ngân sách nhà nước, đối tác chi trả, kinh phí của "
    "đơn vị, nhiều nguồn.",
    GUEST_CLASS: "Không bắt buộc, chỉ đoàn vào: đặc biệt, A, B, C.",
    NOTES: "Không bắt buộc.",
}
SAMPLE = {
    REFERENCE: "01/2016/ĐV",
    DIRECTION: "Đoàn vào",
    TITLE: "Đoàn công tác tỉnh Hủa Phăn",
    COUNTRIES: "Lào",
    PARTNERS: "Tỉnh Hủa Phăn",
    UNIT: "Ủy ban nhân dân tỉnh Sơn La",
    PURPOSE: "Trao đổi kinh nghiệm quản lý biên giới",
    START: "12/01/2016",
    END: "14/01/2016",
    PLACES: "Thành phố Sơn La",
    PERSONS: "12",
    FUNDING: "ngân sách nhà nước",
    GUEST_CLASS: "B",
    NOTES: "",
}
# Model field → column, for the problems the services report.
FIELD_COLUMNS = {
    "reference": REFERENCE,
    "direction": DIRECTION,
    "title": TITLE,
    "countries": COUNTRIES,
    "partners": PARTNERS,
    "organisation": UNIT,
    "purpose": PURPOSE,
    "start_date": START,
    "end_date": END,
    "places": PLACES,
    "declared_person_count": PERSONS,
    "funding_source": FUNDING,
    "guest_class": GUEST_CLASS,
    "notes": NOTES,
}
_SPLIT = re.compile(r"[;\n]+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")

DIRECTIONS = {
    "doanvao": Direction.INCOMING,
    "vao": Direction.INCOMING,
    "in": Direction.INCOMING,
    "incoming": Direction.INCOMING,
    "doanra": Direction.OUTGOING,
    "ra": Direction.OUTGOING,
    "out": Direction.OUTGOING,
    "outgoing": Direction.OUTGOING,
}
FUNDING_SOURCES = {
    "ngansachnhanuoc": FundingSource.STATE_BUDGET,
    "ngansach": FundingSource.STATE_BUDGET,
    "nsnn": FundingSource.STATE_BUDGET,
    "doitacchitra": FundingSource.PARTNER,
    "doitac": FundingSource.PARTNER,
    "kinhphicuadonvi": FundingSource.OWN,
    "donvi": FundingSource.OWN,
    "tuchi": FundingSource.OWN,
    "nhieunguon": FundingSource.MIXED,
    **{value: value for value in FundingSource.values},
}
GUEST_CLASSES = {
    "dacbiet": GuestClass.SPECIAL,
    "special": GuestClass.SPECIAL,
    "a": GuestClass.A,
    "b": GuestClass.B,
    "c": GuestClass.C,
}


def key(text) -> str:
    """Headings and choices compare without case, diacritics or punctuation."""
    return _NOT_ALNUM.sub("", fold(nfc(str(text or ""))))


@dataclass(frozen=True)
class Problem:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    problems: list[Problem] = field(default_factory=list)
    created: list[Delegation] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass
class _Row:
    number: int
    delegation: Delegation
    members: list = field(default_factory=list)


def template_workbook() -> bytes:
    """An empty register with the column headings, and a sheet explaining them."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Sổ đăng ký"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    guide = workbook.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Cách nhập", "Ví dụ"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        guide.append([column, COLUMN_HELP[column], SAMPLE[column]])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return squash_spaces(nfc(str(value))).strip()


def _day(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007
        except ValueError:
            continue
    raise ValueError(text)


def _organisation(name: str, day: dt.date | None):
    """The organisation named (or short-coded) *name*, preferring the one valid
    on *day*; ``(organisation, problem)``."""
    folded = key(name)
    found = folded_search(
        Organisation.objects.all(), name
    ) | Organisation.objects.filter(short_code=name)
    candidates = [
        o for o in found.distinct() if key(o.name) == folded or o.short_code == name
    ]
    if day is not None and len(candidates) > 1:
        valid = [o for o in candidates if o.is_in_force_on(day)]
        candidates = valid or candidates
    if not candidates:
        return None, _(
            "“%(name)s” is not in the directory of organisations; add it there "
            "first or correct the name."
        ) % {"name": name}
    if len(candidates) > 1:
        return None, _(
            "“%(name)s” matches several organisations (%(names)s); write the full name."
        ) % {"name": name, "names": ", ".join(o.name for o in candidates[:5])}
    return candidates[0], None


def _partner(name: str, countries: list):
    folded = key(name)
    candidates = [
        p
        for p in folded_search(ForeignPartner.objects.select_related("country"), name)
        if folded in (key(p.name), key(p.original_name))
    ]
    in_countries = [p for p in candidates if p.country_id in {c.pk for c in countries}]
    candidates = in_countries or candidates
    if not candidates:
        return None, _(
            "“%(name)s” is not in the directory of foreign partners; add it there "
            "first or leave the column empty."
        ) % {"name": name}
    if len(candidates) > 1:
        return None, _("“%(name)s” matches several foreign partners.") % {"name": name}
    return candidates[0], None


def read_rows(upload):
    """(header map, data rows as (row number, values)) or raise ValueError with a
    message."""
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as error:
        raise ValueError(
            _("The file is not an Excel workbook (.xlsx) that can be read.")
        ) from error
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = next(rows, None)
    if not header:
        raise ValueError(_("The first sheet is empty."))
    wanted = {key(column): column for column in COLUMNS}
    columns = {}
    for index, heading in enumerate(header):
        column = wanted.get(key(heading))
        if column is not None and column not in columns:
            columns[column] = index
    data = []
    for number, values in enumerate(rows, start=2):
        if values is None or all(_text(v) == "" for v in values):
            continue
        data.append((number, values))
        if len(data) > MAX_ROWS:
            raise ValueError(
                _("The register has more than %(max)s rows; split it.")
                % {"max": MAX_ROWS}
            )
    workbook.close()
    return columns, data


def _parse(number: int, values, columns, problems: list) -> _Row | None:
    def cell(column):
        index = columns.get(column)
        if index is None or index >= len(values):
            return None
        return values[index]

    def problem(column, message):
        problems.append(Problem(number, column, str(message)))

    before = len(problems)
    for column in REQUIRED:
        if _text(cell(column)) == "":
            problem(column, _("Required: fill it in."))
    direction = DIRECTIONS.get(key(cell(DIRECTION)))
    if _text(cell(DIRECTION)) and direction is None:
        problem(DIRECTION, _("Write “Đoàn vào” (incoming) or “Đoàn ra” (outgoing)."))
    start = end = None
    for column in (START, END):
        raw = cell(column)
        if _text(raw) == "":
            continue
        try:
            value = _day(raw)
        except ValueError:
            problem(
                column,
                _("“%(value)s” is not a date; write it as dd/mm/yyyy.")
                % {"value": _text(raw)},
            )
            continue
        if column == START:
            start = value
        else:
            end = value
    persons = None
    raw_persons = _text(cell(PERSONS))
    if raw_persons:
        if raw_persons.isdigit() and int(raw_persons) > 0:
            persons = int(raw_persons)
        else:
            problem(
                PERSONS,
                _("“%(value)s” is not a positive whole number.")
                % {"value": raw_persons},
            )
    countries = []
    for name in _SPLIT.split(_text(cell(COUNTRIES)).replace(",", ";")):
        name = name.strip()
        if not name:
            continue
        country = resolve_country(name)
        if country is None:
            problem(
                COUNTRIES,
                _("“%(name)s” is not a known country name or ISO code.")
                % {"name": name},
            )
        else:
            countries.append(country)
    partners = []
    for name in _SPLIT.split(_text(cell(PARTNERS))):
        name = name.strip()
        if not name:
            continue
        partner, message = _partner(name, countries)
        if message:
            problem(PARTNERS, message)
        else:
            partners.append(partner)
    organisation = None
    unit_name = _text(cell(UNIT))
    if unit_name:
        organisation, message = _organisation(unit_name, start)
        if message:
            problem(UNIT, message)
    funding = ""
    if _text(cell(FUNDING)):
        funding = FUNDING_SOURCES.get(key(cell(FUNDING)))
        if funding is None:
            problem(
                FUNDING,
                _(
                    "“%(value)s” is not a funding source (ngân sách nhà nước, đối "
                    "tác chi trả, kinh phí của đơn vị, nhiều nguồn)."
                )
                % {"value": _text(cell(FUNDING))},
            )
            funding = ""
    guest_class = ""
    if _text(cell(GUEST_CLASS)):
        guest_class = GUEST_CLASSES.get(key(cell(GUEST_CLASS)))
        if guest_class is None:
            problem(
                GUEST_CLASS,
                _("“%(value)s” is not a guest class (đặc biệt, A, B, C).")
                % {"value": _text(cell(GUEST_CLASS))},
            )
            guest_class = ""
    if len(problems) > before:
        return None
    delegation = Delegation(
        reference=_text(cell(REFERENCE)),
        direction=direction,
        title=_text(cell(TITLE)),
        organisation=organisation,
        purpose=_text(cell(PURPOSE)),
        start_date=start,
        end_date=end,
        places=_text(cell(PLACES)),
        declared_person_count=persons,
        funding_source=funding,
        guest_class=guest_class,
        notes=_text(cell(NOTES)),
    )
    delegation.country_links = [DelegationCountry(country=c) for c in countries]
    delegation.partner_links = [DelegationPartner(partner=p) for p in partners]
    return _Row(number, delegation)


def _record_problems(row: _Row, problems: list, *, today: dt.date) -> None:
    delegation = row.delegation
    errors = services.validate_record(delegation)
    for field_name, messages in errors.items():
        column = FIELD_COLUMNS.get(field_name, "—")
        for message in messages:
            problems.append(Problem(row.number, column, str(message)))
    if delegation.end_date and delegation.end_date > today:
        problems.append(
            Problem(
                row.number,
                END,
                _(
                    "%(day)s has not come yet; the register only takes delegations "
                    "that took place."
                )
                % {"day": f"{delegation.end_date:%d/%m/%Y}"},
            )
        )


def _problem_order(problem: Problem):
    position = COLUMNS.index(problem.column) if problem.column in COLUMNS else 99
    return problem.row, position


def import_register(upload, *, user) -> ImportResult:
    """Validate every row of *upload*; import all rows or none."""
    if not (user_roles(user) & PROCESSORS) or not user.has_perm(
        "affairs.add_delegation"
    ):
        raise PermissionDenied(
            _("Only foreign-affairs officers may import a delegation register.")
        )
    result = ImportResult()
    try:
        columns, data = read_rows(upload)
    except ValueError as error:
        result.problems.append(Problem(1, "—", str(error)))
        return result
    missing = [column for column in REQUIRED if column not in columns]
    if missing:
        result.problems.append(
            Problem(
                1,
                ", ".join(missing),
                _("Missing column(s); use the headings of the template."),
            )
        )
        return result
    if not data:
        result.problems.append(Problem(2, "—", _("The register has no rows.")))
        return result
    result.rows = len(data)
    today = timezone.localdate()
    parsed: list[_Row] = []
    references: dict[str, int] = {}
    for number, values in data:
        row = _parse(number, values, columns, result.problems)
        if row is None:
            continue
        reference = row.delegation.reference
        if reference:
            if reference in references:
                result.problems.append(
                    Problem(
                        number,
                        REFERENCE,
                        _("“%(ref)s” is also on row %(row)s.")
                        % {"ref": reference, "row": references[reference]},
                    )
                )
            references.setdefault(reference, number)
        _record_problems(row, result.problems, today=today)
        parsed.append(row)
    if result.problems:
        result.problems.sort(key=_problem_order)
        return result
    try:
        with transaction.atomic():
            for row in parsed:
                delegation = row.delegation
                links = (
                    [link.country for link in delegation.country_links.all()],
                    [link.partner for link in delegation.partner_links.all()],
                )
                result.created.append(
                    services.register_past_delegation(
                        delegation,
                        user=user,
                        countries=links[0],
                        partners=links[1],
                        action="import",
                        comment=_("Imported from %(file)s, row %(row)s.")
                        % {"file": getattr(upload, "name", "XLSX"), "row": row.number},
                    )
                )
    except ValidationError as error:
        result.created = []
        for field_name, messages in error.message_dict.items():
            for message in messages:
                result.problems.append(
                    Problem(row.number, FIELD_COLUMNS.get(field_name, "—"), message)
                )
    return result
