"""Language identification works offline: the model is inside the package and no
socket is opened."""

import socket
from pathlib import Path

import pytest

from ttdn.monitoring import language


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_model_ships_inside_the_package():
    import py3langid

    model = Path(py3langid.__file__).parent / "data" / "model.npz.xz"
    assert model.is_file()
    assert model.stat().st_size > 1_000_000


def test_detects_offline(no_network):
    language._identifier.cache_clear()
    assert (
        language.detect("Tỉnh Sơn La tiếp đoàn đại biểu tỉnh Hủa Phăn, nước Lào.")[0]
        == "vi"
    )
    assert (
        language.detect(
            "The province received a delegation from Laos to discuss trade."
        )[0]
        == "en"
    )
    assert language.detect("ແຂວງຫົວພັນ ຮ່ວມມືກັບແຂວງເຊີນລາ")[0] == "lo"
    assert language.detect("老挝华潘省代表团访问越南山罗省")[0] == "zh"
    assert language.detect("") == ("", 0.0)
