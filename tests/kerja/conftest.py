"""A small dataset of its own for the workspace tests: two units under a parent, users for every role, a Renstra
with one sasaran and two indikator, targets, a PK with Rencana Aksi, a budget line with pagu."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal as D

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.db import connection

from anggaran.enums import JenisMataAnggaran
from anggaran.models import MataAnggaran, PaguRevisi, SubKegiatan
from indikator import models as m
from indikator.enums import (
    Agregasi,
    Peran,
    Perspektif,
    Polaritas,
    StatusPeriode,
    SumberTarget,
)
from tests.pabrik import buat_pengguna

TAHUN = 2018


@dataclass
class Data:
    induk: m.UnitKerja
    unit: m.UnitKerja
    lain: m.UnitKerja
    skema: m.SkemaPenilaian
    renstra: m.Renstra
    revisi: m.RevisiRenstra
    sasaran: m.Sasaran
    ind1: m.Indikator
    ind2: m.Indikator
    versi: m.VersiPK
    baris1: m.BarisPK
    mata: MataAnggaran
    sub: SubKegiatan
    pengguna: dict
    realisasi1: m.Realisasi
    bukti: m.BuktiDukung


def buat_indikator(sasaran, kode, **kw):
    kw.setdefault("nama", f"Indikator {kode}")
    kw.setdefault("satuan", "dokumen")
    return m.Indikator.objects.create(sasaran=sasaran, kode=kode, **kw)


@pytest.fixture
def data(db, media_sementara) -> Data:
    return buat_data()


def buat_data() -> Data:
    """The dataset (the `data` fixture; tests/test_rute.py builds it once per module)."""
    skema = m.SkemaPenilaian.objects.create(kode="uji-kerja", nama="Skema uji", tahun_mulai=2015, tahun_selesai=2019)
    for i, (label, warna, bawah, atas, atas_ink) in enumerate(
        [
            ("Kurang", "#E53935", None, D("90"), False),
            ("Cukup", "#FFB300", D("90"), D("100"), False),
            ("Baik", "#66BB6A", D("100"), D("100"), True),
            ("Memuaskan", "#2E7D32", D("100"), D("120"), True),
        ]
    ):
        m.BandKriteria.objects.create(
            skema=skema,
            urutan=i,
            label=label,
            warna=warna,
            batas_bawah=bawah,
            batas_atas=atas,
            atas_inklusif=atas_ink,
            bawah_inklusif=label != "Memuaskan",
        )
    induk = m.UnitKerja.objects.create(slug="sestama", nama="Sekretariat Utama")
    unit = m.UnitKerja.objects.create(slug="biro-ks", nama="Biro Kerja Sama", induk=induk)
    lain = m.UnitKerja.objects.create(slug="biro-lain", nama="Biro Lain")
    renstra = m.Renstra.objects.create(
        unit=unit, nama="Renstra Biro KS", tahun_mulai=2015, tahun_selesai=2019, skema=skema
    )
    revisi = m.RevisiRenstra.objects.create(
        renstra=renstra, nomor=0, nama="Awal", berlaku_mulai=2015, berlaku_sampai=2019
    )
    sasaran = m.Sasaran.objects.create(
        revisi=revisi, kode="S1", nama="Meningkatnya kerja sama", perspektif=Perspektif.CUSTOMER, urutan=1
    )
    m.Sasaran.objects.create(
        revisi=revisi, kode="S2", nama="Sasaran kedua", perspektif=Perspektif.STAKEHOLDER, urutan=2
    )
    ind1 = buat_indikator(sasaran, "I1", agregasi=Agregasi.KUMULATIF, urutan=1, iku=True)
    ind2 = buat_indikator(sasaran, "I2", polaritas=Polaritas.NEGATIF, urutan=2)
    for ind, nilai in ((ind1, D("34")), (ind2, D("10"))):
        m.Target.objects.create(indikator=ind, tahun=TAHUN, sumber=SumberTarget.RENSTRA, nilai=nilai)
    pk = m.PerjanjianKinerja.objects.create(unit=unit, tahun=TAHUN)
    versi = m.VersiPK.objects.create(
        pk_induk=pk,
        nomor=1,
        judul="Januari",
        berlaku_mulai=datetime.date(TAHUN, 1, 1),
        berlaku_sampai=datetime.date(TAHUN, 12, 31),
        pihak_pertama_nama="Kepala Biro",
        pihak_pertama_jabatan="Kepala Biro Kerja Sama",
        pihak_kedua_nama="Sekretaris Utama",
        pihak_kedua_jabatan="Sekretaris Utama",
    )
    baris1 = m.BarisPK.objects.create(
        versi=versi, urutan=1, indikator=ind1, uraian_sasaran=sasaran.nama, uraian_indikator=ind1.nama, nilai=D("34")
    )
    for tw, nilai in zip((1, 2, 3, 4), ("7", "14", "26", "34"), strict=True):
        m.RencanaAksi.objects.create(baris_pk=baris1, triwulan=tw, target_kumulatif=D(nilai))
    realisasi1 = m.Realisasi.objects.create(indikator=ind1, tahun=TAHUN, triwulan=1, nilai=D("7"))
    bukti = m.BuktiDukung(realisasi=realisasi1, keterangan="Notulen")
    bukti.berkas.save("notulen.pdf", ContentFile(b"%PDF-1.4 uji"), save=True)
    mata = MataAnggaran.objects.create(
        unit=unit, tahun=TAHUN, kode="001", nama="Program dukungan", jenis=JenisMataAnggaran.PROGRAM
    )
    PaguRevisi.objects.create(
        mata_anggaran=mata, revisi_ke=0, berlaku_mulai=datetime.date(TAHUN, 1, 1), nilai=D("1000000")
    )
    sub = SubKegiatan.objects.create(unit=unit, tahun=TAHUN, nama="Penyusunan MoU", mata_anggaran=mata)
    pengguna = {
        "admin": buat_pengguna("admin", Peran.ADMINISTRATOR),
        "perencana": buat_pengguna("perencana", Peran.PERENCANA, unit),
        "pimpinan": buat_pengguna("pimpinan", Peran.PIMPINAN, unit),
        "pimpinan_induk": buat_pengguna("pimpinan_induk", Peran.PIMPINAN, induk),
        "auditor": buat_pengguna("auditor", Peran.AUDITOR),
        "perencana_lain": buat_pengguna("perencana_lain", Peran.PERENCANA, lain),
        "pimpinan_lain": buat_pengguna("pimpinan_lain", Peran.PIMPINAN, lain),
        "tanpa_peran": buat_pengguna("tanpa_peran"),
    }
    return Data(
        induk,
        unit,
        lain,
        skema,
        renstra,
        revisi,
        sasaran,
        ind1,
        ind2,
        versi,
        baris1,
        mata,
        sub,
        pengguna,
        realisasi1,
        bukti,
    )


def atur_status(data: Data, status: str, tahun: int = TAHUN):
    m.PeriodeUnit.objects.update_or_create(unit=data.unit, tahun=tahun, defaults={"status": status})


@pytest.fixture
def kunci(data):
    """Lock the data year."""
    atur_status(data, StatusPeriode.DIKUNCI)
    return data


MODEL_DIPANTAU = ("indikator", "anggaran", "laporan")


def potret() -> dict[str, list]:
    """Every row of every model (and historical model) of the domain apps: any write changes it. Plain SQL (every
    column of every row, by primary key): called twice in hundreds of tests, the ORM's query building dominated."""
    hasil = {}
    qn = connection.ops.quote_name
    with connection.cursor() as kursor:
        for label in MODEL_DIPANTAU:
            for model in apps.get_app_config(label).get_models():
                meta = model._meta
                kursor.execute(f"SELECT * FROM {qn(meta.db_table)} ORDER BY {qn(meta.pk.column)}")
                hasil[meta.label] = kursor.fetchall()
    return hasil


@pytest.fixture
def media_sementara(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SAKIP_PRIVATE_ROOT = tmp_path / "privat"  # evidence files (private storage)
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def tanpa_https(settings):
    """Plain `pytest` (without SAKIP_TESTING=1 from the Makefile) loads the production security settings."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
