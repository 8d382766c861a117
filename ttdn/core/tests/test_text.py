import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttdn.core.text import fold, fold_aligned, nfc, query_terms


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Thông tin đối ngoại", "thong tin doi ngoai"),
        ("ĐẮK LẮK", "dak lak"),
        ("Đầu tư", "dau tu"),
        ("trưởng", "truong"),
        ("Sơn  La", "son  la"),
        ("Nghị định 42/2022/NĐ-CP", "nghi dinh 42/2022/nd-cp"),
    ],
)
def test_fold_removes_every_vietnamese_mark_and_lowercases(value, expected):
    assert fold(value) == expected


def test_fold_treats_nfd_input_like_nfc():
    nfd = unicodedata.normalize("NFD", "đối ngoại")
    assert nfd != "đối ngoại"
    assert fold(nfd) == "doi ngoai"


@given(st.text())
def test_fold_is_idempotent(value):
    assert fold(fold(value)) == fold(value)


@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_fold_aligned_keeps_positions(value):
    value = nfc(value)
    assert len(fold_aligned(value)) == len(value)


def test_query_terms_are_folded_unique_longest_first():
    assert query_terms("Đối ngoại đối NGOẠI tư") == ["ngoai", "doi", "tu"]
