"""Legacy encodings: Windows-1258, UTF-8 with a BOM, mislabelled charsets."""

import codecs
import unicodedata

import pytest

from ttdn.monitoring.decoding import decode, encode_cp1258

TEXT = "Tỉnh Sơn La tiếp đoàn đại biểu tỉnh Hủa Phăn; Đắk Lắk, Quỳnh Nhai, Mường Lèo."


def test_windows_1258_declared_in_header():
    data = encode_cp1258(TEXT)
    assert data != TEXT.encode("cp1258", errors="ignore")  # tone marks combine
    text, codec = decode(data, "text/html; charset=windows-1258")
    assert text == TEXT
    assert unicodedata.is_normalized("NFC", text)
    assert codec == "cp1258"


def test_windows_1258_declared_in_meta():
    page = f'<html><head><meta charset="windows-1258"></head><body>{TEXT}</body></html>'
    text, codec = decode(encode_cp1258(page), "text/html")
    assert TEXT in text
    assert codec == "cp1258"


def test_utf8_with_bom():
    text, codec = decode(codecs.BOM_UTF8 + TEXT.encode(), "text/html; charset=utf-8")
    assert text == TEXT
    assert codec == "utf-8"


def test_utf8_mislabelled_as_latin1():
    text, codec = decode(TEXT.encode(), "text/html; charset=ISO-8859-1")
    assert text == TEXT
    assert codec == "utf-8"


def test_decomposed_utf8_is_normalised():
    nfd = unicodedata.normalize("NFD", TEXT)
    text, _codec = decode(nfd.encode(), "text/html")
    assert text == TEXT


def test_latin1_page_really_latin1():
    text, codec = decode("Café crème".encode("cp1252"), "text/html; charset=iso-8859-1")
    assert text == "Café crème"
    assert codec == "cp1252"


@pytest.mark.parametrize("label", ["", "text/html; charset=bogus-charset"])
def test_undeclared_legacy_bytes_guessed(label):
    data = "Hôm nay trời đẹp quá, chúng tôi đi chơi.".encode("utf-16-le")
    text, _codec = decode(codecs.BOM_UTF16_LE + data, label)
    assert text == "Hôm nay trời đẹp quá, chúng tôi đi chơi."
