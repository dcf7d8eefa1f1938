"""Deletions can be undone: every planning and budget model keeps its history; an administrator restores deleted
objects of a unit ("Pulihkan"); deletions that would cascade into realisasi are refused in the app and the admin."""

import datetime
from decimal import Decimal as D
from io import BytesIO, StringIO

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from anggaran.models import AlokasiRenstra, RealisasiAnggaran
from indikator import models as m
from indikator.enums import JenisPegawai, JenjangPendidikan, Perspektif, StatusPeriode
from laporan.models import GambarLaporan, PernyataanReviu
from tests.pabrik import buat_pengguna

from .conftest import TAHUN, atur_status, buat_indikator

S = "biro-ks"


def _terhapus(jenis, history_id):
    return reverse("kerja:pulihkan", args=[S, jenis, history_id])


def _hapus_terakhir(model, pk):
    return model.history.filter(id=pk, history_type="-").latest("history_id").history_id


def test_setiap_model_perencanaan_dan_anggaran_memiliki_riwayat():
    tanpa = [
        model._meta.label
        for label in ("indikator", "anggaran", "laporan")
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical") and not hasattr(model, "history")
    ]
    tanpa.remove("indikator.SurelGagal")  # a log of failed e-mails, not planning data
    tanpa.remove("indikator.SandiSementara")  # an account flag (must change the password), not planning data
    assert tanpa == []


def test_riwayat_tercatat_saat_dibuat_dan_diubah(data):
    objek = [
        m.Tujuan.objects.create(renstra=data.renstra, uraian="Tujuan"),
        m.KepalaUnit.objects.create(
            unit=data.unit, nama="Kepala", jabatan="Kepala Biro", mulai=datetime.date(2018, 1, 1)
        ),
        m.KomposisiPegawai.objects.create(
            unit=data.unit, tahun=TAHUN, jenis=JenisPegawai.values[0], jenjang=JenjangPendidikan.values[0], jumlah=3
        ),
        m.NilaiAkip.objects.create(unit=data.unit, tahun=TAHUN, nilai_dilaporkan=D("70")),
        AlokasiRenstra.objects.create(renstra=data.renstra, program="Program", tahun=TAHUN, nilai=D("1")),
        data.unit,
        data.renstra,
        data.revisi,
        data.sasaran,
        data.bukti,
        data.versi.pk_induk,
        data.skema,
    ]
    for obj in objek:
        assert obj.history.filter(history_type="+").exists(), type(obj)
        obj.save()
        assert obj.history.filter(history_type="~").exists(), type(obj)


def test_hapus_tujuan_lalu_pulihkan_sebagai_admin(client, data):
    t = m.Tujuan.objects.create(renstra=data.renstra, kode="T1", uraian="Tujuan satu", urutan=3)
    data.sasaran.tujuan = t
    data.sasaran.save()
    client.force_login(data.pengguna["perencana"])
    client.post(reverse("kerja:tujuan_hapus", args=[S, t.pk]))
    assert not m.Tujuan.objects.filter(pk=t.pk).exists()

    client.force_login(data.pengguna["admin"])
    html = client.get(reverse("kerja:terhapus", args=[S])).content.decode()
    assert "Tujuan satu" in html and "Pulihkan" in html
    r = client.post(_terhapus("tujuan", _hapus_terakhir(m.Tujuan, t.pk)), follow=True)
    assert "dipulihkan" in r.content.decode()
    t2 = m.Tujuan.objects.get(pk=t.pk)
    assert (t2.kode, t2.uraian, t2.urutan, t2.renstra_id) == ("T1", "Tujuan satu", 3, data.renstra.pk)
    data.sasaran.refresh_from_db()
    assert data.sasaran.tujuan_id == t.pk  # the sasaran that lost its goal are linked again
    assert t2.history.latest("history_id").history_user == data.pengguna["admin"]
    assert "Tujuan satu" not in client.get(reverse("kerja:terhapus", args=[S])).content.decode()


