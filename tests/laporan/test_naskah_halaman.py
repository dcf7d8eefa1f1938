"""The planner page for the legal texts: the unit's PK / IKU-decree wording and the year's review statement
(permission, period lock, version check, printed in the report)."""

from __future__ import annotations

import pytest

from indikator.enums import Peran, StatusPeriode
from indikator.models import PeriodeUnit, UnitKerja
from laporan.dinas import riwayat_naskah
from laporan.models import NaskahDinas, PernyataanReviu
from laporan.susun import susun_laporan
from tests.pabrik import buat_pengguna

TAHUN = 2018


def _url(unit):
    return f"/laporan/{unit.slug}/{TAHUN}/naskah/"


def _data_naskah(**lain):
    n = NaskahDinas()
    data = {
        "aksi": "naskah",
        "naskah-pk_pembuka": n.pk_pembuka,
        "naskah-pk_janji": "Pihak pertama berjanji sungguh-sungguh mewujudkan target kinerja {unit}.",
        "naskah-pk_supervisi": n.pk_supervisi,
        "naskah-iku_nomor": "HK.01.1.12.18.123",
        "naskah-iku_tanggal": "2018-01-15",
        "naskah-iku_menimbang": n.iku_menimbang,
        "naskah-iku_mengingat": n.iku_mengingat,
        "naskah-iku_diktum": n.iku_diktum,
    }
    data.update(lain)
    return data


def _data_reviu(**lain):
    data = {
        "aksi": "reviu",
        "reviu-isi": "Kami telah mereviu Laporan Kinerja {unit} tahun {tahun}.",
        "reviu-kota": "Jakarta",
        "reviu-tanggal": "2019-02-20",
        "reviu-pereviu_nama": "Inspektur Uji",
        "reviu-pereviu_nip": "19700101 199001 1 001",
        "reviu-pereviu_jabatan": "Inspektur I",
    }
    data.update(lain)
    return data


@pytest.mark.django_db
def test_perencana_mengubah_naskah_dan_laporan_mencetaknya(klien, unit):
    halaman = klien.get(_url(unit))
    assert halaman.status_code == 200
    assert "Naskah Perjanjian Kinerja dan Keputusan Penetapan IKU" in halaman.content.decode()
    r = klien.post(_url(unit), _data_naskah())
    assert r.status_code == 302
    n = NaskahDinas.objects.get(unit=unit)
    assert n.pk_janji.startswith("Pihak pertama berjanji sungguh-sungguh") and n.iku_nomor == "HK.01.1.12.18.123"
    lap = susun_laporan(unit, TAHUN)
    teks = [getattr(b, "janji", "") for bg in lap.lampiran for b in bg.semua_blok()]
    assert any("sungguh-sungguh mewujudkan target kinerja Biro Kerja Sama" in t for t in teks)


@pytest.mark.django_db
def test_pernyataan_reviu_diisi_lalu_dihapus(klien, unit):
    assert susun_laporan(unit, TAHUN).pernyataan_reviu is None
    assert klien.post(_url(unit), _data_reviu()).status_code == 302
    r = PernyataanReviu.objects.get(unit=unit, tahun=TAHUN)
    assert (r.pereviu_nama, r.pereviu_jabatan, str(r.tanggal)) == ("Inspektur Uji", "Inspektur I", "2019-02-20")
    # Printed only once the APIP's review of the year is completed (tindak_lanjut.ReviuLaporan).
    assert susun_laporan(unit, TAHUN).pernyataan_reviu is None
    from tindak_lanjut.models import ReviuLaporan

    ReviuLaporan.objects.create(unit=unit, tahun=TAHUN, status="selesai", pereviu_nama="Inspektur Uji")
    assert susun_laporan(unit, TAHUN).pernyataan_reviu is not None
    klien.post(_url(unit), {"aksi": "hapus_reviu"})
    assert not PernyataanReviu.objects.exists()


@pytest.mark.django_db
def test_isian_salah_tidak_mengubah_apa_pun(klien, unit):
    r = klien.post(_url(unit), _data_reviu(**{"reviu-tanggal": "bukan tanggal", "reviu-pereviu_nama": ""}))
    assert r.status_code == 400
    assert not PernyataanReviu.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("peran", "di_unit"), [(Peran.PERENCANA, False), (Peran.PIMPINAN, True), (Peran.AUDITOR, True)]
)
def test_selain_perencana_unit_ditolak(client, unit, peran, di_unit):
    lain = UnitKerja.objects.create(slug="unit-lain", nama="Unit Lain")
    client.force_login(buat_pengguna("p", peran, unit if di_unit else lain))
    assert client.get(_url(unit)).status_code == 403
    assert client.post(_url(unit), _data_naskah()).status_code == 403
    assert client.post(_url(unit), _data_reviu()).status_code == 403
    assert not NaskahDinas.objects.filter(unit=unit).exists() and not PernyataanReviu.objects.exists()


@pytest.mark.django_db
def test_tahun_terkunci_menolak(klien, unit):
    PeriodeUnit.objects.update_or_create(unit=unit, tahun=TAHUN, defaults={"status": StatusPeriode.DISAHKAN})
    assert klien.post(_url(unit), _data_naskah()).status_code == 409
    assert klien.post(_url(unit), _data_reviu()).status_code == 409
    assert not NaskahDinas.objects.filter(unit=unit).exists() and not PernyataanReviu.objects.exists()


@pytest.mark.django_db
def test_versi_lama_ditolak(klien, unit):
    klien.post(_url(unit), _data_naskah())
    lama = "0"
    assert riwayat_naskah(unit).exists()
    r = klien.post(_url(unit), _data_naskah(**{"naskah-versi": lama, "naskah-iku_nomor": "LAIN"}))
    assert r.status_code == 409
    assert NaskahDinas.objects.get(unit=unit).iku_nomor == "HK.01.1.12.18.123"
