"""The on-disk cache: where it lives, atomic writes, and never a failure of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique import _cache


def test_the_folder_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(_cache.CACHE_DIR_ENV, raising=False)
    monkeypatch.setattr(_cache.sys, "platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert _cache.cache_dir() == str(tmp_path / "xdg" / "communique")
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    assert _cache.cache_dir() == str(tmp_path / ".cache" / "communique")
    monkeypatch.setenv(_cache.CACHE_DIR_ENV, str(tmp_path / "mine"))
    assert _cache.cache_dir() == str(tmp_path / "mine")
    monkeypatch.setenv(_cache.NO_CACHE_ENV, "1")
    assert _cache.cache_dir() is None
    assert _cache.read_bytes("x") is None
    assert _cache.write_bytes("x", b"data") is False
    assert not (tmp_path / "mine").exists()


def test_write_then_read_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(_cache.CACHE_DIR_ENV, str(tmp_path / "new" / "folder"))
    assert _cache.read_bytes("a.json") is None
    assert _cache.write_bytes("a.json", b"one") is True
    assert _cache.write_bytes("a.json", b"two") is True
    assert _cache.read_bytes("a.json") == b"two"
    assert sorted(p.name for p in (tmp_path / "new" / "folder").iterdir()) == ["a.json"]


def test_an_unwritable_or_unreadable_cache_is_no_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"not a folder")
    monkeypatch.setenv(_cache.CACHE_DIR_ENV, str(blocker / "cache"))
    assert _cache.write_bytes("a.json", b"x") is False
    assert _cache.read_bytes("a.json") is None
    monkeypatch.setenv(_cache.CACHE_DIR_ENV, str(tmp_path))
    (tmp_path / "dir.json").mkdir()
    assert _cache.read_bytes("dir.json") is None
    assert _cache.write_bytes("dir.json", b"x") is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "dir.json"]
