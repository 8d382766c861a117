"""read_input: decoding, normalisation and refusal of malformed files."""

import unicodedata
from pathlib import Path

from django.utils import translation

import pytest

from ttdn.portal.importers import ArticleParseError, parse_text, read_input

VIETNAMESE = (
    "Hội nghị sơ kết công tác thông tin đối ngoại tỉnh Lai Châu năm 2018\n"
    "Ưu tiên quảng bá hình ảnh đất nước, con người Việt Nam; Ăn Tết cùng đồng bào.\n"
)
TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def reason(path, max_bytes: int = 10_000) -> str:
    with pytest.raises(ArticleParseError) as caught:
        read_input(path, max_bytes=max_bytes)
    assert caught.value.path == str(path)
    assert str(caught.value) == f"{path}: {caught.value.reason}"
    return caught.value.reason


def cp1258_bytes(text: str) -> bytes:
    """Encode like Windows-1258 software does.

    A plain NFD string cannot be encoded: the code page has precomposed
    â ê ô ă ơ ư đ but no combining circumflex, breve or horn. Only the five
    tone marks are written as combining characters.
    """
    chars = []
    for char in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in TONE_MARKS)
        base = unicodedata.normalize(
            "NFC", "".join(c for c in decomposed if c not in TONE_MARKS)
        )
        chars.append(base + tones)
    return "".join(chars).encode("cp1258")


# ---------------------------------------------------------------- good input


def test_utf8_is_returned_as_nfc(tmp_path):
    path = write(tmp_path, unicodedata.normalize("NFD", VIETNAMESE).encode("utf-8"))
    text = read_input(path, max_bytes=10_000)
    assert text == VIETNAMESE
    assert unicodedata.is_normalized("NFC", text)


def test_accepts_str_and_path(tmp_path):
    path = write(tmp_path, VIETNAMESE.encode("utf-8"))
    assert read_input(str(path), max_bytes=10_000) == read_input(path, max_bytes=10_000)


def test_utf8_bom_is_removed(tmp_path):
    path = write(tmp_path, b"\xef\xbb\xbf" + VIETNAMESE.encode("utf-8"))
    text = read_input(path, max_bytes=10_000)
    assert text == VIETNAMESE
    assert not text.startswith("\ufeff")


def test_windows_1258_is_decoded_and_composed(tmp_path):
    data = cp1258_bytes(VIETNAMESE)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\xec" in data or b"\xf2" in data  # combining tone marks really are used
    text = read_input(write(tmp_path, data), max_bytes=10_000)
    assert text == VIETNAMESE
    assert not any(mark in text for mark in TONE_MARKS)


def test_windows_1258_article_parses(tmp_path):
    dump = (
        "Thông tin đối ngoại\n\nĐẩy mạnh công tác thông tin đối ngoại\n"
        "Thứ Ba, 24/01/2017 07:00 (GMT+7)\n"
        "Xác định công tác thông tin đối ngoại là nhiệm vụ quan trọng của tỉnh.\n\nLê Hồng\n"
    )
    article = parse_text(
        read_input(write(tmp_path, cp1258_bytes(dump)), max_bytes=10_000)
    )
    assert article.title == "Đẩy mạnh công tác thông tin đối ngoại"
    assert article.author == "Lê Hồng"


def test_windows_1252_western_text(tmp_path):
    text = "Õhtuleht ja Ýmir: così, café – naïve “quoted” €5\n"
    assert read_input(write(tmp_path, text.encode("cp1252")), max_bytes=10_000) == text


def test_utf16_with_bom(tmp_path):
    path = write(tmp_path, VIETNAMESE.encode("utf-16"))
    assert read_input(path, max_bytes=10_000) == VIETNAMESE


# ----------------------------------------------------------------- bad input


def test_missing_file(tmp_path):
    assert reason(tmp_path / "missing.txt") == "File not found."


def test_directory(tmp_path):
    assert reason(tmp_path) == "Not a regular file."


def test_empty_file(tmp_path):
    assert reason(write(tmp_path, b"")) == "The file is empty."


@pytest.mark.parametrize(
    "data",
    [b"   \n\t\r\n  ", "\u00a0 \n\u3000".encode(), b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"],
)
def test_whitespace_only_file(tmp_path, data):
    assert reason(write(tmp_path, data)) == "The file contains only whitespace."


def test_file_over_max_bytes(tmp_path):
    path = write(tmp_path, ("Đối ngoại " * 20).encode("utf-8"))
    size = path.stat().st_size
    assert reason(path, max_bytes=size - 1) == (
        f"The file is too large: {size} bytes (the limit is {size - 1} bytes)."
    )
    assert read_input(path, max_bytes=size).startswith("Đối ngoại")


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: 2 GiB on paper, nothing on disk

    def refuse(*args, **kwargs):
        raise AssertionError("read_input opened a file that is over max_bytes")

    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert reason(path, max_bytes=1_000_000).startswith(
        "The file is too large: 2147483648 bytes"
    )


def test_binary_with_nul_bytes(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
    assert (
        reason(write(tmp_path, png)) == "The file looks binary: it contains NUL bytes."
    )


def test_binary_control_characters(tmp_path):
    data = bytes(range(1, 32)) * 20 + "Đối ngoại".encode()
    assert reason(write(tmp_path, data)) == (
        "The file looks binary: it is mostly control characters."
    )


@pytest.mark.parametrize(
    "data",
    [
        b"Tin t\x81c \x8d\x90 \x9d",  # bytes undefined in UTF-8, cp1258 and cp1252
        bytes(range(0xA1, 0x100)) * 4,  # decodes, but to a soup of symbols
    ],
)
def test_undecodable_bytes(tmp_path, data):
    assert reason(write(tmp_path, data)) == (
        "Cannot decode the file as UTF-8, Windows-1258 or Windows-1252 text."
    )


def test_reasons_go_through_gettext(tmp_path, monkeypatch):
    from ttdn.portal.importers import base

    monkeypatch.setattr(base, "_", lambda message: f"«{message}»")
    assert reason(tmp_path / "missing.txt") == "«File not found.»"
    assert reason(write(tmp_path, b"")) == "«The file is empty.»"
