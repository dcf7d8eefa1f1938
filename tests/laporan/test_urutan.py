"""The same data gives the same report whatever order the rows were inserted in: every ordering of the report's
readers ends with a unique key (kode, nama), never with the insertion order alone (SQLite and PostgreSQL return
ties in different orders)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from anggaran.models import MataAnggaran, PaguRevisi, RealisasiAnggaran, SubKegiatan
from indikator.models import (
    BarisPK,
    Indikator,
    KepalaUnit,
    PerjanjianKinerja,
    Realisasi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    SkemaPenilaian,
    Target,
    Tujuan,
    UnitKerja,
    VersiPK,
)
from laporan.dokumen import Daftar, DokumenPK, Gambar, Narasi, Paragraf, Tabel
from laporan.susun import susun_laporan

SASARAN = [
    ("S1", "Sasaran pertama", "customer"),
    ("S2", "Sasaran kedua", "customer"),
    ("S3", "Sasaran ketiga", "internal_process"),
]
INDIKATOR = [
    ("S1", "IKU1", "Indikator satu"),
    ("S1", "IKU2", "Indikator dua"),
    ("S2", "IKU7", "Indikator tujuh"),
    ("S3", "IKU3", "Indikator tiga"),
]


def _buat(slug: str, terbalik: bool) -> UnitKerja:
    """One unit; every list inserted forwards or backwards, with tied `urutan` everywhere."""

    def urut(x):
        return list(reversed(x)) if terbalik else list(x)

    unit = UnitKerja.objects.create(slug=slug, nama="Unit Uji", kota="Jakarta")
    KepalaUnit.objects.create(unit=unit, nama="Kepala", jabatan="Kepala Unit", mulai="2015-01-01")
    renstra = Renstra.objects.create(
        unit=unit, nama="Renstra", tahun_mulai=2015, tahun_selesai=2019, skema=SkemaPenilaian.objects.first()
    )
    for kode in urut(["T1", "T2"]):
        Tujuan.objects.create(renstra=renstra, kode=kode, uraian=f"Tujuan {kode}")
    revisi = RevisiRenstra.objects.create(
        renstra=renstra, nomor=1, nama="Baru", berlaku_mulai=2015, berlaku_sampai=2019
    )
    sasaran = {}
    for kode, nama, perspektif in urut(SASARAN):
        sasaran[kode] = Sasaran.objects.create(revisi=revisi, kode=kode, nama=nama, perspektif=perspektif)
    indikator = {}
    for s, kode, nama in urut(INDIKATOR):
        ind = Indikator.objects.create(sasaran=sasaran[s], kode=kode, nama=nama, satuan="%", iku=True)
        indikator[kode] = ind
        Target.objects.create(indikator=ind, tahun=2018, nilai=D("80"))
        Realisasi.objects.create(indikator=ind, tahun=2018, nilai=D("84"))
    versi = VersiPK.objects.create(
        pk_induk=PerjanjianKinerja.objects.create(unit=unit, tahun=2018),
        nomor=1,
        berlaku_mulai="2018-01-01",
        berlaku_sampai="2018-12-31",
        pihak_pertama_nama="A",
        pihak_pertama_jabatan="Kepala",
        pihak_kedua_nama="B",
        pihak_kedua_jabatan="Atasan",
        anggaran=D("1000000"),
    )
    for n, (s, kode, _nama) in enumerate(INDIKATOR):
        BarisPK.objects.create(versi=versi, urutan=n, indikator=indikator[kode], uraian_sasaran=s, nilai=D("80"))
    program = MataAnggaran.objects.create(unit=unit, tahun=2018, kode="001", nama="Program", jenis="program")
    mata = {}
    for kode in urut(["001.A", "001.B", "001.C"]):
        mata[kode] = MataAnggaran.objects.create(
            unit=unit, tahun=2018, kode=kode, nama=f"Komponen {kode}", jenis="komponen", induk=program
        )
        PaguRevisi.objects.create(mata_anggaran=mata[kode], berlaku_mulai="2018-01-01", nilai=D("1000"))
        RealisasiAnggaran.objects.create(mata_anggaran=mata[kode], bulan=12, nilai=D("900"))
    for nama, kode_mata in urut([("Sub A", "001.A"), ("Sub B", "001.B"), ("Sub C", "001.C")]):
        sub = SubKegiatan.objects.create(
            unit=unit,
            tahun=2018,
            nama=nama,
            mata_anggaran=mata[kode_mata],
            target_output=D("1"),
            realisasi_output=D("1"),
        )
        # One sub-kegiatan supports indikator of two sasaran (the "IKU7; IKU2" of Lampiran 5/6).
        for kode in urut(["IKU2", "IKU7", "IKU3"]):
            sub.indikator.add(indikator[kode])
        for kode in urut(["S1", "S2", "S3"]):
            sub.sasaran.add(sasaran[kode])
    return unit


def _isi(laporan) -> list:
    """The report as text: headings, sentences, list items and table cells (ids and anchors left out)."""
    hasil: list = []
    for bg in laporan.semua_bagian():
        hasil.append((bg.nomor, bg.judul))
        for b in bg.blok:
            if isinstance(b, Paragraf):
                hasil.append(b.teks)
            elif isinstance(b, Narasi):
                hasil.append(b.isi)
            elif isinstance(b, Daftar):
                hasil.append(b.item)
            elif isinstance(b, DokumenPK | Tabel):
                t = b.tabel if isinstance(b, DokumenPK) else b
                hasil.append((t.nomor, t.judul, [[(s.nilai, s.format) for s in r.sel] for r in t.baris]))
            elif isinstance(b, Gambar):
                hasil.append((b.judul, str(b.svg)))
    return hasil


@pytest.mark.django_db
def test_laporan_sama_dari_urutan_sisip_berbeda():
    maju = susun_laporan(_buat("maju", terbalik=False), 2018)
    mundur = susun_laporan(_buat("mundur", terbalik=True), 2018)
    assert _isi(maju) == _isi(mundur)
    # The natural order: sasaran and indikator by kode, the sub-kegiatan's indikator by sasaran then kode.
    lampiran5 = next(lp for lp in maju.lampiran if lp.judul.startswith("Pengukuran Kinerja Kegiatan"))
    teks = [str(s.nilai) for t in lampiran5.blok if isinstance(t, Tabel) for r in t.baris for s in r.sel]
    assert "Indikator dua; Indikator tujuh; Indikator tiga" in teks
