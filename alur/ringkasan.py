"""The summary of a unit's year that the planner submits and the head approves: measurement, NKO, budget
absorption, consistency warnings, empty mandatory narrative sections and (for the head) the changes since the
last approval. Reads only, through the same builders the report and the dashboard use.

`periksa_tahun` is the one list of what is wrong with a year (warnings, empty mandatory sections and the
findings of the unit's performance tree): the submission summary, the consistency page and the refusal of submit
and approve (`alur.pengesahan`) read it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from anggaran.queries import Anggaran, susun_anggaran
from indikator.models import Sasaran
from indikator.queries import DataTidakDitemukan, Pengukuran, susun_pengukuran
from indikator.riwayat import Entri, perubahan_sejak_pengesahan
from laporan.konsistensi import PERINGATAN, PeringatanKonsistensi, periksa_konsistensi
from laporan.narasi import BagianNarasi, ambil_narasi, daftar_bagian, kunci_url, label_bagian, letak_cetak
from pohon.periksa import GALAT, Temuan, temuan_unit


@dataclass(frozen=True)
class BagianKosong:
    """A mandatory narrative section without text, with where it prints and the link to its editor."""

    bagian: BagianNarasi
    url: str

    @property
    def label(self) -> str:
        return self.bagian.label

    @property
    def letak(self) -> str:
        return self.bagian.letak

    @property
    def sasaran(self):
        return self.bagian.sasaran


@dataclass(frozen=True)
class Pemeriksaan:
    peringatan: tuple[PeringatanKonsistensi, ...]  # level PERINGATAN: must be acknowledged on submit
    info: tuple[PeringatanKonsistensi, ...]
    narasi_kosong: tuple[BagianKosong, ...]  # refuse submit and approve
    pohon_galat: tuple[Temuan, ...] = ()  # findings of severity "galat" on the unit's own tree: refuse submit
    pohon_lain: tuple[Temuan, ...] = ()  # its warnings and info: shown, never blocking


def periksa_tahun(unit, tahun: int, *, pengukuran=None, anggaran=None) -> Pemeriksaan:
    """What is wrong with the unit's year: consistency warnings, the empty mandatory narrative sections and the
    findings of the unit's own nodes in its performance tree (`pohon.periksa.temuan_unit`)."""
    if pengukuran is None:
        try:
            pengukuran = susun_pengukuran(unit, tahun)
        except DataTidakDitemukan:
            pengukuran = None
    semua = periksa_konsistensi(unit, tahun, pengukuran=pengukuran, anggaran=anggaran)
    daftar_sasaran = [n.sasaran for n in pengukuran.sasaran] if pengukuran is not None else []
    kosong = tuple(
        BagianKosong(b, reverse("kerja:narasi_ubah", args=[unit.slug, tahun, kunci_url(b.kunci, b.sasaran)]))
        for b in daftar_bagian(daftar_sasaran, ambil_narasi(unit, tahun))
        if not b.opsional and not b.terisi
    )
    pohon = temuan_unit(unit, tahun)
    return Pemeriksaan(
        peringatan=tuple(p for p in semua if p.tingkat == PERINGATAN),
        info=tuple(p for p in semua if p.tingkat != PERINGATAN),
        narasi_kosong=kosong,
        pohon_galat=tuple(t for t in pohon if t.keparahan == GALAT),
        pohon_lain=tuple(t for t in pohon if t.keparahan != GALAT),
    )


@dataclass(frozen=True)
class Ringkasan:
    pengukuran: Pengukuran | None
    anggaran: Anggaran
    peringatan: tuple[PeringatanKonsistensi, ...]  # level PERINGATAN: must be acknowledged on submit
    info: tuple[PeringatanKonsistensi, ...]
    narasi_kosong: tuple[BagianKosong, ...]  # mandatory sections without text: submit and approve refused
    pohon_galat: tuple[Temuan, ...] = ()  # tree findings of severity "galat": submit refused
    pohon_lain: tuple[Temuan, ...] = ()  # tree warnings and info: shown
    pengesahan_lalu: Any = None  # time of the last approval of the year (head's page); None: never approved
    perubahan: tuple = field(default_factory=tuple)
    jumlah_perubahan: int = 0

    @property
    def perlu_diakui(self) -> bool:
        return bool(self.peringatan)


# Fields that name the object a change belongs to, and its place in a list: not shown for a created row.
_IDENTITAS = frozenset(
    {"unit", "tahun", "indikator", "mata_anggaran", "bagian", "sasaran", "triwulan", "versi", "urutan"}
)


def _dalam_kata_orang(entri: list[Entri]) -> list[Entri]:
    """The changes as the head reads them: a narrative section by where it prints, and a created row without
    the fields that only say what it belongs to (its object already does)."""
    sasaran_id = {e.catatan.sasaran_id for e in entri if e.sumber.kode == "narasi"} - {None}
    sasaran = Sasaran.objects.in_bulk(sasaran_id) if sasaran_id else {}
    hasil = []
    for e in entri:
        objek = e.objek
        if e.sumber.kode == "narasi":
            s = sasaran.get(e.catatan.sasaran_id)
            objek = (
                letak_cetak(e.catatan.bagian)
                if s is None
                else _("Sasaran %(kode)s · %(bagian)s") % {"kode": s.kode, "bagian": label_bagian(e.catatan.bagian)}
            )
        perubahan = e.perubahan
        if e.catatan.history_type == "+":
            perubahan = tuple(p for p in perubahan if p.field not in _IDENTITAS)
        hasil.append(replace(e, objek=objek, perubahan=perubahan))
    return hasil


def susun_ringkasan(unit, tahun: int, *, dengan_perubahan: bool = False) -> Ringkasan:
    try:
        pengukuran = susun_pengukuran(unit, tahun)
    except DataTidakDitemukan:
        pengukuran = None
    anggaran = susun_anggaran(unit, tahun)
    periksa = periksa_tahun(unit, tahun, pengukuran=pengukuran, anggaran=anggaran)
    lalu, perubahan, jumlah = perubahan_sejak_pengesahan(unit, tahun) if dengan_perubahan else (None, [], 0)
    return Ringkasan(
        pengukuran=pengukuran,
        anggaran=anggaran,
        peringatan=periksa.peringatan,
        info=periksa.info,
        narasi_kosong=periksa.narasi_kosong,
        pohon_galat=periksa.pohon_galat,
        pohon_lain=periksa.pohon_lain,
        pengesahan_lalu=lalu,
        perubahan=tuple(_dalam_kata_orang(perubahan)),
        jumlah_perubahan=jumlah,
    )
