"""Fixtures for the report tests: the reference unit (Biro Kerja Sama 2015–2019, shared reference data), its
planner, and a small synthetic dataset builder."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from indikator.enums import Peran
from tests.basis import basis_bersama
from tests.pabrik import buat_pengguna


@pytest.fixture
def unit(referensi):
    return referensi


@basis_bersama
def perencana(referensi):
    """Shared (tests/basis.py): built once, rolled back beneath each test."""
    return buat_pengguna("perencana-bks", Peran.PERENCANA, referensi)


@pytest.fixture
def klien(client, perencana):
    client.force_login(perencana)
    return client


def buat_unit_kecil(slug: str, jumlah_indikator: int, tahun: int = 2018):
    """A unit with one Renstra, `jumlah_indikator` indikator spread over sasaran, targets, realisasi, a PK with
    rencana aksi, budget lines, sub-kegiatan and narrative — enough to exercise every reader."""
    from anggaran.models import AlokasiRenstra, MataAnggaran, PaguRevisi, RealisasiAnggaran, SubKegiatan
    from indikator.models import (
        BarisPK,
        Indikator,
        KepalaUnit,
        KomposisiPegawai,
        NilaiAkip,
        PerjanjianKinerja,
        Realisasi,
        RencanaAksi,
        Renstra,
        RevisiRenstra,
        Sasaran,
        SkemaPenilaian,
        Target,
        UnitKerja,
        VersiPK,
    )
    from laporan.models import NarasiLaporan

    unit = UnitKerja.objects.create(slug=slug, nama=f"Unit {slug}", kota="Jakarta")
    KepalaUnit.objects.create(unit=unit, nama="Kepala", jabatan="Kepala Unit", mulai="2015-01-01")
    KomposisiPegawai.objects.create(unit=unit, tahun=tahun, jenis="asn", jenjang="s1", jumlah=3)
    NilaiAkip.objects.create(unit=unit, tahun=tahun - 1, nilai_dilaporkan=D("70"))
    NilaiAkip.objects.create(unit=unit, tahun=tahun, nilai_dilaporkan=D("72"))
    renstra = Renstra.objects.create(
        unit=unit, nama="Renstra", tahun_mulai=2015, tahun_selesai=2019, skema=SkemaPenilaian.objects.first()
    )
    AlokasiRenstra.objects.create(renstra=renstra, program="Program", tahun=tahun, nilai=D("1000000000"))
    lama = RevisiRenstra.objects.create(renstra=renstra, nomor=0, nama="Lama", berlaku_mulai=2015, berlaku_sampai=2017)
    baru = RevisiRenstra.objects.create(renstra=renstra, nomor=1, nama="Baru", berlaku_mulai=2018, berlaku_sampai=2019)
    s_lama = Sasaran.objects.create(revisi=lama, kode="L", nama="Sasaran lama", perspektif="customer")
    i_lama = Indikator.objects.create(sasaran=s_lama, kode="L1", nama="Indikator lama", iku=True)
    Target.objects.create(indikator=i_lama, tahun=2017, nilai=D("10"))
    Realisasi.objects.create(indikator=i_lama, tahun=2017, nilai=D("9"))
    pk = PerjanjianKinerja.objects.create(unit=unit, tahun=tahun)
    versi = VersiPK.objects.create(
        pk_induk=pk,
        nomor=1,
        berlaku_mulai=f"{tahun}-01-01",
        berlaku_sampai=f"{tahun}-12-31",
        pihak_pertama_nama="A",
        pihak_pertama_jabatan="Kepala",
        pihak_kedua_nama="B",
        pihak_kedua_jabatan="Atasan",
        anggaran=D("1000000000"),
    )
    program = MataAnggaran.objects.create(unit=unit, tahun=tahun, kode="001", nama="Program", jenis="program")
    perspektif = ["customer", "internal_process", "learning_growth"]
    for n in range(jumlah_indikator):
        sasaran = Sasaran.objects.create(
            revisi=baru, kode=f"S{n}", nama=f"Sasaran {n}", perspektif=perspektif[n % 3], urutan=n
        )
        ind = Indikator.objects.create(
            sasaran=sasaran,
            kode=f"I{n}",
            nama=f"Indikator {n}",
            satuan="%",
            iku=True,
            urutan=n,
            pendahulu=i_lama if n == 0 else None,
        )
        for t in (tahun, 2019):
            Target.objects.create(indikator=ind, tahun=t, nilai=D("80"))
        Realisasi.objects.create(indikator=ind, tahun=tahun, nilai=D("80") + n)
        Realisasi.objects.create(indikator=ind, tahun=tahun, triwulan=1, nilai=D("20"))
        baris = BarisPK.objects.create(versi=versi, urutan=n, indikator=ind, uraian_sasaran=sasaran.nama, nilai=D("80"))
        RencanaAksi.objects.create(baris_pk=baris, triwulan=1, target_kumulatif=D("20"))
        mata = MataAnggaran.objects.create(
            unit=unit, tahun=tahun, kode=f"001.{n}", nama=f"Komponen {n}", jenis="komponen", induk=program
        )
        PaguRevisi.objects.create(mata_anggaran=mata, berlaku_mulai=f"{tahun}-01-01", nilai=D("1000000"))
        RealisasiAnggaran.objects.create(mata_anggaran=mata, bulan=12, nilai=D("900000"))
        sub = SubKegiatan.objects.create(
            unit=unit,
            tahun=tahun,
            nama=f"Sub {n}",
            urutan=n,
            mata_anggaran=mata,
            target_output=D("1"),
            realisasi_output=D("1"),
        )
        sub.sasaran.add(sasaran)
        sub.indikator.add(ind)
        NarasiLaporan.objects.create(unit=unit, tahun=tahun, bagian="analisis", sasaran=sasaran, isi=f"Analisis {n}.")
    NarasiLaporan.objects.create(unit=unit, tahun=tahun, bagian="kata_pengantar", isi="Puji syukur.")
    return unit
