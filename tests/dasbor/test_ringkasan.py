"""Roll-up summaries: cached per unit-year data version, always equal to a fresh computation after edits
through the services, the admin, the Excel import and a scheme change; only changed units are recomputed."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse

import dasbor.ringkasan
from anggaran.models import RealisasiAnggaran
from dasbor.data import susun_rollup
from impor.buku_kerja import buat_workbook
from impor.layanan import impor_excel
from impor.lembar import Konteks
from indikator import services
from indikator.enums import StatusPeriode
from indikator.models import BandKriteria, Indikator, PeriodeUnit, Realisasi
from tests.impor.util import kolom, simpan
from tests.pabrik import buat_pengguna


@pytest.fixture
def dihitung(monkeypatch):
    """The ids of the units whose summary was computed (not read from the cache), per call."""
    catatan: list[list[int]] = []
    asli = dasbor.ringkasan.hitung_ringkasan

    def hitung(units, tahun):
        catatan.append(sorted(u.pk for u in units))
        return asli(units, tahun)

    monkeypatch.setattr(dasbor.ringkasan, "hitung_ringkasan", hitung)
    return catatan


def _segar(monkeypatch, induk, tahun):
    """The roll-up computed from scratch (fresh cache keys)."""
    awalan = dasbor.ringkasan.AWALAN
    monkeypatch.setattr(dasbor.ringkasan, "AWALAN", awalan + ":segar")
    try:
        return susun_rollup(induk, tahun)
    finally:
        monkeypatch.setattr(dasbor.ringkasan, "AWALAN", awalan)


def _sama_dengan_segar(monkeypatch, induk, tahun):
    tersimpan = susun_rollup(induk, tahun)
    assert tersimpan == _segar(monkeypatch, induk, tahun)
    return tersimpan


def _baris(rollup, unit):
    return next(b for b in rollup.baris if b.unit.pk == unit.pk)


def test_rollup_memakai_ringkasan_dan_sama_dengan_hitungan_segar(skala, dihitung, monkeypatch, client):
    hasil, _kepala = skala(unit=4, indikator=4)
    induk, tahun = hasil.induk, hasil.tahun[-1]
    u_layanan, u_admin, u_impor = hasil.units[1:4]
    assert {p.status for p in PeriodeUnit.objects.filter(unit__in=hasil.units[1:4], tahun=tahun)} == {
        StatusPeriode.DRAFT
    }

    awal = _sama_dengan_segar(monkeypatch, induk, tahun)
    semua = sorted(u.pk for u in hasil.units)
    assert dihitung == [semua, semua]  # cold: every unit, in one batch (the second: the fresh computation)
    dihitung.clear()
    assert susun_rollup(induk, tahun) == awal
    assert dihitung == []  # warm: nothing recomputed

    # 1. A write service (period lock): only that unit is recomputed, and its NKO changes.
    ind = Indikator.objects.filter(sasaran__revisi__renstra__unit=u_layanan).order_by("pk").first()
    for q in (1, 2, 3, 4):
        r = Realisasi.objects.get(indikator=ind, tahun=tahun, triwulan=q)
        services.simpan_realisasi(indikator=ind, tahun=tahun, triwulan=q, nilai=r.nilai * 3)
    sesudah = _sama_dengan_segar(monkeypatch, induk, tahun)
    assert dihitung[0] == [u_layanan.pk]
    assert _baris(sesudah, u_layanan).nko != _baris(awal, u_layanan).nko
    assert [b for b in sesudah.baris if b.unit.pk != u_layanan.pk] == [
        b for b in awal.baris if b.unit.pk != u_layanan.pk
    ]

    # 2. The Django admin (no period lock in the request path): a budget realisasi changed.
    admin = buat_pengguna("root", email="root@example.com", is_staff=True, is_superuser=True)
    client.force_login(admin)
    ra = RealisasiAnggaran.objects.filter(mata_anggaran__unit=u_admin, mata_anggaran__tahun=tahun).first()
    resp = client.post(
        reverse("admin:anggaran_realisasianggaran_change", args=[ra.pk]),
        {"mata_anggaran": ra.mata_anggaran_id, "bulan": ra.bulan, "nilai": str(ra.nilai + 5_000_000), "keterangan": ""},
    )
    assert resp.status_code == 302, resp.content.decode()[:2000]
    dihitung.clear()
    sesudah_admin = _sama_dengan_segar(monkeypatch, induk, tahun)
    assert dihitung[0] == [u_admin.pk]
    assert _baris(sesudah_admin, u_admin).realisasi == _baris(sesudah, u_admin).realisasi + Decimal(5_000_000)

    # 3. The Excel import: a realisasi value changed in the workbook.
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(buat_workbook(Konteks(u_impor, tahun))))
    ws = wb["Realisasi"]
    sel = ws.cell(row=2, column=kolom(ws, "Nilai"))
    sel.value = 0
    hasil_impor = impor_excel(unit=u_impor, tahun=tahun, berkas=io.BytesIO(simpan(wb)), terapkan=True)
    assert hasil_impor.diterapkan, hasil_impor.galat
    dihitung.clear()
    sesudah_impor = _sama_dengan_segar(monkeypatch, induk, tahun)
    assert dihitung[0] == [u_impor.pk]
    assert _baris(sesudah_impor, u_impor) != _baris(sesudah_admin, u_impor)

    # 4. A scheme change (any unit using it): every unit is recomputed, the new band label shows.
    band = BandKriteria.objects.filter(skema__kode="bpom-2020-2024").order_by("urutan", "id").first()
    band.label = "Istimewa"
    band.save()
    dihitung.clear()
    sesudah_skema = _sama_dengan_segar(monkeypatch, induk, tahun)
    assert dihitung[0] == semua
    assert "Istimewa" in dict(sesudah_skema.kriteria)


def test_periode_disimpan_tidak_menurunkan_versi(skala):
    hasil, _ = skala(unit=2, indikator=2)
    tahun = hasil.tahun[-1]
    lama = PeriodeUnit.objects.get(unit=hasil.units[1], tahun=tahun)
    services.simpan_realisasi(
        indikator=Indikator.objects.filter(sasaran__revisi__renstra__unit=hasil.units[1]).first(),
        tahun=tahun,
        triwulan=1,
        nilai=Decimal("1"),
    )
    assert PeriodeUnit.objects.get(pk=lama.pk).versi_data == lama.versi_data + 1
    lama.komentar = "catatan"
    lama.save()  # a row read before the write
    segar = PeriodeUnit.objects.get(pk=lama.pk)
    assert (segar.komentar, segar.versi_data) == ("catatan", lama.versi_data + 1)


def test_perintah_data_skala_menaikkan_versi_semua_unit(skala):
    from django.core.management import call_command

    hasil, _ = skala(unit=2, indikator=2)
    sebelum = dasbor.ringkasan.versi_unit([u.pk for u in hasil.units] + [hasil.induk.pk])
    call_command("buat_data_skala", "--unit", "1", "--tahun", "1", "--indikator", "1", "--awalan", "lain")
    sesudah = dasbor.ringkasan.versi_unit(list(sebelum))
    assert all(sesudah[pk] > sebelum[pk] for pk in sebelum)  # the parent had no period row before
