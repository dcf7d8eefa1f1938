"""The follow-up matrix (XLSX cells, PDF) and the import of an audit's matrix: dry run, row errors, all or
nothing, statuses reached through the state machine."""

import datetime
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from tindak_lanjut import queries, services
from tindak_lanjut.enums import HasilVerifikasi, JenisBukti, JenisDokumen
from tindak_lanjut.enums import StatusRekomendasi as S
from tindak_lanjut.impor import impor_matriks
from tindak_lanjut.matriks import baris_matriks, xlsx_matriks
from tindak_lanjut.models import Rekomendasi, RencanaAksiTL, TindakLanjut

from .conftest import terbitkan

pytestmark = pytest.mark.django_db

KEPALA = ["No", "Unit", "Kondisi", "Sebab", "Akibat", "Rekomendasi", "Batas waktu", "Tindak lanjut", "Status"]


def buku(*baris) -> SimpleUploadedFile:
    b = Workbook()
    ws = b.active
    ws.append(["MATRIKS PEMANTAUAN TINDAK LANJUT"])
    ws.append(KEPALA)
    for x in baris:
        ws.append(list(x))
    isi = BytesIO()
    b.save(isi)
    return SimpleUploadedFile("matriks.xlsx", isi.getvalue())


def test_matriks_xlsx_dan_baris(dunia, sumber):
    r = terbitkan(dunia, sumber, kondisi="IKU belum ditetapkan", batas_waktu=datetime.date(2018, 6, 30))
    services.ajukan_rencana(
        oleh=dunia.pengguna["perencana"],
        rencana=RencanaAksiTL(
            rekomendasi=r,
            uraian="Susun keputusan",
            pj="Kabag",
            tanggal_mulai=datetime.date(2018, 3, 5),
            target_tanggal=datetime.date(2018, 4, 5),
        ),
    )
    tl = services.laporkan_tindak_lanjut(
        oleh=dunia.pengguna["perencana"],
        tindak_lanjut=TindakLanjut(
            rekomendasi=r, uraian="Ditetapkan", tanggal=datetime.date(2018, 4, 2), progres=D(100)
        ),
        bukti=[services.IsianBukti(jenis=JenisBukti.DOKUMEN, dokumen=JenisDokumen.IKU, dokumen_tahun=2018, halaman=2)],
    )
    services.verifikasi_tindak_lanjut(oleh=dunia.pengguna["auditor"], tindak_lanjut=tl, hasil=HasilVerifikasi.SESUAI)
    baris = baris_matriks(queries.susun_register(unit_ids=[dunia.unit.pk]))
    assert baris[0].sel() == [
        1,
        "LHE AKIP internal (APIP) LHE-01/2018, 1 Maret 2018",
        "Kondisi: IKU belum ditetapkan",
        "Tetapkan keputusan IKU",
        "Susun keputusan (5 April 2018; Menunggu persetujuan APIP)",
        "Biro Kerja Sama",
        "30 Juni 2018",
        "2 April 2018: Ditetapkan",
        "Keputusan Penetapan IKU 2018, hal. 2",
        "Sesuai",
        D("100"),
    ]
    ws = load_workbook(BytesIO(xlsx_matriks("Matriks", baris))).active
    assert [c.value for c in ws[2]][:4] == ["No", "Sumber (nomor/tanggal)", "Temuan", "Rekomendasi"]
    assert ws["K3"].value == 100 and ws["J3"].value == "Sesuai"


def test_halaman_matriks_pdf_dan_xlsx(client, dunia, rek):
    client.force_login(dunia.pengguna["pimpinan"])
    r = client.get(reverse("kerja:tl_matriks_pdf", args=["biro-ks"]) + "?tahun=2018")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    r = client.get(reverse("kerja:tl_matriks_xlsx", args=["biro-ks"]))
    assert r.status_code == 200 and load_workbook(BytesIO(r.content)).active["F3"].value == "Biro Kerja Sama"


def test_impor_uji_coba_tidak_menyimpan(dunia, sumber):
    berkas = buku([1, "biro-ks", "Kondisi A", "", "", "Rek A", "2018-06-30", "", ""])
    h = impor_matriks(oleh=dunia.pengguna["auditor"], sumber=sumber, berkas=berkas, simpan=False)
    assert not h.ada_galat and not h.disimpan and not Rekomendasi.objects.exists()


def test_impor_galat_baris_semua_atau_tidak_sama_sekali(dunia, sumber):
    berkas = buku(
        [1, "biro-ks", "", "", "", "Rek baik", "30-06-2018", "", ""],
        [2, "unit-entah", "", "", "", "Rek B", "2018-06-30", "", ""],
        [3, "Biro Kerja Sama", "", "", "", "Rek C", "31/02/2018", "", ""],
        [4, "biro-ks", "", "", "", "Rek D", "", "", "Hampir"],
    )
    h = impor_matriks(oleh=dunia.pengguna["auditor"], sumber=sumber, berkas=berkas, simpan=True)
    assert not h.disimpan
    galat = {b.nomor: b.galat for b in h.baris}
    assert galat[3] == []
    assert "tidak dikenal" in galat[4][0]
    assert "tidak dikenali" in galat[5][0]
    assert "Status “Hampir” tidak dikenal." in galat[6]
    assert not Rekomendasi.objects.exists() and not TindakLanjut.objects.exists()


def test_impor_dengan_status_bpk(dunia, sumber):
    berkas = buku(
        [1, "biro-ks", "K1", "S1", "A1", "Rek sesuai", "2018-06-30", "SK ditetapkan", "Sesuai"],
        [2, "Biro Kerja Sama", "", "", "", "Rek proses", datetime.datetime(2018, 7, 31), "Rapat", "Dalam proses"],
        [3, "biro-ks", "", "", "", "Rek TD", "", "", "Tidak Dapat Ditindaklanjuti"],
        [4, "biro-ks", "", "", "", "Rek belum", "", "", "Belum Sesuai"],
        [5, "biro-ks", "", "", "", "Rek baru", "", "", ""],
    )
    h = impor_matriks(oleh=dunia.pengguna["auditor"], sumber=sumber, berkas=berkas, simpan=True)
    assert h.disimpan, [(b.nomor, b.galat) for b in h.baris]
    status = dict(Rekomendasi.objects.values_list("uraian", "status"))
    assert status == {
        "Rek sesuai": S.SESUAI,
        "Rek proses": S.PROSES,
        "Rek TD": S.TIDAK_DAPAT,
        "Rek belum": S.BELUM_SESUAI,
        "Rek baru": S.BELUM,
    }
    assert Rekomendasi.objects.get(uraian="Rek proses").batas_waktu == datetime.date(2018, 7, 31)
    assert list(Rekomendasi.objects.order_by("nomor_urut").values_list("nomor_urut", flat=True)) == [1, 2, 3, 4, 5]


def test_impor_unit_di_luar_apip_ditolak(dunia, sumber):
    from indikator.enums import Peran
    from tests.pabrik import buat_pengguna

    apip_unit = buat_pengguna("apip_unit", Peran.AUDITOR, dunia.unit)
    berkas = buku([1, "biro-lain", "", "", "", "Rek", "", "", ""])
    h = impor_matriks(oleh=apip_unit, sumber=sumber, berkas=berkas, simpan=True)
    assert h.ada_galat and not Rekomendasi.objects.exists()


def test_impor_berkas_rusak(dunia, sumber):
    h = impor_matriks(
        oleh=dunia.pengguna["auditor"], sumber=sumber, berkas=SimpleUploadedFile("x.xlsx", b"bukan"), simpan=True
    )
    assert h.galat_umum and not h.disimpan
