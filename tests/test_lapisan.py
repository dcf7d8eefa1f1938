"""Every module sits in a layer of an import contract (`.importlinter`): a module in none could import anything
and be imported by anything without `lint-imports` noticing. Tests and migrations aside; a root package's layer
in the app order does not count (it says where the app sits, not where the module sits inside it)."""

import configparser
import re
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent


def _konfigurasi(base: Path) -> configparser.ConfigParser:
    konfigurasi = configparser.ConfigParser(inline_comment_prefixes=(";",))
    konfigurasi.read(base / ".importlinter", encoding="utf-8")
    return konfigurasi


def _daftar(nilai: str) -> list[str]:
    return [baris.strip() for baris in nilai.splitlines() if baris.strip()]


def _nama_lapisan(konfigurasi: configparser.ConfigParser) -> set[str]:
    """Every module or package named in a layer (or an independence contract), containers expanded."""
    nama: set[str] = set()
    for bagian in konfigurasi.sections():
        if not bagian.startswith("importlinter:contract:"):
            continue
        kontrak = konfigurasi[bagian]
        baris = _daftar(kontrak.get("layers", "")) + _daftar(kontrak.get("modules", ""))
        anggota = [n.strip("() ") for b in baris for n in re.split(r"[|:]", b) if n.strip()]
        wadah = _daftar(kontrak.get("containers", ""))
        nama.update(f"{w}.{n}" for w in wadah for n in anggota) if wadah else nama.update(anggota)
    return nama


def _modul(base: Path, akar: str) -> list[str]:
    """The modules of a root package (its own __init__, tests and migrations aside), dotted."""
    hasil = []
    for berkas in sorted((base / akar).rglob("*.py")):
        relatif = berkas.relative_to(base).with_suffix("")
        if "migrations" in relatif.parts:
            continue
        bagian = relatif.parts[:-1] if relatif.name == "__init__" else relatif.parts
        if len(bagian) > 1:
            hasil.append(".".join(bagian))
    return hasil


def modul_tanpa_lapisan(base: Path = BASE) -> list[str]:
    konfigurasi = _konfigurasi(base)
    akar = _daftar(konfigurasi["importlinter"]["root_packages"])
    lapisan = {n for n in _nama_lapisan(konfigurasi) if "." in n}
    return [m for a in akar for m in _modul(base, a) if not any(m == n or m.startswith(n + ".") for n in lapisan)]


def test_setiap_modul_dalam_lapisan():
    assert modul_tanpa_lapisan() == []


def test_modul_baru_tanpa_lapisan_ditemukan(tmp_path):
    """The check itself: a new module of a root package without a layer is reported, one inside a layer's
    package is not."""
    (tmp_path / ".importlinter").write_text((BASE / ".importlinter").read_text(encoding="utf-8"), encoding="utf-8")
    for berkas in ("laporan/__init__.py", "laporan/modul_baru.py", "laporan/bab/__init__.py", "laporan/bab/baru.py"):
        (tmp_path / berkas).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / berkas).write_text("", encoding="utf-8")
    assert modul_tanpa_lapisan(tmp_path) == ["laporan.modul_baru"]
