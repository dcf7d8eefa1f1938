"""The register feeds the evaluation: the LKE follow-up criterion's suggestion (`tl_rekomendasi`, from
`porsi_ditindaklanjuti`), the rule wired into the 88/2021 template the way templates are versioned, and the LHE's
"Tindak lanjut hasil evaluasi tahun lalu" section (from `rekomendasi_tahun_lalu`)."""

from __future__ import annotations

import datetime

import pytest

from alur.saran_lke import REGISTRI, Konteks, hitung_saran
from evaluasi.models import Evaluasi, LkeKriteria, LkeTemplate
from evaluasi.templat import pasang_aturan_saran, salin_versi_baru, template_aktif
from indikator.enums import RegulasiAkip
from tindak_lanjut.enums import JenisSumber, StatusRekomendasi
from tindak_lanjut.models import Rekomendasi

from .conftest import buat_sumber, terbitkan

pytestmark = pytest.mark.django_db
TAHUN = 2018
S, P, TD, BT = (StatusRekomendasi.SESUAI, StatusRekomendasi.PROSES, StatusRekomendasi.TIDAK_DAPAT,
                StatusRekomendasi.BELUM)  # fmt: skip


def _register(dunia, status: list[str], *, tahun_objek: int = TAHUN - 1, jenis=JenisSumber.LHE_INTERNAL):
    sumber = buat_sumber(dunia, tahun_objek=tahun_objek, jenis=jenis, nomor=f"LHE-{tahun_objek}-{jenis}")
    for i, s in enumerate(status):
        r = terbitkan(dunia, sumber, uraian=f"Rekomendasi {i + 1}", batas_waktu=datetime.date(TAHUN, 6, 30))
        Rekomendasi.objects.filter(pk=r.pk).update(status=s)
    return sumber


@pytest.mark.parametrize(
    ("status", "huruf", "alasan"),
    [
        ([S, S, P, TD], "C", "2 dari 3 rekomendasi hasil evaluasi tahun 2017 telah ditindaklanjuti sesuai (66,67%; "
         "1 tidak dapat ditindaklanjuti tidak dihitung)."),
        ([S, S, S, S, S, S, S, S, S, P], "A", "9 dari 10 rekomendasi hasil evaluasi tahun 2017 telah ditindaklanjuti "
         "sesuai (90,00%; 0 tidak dapat ditindaklanjuti tidak dihitung)."),
        ([BT], "E", "0 dari 1 rekomendasi hasil evaluasi tahun 2017 telah ditindaklanjuti sesuai (0,00%; "
         "0 tidak dapat ditindaklanjuti tidak dihitung)."),
        ([TD], "E", "Tidak ada rekomendasi hasil evaluasi tahun 2017 yang dapat ditindaklanjuti."),
    ],
)  # fmt: skip
def test_saran_tl_rekomendasi(dunia, status, huruf, alasan):
    _register(dunia, status)
    _register(dunia, [BT, BT], tahun_objek=TAHUN - 2)  # another year's evaluation: not counted
    s = REGISTRI["tl_rekomendasi"].fungsi(Konteks(dunia.unit, TAHUN))
    assert (s.label, s.alasan) == (huruf, alasan)


def test_saran_tl_rekomendasi_tanpa_register(dunia):
    assert REGISTRI["tl_rekomendasi"].fungsi(Konteks(dunia.unit, TAHUN)) is None


def test_kriteria_tindak_lanjut_memakai_saran(dunia):
    _register(dunia, [S, P])
    t = template_aktif(RegulasiAkip.PERMENPAN_88_2021)
    k = LkeKriteria.objects.get(sub__komponen__template=t, kode="DVAL003.1")
    assert k.aturan_saran == "tl_rekomendasi"
    assert k.sub.komponen.nama == "Evaluasi Akuntabilitas Kinerja Internal"
    assert hitung_saran(t, dunia.unit, TAHUN)["DVAL003.1"].label == "C"


def _tanpa_aturan(data):
    for k in data["komponen"]:
        for s in k["sub"]:
            for c in s["kriteria"]:
                if c["kode"] == "DVAL003.1":
                    c["aturan_saran"] = ""


def _aturan(t: LkeTemplate) -> str:
    return LkeKriteria.objects.get(sub__komponen__template=t, kode="DVAL003.1").aturan_saran


