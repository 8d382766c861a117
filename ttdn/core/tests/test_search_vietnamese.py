"""Syllable terms, query tiers and whole-syllable highlights (no database)."""

from ttdn.core.search.highlight import excerpt, highlight
from ttdn.core.search.vietnamese import document_terms, parse, tiers


def test_document_terms_are_whole_syllables_pairs_and_title_terms():
    terms = document_terms(title="Đầu tư", body="Thủ tục, tượng đài.").split()
    assert terms == sorted([
        "=thủ", "=tượng", "=tục", "=đài", "=đầu", "=tư",
        "^=đầu", "^=tư", "^dau", "^dau_tu", "^tu",
        "dai", "dau", "dau_tu", "thu", "thu_tuc", "tu", "tuc", "tuong", "tuong_dai",
    ])  # fmt: skip
    # Punctuation ends a phrase: no "tuc_tuong" pair across the comma.
    assert "tuc_tuong" not in terms


def test_unaccented_query_tiers_phrase_then_words():
    assert tiers(parse("dau tu")) == [
        ("phrase_title", ("^dau_tu", "dau", "tu")),
        ("phrase", ("dau_tu", "dau", "tu")),
        ("all_title", ("^dau", "^tu", "dau", "tu")),
        ("all", ("dau", "tu")),
    ]


def test_accented_query_puts_exact_diacritics_first():
    assert [name for name, _ in tiers(parse("Lao động"))] == [
        "exact_phrase_title",
        "exact_phrase",
        "phrase_title",
        "phrase",
        "all_title",
        "all_exact",
        "all",
    ]
    assert tiers(parse("Lao động"))[1][1] == (
        "lao_dong",
        "=lao",
        "=động",
        "lao",
        "dong",
    )


def test_stop_words_are_not_required_but_count_in_the_phrase():
    query = parse("đầu tư của Nhật Bản")
    assert [s.folded for s in query.required] == ["dau", "tu", "nhat", "ban"]
    assert tiers(query)[-1] == ("all", ("dau", "tu", "nhat", "ban"))
    assert "tu_cua" in tiers(query)[1][1]
    # Only stop words: they are all required.
    assert tiers(parse("của và"))[-1] == ("all", ("cua", "va"))
    # "cua" typed without diacritics may be "cửa": it stays required.
    assert tiers(parse("cua khau"))[-1] == ("all", ("cua", "khau"))


def test_highlight_marks_whole_syllables_only():
    text = "Phong tục, hiện tượng và Tuyên Quang; tư vấn đầu tư"
    assert highlight(text, "tu") == (
        "Phong tục, hiện tượng và Tuyên Quang; <mark>tư</mark> vấn đầu <mark>tư</mark>"
    )


def test_accented_query_highlights_the_same_diacritics_only():
    text = "Đoàn công tác gặp doanh nghiệp trong giai đoạn mới"
    assert highlight(text, "đoàn") == (
        "<mark>Đoàn</mark> công tác gặp doanh nghiệp trong giai đoạn mới"
    )
    # Without diacritics every "doan" syllable is marked, never "doanh".
    assert highlight(text, "doan") == (
        "<mark>Đoàn</mark> công tác gặp doanh nghiệp trong giai <mark>đoạn</mark> mới"
    )


def test_highlight_escapes_html_and_skips_stop_words():
    html = highlight("<b>Đầu tư</b> của Lào", "đầu tư của Lào")
    assert (
        html
        == "&lt;b&gt;<mark>Đầu</mark> <mark>tư</mark>&lt;/b&gt; của <mark>Lào</mark>"
    )
    assert highlight("a < b", "  ") == "a &lt; b"


def test_excerpt_centres_on_the_phrase_not_the_first_syllable():
    text = ("đầu năm " * 40) + "thu hút đầu tư nước ngoài " + ("kết thúc " * 40)
    snippet = excerpt(text, "đầu tư", width=80)
    assert "thu hút đầu tư nước ngoài" in snippet
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert len(snippet) <= 84


def test_excerpt_returns_short_text_whole():
    assert excerpt("  Ngắn  gọn ", "x") == "Ngắn gọn"
