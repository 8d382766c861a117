import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ttdn.core.text import excerpt, fold, fold_aligned, highlight, nfc, query_terms


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


def test_highlight_marks_accented_words_for_unaccented_query():
    html = highlight("Công tác thông tin đối ngoại năm 2016", "doi ngoai")
    assert html == "Công tác thông tin <mark>đối</mark> <mark>ngoại</mark> năm 2016"


def test_highlight_escapes_html_and_marks_only_word_starts():
    html = highlight("<b>Đầu tư</b> vào Lào; đầu", "dau")
    assert html == "&lt;b&gt;<mark>Đầu</mark> tư&lt;/b&gt; vào Lào; <mark>đầu</mark>"


def test_highlight_without_terms_only_escapes():
    assert highlight("a < b", "  ") == "a &lt; b"


def test_excerpt_centres_on_first_match():
    text = ("mở đầu " * 60) + "đoàn khách Lào " + ("kết thúc " * 60)
    snippet = excerpt(text, "doan khach", width=80)
    assert "đoàn khách" in snippet
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert len(snippet) <= 84


def test_excerpt_returns_short_text_whole():
    assert excerpt("  Ngắn  gọn ", "x") == "Ngắn gọn"
