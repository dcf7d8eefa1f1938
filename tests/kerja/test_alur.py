"""Approval workflow per unit and year: who may take each step, from which status, mandatory comments."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from indikator import periode
from indikator.enums import StatusPeriode as S
from indikator.models import PeriodeUnit

from .conftest import TAHUN, atur_status

LANGKAH = {
    "ajukan": (S.DRAFT, S.DIAJUKAN),
    "kembalikan": (S.DIAJUKAN, S.DIKEMBALIKAN),
    "sahkan": (S.DIAJUKAN, S.DISAHKAN),
    "kunci": (S.DISAHKAN, S.DIKUNCI),
    "buka_kunci": (S.DIKUNCI, S.DRAFT),
}
BOLEH = {
    "ajukan": {"perencana", "admin"},
    "kembalikan": {"pimpinan", "pimpinan_induk", "admin"},
    "sahkan": {"pimpinan", "pimpinan_induk", "admin"},
    "kunci": {"pimpinan", "pimpinan_induk", "admin"},
    "buka_kunci": {"admin"},
}
PERAN = ["admin", "perencana", "pimpinan", "pimpinan_induk", "auditor", "perencana_lain", "pimpinan_lain"]


def _status(data):
    p = PeriodeUnit.objects.filter(unit=data.unit, tahun=TAHUN).first()
    return p.status if p else S.DRAFT


@pytest.mark.parametrize("peran", PERAN)
@pytest.mark.parametrize("aksi", list(LANGKAH))
def test_siapa_boleh_melakukan_setiap_langkah(client, narasi_lengkap, aksi, peran):
    data = narasi_lengkap
    asal, tujuan = LANGKAH[aksi]
    atur_status(data, asal)
    client.force_login(data.pengguna[peran])
    if aksi == "ajukan":  # submitting goes through the summary, confirmed and with the warnings acknowledged
        isian = {"konfirmasi": "on", "akui_peringatan": "on"}
        r = client.post(reverse("kerja:pengajuan", args=["biro-ks", TAHUN]), isian)
    else:
        isian = {"komentar": "Perbaiki target"}
        r = client.post(reverse("kerja:periode_aksi", args=["biro-ks", TAHUN, aksi]), isian)
    if peran in BOLEH[aksi]:
        assert r.status_code == 302
        assert _status(data) == tujuan
    elif peran in {"perencana_lain", "pimpinan_lain"}:
        assert r.status_code == 403  # cannot even read the unit
        assert _status(data) == asal
    else:
        assert r.status_code == 403
        assert _status(data) == asal


def test_alur_lengkap_dengan_komentar_dan_pengguna(data):
    u, t = data.unit, TAHUN
    periode.ajukan_periode(unit=u, tahun=t, oleh=data.pengguna["perencana"])
    p = periode.kembalikan_periode(unit=u, tahun=t, oleh=data.pengguna["pimpinan"], komentar="Lengkapi bukti")
    assert (p.status, p.komentar, p.diubah_oleh) == (S.DIKEMBALIKAN, "Lengkapi bukti", data.pengguna["pimpinan"])
    periode.ajukan_periode(unit=u, tahun=t, oleh=data.pengguna["perencana"])
    periode.sahkan_periode(unit=u, tahun=t, oleh=data.pengguna["pimpinan"])
    periode.kunci_periode(unit=u, tahun=t, oleh=data.pengguna["pimpinan"])
    p = periode.buka_kunci_periode(unit=u, tahun=t, oleh=data.pengguna["admin"], alasan="Koreksi Inspektorat")
    assert p.status == S.DRAFT
    riwayat = list(p.history.order_by("history_date").values_list("status", "history_user__username"))
    assert riwayat == [
        (S.DIAJUKAN, "perencana"),
        (S.DIKEMBALIKAN, "pimpinan"),
        (S.DIAJUKAN, "perencana"),
        (S.DISAHKAN, "pimpinan"),
        (S.DIKUNCI, "pimpinan"),
        (S.DRAFT, "admin"),
    ]


@pytest.mark.parametrize(
    "status, aksi",
    [
        (S.DRAFT, "sahkan"),
        (S.DRAFT, "kunci"),
        (S.DRAFT, "kembalikan"),
        (S.DIAJUKAN, "ajukan"),
        (S.DIAJUKAN, "kunci"),
        (S.DISAHKAN, "ajukan"),
        (S.DIKUNCI, "sahkan"),
        (S.DRAFT, "buka_kunci"),
    ],
)
def test_langkah_dari_status_yang_salah_ditolak(client, data, status, aksi):
    atur_status(data, status)
    client.force_login(data.pengguna["admin"])
    if aksi == "ajukan":
        isian = {"konfirmasi": "on", "akui_peringatan": "on"}
        r = client.post(reverse("kerja:pengajuan", args=["biro-ks", TAHUN]), isian)
    else:
        r = client.post(reverse("kerja:periode_aksi", args=["biro-ks", TAHUN, aksi]), {"komentar": "x"}, follow=True)
    assert "tidak dapat dilakukan pada periode berstatus" in r.content.decode()
    assert _status(data) == status


def test_kembalikan_tanpa_komentar_ditolak(client, data):
    atur_status(data, S.DIAJUKAN)
    client.force_login(data.pengguna["pimpinan"])
    r = client.post(
        reverse("kerja:periode_aksi", args=["biro-ks", TAHUN, "kembalikan"]), {"komentar": " "}, follow=True
    )
    assert "Komentar wajib diisi saat mengembalikan." in r.content.decode()
    assert _status(data) == S.DIAJUKAN


def test_buka_kunci_tanpa_alasan_ditolak(data):
    atur_status(data, S.DIKUNCI)
    with pytest.raises(ValidationError, match="Alasan wajib diisi"):
        periode.buka_kunci_periode(unit=data.unit, tahun=TAHUN, oleh=data.pengguna["admin"], alasan="")
    assert _status(data) == S.DIKUNCI


def test_layanan_menolak_peran_yang_salah(data):
    with pytest.raises(PermissionDenied):
        periode.sahkan_periode(unit=data.unit, tahun=TAHUN, oleh=data.pengguna["perencana"])
    with pytest.raises(PermissionDenied):
        periode.ajukan_periode(unit=data.unit, tahun=TAHUN, oleh=data.pengguna["auditor"])


def test_halaman_utama_menampilkan_status_dan_langkah(client, data):
    atur_status(data, S.DIAJUKAN)
    client.force_login(data.pengguna["pimpinan"])
    isi = client.get(reverse("kerja:utama"), {"unit": "biro-ks", "tahun": TAHUN}).content.decode()
    assert "Diajukan" in isi
    # Approving and returning happen on the approval page, which shows what is being approved.
    assert 'data-aksi="periksa"' in isi and reverse("kerja:pengesahan", args=["biro-ks", TAHUN]) in isi
    assert 'data-aksi="ajukan"' not in isi
    assert reverse("kerja:realisasi", args=["biro-ks", TAHUN]) in isi
    # Every part of the year's work is reachable from the workspace: narrative, Excel, consistency, report.
    for nama in (
        "kerja:narasi_daftar",
        "kerja:excel_unduh",
        "kerja:konsistensi",
        "laporan:html",
    ):
        assert reverse(nama, args=["biro-ks", TAHUN]) in isi, nama
    # The head may not import (403): no link to it.
    assert reverse("kerja:excel_impor", args=["biro-ks", TAHUN]) not in isi
