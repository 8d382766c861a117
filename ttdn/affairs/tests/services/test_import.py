"""Importing a delegation register (XLSX): every row is checked first; with any
problem nothing is imported and every problem is reported with its row and
column."""

import datetime as dt
import io

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from openpyxl import Workbook, load_workbook

from ttdn.affairs import importer
from ttdn.affairs.models import Delegation
from ttdn.core.models import TransitionLog
from ttdn.directory.tests.factories import CountryAliasFactory, ForeignPartnerFactory

pytestmark = pytest.mark.django_db

HEADINGS = [
    "Số hiệu",
    "Hướng",
    "Tên đoàn",
    "Quốc gia",
    "Đối tác",
    "Đơn vị chủ trì",
    "Mục đích",
    "Từ ngày",
    "Đến ngày",
    "Địa điểm",
    "Số người",
    "Nguồn kinh phí",
    "Hạng khách",
    "Ghi chú",
]
UNIT = "Sở Văn hóa, Thể thao và Du lịch tỉnh Thử"


def workbook(rows, headings=HEADINGS) -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(headings)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile("so-dang-ky-2016.xlsx", buffer.getvalue())


def good_row(reference, **changes):
    row = {
        "Số hiệu": reference,
        "Hướng": "Đoàn vào",
        "Tên đoàn": "Đoàn tỉnh Hủa Phăn",
        "Quốc gia": "CHDCND Lào",
        "Đối tác": "Tỉnh Hủa Phăn",
        "Đơn vị chủ trì": UNIT,
        "Mục đích": "Hội đàm",
        "Từ ngày": dt.datetime(2016, 1, 12),
        "Đến ngày": "14/01/2016",
        "Địa điểm": "Thành phố Sơn La",
        "Số người": 12,
        "Nguồn kinh phí": "ngân sách nhà nước",
        "Hạng khách": "B",
        "Ghi chú": "",
    }
    row.update(changes)
    return [row[h] for h in HEADINGS]


@pytest.fixture
def directory(unit, laos):
    CountryAliasFactory(country=laos, name="CHDCND Lào")
    return ForeignPartnerFactory(
        name="Tỉnh Hủa Phăn", original_name="Houaphanh", country=laos
    )


def test_a_register_with_bad_rows_imports_nothing_and_reports_every_problem(
    directory, officer
):
    upload = workbook(
        [
            good_row("01/2016"),
            good_row("02/2016", **{"Hướng": "đoàn lên", "Từ ngày": "32/01/2016"}),
            good_row("03/2016", **{"Quốc gia": "Atlantis", "Số người": "mười"}),
            good_row("04/2016", **{"Đơn vị chủ trì": "Sở Không Có"}),
            good_row("01/2016"),
            good_row(
                "06/2016",
                **{"Hướng": "Đoàn ra", "Đến ngày": "14/01/2999", "Hạng khách": "A"},
            ),
            good_row("07/2016", **{"Từ ngày": "20/01/2016", "Đến ngày": "10/01/2016"}),
            [None] * len(HEADINGS),  # empty rows are skipped
            good_row("", **{"Tên đoàn": "", "Hạng khách": "Z", "Đối tác": "Tỉnh Mây"}),
        ]
    )
    result = importer.import_register(upload, user=officer)
    problems = [(p.row, p.column, p.message) for p in result.problems]
    assert problems == [
        (3, "Hướng", "Hãy ghi “Đoàn vào” hoặc “Đoàn ra”."),
        (
            3,
            "Từ ngày",
            "“32/01/2016” không phải là ngày; hãy ghi theo dạng dd/mm/yyyy.",
        ),
        (
            4,
            "Quốc gia",
            "“Atlantis” không phải là tên nước hoặc mã ISO đã biết.",
        ),
        (4, "Số người", "“mười” không phải là số nguyên dương."),
        (
            5,
            "Đơn vị chủ trì",
            "“Sở Không Có” không có trong danh mục cơ quan, đơn vị; hãy thêm vào danh "
            "mục trước hoặc sửa lại tên.",
        ),
        (6, "Số hiệu", "“01/2016” trùng với dòng 2."),
        (
            7,
            "Đến ngày",
            "Ngày 14/01/2999 chưa đến; sổ đăng ký chỉ nhận các đoàn đã thực hiện.",
        ),
        (7, "Hạng khách", "Hạng khách: chỉ đoàn vào mới có hạng khách."),
        (
            8,
            "Đến ngày",
            "Ngày kết thúc: ngày 10/01/2016 trước ngày bắt đầu 20/01/2016.",
        ),
        (8, "—", "Ngày kết thúc: không được trước ngày bắt đầu."),
        (10, "Tên đoàn", "Bắt buộc: hãy điền vào."),
        (
            10,
            "Đối tác",
            "“Tỉnh Mây” không có trong danh mục đối tác nước ngoài; hãy thêm vào danh "
            "mục trước hoặc để trống cột này.",
        ),
        (10, "Hạng khách", "“Z” không phải là hạng khách (đặc biệt, A, B, C)."),
    ]
    assert result.created == []
    assert not Delegation.objects.exists()
    assert not TransitionLog.objects.exists()


