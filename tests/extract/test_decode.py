"""Decoding text files: UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK; empty and binary files refused."""

from __future__ import annotations

import pytest

from perfrules.errors import DocumentError
from perfrules.extract.decode import decode

TEXT = "2024年度部门整体支出绩效自评报告\n预算执行率92.84％\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.encode("gbk"), "gb18030"),
    ],
)
def test_encodings(data: bytes, encoding: str) -> None:
    assert decode(data, "r.txt") == (TEXT, encoding)


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\ufeff\n".encode("utf-8-sig")])
def test_empty_files_are_refused(data: bytes) -> None:
    with pytest.raises(DocumentError) as info:
        decode(data, "empty.txt")
    assert [p.code for p in info.value.problems] == ["empty-file"]
    assert "\n" not in info.value.render("en")


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        bytes(range(1, 32)) * 40,
        b"PK\x03\x04" + b"\x00\x14\x00\x06\x00" * 200,
    ],
)
def test_binary_files_are_refused(data: bytes) -> None:
    with pytest.raises(DocumentError) as info:
        decode(data, "image.txt")
    assert [p.code for p in info.value.problems] == ["binary-file"]
    assert info.value.render("zh").startswith("image.txt: ")