def test_pasang_aturan_versi_tak_terpakai_diubah_di_tempat():
    v = salin_versi_baru(template_aktif(RegulasiAkip.PERMENPAN_88_2021), ubah=_tanpa_aturan)
    assert _aturan(v) == ""
    assert pasang_aturan_saran(v.kode, "DVAL003.1", "tl_rekomendasi") == [(v.versi, "ubah")]
    assert _aturan(v) == "tl_rekomendasi"
    assert pasang_aturan_saran(v.kode, "DVAL003.1", "tl_rekomendasi") == []  # idempotent


def test_pasang_aturan_versi_terpakai_disalin(dunia):
    v = salin_versi_baru(template_aktif(RegulasiAkip.PERMENPAN_88_2021), ubah=_tanpa_aturan)
    Evaluasi.objects.create(unit=dunia.unit, tahun=TAHUN, jenis="mandiri", template=v)
    assert pasang_aturan_saran(v.kode, "DVAL003.1", "tl_rekomendasi") == [(v.versi + 1, "salin")]
    assert _aturan(v) == ""  # the used version is untouched
    baru = template_aktif(RegulasiAkip.PERMENPAN_88_2021)
    assert (baru.versi, baru.asal_id, _aturan(baru)) == (v.versi + 1, v.pk, "tl_rekomendasi")


# --- the LHE's "Tindak lanjut hasil evaluasi tahun lalu" -------------------------------------------------------------


def _evaluasi(dunia):
    from evaluasi.layanan import buka_evaluasi

    return buka_evaluasi(
        unit=dunia.unit, tahun=TAHUN, jenis="mandiri", template=template_aktif(RegulasiAkip.PERMENPAN_88_2021),
        oleh=dunia.pengguna["perencana"],
    )  # fmt: skip


def test_lhe_bagian_tindak_lanjut_dari_register(dunia, django_assert_num_queries):
    from decimal import Decimal as D

    from alur.lhe import bagian_tindak_lanjut_lalu, docx_lhe, susun_lhe
    from tindak_lanjut.enums import HasilVerifikasi
    from tindak_lanjut.models import TindakLanjut

    ev = _evaluasi(dunia)
    sumber = _register(dunia, [S, P])
    a, b = Rekomendasi.objects.filter(sumber=sumber).order_by("nomor_urut")
    TindakLanjut.objects.create(
        rekomendasi=a, uraian="Keputusan IKU ditetapkan", tanggal=datetime.date(2018, 4, 2), progres=D(100),
        verifikasi=HasilVerifikasi.SESUAI,
    )  # fmt: skip
    TindakLanjut.objects.create(
        rekomendasi=b, uraian="Rapat triwulan I", tanggal=datetime.date(2018, 5, 2), progres=D(40)
    )
    _register(dunia, [BT], tahun_objek=TAHUN - 2)  # an older evaluation's: not in this LHE
    with django_assert_num_queries(4):
        bagian = bagian_tindak_lanjut_lalu(ev, None)
    kalimat, tabel = bagian.blok[:2]
    assert kalimat.teks == (
        "Atas hasil evaluasi tahun 2017 terdapat 2 rekomendasi kepada "
        f"{dunia.unit.nama} dengan status: Sesuai 1, Dalam proses 1."
    )
    assert [[s.nilai for s in r.sel] for r in tabel.baris] == [
        [1, "Rekomendasi 1", "LHE-2017-lhe_internal (01-03-2018)", "Sesuai",
         "02-04-2018: Keputusan IKU ditetapkan (verifikasi: Sesuai)", D(100)],
        [2, "Rekomendasi 2", "LHE-2017-lhe_internal (01-03-2018)", "Dalam proses" + (
            " — lewat batas waktu" if datetime.date.today() > datetime.date(TAHUN, 6, 30) else ""),
         "02-05-2018: Rapat triwulan I", D(40)],
    ]  # fmt: skip
    _sampul, semua = susun_lhe(ev)
    assert semua[2].id == "tindak-lanjut" and semua[2].blok[1].id == "tindak-lanjut-lalu"
    import io
    import zipfile

    xml = zipfile.ZipFile(io.BytesIO(docx_lhe(ev))).read("word/document.xml").decode()
    assert "Rapat triwulan I" in xml and "Keputusan IKU ditetapkan" in xml


def test_lhe_bagian_tindak_lanjut_tanpa_register(dunia):
    from alur.lhe import bagian_tindak_lanjut_lalu

    bagian = bagian_tindak_lanjut_lalu(_evaluasi(dunia), None)
    assert [x.teks for x in bagian.blok] == [
        f"Register tindak lanjut tidak memuat rekomendasi hasil evaluasi tahun 2017 untuk {dunia.unit.nama}."
    ]