def test_a_clean_register_imports_every_row(directory, officer, unit, laos):
    upload = workbook(
        [
            good_row("01/2016"),
            good_row(
                "02/2016",
                **{
                    "Hướng": "Đoàn ra",
                    "Quốc gia": "LA",
                    "Đối tác": "houaphanh",
                    "Hạng khách": "",
                    "Số người": "4",
                    "Nguồn kinh phí": "",
                },
            ),
        ]
    )
    result = importer.import_register(upload, user=officer)
    assert result.problems == []
    assert [d.reference for d in result.created] == ["01/2016", "02/2016"]
    first, second = (
        Delegation.objects.get(reference=r) for r in ("01/2016", "02/2016")
    )
    assert (first.direction, first.status, first.person_count, first.is_historic) == (
        "in",
        "closed",
        12,
        True,
    )
    assert (first.start_date, first.end_date) == (
        dt.date(2016, 1, 12),
        dt.date(2016, 1, 14),
    )
    assert (first.organisation, first.countries, first.guest_class) == (
        unit,
        [laos],
        "b",
    )
    assert first.funding_source == "state_budget"
    assert (second.direction, second.person_count, second.partners) == (
        "out",
        4,
        [directory],
    )
    actions = set(TransitionLog.objects.values_list("action", flat=True))
    assert actions == {"import"}


def test_missing_columns(officer):
    upload = workbook([["x", "y"]], headings=["Tên đoàn", "Ghi chú"])
    result = importer.import_register(upload, user=officer)
    assert [(p.row, p.message) for p in result.problems] == [
        (1, "Thiếu cột; hãy dùng tiêu đề cột của mẫu.")
    ]
    assert result.problems[0].column == (
        "Hướng, Quốc gia, Đơn vị chủ trì, Từ ngày, Đến ngày, Số người"
    )


def test_not_a_workbook(officer):
    upload = SimpleUploadedFile("so.xlsx", b"not a zip file")
    result = importer.import_register(upload, user=officer)
    assert [p.message for p in result.problems] == [
        "Tệp không phải là sổ tính Excel (.xlsx) đọc được."
    ]


def test_an_empty_register(officer):
    result = importer.import_register(workbook([]), user=officer)
    assert [p.message for p in result.problems] == ["Sổ đăng ký không có dòng nào."]


def test_only_foreign_affairs_officers_import(focal_point, directory):
    with pytest.raises(PermissionDenied):
        importer.import_register(workbook([good_row("01/2016")]), user=focal_point)
    assert not Delegation.objects.exists()


def test_the_template_has_the_headings():
    book = load_workbook(io.BytesIO(importer.template_workbook()))
    assert [c.value for c in book.worksheets[0][1]] == HEADINGS
    assert book.worksheets[1].max_row == len(HEADINGS) + 1
