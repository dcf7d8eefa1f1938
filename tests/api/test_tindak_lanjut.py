"""GET /api/v1/tindak-lanjut: the follow-up register of the units in scope (tables): filters, 400 on an unknown
status, scope (another unit's token 404 / nothing; the APIP token every unit), Decimal as strings, unverified
follow-ups only with the draft scope, limit/offset, ETag."""

import datetime
import json
from decimal import Decimal as D

import pytest

from tindak_lanjut.enums import HasilVerifikasi, JenisSumber, StatusRekomendasi
from tindak_lanjut.models import Rekomendasi, SumberRekomendasi, TindakLanjut

U = "biro-kerja-sama"


@pytest.fixture
def register(referensi, unit_lain):
    """Three recommendations to the reference unit (2018: Sesuai with a verified follow-up, Dalam proses with an
    unverified one; 2019: Belum) and one to another unit (the reference's own demo register removed first)."""
    Rekomendasi.objects.all().delete()
    SumberRekomendasi.objects.all().delete()
    s = SumberRekomendasi.objects.create(
        unit=referensi, jenis=JenisSumber.LHE_INTERNAL, nomor="LHE-01/2018", tanggal=datetime.date(2018, 3, 1),
        penerbit="Inspektorat Utama", tahun_objek=2017,
    )  # fmt: skip
    rek = [
        Rekomendasi.objects.create(sumber=s, nomor_urut=i, uraian=u, unit_pj=referensi, tahun=t, batas_waktu=b,
                                   status=st)
        for i, (u, t, b, st) in enumerate(
            [("Tetapkan keputusan IKU", 2018, datetime.date(2018, 6, 30), StatusRekomendasi.SESUAI),
             ("Rapat monitoring triwulanan", 2018, datetime.date(2018, 6, 30), StatusRekomendasi.PROSES),
             ("Tetapkan ulang target", 2019, datetime.date(2099, 6, 30), StatusRekomendasi.BELUM)],
            start=1,
        )
    ]  # fmt: skip
    TindakLanjut.objects.create(rekomendasi=rek[0], uraian="Keputusan IKU terbit", tanggal=datetime.date(2018, 4, 2),
                                progres=D("100"), verifikasi=HasilVerifikasi.SESUAI)  # fmt: skip
    TindakLanjut.objects.create(rekomendasi=rek[1], uraian="Rapat TW I", tanggal=datetime.date(2018, 5, 2),
                                progres=D("37.50"))  # fmt: skip
    s2 = SumberRekomendasi.objects.create(unit=unit_lain, jenis=JenisSumber.LHP_APIP,
                                          nomor="X-1", tanggal=datetime.date(2018, 3, 1), tahun_objek=2017)  # fmt: skip
    Rekomendasi.objects.create(sumber=s2, uraian="Lain", unit_pj=unit_lain, tahun=2018,
                               batas_waktu=datetime.date(2018, 6, 30))  # fmt: skip
    return rek


def _isi(r):
    def tolak(x):
        raise AssertionError(f"angka pecahan sebagai number JSON: {x}")

    return json.loads(r.content, parse_float=tolak)


# (scopes, token unit, query, status code, uraian of the results in order)
KASUS = [
    ((), U, "", 200, ["Tetapkan keputusan IKU", "Rapat monitoring triwulanan", "Tetapkan ulang target"]),
    ((), U, f"unit={U}&tahun=2018", 200, ["Tetapkan keputusan IKU", "Rapat monitoring triwulanan"]),
    ((), U, "status=p", 200, ["Rapat monitoring triwulanan"]),
    ((), U, "status=s&tahun=2019", 200, []),
    ((), U, "status=selesai", 400, None),
    ((), U, "updated_since=kemarin", 400, None),
    ((), U, "updated_since=2000-01-01", 200, ["Tetapkan keputusan IKU", "Rapat monitoring triwulanan", "Tetapkan ulang target"]),
    ((), U, "updated_since=2999-01-01", 200, []),
    ((), U, "unit=unit-lain", 404, None),
    ((), "unit-lain", "", 200, ["Lain"]),
    ((), "unit-lain", f"unit={U}", 404, None),
    (("apip",), None, "", 200, ["Tetapkan keputusan IKU", "Rapat monitoring triwulanan", "Tetapkan ulang target", "Lain"]),
    (("apip",), None, "unit=unit-lain", 200, ["Lain"]),
    ((), U, "limit=1&offset=1", 200, ["Rapat monitoring triwulanan"]),
    ((), U, "limit=0", 400, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("cakupan", "unit", "query", "kode", "uraian"), KASUS, ids=[f"{c}-{u}-{q}" for c, u, q, *_ in KASUS]
)
def test_register_tabel(token, register, cakupan, unit, query, kode, uraian):  # fmt: skip
    r = token(*cakupan, unit=unit).get(f"tindak-lanjut?{query}")
    assert r.status_code == kode, r.content
    if uraian is not None:
        isi = _isi(r)
        assert [x["uraian"] for x in isi["results"]] == uraian
        assert isi["count"] >= len(uraian)
    if query == "status=selesai":
        assert _isi(r)["nilai_diizinkan"] == ["bt", "p", "bs", "s", "td"]


def test_register_isi_desimal_draf_etag(token, register):
    api = token()
    r = api.get(f"tindak-lanjut?unit={U}&tahun=2018")
    a, b = _isi(r)["results"]
    assert a["sumber"] == {"jenis": "lhe_internal", "jenis_label": "LHE AKIP internal (APIP)", "nomor": "LHE-01/2018",
                           "tanggal": "2018-03-01", "penerbit": "Inspektorat Utama", "tahun_objek": 2017,
                           "evaluasi_id": None}  # fmt: skip
    assert (a["status"], a["status_label"], a["progres"], a["final"], a["status_data"]) == (
        "s", "Sesuai", "100", True, "final"
    )  # fmt: skip
    assert [(t["uraian"], t["progres"], t["verifikasi"]) for t in a["tindak_lanjut"]] == [
        ("Keputusan IKU terbit", "100.00", "s")
    ]
    assert (b["status"], b["batas_waktu"], b["terlambat"], b["progres"], b["status_data"]) == (
        "p", "2018-06-30", True, "37.50", "draf"
    )  # fmt: skip
    assert b["tindak_lanjut"] == []  # unverified: a draft
    assert [t["progres"] for t in _isi(token("draf").get(f"tindak-lanjut?unit={U}&tahun=2018"))["results"][1]["tindak_lanjut"]] == ["37.50"]  # fmt: skip
    assert len(a["sha256"]) == 64
    r2 = api.get(f"tindak-lanjut?unit={U}&tahun=2018", HTTP_IF_NONE_MATCH=r["ETag"])
    assert r2.status_code == 304
