"""A small, self-contained data set for the Excel round trip (does not use the reference fixture)."""

import datetime as dt
from decimal import Decimal as D

from anggaran.enums import JenisMataAnggaran
from anggaran.models import MataAnggaran, PaguRevisi, RealisasiAnggaran, SubKegiatan
from indikator.enums import Agregasi, LevelSasaran, Peran, Perspektif, Polaritas
from indikator.models import (
    BarisPK,
    Indikator,
    PerjanjianKinerja,
    Realisasi,
    RencanaAksi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    SkalaKualitatif,
    SkemaPenilaian,
    Target,
    UnitKerja,
    VersiPK,
)
from tests.basis import basis_bersama
from tests.pabrik import buat_pengguna

TAHUN = 2018


@basis_bersama
def data():
    """Shared (tests/basis.py): built once, rolled back beneath each test."""
    unit = UnitKerja.objects.create(slug="biro-ks", nama="Biro Kerja Sama")
    lain = UnitKerja.objects.create(slug="biro-lain", nama="Biro Lain")
    skema = SkemaPenilaian.objects.get(kode="bpom-2015-2019")
    renstra = Renstra.objects.create(unit=unit, nama="Renstra", tahun_mulai=2015, tahun_selesai=2019, skema=skema)
    lama = RevisiRenstra.objects.create(renstra=renstra, nomor=0, nama="Awal", berlaku_mulai=2015, berlaku_sampai=2017)
    s_lama = Sasaran.objects.create(revisi=lama, kode="SL1", nama="Sasaran lama", perspektif=Perspektif.CUSTOMER)
    # Same code as an indikator of the new structure: the valid revision wins for lookups.
    Indikator.objects.create(sasaran=s_lama, kode="IK1", nama="Indikator lama dengan kode sama")
    l2 = Indikator.objects.create(sasaran=s_lama, kode="L2", nama="Indikator struktur lama")
    revisi = RevisiRenstra.objects.create(
        renstra=renstra, nomor=1, nama="Revisi 2018", berlaku_mulai=2018, berlaku_sampai=2019
    )
    s1 = Sasaran.objects.create(
        revisi=revisi,
        kode="SS1",
        nama="Meningkatnya kerja sama",
        level=LevelSasaran.PROGRAM,
        perspektif=Perspektif.STAKEHOLDER,
        urutan=1,
    )
    s2 = Sasaran.objects.create(
        revisi=revisi,
        kode="SS2",
        nama="Tata kelola yang baik",
        level=LevelSasaran.PROGRAM,
        perspektif=Perspektif.INTERNAL_PROCESS,
        urutan=2,
    )
    i1 = Indikator.objects.create(
        sasaran=s1,
        kode="IK1",
        nama="Jumlah dokumen kerja sama",
        satuan="dokumen",
        urutan=1,
        agregasi=Agregasi.KUMULATIF,
        iku=True,
    )
    i2 = Indikator.objects.create(
        sasaran=s1, kode="IK2", nama="Indeks kepuasan", satuan="indeks", urutan=2, polaritas=Polaritas.RENTANG
    )
    i3 = Indikator.objects.create(
        sasaran=s2,
        kode="IK3",
        nama="Nilai AKIP",
        satuan="",
        urutan=1,
        polaritas=Polaritas.KUALITATIF,
        skala=SkalaKualitatif.objects.get(kode="predikat-akip"),
    )
    Target.objects.create(indikator=i1, tahun=2018, nilai=D("34"), teks_tampilan="34 dokumen")
    Target.objects.create(indikator=i1, tahun=2019, nilai=D("40"))
    Target.objects.create(indikator=i2, tahun=2018, nilai=D("70"), nilai_atas=D("80"))
    Target.objects.create(indikator=i3, tahun=2018, nilai_kualitatif="A")
    pk = PerjanjianKinerja.objects.create(unit=unit, tahun=TAHUN)
    v1 = VersiPK.objects.create(
        pk_induk=pk,
        nomor=1,
        berlaku_mulai=dt.date(2018, 1, 1),
        berlaku_sampai=dt.date(2018, 7, 31),
        pihak_pertama_nama="A",
        pihak_pertama_jabatan="Kepala Biro",
        pihak_kedua_nama="B",
        pihak_kedua_jabatan="Sestama",
    )
    v2 = VersiPK.objects.create(
        pk_induk=pk,
        nomor=2,
        berlaku_mulai=dt.date(2018, 8, 1),
        berlaku_sampai=dt.date(2018, 12, 31),
        pihak_pertama_nama="A",
        pihak_pertama_jabatan="Kepala Biro",
        pihak_kedua_nama="B",
        pihak_kedua_jabatan="Sestama",
    )
    b1 = BarisPK.objects.create(
        versi=v1, urutan=1, indikator=i1, uraian_sasaran=s1.nama, uraian_indikator=i1.nama, nilai=D("34")
    )
    # A PK signed in January may still cite the old structure.
    BarisPK.objects.create(
        versi=v1, urutan=2, indikator=l2, uraian_sasaran=s_lama.nama, uraian_indikator=l2.nama, nilai=D("5")
    )
    BarisPK.objects.create(
        versi=v2, urutan=1, indikator=i1, uraian_sasaran=s1.nama, uraian_indikator=i1.nama, nilai=D("36")
    )
    for tw, n in ((1, 7), (2, 14), (3, 26), (4, 34)):
        RencanaAksi.objects.create(baris_pk=b1, triwulan=tw, target_kumulatif=D(n))
    Realisasi.objects.create(indikator=i1, tahun=TAHUN, nilai=D("35"), analisis="Tercapai")
    Realisasi.objects.create(indikator=i1, tahun=TAHUN, triwulan=1, nilai=D("8"))
    Realisasi.objects.create(indikator=i2, tahun=TAHUN, nilai=D("78.35"))
    Realisasi.objects.create(indikator=i3, tahun=TAHUN, nilai_kualitatif="A")
    m001 = MataAnggaran.objects.create(
        unit=unit, tahun=TAHUN, kode="001", nama="Program dukungan", jenis=JenisMataAnggaran.PROGRAM, urutan=1
    )
    m0011 = MataAnggaran.objects.create(
        unit=unit,
        tahun=TAHUN,
        kode="001.1",
        induk=m001,
        nama="Kerja sama LN",
        jenis=JenisMataAnggaran.KEGIATAN,
        urutan=2,
    )
    PaguRevisi.objects.create(mata_anggaran=m001, revisi_ke=0, berlaku_mulai=dt.date(2018, 1, 1), nilai=D("7225900000"))
    PaguRevisi.objects.create(mata_anggaran=m001, revisi_ke=1, berlaku_mulai=dt.date(2018, 8, 1), nilai=D("8225900000"))
    PaguRevisi.objects.create(
        mata_anggaran=m0011, revisi_ke=0, berlaku_mulai=dt.date(2018, 1, 1), nilai=D("1500000.50")
    )
    RealisasiAnggaran.objects.create(mata_anggaran=m0011, bulan=1, nilai=D("100000"))
    RealisasiAnggaran.objects.create(mata_anggaran=m0011, bulan=3, nilai=D("250000.75"))
    SubKegiatan.objects.create(
        unit=unit,
        tahun=TAHUN,
        urutan=1,
        nama="Penyusunan MoU",
        mata_anggaran=m0011,
        uraian_output="Dokumen MoU",
        satuan_output="dokumen",
        target_output=D("10"),
        realisasi_output=D("9"),
    )
    return {"unit": unit, "lain": lain, "i1": i1, "i2": i2, "i3": i3, "b1": b1, "m001": m001, "m0011": m0011}


@basis_bersama
def perencana(data):
    return buat_pengguna("perencana", Peran.PERENCANA, data["unit"])


@basis_bersama
def perencana_lain(data):
    return buat_pengguna("perencana-lain", Peran.PERENCANA, data["lain"])


@basis_bersama
def auditor(data):
    return buat_pengguna("auditor", Peran.AUDITOR)
