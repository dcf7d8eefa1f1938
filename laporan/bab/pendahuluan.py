"""Bab I Pendahuluan: tasks and functions of the unit, its staff by education, and the narrative sub-sections."""

from __future__ import annotations

from django.utils.translation import gettext as _

from indikator.enums import JenisPegawai, JenjangPendidikan

from .. import formulas as fl
from ..bundel import Bundel
from ..dokumen import Bagian, Baris, Blok, Daftar, Paragraf, Sel, Tabel
from . import kerangka
from .bantu import tabel_baru


def bab_pendahuluan(b: Bundel) -> Bagian:
    peran: list[Blok] = []
    if b.unit.tugas and "bab1_peran" not in b.narasi.umum:
        peran.append(Paragraf(_("Tugas: %(tugas)s") % {"tugas": b.unit.tugas}))
    fungsi = tuple(x.strip() for x in b.unit.fungsi.splitlines() if x.strip())
    if fungsi and "bab1_peran" not in b.narasi.umum:
        peran.append(Daftar(fungsi, judul=_("%(unit)s menyelenggarakan fungsi:") % {"unit": b.unit.nama}))
    sdm: list[Blok] = []
    if b.pegawai:
        sdm.append(tabel_pegawai(b))
    anak = kerangka.slot(b, 1, lambda i: f"1.{i}.", {"bab1_peran": peran, "bab1_sdm": sdm})
    return kerangka.susun_bab(1, _("PENDAHULUAN"), anak)


def tabel_pegawai(b: Bundel) -> Tabel:
    jumlah: dict[tuple[str, str], int] = {(p.jenis, p.jenjang): p.jumlah for p in b.pegawai}
    jenis = [j for j in JenisPegawai if any(k[0] == j for k in jumlah)]
    total = {j: sum(n for (jj, _x), n in jumlah.items() if jj == j) for j in jenis}
    kepala = (
        (Sel(_("Jenjang Pendidikan"), rowspan=2), *(Sel(str(j.label), colspan=2) for j in jenis)),
        tuple(s for _j in jenis for s in (Sel(_("Jumlah")), Sel(_("Persentase (%)")))),
    )
    baris = []
    for jj in JenjangPendidikan:
        sel = [Sel(str(jj.label))]
        for j in jenis:
            n = jumlah.get((j, jj), 0)
            sel += [Sel(n, "bulat"), Sel(fl.hitung_porsi(jumlah=n, total=total[j]), "persen")]
        baris.append(Baris(tuple(sel)))
    sel = [Sel(_("Total"))]
    for j in jenis:
        sel += [Sel(total[j], "bulat"), Sel(fl.hitung_porsi(jumlah=total[j], total=total[j]), "persen")]
    baris.append(Baris(tuple(sel), "total"))
    return tabel_baru(
        _("Pegawai %(unit)s Berdasarkan Tingkat Pendidikan") % {"unit": b.unit.nama}, kepala, tuple(baris)
    )
