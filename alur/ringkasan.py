"""The summary of a unit's year that the planner submits and the head approves: measurement, NKO, budget
absorption, consistency warnings, empty mandatory narrative sections and (for the head) the changes since the
previous submission. Reads only, through the same builders the report and the dashboard use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from anggaran.queries import Anggaran, susun_anggaran
from indikator.queries import DataTidakDitemukan, Pengukuran, susun_pengukuran
from indikator.riwayat import perubahan_sejak_pengajuan_lalu
from laporan.konsistensi import PERINGATAN, PeringatanKonsistensi, periksa_konsistensi
from laporan.narasi import BagianNarasi, ambil_narasi, daftar_bagian


@dataclass(frozen=True)
class Ringkasan:
    pengukuran: Pengukuran | None
    anggaran: Anggaran
    peringatan: tuple[PeringatanKonsistensi, ...]  # level PERINGATAN: must be acknowledged on submit
    info: tuple[PeringatanKonsistensi, ...]
    narasi_kosong: tuple[BagianNarasi, ...]  # mandatory sections without text
    pengajuan_lalu: Any = None  # time of the previous submission (head's page)
    perubahan: tuple = field(default_factory=tuple)
    jumlah_perubahan: int = 0

    @property
    def perlu_diakui(self) -> bool:
        return bool(self.peringatan or self.narasi_kosong)


def susun_ringkasan(unit, tahun: int, *, dengan_perubahan: bool = False) -> Ringkasan:
    try:
        pengukuran = susun_pengukuran(unit, tahun)
    except DataTidakDitemukan:
        pengukuran = None
    anggaran = susun_anggaran(unit, tahun)
    semua = periksa_konsistensi(unit, tahun, pengukuran=pengukuran, anggaran=anggaran)
    daftar_sasaran = [n.sasaran for n in pengukuran.sasaran] if pengukuran is not None else []
    bagian = daftar_bagian(daftar_sasaran, ambil_narasi(unit, tahun))
    lalu, perubahan, jumlah = perubahan_sejak_pengajuan_lalu(unit, tahun) if dengan_perubahan else (None, [], 0)
    return Ringkasan(
        pengukuran=pengukuran,
        anggaran=anggaran,
        peringatan=tuple(p for p in semua if p.tingkat == PERINGATAN),
        info=tuple(p for p in semua if p.tingkat != PERINGATAN),
        narasi_kosong=tuple(b for b in bagian if not b.opsional and not b.terisi),
        pengajuan_lalu=lalu,
        perubahan=tuple(perubahan),
        jumlah_perubahan=jumlah,
    )
