"""Approval integrity: every write holds the period row lock, so no edit commits after an approval; the admin
respects the period lock; a frozen year's report prints the unit profile as it was at approval."""

import datetime
import threading
from decimal import Decimal as D

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from anggaran import services as anggaran_services
from indikator import periode, services
from indikator.enums import StatusPeriode, SumberTarget
from indikator.models import KepalaUnit, PeriodeUnit, Realisasi, Target
from laporan.narasi import simpan_narasi
from laporan.susun import susun_laporan
from tests.pabrik import buat_pengguna

from .conftest import TAHUN, atur_status

POSTGRES = connection.vendor == "postgresql"

TULIS = {
    "realisasi": lambda d: services.simpan_realisasi(indikator=d.ind1, tahun=TAHUN, triwulan=2, nilai=D("3")),
    "target": lambda d: services.simpan_target_tahunan(
        unit=d.unit, indikator=[d.ind1, d.ind2], nilai={(d.ind1.pk, TAHUN): D("41")}
    ),
    "baris_pk": lambda d: services.simpan_baris_pk(baris=d.baris1),
    "bukti_hapus": lambda d: services.hapus_bukti(bukti=d.bukti),
    "pensiun": lambda d: services.pensiunkan_indikator(indikator=d.ind2, tahun=2019),
    "mata_anggaran": lambda d: anggaran_services.simpan_mata_anggaran(mata_anggaran=d.mata),
    "realisasi_anggaran": lambda d: anggaran_services.simpan_realisasi_anggaran(
        mata_anggaran=d.mata, nilai_per_bulan={1: D("10")}
    ),
    "narasi": lambda d: simpan_narasi(
        unit=d.unit, tahun=TAHUN, bagian="kata_pengantar", sasaran=None, judul="", isi="Isi"
    ),
}


@pytest.mark.parametrize("nama", list(TULIS))
def test_tulis_mengambil_kunci_baris_periode(data, nama, monkeypatch):
    """Every write service locks the period row (select_for_update) inside its transaction."""
    asli = PeriodeUnit.objects.select_for_update
    dipanggil = []

    def mata_mata(*args, **kw):
        dipanggil.append(kw)
        return asli(*args, **kw)

    monkeypatch.setattr(PeriodeUnit.objects, "select_for_update", mata_mata)
    TULIS[nama](data)
    assert dipanggil
    assert PeriodeUnit.objects.filter(unit=data.unit).exists()  # created (draft) so that there is a row to lock


@pytest.mark.skipif(not POSTGRES, reason="SQLite has no row locks (it serialises whole write transactions)")
@pytest.mark.parametrize("nama", list(TULIS))
def test_tulis_memakai_for_update_di_postgresql(data, nama):
    with CaptureQueriesContext(connection) as kueri:
        TULIS[nama](data)
    assert any("FOR UPDATE" in q["sql"] and "periodeunit" in q["sql"] for q in kueri.captured_queries)


def test_sahkan_mengunci_baris_yang_sama(data):
    atur_status(data, StatusPeriode.DIAJUKAN)
    with CaptureQueriesContext(connection) as kueri:
        periode.sahkan_periode(unit=data.unit, tahun=TAHUN, oleh=data.pengguna["pimpinan"])
    if POSTGRES:
        assert any("FOR UPDATE" in q["sql"] and "periodeunit" in q["sql"] for q in kueri.captured_queries)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_kunci_tulis_di_luar_transaksi_ditolak(data):
    with pytest.raises(transaction.TransactionManagementError):
        periode.kunci_periode_untuk_tulis(data.unit, TAHUN)


