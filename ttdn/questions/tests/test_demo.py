import pytest

from ttdn.directory import services as directory_services
from ttdn.directory.demo.loader import load_demo as load_directory
from ttdn.questions.demo.loader import load_demo
from ttdn.questions.models import Question

pytestmark = pytest.mark.django_db


def test_demo_questions(client, home):
    directory_services.load_reference_data(province_codes=["14"])
    load_directory()
    assert load_demo() == 3
    assert load_demo() == 0
    assert sorted(Question.objects.values_list("status", flat=True)) == [
        "published",
        "published",
        "received",
    ]
    html = client.get("/hoi-dap/").content.decode()
    assert "giấy thông hành biên giới Việt Nam – Lào" in html
    waiting = Question.objects.get(status="received")
    assert waiting.organisation.name == "Sở Ngoại vụ tỉnh Sơn La"
    lookup = client.get("/hoi-dap/tra-cuu/", {"ma": waiting.code}).content.decode()
    assert "Đã tiếp nhận" in lookup
