"""Bab I Pendahuluan: tasks and functions of the unit, its staff in the categories it reports, and the narrative
sub-sections."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from indikator.enums import GolonganPegawai, JenisPegawai, JenjangPendidikan

from .. import formulas as fl
from ..bundel import Bundel
from ..dokumen import Bagian, Baris, Blok, Daftar, Paragraf, Sel, Tabel
from . import kerangka
from .bantu import tabel_baru
from .gambar import gambar_struktur


def bab_pendahuluan(b: Bundel) -> Bagian:
    peran: list[Blok] = []
    if b.unit.tugas and "bab1_peran" not in b.narasi.umum:
        peran.append(Paragraf(_("Tugas: %(tugas)s") % {"tugas": b.unit.tugas}))
    fungsi = tuple(x.strip() for x in b.unit.fungsi.splitlines() if x.strip())
    if fungsi and "bab1_peran" not in b.narasi.umum:
        peran.append(Daftar(fungsi, judul=_("%(unit)s menyelenggarakan fungsi:") % {"unit": b.unit.nama}))
    # Gambar "Struktur Organisasi" closes the section on the organisation (the reference report's Gambar 1).
    peran.extend(gambar_struktur(b))
    sdm: list[Blok] = list(tabel_pegawai_semua(b)) if b.pegawai else []
    anak = kerangka.slot(b, 1, lambda i: f"1.{i}.", {"bab1_peran": peran, "bab1_sdm": sdm})
    return kerangka.susun_bab(1, _("PENDAHULUAN"), anak)


def _urutan_jenis(pegawai) -> list[str]:
    """The employment types present, in the enum's order; "" (unknown) last."""
    ada = {p.jenis for p in pegawai}
    return [j.value for j in JenisPegawai if j in ada] + ([""] if "" in ada else [])


def _label_jenis(jenis: str) -> str:
    return str(JenisPegawai(jenis).label) if jenis else _("Jenis tidak diketahui")


def tabel_pegawai_semua(b: Bundel) -> tuple[Tabel, ...]:
    """Tabel 1 in the categories the unit reports: by education level and/or rank group (one table each, with a
    *tidak diketahui* row for staff without that category), else by employment type only."""
    tabel = []
    if any(p.jenjang for p in b.pegawai):
        tabel.append(
            _tabel_kategori(
                b,
                "jenjang",
                JenjangPendidikan,
                _("Jenjang Pendidikan"),
                _("Pegawai %(unit)s Berdasarkan Tingkat Pendidikan"),
            )
        )
    if any(p.golongan for p in b.pegawai):
        tabel.append(
            _tabel_kategori(b, "golongan", GolonganPegawai, _("Golongan"), _("Pegawai %(unit)s Berdasarkan Golongan"))
        )
    if not tabel:
        tabel.append(_tabel_jenis(b))
    return tuple(tabel)


def _tabel_kategori(b: Bundel, kolom: str, pilihan, judul_kolom: str, judul: str) -> Tabel:
    jumlah: dict[tuple[str, str], int] = defaultdict(int)
    for p in b.pegawai:
        jumlah[(p.jenis, getattr(p, kolom))] += p.jumlah
    jenis = _urutan_jenis(b.pegawai)
    total = {j: sum(n for (jj, _x), n in jumlah.items() if jj == j) for j in jenis}
    kepala = (
        (Sel(judul_kolom, rowspan=2), *(Sel(_label_jenis(j), colspan=2) for j in jenis)),
        tuple(s for _j in jenis for s in (Sel(_("Jumlah")), Sel(_("Persentase (%)")))),
    )
    kategori = [(k.value, str(k.label)) for k in pilihan]
    if any(k == "" for _j, k in jumlah):
        kategori.append(("", _("Tidak diketahui")))
    baris = []
    for kode, label in kategori:
        sel = [Sel(label)]
        for j in jenis:
            n = jumlah.get((j, kode), 0)
            sel += [Sel(n, "bulat"), Sel(fl.hitung_porsi(jumlah=n, total=total[j]), "persen")]
        baris.append(Baris(tuple(sel)))
    sel = [Sel(_("Total"))]
    for j in jenis:
        sel += [Sel(total[j], "bulat"), Sel(fl.hitung_porsi(jumlah=total[j], total=total[j]), "persen")]
    baris.append(Baris(tuple(sel), "total"))
    return tabel_baru(judul % {"unit": b.unit.nama}, kepala, tuple(baris))


def _tabel_jenis(b: Bundel) -> Tabel:
    jumlah: dict[str, int] = defaultdict(int)
    for p in b.pegawai:
        jumlah[p.jenis] += p.jumlah
    total = sum(jumlah.values())
    kepala = ((Sel(_("Jenis Pegawai")), Sel(_("Jumlah")), Sel(_("Persentase (%)"))),)
    baris = [
        Baris(
            (
                Sel(_label_jenis(j)),
                Sel(jumlah[j], "bulat"),
                Sel(fl.hitung_porsi(jumlah=jumlah[j], total=total), "persen"),
            )
        )
        for j in _urutan_jenis(b.pegawai)
    ]
    baris.append(
        Baris(
            (Sel(_("Total")), Sel(total, "bulat"), Sel(fl.hitung_porsi(jumlah=total, total=total), "persen")), "total"
        )
    )
    return tabel_baru(_("Pegawai %(unit)s Berdasarkan Jenis Kepegawaian") % {"unit": b.unit.nama}, kepala, tuple(baris))
