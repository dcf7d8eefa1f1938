"""An LHE issued in the app becomes a source of recommendations linked to its evaluation
(`services.sumber_dari_lhe`, through `alur.tindak_lanjut.terbitkan_lhe_dengan_sumber`); the LHE page links to the
register's new-recommendation form for it and the register shows the source's evaluation."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

import alur.tindak_lanjut as alur_tl
from evaluasi.enums import JenisEvaluasi
from evaluasi.models import Evaluasi, Lhe
from evaluasi.templat import template_aktif
from indikator.enums import RegulasiAkip
from tindak_lanjut import services
from tindak_lanjut.enums import JenisSumber
from tindak_lanjut.models import SumberRekomendasi

from .conftest import buat_sumber, terbitkan

pytestmark = pytest.mark.django_db
TAHUN = 2018


def _ev(dunia, jenis=JenisEvaluasi.APIP) -> Evaluasi:
    t = template_aktif(RegulasiAkip.PERMENPAN_88_2021)
    return Evaluasi.objects.create(unit=dunia.unit, tahun=TAHUN, jenis=jenis, template=t)


def _lhe(ev=None, nomor="LHE-07/2018") -> Lhe:
    return Lhe(evaluasi=ev, nomor=nomor, tanggal=datetime.date(2018, 11, 30), penandatangan_nama="Budi",
               penandatangan_jabatan="Inspektur Utama")  # fmt: skip


@pytest.mark.parametrize(
    ("jenis", "sumber"),
    [(JenisEvaluasi.APIP, JenisSumber.LHE_INTERNAL), (JenisEvaluasi.EKSTERNAL, JenisSumber.LHE_KEMENPAN),
     (JenisEvaluasi.MANDIRI, None)],
)  # fmt: skip
def test_sumber_dari_lhe(dunia, jenis, sumber):
    ev = _ev(dunia, jenis)
    s = services.sumber_dari_lhe(oleh=dunia.pengguna["auditor"], ev=ev, lhe=_lhe())
    if sumber is None:
        assert s is None and not SumberRekomendasi.objects.exists()
        return
    s.refresh_from_db()
    assert (s.unit, s.jenis, s.nomor, s.tanggal, s.penerbit, s.tahun_objek, s.evaluasi) == (
        dunia.unit, sumber, "LHE-07/2018", datetime.date(2018, 11, 30), "Inspektur Utama", TAHUN, ev
    )  # fmt: skip
    # Idempotent: the same evaluation keeps one source.
    assert services.sumber_dari_lhe(oleh=dunia.pengguna["auditor"], ev=ev, lhe=_lhe()).pk == s.pk
    assert SumberRekomendasi.objects.count() == 1


def test_sumber_manual_dengan_nomor_sama_ditautkan(dunia):
    manual = buat_sumber(dunia, nomor="LHE-07/2018", tahun_objek=TAHUN)
    ev = _ev(dunia)
    s = services.sumber_dari_lhe(oleh=dunia.pengguna["auditor"], ev=ev, lhe=_lhe())
    assert s.pk == manual.pk and SumberRekomendasi.objects.get().evaluasi == ev


def test_sumber_dari_lhe_hanya_apip(dunia):
    with pytest.raises(PermissionDenied):
        services.sumber_dari_lhe(oleh=dunia.pengguna["perencana"], ev=_ev(dunia), lhe=_lhe())
    assert not SumberRekomendasi.objects.exists()


def test_terbitkan_lhe_membuat_sumber_dalam_satu_transaksi(dunia, monkeypatch):
    """The wrapper the LHE page calls: issuing then the source; a refused source rolls the LHE back."""
    ev = _ev(dunia)

    def terbit(*, ev, lhe, oleh, alasan_abaikan=""):
        lhe.evaluasi = ev
        lhe.save()
        return ev

    monkeypatch.setattr(alur_tl, "terbitkan_lhe", terbit)
    alur_tl.terbitkan_lhe_dengan_sumber(ev=ev, lhe=_lhe(), oleh=dunia.pengguna["auditor"])
    assert SumberRekomendasi.objects.get().evaluasi == ev
    ev2 = _ev(dunia, JenisEvaluasi.EKSTERNAL)
    with pytest.raises(PermissionDenied):
        alur_tl.terbitkan_lhe_dengan_sumber(ev=ev2, lhe=_lhe(nomor="X-1"), oleh=dunia.pengguna["perencana"])
    assert not Lhe.objects.filter(evaluasi=ev2).exists()


def test_halaman_lhe_dan_register_menaut(dunia, client):
    ev = _ev(dunia)
    lhe = _lhe(ev)
    lhe.save()
    s = services.sumber_dari_lhe(oleh=dunia.pengguna["auditor"], ev=ev, lhe=lhe)
    terbitkan(dunia, s, uraian="Perbaiki IKU", batas_waktu=datetime.date(2019, 3, 31))
    client.force_login(dunia.pengguna["auditor"])
    baru = reverse("kerja:tl_rekomendasi_baru", args=[dunia.unit.slug]) + f"?sumber={s.pk}"
    halaman = client.get(reverse("kerja:evaluasi_lhe", args=[dunia.unit.slug, TAHUN, ev.jenis])).content.decode()
    assert f'href="{baru}"' in halaman
    form = client.get(baru).content.decode()
    assert f'<option value="{s.pk}" selected>' in form
    register = client.get(reverse("kerja:tl_register", args=[dunia.unit.slug])).content.decode()
    lhe_url = reverse("kerja:evaluasi_lhe", args=[dunia.unit.slug, TAHUN, ev.jenis])
    assert register.count(f'href="{lhe_url}"') == 2  # the row's source and the list of sources