def test_hapus_sasaran_tanpa_realisasi_lalu_pulihkan_dengan_indikatornya(client, data):
    s2 = data.revisi.sasaran.get(kode="S2")
    ind = buat_indikator(s2, "I9")
    client.force_login(data.pengguna["perencana"])
    r = client.post(reverse("kerja:sasaran_hapus", args=[S, s2.pk]), follow=True)
    assert "Sasaran dihapus." in r.content.decode()
    assert not m.Sasaran.objects.filter(pk=s2.pk).exists() and not m.Indikator.objects.filter(pk=ind.pk).exists()

    client.force_login(data.pengguna["admin"])
    # the indikator first: its sasaran is gone
    r = client.post(_terhapus("indikator", _hapus_terakhir(m.Indikator, ind.pk)), follow=True)
    assert "pulihkan dulu" in r.content.decode()
    assert not m.Indikator.objects.filter(pk=ind.pk).exists()
    client.post(_terhapus("sasaran", _hapus_terakhir(m.Sasaran, s2.pk)))
    client.post(_terhapus("indikator", _hapus_terakhir(m.Indikator, ind.pk)))
    s2b = m.Sasaran.objects.get(pk=s2.pk)
    assert (s2b.kode, s2b.nama, s2b.perspektif) == ("S2", "Sasaran kedua", Perspektif.STAKEHOLDER)
    assert m.Indikator.objects.get(pk=ind.pk).sasaran_id == s2.pk


def test_perencana_ditolak_403_saat_memulihkan(client, data):
    t = m.Tujuan.objects.create(renstra=data.renstra, uraian="Tujuan")
    pk = t.pk
    t.delete()
    url = _terhapus("tujuan", _hapus_terakhir(m.Tujuan, pk))
    for peran in ("perencana", "pimpinan", "auditor"):
        client.force_login(data.pengguna[peran])
        assert client.post(url).status_code == 403
        assert client.get(reverse("kerja:terhapus", args=[S])).status_code == 403
    assert not m.Tujuan.objects.filter(pk=pk).exists()


def test_pulihkan_objek_unit_lain_404(client, data):
    t = m.Tujuan.objects.create(renstra=data.renstra, uraian="Tujuan")
    pk = t.pk
    t.delete()
    client.force_login(data.pengguna["admin"])
    assert (
        client.post(reverse("kerja:pulihkan", args=["biro-lain", "tujuan", _hapus_terakhir(m.Tujuan, pk)])).status_code
        == 404
    )


def test_pulihkan_ke_tahun_terkunci_ditolak(client, data):
    bukti_pk = data.bukti.pk
    data.bukti.delete()
    atur_status(data, StatusPeriode.DIKUNCI)
    client.force_login(data.pengguna["admin"])
    r = client.post(_terhapus("bukti", _hapus_terakhir(m.BuktiDukung, bukti_pk)), follow=True)
    assert "tidak dapat diubah" in r.content.decode()
    assert not m.BuktiDukung.objects.filter(pk=bukti_pk).exists()


def test_pulihkan_bukti_mengembalikan_berkas(client, data):
    bukti_pk = data.bukti.pk
    data.bukti.delete()
    client.force_login(data.pengguna["admin"])
    client.post(_terhapus("bukti", _hapus_terakhir(m.BuktiDukung, bukti_pk)))
    r = client.get(reverse("kerja:bukti_unduh", args=[S, bukti_pk]))
    assert r.status_code == 200 and b"".join(r.streaming_content) == b"%PDF-1.4 uji"


def test_sasaran_dengan_realisasi_tidak_dapat_dihapus_di_aplikasi(client, data):
    client.force_login(data.pengguna["perencana"])
    r = client.post(reverse("kerja:sasaran_hapus", args=[S, data.sasaran.pk]), follow=True)
    assert "hapus dulu realisasinya" in r.content.decode()
    assert m.Sasaran.objects.filter(pk=data.sasaran.pk).exists()


