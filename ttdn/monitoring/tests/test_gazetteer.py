import pytest

from ttdn.monitoring.gazetteer import Gazetteer

GAZETTEER = Gazetteer.build(
    province="Tỉnh Sơn La",
    province_names=["Tỉnh Sơn La", "Son La Province"],
    former_names=[],
    units=[
        "Xã Vân Hồ",
        "Phường Mộc Châu",
        "Xã Đoàn Kết",
        "Xã Tân Yên",
        "Xã Sông Mã",
        "Phường Tô Hiệu",
    ],
    organisations=["Sở Ngoại vụ tỉnh Sơn La"],
    people=["Lò Văn Thử"],
    partners=["Tỉnh Hủa Phăn", "Houaphanh"],
    elsewhere=frozenset({"tan yen"}),
)


@pytest.mark.parametrize(
    "text",
    [
        "Tỉnh Sơn La tiếp đoàn khách",
        "Son La đón khách du lịch",
        "SƠN LA ĐÓN KHÁCH",
        "Sơn  La đón khách",
        "Sơn\nLa đón khách",
        "Sơn-La đón khách",
        "son la",
        "Du lịch Moc Chau mùa hoa",
        "Người dân xã Vân Hồ thu hoạch mận",
        "Ông Lò Văn Thử phát biểu",
        "Lễ ra mắt tại xã Đoàn Kết",
        "Xa Tan Yen tổ chức hội nghị",
    ],
)
def test_relevant_without_regard_to_diacritics_case_spacing(text):
    result = GAZETTEER.match(text)
    assert result.relevant is True
    assert result.province == "Tỉnh Sơn La"


@pytest.mark.parametrize(
    "text",
    [
        "Sơn Lâm là một xã của tỉnh khác",  # word boundary: "son lam"
        "Tinh thần đoàn kết của nhân dân hai nước",  # a commune named like a word
        "Huyện Tân Yên cũ của tỉnh Bắc Giang",  # the name is another province's too
        "Thuyền bè trên sông Mã ở Thanh Hóa",  # a river, not the commune
        "Đoàn Tỉnh Hủa Phăn thăm Thanh Hóa",  # a partner alone
        "Houaphanh province celebrates",
        "Sơn Lao Đông",
        "",
    ],
)
def test_not_relevant(text):
    result = GAZETTEER.match(text)
    assert result.relevant is False
    assert result.province is None


def test_matches_listed_once_longest_first():
    result = GAZETTEER.match(
        "Sở Ngoại vụ tỉnh Sơn La làm việc với tỉnh Hủa Phăn; Sơn La, Tỉnh Sơn La."
    )
    assert result.matches == [
        "Sở Ngoại vụ tỉnh Sơn La",
        "Tỉnh Hủa Phăn",
        "Sơn La",
        "Tỉnh Sơn La",
    ]


def test_no_province_nothing_relevant():
    empty = Gazetteer([], province=None)
    assert empty.match("Tỉnh Sơn La").relevant is False
