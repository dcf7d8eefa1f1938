"""The APIP's LKj review: opened on a submitted year with the app's checks, checklist answered, notes per
chapter, completed with the outcome and LHR; its notes become recommendations of the LHR; the report prints the
"Pernyataan Telah Direviu" only from the completed review, signed by the reviewer."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from alur.reviu import buka_reviu, periksa_otomatis
from indikator.enums import StatusPeriode
from indikator.models import PeriodeUnit
from laporan.bundel import ambil_bundel
from tindak_lanjut import reviu as rv
from tindak_lanjut.enums import BabReviu, ButirPeriksa, HasilReviu, JenisSumber, StatusReviu
from tindak_lanjut.models import Rekomendasi, ReviuLaporan

pytestmark = pytest.mark.django_db


def status(dunia, s):
    PeriodeUnit.objects.update_or_create(unit=dunia.unit, tahun=2018, defaults={"status": s})


def selesai(dunia, reviu, **kw):
    data = dict(
        hasil=HasilReviu.LAYAK_CATATAN,
        nomor_lhr="LHR-05/2019",
        tanggal=datetime.date(2019, 2, 20),
        kota="Jakarta",
        pereviu_nama="Inspektur Uji",
        pereviu_nip="19700101 199001 1 001",
        pereviu_jabatan="Inspektur I",
    )
    data.update(kw)
    return rv.selesaikan_reviu(oleh=dunia.pengguna["auditor"], reviu=reviu, **data)


def test_cek_otomatis_dari_data(dunia):
    cek = periksa_otomatis(dunia.unit, 2018)
    assert cek[ButirPeriksa.PK][0] is True
    assert cek[ButirPeriksa.ANGGARAN][0] is True
    assert cek[ButirPeriksa.TINDAK_LANJUT][0] is False
    assert ButirPeriksa.BANDING_STANDAR not in cek and ButirPeriksa.SISTEMATIKA not in cek


def test_alur_reviu_sampai_pernyataan(dunia):
    with pytest.raises(ValidationError):  # a draft year is not reviewed yet
        buka_reviu(oleh=dunia.pengguna["auditor"], unit=dunia.unit, tahun=2018)
    status(dunia, StatusPeriode.DIAJUKAN)
    with pytest.raises(PermissionDenied):
        buka_reviu(oleh=dunia.pengguna["perencana"], unit=dunia.unit, tahun=2018)
    reviu = buka_reviu(oleh=dunia.pengguna["auditor"], unit=dunia.unit, tahun=2018)
    butir = {b.kode: b for b in reviu.butir.all()}
    assert len(butir) == len(ButirPeriksa.values) and butir[ButirPeriksa.PK].otomatis
    rv.tambah_catatan(
        oleh=dunia.pengguna["auditor"],
        reviu=reviu,
        bab=BabReviu.BAB3,
        isi="Tambahkan perbandingan dengan standar nasional",
        jadi_rekomendasi=True,
    )
    rv.tambah_catatan(
        oleh=dunia.pengguna["auditor"], reviu=reviu, bab=BabReviu.BAB1, isi="Typo", jadi_rekomendasi=False
    )
    with pytest.raises(ValidationError) as e:  # points left unanswered
        selesai(dunia, reviu)
    assert "belum dijawab" in e.value.messages[0]
    assert ambil_bundel(dunia.unit, 2018).reviu is None
    for b in reviu.butir.filter(terpenuhi__isnull=True):
        rv.simpan_butir(oleh=dunia.pengguna["auditor"], reviu=reviu, kode=b.kode, terpenuhi=b.kode != "banding_standar")
    selesai(dunia, reviu)
    reviu.refresh_from_db()
    assert reviu.status == StatusReviu.SELESAI and reviu.sumber.jenis == JenisSumber.LHR_REVIU
    rek = Rekomendasi.objects.get()
    assert (rek.sumber, rek.tahun, rek.uraian, rek.kondisi) == (
        reviu.sumber,
        2019,
        "Tambahkan perbandingan dengan standar nasional",
        "Bab III Akuntabilitas Kinerja",
    )
    pernyataan = ambil_bundel(dunia.unit, 2018).reviu
    assert (pernyataan.pereviu_nama, pernyataan.pereviu_jabatan, pernyataan.tanggal) == (
        "Inspektur Uji",
        "Inspektur I",
        datetime.date(2019, 2, 20),
    )
    with pytest.raises(ValidationError):  # completed: final
        rv.tambah_catatan(oleh=dunia.pengguna["auditor"], reviu=reviu, bab="umum", isi="x", jadi_rekomendasi=False)


def test_tahun_disahkan_menolak_reviu(dunia):
    status(dunia, StatusPeriode.DIAJUKAN)
    reviu = buka_reviu(oleh=dunia.pengguna["auditor"], unit=dunia.unit, tahun=2018)
    status(dunia, StatusPeriode.DISAHKAN)
    with pytest.raises(ValidationError):
        rv.simpan_butir(oleh=dunia.pengguna["auditor"], reviu=reviu, kode="pk", terpenuhi=True)
    assert ReviuLaporan.objects.get().status == StatusReviu.DRAF