@pytest.fixture
def admin_django(client, data):
    client.force_login(buat_pengguna("root", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize(
    "model, objek",
    [
        ("sasaran", lambda d: d.sasaran),
        ("indikator", lambda d: d.ind1),
        ("revisirenstra", lambda d: d.revisi),
        ("renstra", lambda d: d.renstra),
        ("unitkerja", lambda d: d.unit),
    ],
)
def test_admin_menolak_hapus_yang_berantai_ke_realisasi(admin_django, data, model, objek):
    obj = objek(data)
    url = reverse(f"admin:indikator_{model}_delete", args=[obj.pk])
    r = admin_django.post(url, {"post": "yes"})
    assert r.status_code == 200 and "hapus dulu realisasinya" in r.content.decode()
    assert type(obj).objects.filter(pk=obj.pk).exists()
    r = admin_django.post(
        reverse(f"admin:indikator_{model}_changelist"),
        {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"},
    )
    assert "hapus dulu realisasinya" in r.content.decode()
    assert type(obj).objects.filter(pk=obj.pk).exists()
    assert m.Realisasi.objects.filter(pk=data.realisasi1.pk).exists()


def test_admin_menolak_hapus_mata_anggaran_dengan_realisasi(admin_django, data):
    RealisasiAnggaran.objects.create(mata_anggaran=data.mata, bulan=1, nilai=D("5"))
    r = admin_django.post(reverse("admin:anggaran_mataanggaran_delete", args=[data.mata.pk]), {"post": "yes"})
    assert "hapus dulu realisasinya" in r.content.decode()
    assert type(data.mata).objects.filter(pk=data.mata.pk).exists()


def test_admin_menghapus_sasaran_tanpa_realisasi(admin_django, data):
    s2 = data.revisi.sasaran.get(kode="S2")
    r = admin_django.post(reverse("admin:indikator_sasaran_delete", args=[s2.pk]), {"post": "yes"})
    assert r.status_code == 302
    assert not m.Sasaran.objects.filter(pk=s2.pk).exists()


def test_tautan_pemulihan_hanya_untuk_admin(client, data):
    url = reverse("kerja:riwayat_unit", args=[S, TAHUN])
    tautan = reverse("kerja:terhapus", args=[S])
    client.force_login(data.pengguna["admin"])
    assert tautan in client.get(url).content.decode()
    client.force_login(data.pengguna["perencana"])
    assert tautan not in client.get(url).content.decode()


# --- Report figures and the review statement (finding 7): deleted softly, restored like evidence ---------------


def _png() -> SimpleUploadedFile:
    isi = BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(isi, format="PNG")
    return SimpleUploadedFile("bagan.png", isi.getvalue(), content_type="image/png")


def _gambar_dihapus(client, data) -> GambarLaporan:
    client.force_login(data.pengguna["perencana"])
    dasar = f"/laporan/{S}/{TAHUN}/gambar/"
    client.post(dasar, {"bagian": "bab1_peran", "judul": "Bagan Alur", "urutan": "1", "berkas": _png()})
    g = GambarLaporan.objects.get(unit=data.unit, tahun=TAHUN)
    client.post(f"{dasar}{g.pk}/", {"aksi": "hapus"})
    assert not GambarLaporan.objects.filter(pk=g.pk).exists()
    return g


def test_hapus_gambar_laporan_lalu_pulihkan_dengan_berkasnya(client, data):
    g = _gambar_dihapus(client, data)
    assert g.berkas.storage.exists(g.berkas.name)  # the file is kept, unreachable without the record
    assert client.get(f"/laporan/gambar/{g.pk}/").status_code in (403, 404)
    client.force_login(data.pengguna["admin"])
    html = client.get(reverse("kerja:terhapus", args=[S])).content.decode()
    assert "Bagan Alur" in html
    r = client.post(_terhapus("gambar-laporan", _hapus_terakhir(GambarLaporan, g.pk)), follow=True)
    assert "dipulihkan" in r.content.decode()
    g2 = GambarLaporan.objects.get(pk=g.pk)
    assert (g2.judul, g2.bagian, g2.berkas.name) == ("Bagan Alur", "bab1_peran", g.berkas.name)
    berkas = client.get(f"/laporan/gambar/{g.pk}/")
    assert berkas.status_code == 200 and b"".join(berkas.streaming_content).startswith(b"\x89PNG")


def test_berkas_gambar_dihapus_hanya_oleh_perintah_pembersih(client, data):
    g = _gambar_dihapus(client, data)
    call_command("bersihkan_bukti_terhapus", stdout=StringIO())
    assert g.berkas.storage.exists(g.berkas.name)  # deleted just now: kept for SAKIP_BUKTI_TERHAPUS_HARI days
    GambarLaporan.history.filter(history_type="-").update(history_date=timezone.now() - datetime.timedelta(days=31))
    keluaran = StringIO()
    call_command("bersihkan_bukti_terhapus", stdout=keluaran)
    assert not g.berkas.storage.exists(g.berkas.name) and g.berkas.name in keluaran.getvalue()
    client.force_login(data.pengguna["admin"])
    r = client.post(_terhapus("gambar-laporan", _hapus_terakhir(GambarLaporan, g.pk)), follow=True)
    assert "sudah dibersihkan" in r.content.decode()
    assert not GambarLaporan.objects.filter(pk=g.pk).exists()


def _reviu(data) -> PernyataanReviu:
    return PernyataanReviu.objects.create(
        unit=data.unit,
        tahun=TAHUN,
        tanggal=datetime.date(2019, 2, 20),
        pereviu_nama="Inspektur Uji",
        pereviu_jabatan="Inspektur I",
    )


def test_hapus_pernyataan_reviu_lalu_pulihkan(client, data):
    r = _reviu(data)
    client.force_login(data.pengguna["perencana"])
    client.post(f"/laporan/{S}/{TAHUN}/naskah/", {"aksi": "hapus_reviu"})
    assert not PernyataanReviu.objects.exists()
    client.force_login(data.pengguna["admin"])
    assert "Inspektur Uji" in client.get(reverse("kerja:terhapus", args=[S])).content.decode()
    hasil = client.post(_terhapus("pernyataan-reviu", _hapus_terakhir(PernyataanReviu, r.pk)), follow=True)
    assert "dipulihkan" in hasil.content.decode()
    r2 = PernyataanReviu.objects.get(pk=r.pk)
    assert (r2.pereviu_nama, r2.isi, r2.tanggal) == ("Inspektur Uji", r.isi, r.tanggal)


def test_pulihkan_pernyataan_reviu_yang_sudah_diganti_ditolak(client, data):
    pk = _reviu(data).pk
    PernyataanReviu.objects.get(pk=pk).delete()
    baru = _reviu(data)
    client.force_login(data.pengguna["admin"])
    hasil = client.post(_terhapus("pernyataan-reviu", _hapus_terakhir(PernyataanReviu, pk)), follow=True)
    assert "Tidak dapat dipulihkan" in hasil.content.decode()
    assert list(PernyataanReviu.objects.values_list("pk", flat=True)) == [baru.pk]


def test_pulihkan_gambar_ke_tahun_terkunci_ditolak(client, data):
    g = _gambar_dihapus(client, data)
    atur_status(data, StatusPeriode.DIKUNCI)
    client.force_login(data.pengguna["admin"])
    r = client.post(_terhapus("gambar-laporan", _hapus_terakhir(GambarLaporan, g.pk)), follow=True)
    assert "tidak dapat diubah" in r.content.decode()
    assert not GambarLaporan.objects.filter(pk=g.pk).exists()