@pytest.mark.skipif(not POSTGRES, reason="real row locking needs PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("putaran", range(3))
def test_tulis_yang_berpacu_dengan_pengesahan_ditolak(data, putaran):
    """The head approves while a planner saves: the save waits for the approval and is then refused; nothing
    lands after the approval."""
    atur_status(data, StatusPeriode.DIAJUKAN)
    disahkan, lanjut = threading.Event(), threading.Event()
    hasil = {}

    def sahkan():
        try:
            with transaction.atomic():
                periode.sahkan_periode(unit=data.unit, tahun=TAHUN, oleh=data.pengguna["pimpinan"])
                disahkan.set()
                lanjut.wait(10)
        finally:
            connection.close()

    def tulis():
        try:
            services.simpan_realisasi(indikator=data.ind1, tahun=TAHUN, triwulan=2, nilai=D("9"))
            hasil["tulis"] = "tersimpan"
        except periode.PeriodeBeku:
            hasil["tulis"] = "ditolak"
        finally:
            connection.close()

    t1 = threading.Thread(target=sahkan)
    t1.start()
    assert disahkan.wait(10)
    t2 = threading.Thread(target=tulis)
    t2.start()
    t2.join(0.5)
    assert t2.is_alive(), "the write must wait for the approval's row lock"
    lanjut.set()
    t1.join(10)
    t2.join(10)
    assert hasil["tulis"] == "ditolak"
    assert not Realisasi.objects.filter(indikator=data.ind1, tahun=TAHUN, triwulan=2).exists()
    assert PeriodeUnit.objects.get(unit=data.unit, tahun=TAHUN).status == StatusPeriode.DISAHKAN


# --- admin ---------------------------------------------------------------------------------------------------


@pytest.fixture
def root(client, db):
    client.force_login(buat_pengguna("root", is_staff=True, is_superuser=True))
    return client


def _admin(model, aksi, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{aksi}", args=args)


@pytest.mark.parametrize("status", [StatusPeriode.DISAHKAN, StatusPeriode.DIKUNCI])
def test_admin_tahun_beku_hanya_baca(root, data, status):
    atur_status(data, status)
    r = data.realisasi1
    halaman = root.get(_admin(Realisasi, "change", r.pk))
    assert halaman.status_code == 200
    assert 'name="nilai"' not in halaman.content.decode()
    ubah = root.post(_admin(Realisasi, "change", r.pk), {"indikator": r.indikator_id, "tahun": TAHUN, "nilai": "99"})
    assert ubah.status_code == 403
    assert root.post(_admin(Realisasi, "delete", r.pk), {"post": "yes"}).status_code == 403
    r.refresh_from_db()
    assert r.nilai == 7
    for obj in (data.mata, data.baris1, data.sub, Target.objects.get(indikator=data.ind1, tahun=TAHUN)):
        assert root.post(_admin(type(obj), "delete", obj.pk), {"post": "yes"}).status_code == 403, obj
    # the structure of a frozen year too (the Renstra covers it)
    assert root.post(_admin(type(data.ind1), "delete", data.ind1.pk), {"post": "yes"}).status_code == 403


def test_admin_tambah_ke_tahun_beku_ditolak(root, data):
    atur_status(data, StatusPeriode.DIKUNCI)
    isi = {
        "indikator": data.ind2.pk,
        "tahun": TAHUN,
        "sumber": SumberTarget.RENSTRA,
        "nilai": "5",
    }
    Target.objects.filter(indikator=data.ind2, tahun=TAHUN).delete()
    r = root.post(_admin(Target, "add"), isi)
    assert r.status_code == 200
    assert "sudah disahkan atau dikunci" in r.content.decode()
    assert not Target.objects.filter(indikator=data.ind2, tahun=TAHUN).exists()


def test_admin_tahun_terbuka_tetap_dapat_diubah(root, data):
    r = data.realisasi1
    assert 'name="nilai"' in root.get(_admin(Realisasi, "change", r.pk)).content.decode()


def test_admin_status_periode_tidak_dapat_diubah(root, data):
    atur_status(data, StatusPeriode.DIKUNCI)
    p = PeriodeUnit.objects.get(unit=data.unit, tahun=TAHUN)
    halaman = root.get(_admin(PeriodeUnit, "change", p.pk))
    assert halaman.status_code == 200
    assert 'name="status"' not in halaman.content.decode()
    r = root.post(_admin(PeriodeUnit, "change", p.pk), {"unit": data.unit.pk, "tahun": TAHUN, "status": "draft"})
    assert r.status_code == 403
    assert root.post(_admin(PeriodeUnit, "delete", p.pk), {"post": "yes"}).status_code == 403
    assert root.get(_admin(PeriodeUnit, "add")).status_code == 403
    p.refresh_from_db()
    assert p.status == StatusPeriode.DIKUNCI


# --- profile kept at approval --------------------------------------------------------------------------------


def test_laporan_tahun_disahkan_memakai_profil_saat_disahkan(data):
    KepalaUnit.objects.create(
        unit=data.unit, nama="Kepala Lama", nip="1970", jabatan="Kepala Biro", mulai=datetime.date(2015, 1, 1)
    )
    data.unit.tugas = "Tugas lama"
    data.unit.save()
    periode.ajukan_periode(unit=data.unit, tahun=TAHUN, oleh=data.pengguna["perencana"])
    periode.sahkan_periode(unit=data.unit, tahun=TAHUN, oleh=data.pengguna["pimpinan"])

    data.unit.nama = "Biro Kerja Sama Baru"
    data.unit.tugas = "Tugas baru"
    data.unit.save()
    KepalaUnit.objects.filter(unit=data.unit).update(selesai=datetime.date(2017, 12, 31))
    KepalaUnit.objects.create(
        unit=data.unit, nama="Kepala Baru", nip="1980", jabatan="Kepala Biro", mulai=datetime.date(2018, 1, 1)
    )

    beku = susun_laporan(data.unit, TAHUN)
    assert beku.unit.nama == "Biro Kerja Sama"
    assert beku.kepala and "Kepala Lama" in str(beku.kepala)
    teks_beku = repr(beku)
    assert "Biro Kerja Sama Baru" not in teks_beku and "Tugas baru" not in teks_beku

    terbuka = susun_laporan(data.unit, 2019)
    assert terbuka.unit.nama == "Biro Kerja Sama Baru"
    assert "Kepala Baru" in str(terbuka.kepala)

    # reopened (with its reason): the report follows the current profile again
    periode.buka_kunci_periode(unit=data.unit, tahun=TAHUN, oleh=data.pengguna["admin"], alasan="Koreksi")
    assert susun_laporan(data.unit, TAHUN).unit.nama == "Biro Kerja Sama Baru"
