"""The report as a document, read on its model (no PDF render): a final report prints no data-quality flag (one
line of the daftar lampiran says warnings remain), BAB I keeps the reference's numbering, PK targets carry their
unit, a chart of two indikator says so, a table goes landscape only when its columns need it, and a new unit's
sparse report has no column of dashes and no empty Rencana Aksi table."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit, RencanaAksi, Target
from laporan.dokumen import Baris, Paragraf, Sel, Tabel, muat_potret
from laporan.susun import susun_laporan
from tests.laporan.conftest import buat_unit_kecil


def _bendera(laporan) -> list[str]:
    """Every data-quality flag the tables print: a marked cell or a footnote on budget detail mismatches."""
    hasil = [f"{t.judul}: {s.teks}{s.tanda}" for t in laporan.semua_tabel() for b in t.baris for s in b.sel if s.tanda]
    hasil += [c for t in laporan.semua_tabel() for c in t.catatan if c.startswith(("*", "Tanda *"))]
    return hasil


@pytest.mark.parametrize(
    ("status", "bertanda"),
    [
        (StatusPeriode.DRAFT, True),
        (StatusPeriode.DIAJUKAN, True),
        (StatusPeriode.DISAHKAN, False),
        (StatusPeriode.DIKUNCI, False),
    ],
)
def test_bendera_data_hanya_di_draf(unit, status, bertanda):
    """Tabel 15/16 mark the budget lines that disagree with their detail (red asterisk, shaded cell, six
    footnotes) in a draft only; a final report's tables are clean and its daftar lampiran says in one line that
    warnings remain."""
    PeriodeUnit.objects.create(unit=unit, tahun=2018, status=status)
    laporan = susun_laporan(unit, 2018)
    assert bool(_bendera(laporan)) is bertanda
    if bertanda:
        assert laporan.catatan_lampiran == ""
    else:
        assert laporan.catatan_lampiran.startswith("Terdapat ")
        assert "peringatan konsistensi data yang belum diselesaikan" in laporan.catatan_lampiran


def test_laporan_final_dengan_lampiran_peringatan_tanpa_catatan(unit):
    """With the warnings annex chosen, the findings are in the annex, not announced in the daftar."""
    PeriodeUnit.objects.create(unit=unit, tahun=2018, status=StatusPeriode.DISAHKAN)
    laporan = susun_laporan(unit, 2018, dengan_peringatan=True)
    assert _bendera(laporan) == [] and laporan.catatan_lampiran == ""
    assert laporan.lampiran[-1].judul == "Peringatan Konsistensi Data"


def test_bab_i_tanpa_sub_bab_pendahuluan_tambahan(unit):
    """The chapter's opening text prints under "BAB I" as in the reference (1.1. Maksud dan Tujuan … 1.5.)."""
    bab1 = susun_laporan(unit, 2018).bab[0]
    assert [(a.nomor, a.judul) for a in bab1.anak][:2] == [
        ("1.1.", "Maksud dan Tujuan"),
        ("1.2.", "Peran Biro Kerja Sama berdasarkan Peraturan Perundang-Undangan"),
    ]
    assert bab1.blok  # the opening text


def test_grafik_dua_indikator_diberi_catatan(unit):
    """Gambar 4 plots the earlier years of the structure before the revision: the note is under the chart."""
    laporan = susun_laporan(unit, 2018)
    g4 = next(g for g in laporan.semua_gambar() if g.nomor == 4)
    assert "indikator struktur lama" in g4.catatan and "2015" in g4.catatan
    assert not next(g for g in laporan.semua_gambar() if g.nomor == 3).catatan  # one indikator per bar


def _tabel(kolom_angka: int, panjang: str = "12.345,67") -> Tabel:
    kepala = (tuple(Sel(f"K{i}") for i in range(kolom_angka + 1)),)
    baris = (Baris((Sel("Indikator dengan nama yang panjang sekali"), *(Sel(panjang) for _ in range(kolom_angka)))),)
    return Tabel("t", 0, "T", kepala, baris, kecil=True)


@pytest.mark.parametrize(("kolom", "potret"), [(4, True), (8, True), (14, False), (20, False)])
def test_tabel_lanskap_hanya_bila_kolomnya_perlu(kolom, potret):
    """A table fits a portrait page when its columns at their one-line minimum and its text column at a
    readable width fit; otherwise its section goes landscape."""
    assert muat_potret(_tabel(kolom)) is potret


def test_bab_iii_sasaran_lanskap_bersama_bagiannya(unit):
    """A sasaran section is landscape exactly when its year-on-year table is, so heading, IKU and analysis turn
    with it."""
    laporan = susun_laporan(unit, 2018)
    analisis = next(a for a in laporan.bab[2].anak if a.id == "bab-3-bab3_analisis")
    for s in analisis.anak:
        riwayat = next(x for x in s.blok if isinstance(x, Tabel))
        assert s.lanskap == riwayat.lanskap == (not muat_potret(riwayat))
    assert any(s.lanskap for s in analisis.anak) and not all(s.lanskap for s in analisis.anak)


def test_laporan_unit_baru_yang_jarang(db):
    """A new unit with only this year's targets and no Rencana Aksi: Tabel 3 has no column of dashes ("80 –")
    and Lampiran Rencana Aksi is one portrait line, not an empty landscape table."""
    unit = buat_unit_kecil("unit-jarang", 2)
    Target.objects.filter(indikator__sasaran__revisi__renstra__unit=unit, tahun=2019).delete()
    RencanaAksi.objects.filter(baris_pk__versi__pk_induk__unit=unit).delete()
    laporan = susun_laporan(unit, 2018)
    t3 = next(t for t in laporan.semua_tabel() if t.judul.startswith("Sasaran dan Indikator Kinerja 2018"))
    assert [s.teks for s in t3.kepala[1]] == ["2018"]
    assert all(b.sel[-1].teks == "80" for b in t3.baris)
    ra = next(lp for lp in laporan.lampiran if lp.judul.startswith("Rencana Aksi"))
    assert not ra.lanskap
    assert [type(x) for x in ra.blok] == [Paragraf]
    assert "Belum ada Rencana Aksi" in ra.blok[0].teks


def test_target_pk_dengan_satuan(unit):
    """Tabel 5 prints a bare PK number with the unit its indikator states."""
    from indikator.queries import NilaiTargetEfektif as T
    from laporan.bab.perencanaan import target_bersatuan

    assert (
        target_bersatuan(
            T(D("91"), None, "", "91", "pk"), "dokumen", T(D("91"), None, "", "91 dokumen kerja sama", "renstra")
        ).teks
        == "91 dokumen kerja sama"
    )
    assert target_bersatuan(T(D("3"), None, "", "", "pk"), "kawasan").teks == "3 kawasan"
    assert target_bersatuan(T(D("70"), None, "", "70%", "pk"), "%").teks == "70%"
    assert target_bersatuan(T(D("70"), None, "", "", "pk"), "%").teks == "70"
    assert target_bersatuan(T(D("1"), None, "", "Min 1 negara", "pk"), "negara").teks == "Min 1 negara"
    assert target_bersatuan(T(D("80"), D("90"), "", "", "pk"), "indeks").teks == "80–90"
