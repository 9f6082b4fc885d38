"""Rule packs, configurations and profiles named by a path are read as untrusted files (issue 14, 9b).

A FIFO, ``/dev/zero``, a folder or an oversized file is refused with a
located problem (the file, code ``unreadable`` or ``too-large-file``) before
anything is read past the limit; a UTF-8 byte-order mark is accepted; text
that is not UTF-8 is an ``encoding`` problem. Never a hang, never a MemoryError.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from perfrules.document.textfile import MAX_SETTINGS_BYTES, read_settings
from perfrules.errors import ConfigError, PerfrulesError, ProfileError, RulePackError
from perfrules.rules.config import load_config
from perfrules.rules.pack import load_pack
from perfrules.scoring.profiles import load_profile

ROOT = Path(__file__).resolve().parents[2]

LOADERS: list[tuple[Callable[[str], object], type[PerfrulesError]]] = [
    (load_config, ConfigError),
    (load_pack, RulePackError),
    (load_profile, ProfileError),
]


def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


def _problem(loader: Callable[[str], object], error: type[PerfrulesError], path: str):  # type: ignore[no-untyped-def]
    with pytest.raises(error) as info:
        loader(path)
    (problem,) = info.value.problems
    return problem


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize(("loader", "error"), LOADERS)
def test_a_fifo_is_refused_without_blocking(
    loader: Callable[[str], object], error: type[PerfrulesError], tmp_path: Path
) -> None:
    path = str(fifo(tmp_path))  # no writer: reading it would block for ever
    problem = _problem(loader, error, path)
    assert (problem.code, problem.file) == ("unreadable", path)
    assert "not a regular file" in problem.message("en")
    assert "不是普通文件" in problem.message("zh")


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize(("loader", "error"), LOADERS)
def test_dev_zero_is_refused(loader: Callable[[str], object], error: type[PerfrulesError]) -> None:
    problem = _problem(loader, error, "/dev/zero")
    assert (problem.code, problem.file) == ("unreadable", "/dev/zero")


@pytest.mark.parametrize(("loader", "error"), LOADERS)
def test_a_folder_and_a_missing_file_are_refused(
    loader: Callable[[str], object], error: type[PerfrulesError], tmp_path: Path
) -> None:
    folder = tmp_path / "a.toml"
    folder.mkdir()
    assert _problem(loader, error, str(folder)).code == "unreadable"
    assert _problem(loader, error, str(tmp_path / "none.toml")).code == "unreadable"


@pytest.mark.parametrize(("loader", "error"), LOADERS)
def test_an_oversized_file_is_refused(
    loader: Callable[[str], object], error: type[PerfrulesError], tmp_path: Path
) -> None:
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (MAX_SETTINGS_BYTES + 1))
    problem = _problem(loader, error, str(big))
    assert (problem.code, problem.file) == ("too-large-file", str(big))
    assert f"limit of {MAX_SETTINGS_BYTES} bytes" in problem.message("en")
    assert f"超过 {MAX_SETTINGS_BYTES} 字节" in problem.message("zh")


@pytest.mark.parametrize(("loader", "error"), LOADERS)
def test_text_that_is_not_utf8(
    loader: Callable[[str], object], error: type[PerfrulesError], tmp_path: Path
) -> None:
    gbk = tmp_path / "gbk.toml"
    gbk.write_bytes('title = "湖北"\n'.encode("gbk"))
    assert _problem(loader, error, str(gbk)).code == "encoding"


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    config = tmp_path / "perfrules.toml"
    config.write_bytes(b'\xef\xbb\xbfselect = ["chain"]\n')
    assert load_config(config).select == ("chain",)
    pack = tmp_path / "pack.toml"
    source = (ROOT / "docs" / "examples" / "region-pack.toml").read_bytes()
    pack.write_bytes(b"\xef\xbb\xbf" + source)
    assert [r.id for r in load_pack(pack).rules] == ["PR901", "PR902"]
    profile = tmp_path / "mine.toml"
    profile.write_bytes(b'\xef\xbb\xbfid = "mine"\ntitle = "t"\nextends = "national"\n')
    assert load_profile(str(profile)).id == "mine"
    # the lines of problems are those of the file as written
    config.write_bytes(b'\xef\xbb\xbfselect = ["chain"]\n[severity]\nPR010 = "x"\n')
    with pytest.raises(ConfigError) as info:
        load_config(config)
    assert [(p.path, p.line) for p in info.value.problems] == [("severity.PR010", 3)]


def test_read_settings_gives_the_name_and_the_text(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text("a = 1\n", encoding="utf-8")
    assert read_settings(path, ConfigError) == (str(path), "a = 1\n")
    with pytest.raises(ConfigError):
        read_settings(path, ConfigError, limit=3)
