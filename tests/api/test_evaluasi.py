"""/api/v1/evaluasi: LKE results per layer for evaluators (scope apip), issued only unless draft scope; Decimal as
strings, filters, ETag (one table over one dataset: the reference unit's 2018)."""

import datetime
import json
from decimal import Decimal as D

import pytest

from evaluasi.enums import JenisEvaluasi, StatusEvaluasi
from evaluasi.layanan import buka_evaluasi
from evaluasi.models import Evaluasi, Jawaban, Lhe
from evaluasi.templat import template_aktif
from indikator.enums import Peran, RegulasiAkip
from tests.pabrik import buat_pengguna

from .conftest import TAHUN

U = "biro-kerja-sama"
URL = f"evaluasi?unit={U}"


def _tanpa_float(teks: bytes):
    def tolak(x):
        raise AssertionError(f"angka pecahan sebagai number JSON: {x}")

    return json.loads(teks, parse_float=tolak)


@pytest.fixture
def evaluasi(referensi):
    """An issued APIP evaluation of 2018 (final 0,5 everywhere, self-assessment 1) and a self-assessment in progress."""
    admin = buat_pengguna("admin-api", Peran.ADMINISTRATOR)
    t = template_aktif(RegulasiAkip.PERMENPAN_88_2021)
    ev = buka_evaluasi(unit=referensi, tahun=TAHUN, jenis=JenisEvaluasi.APIP, template=t, oleh=admin)
    Jawaban.objects.filter(evaluasi=ev).update(nilai_mandiri=D("1"), nilai_final=D("0.5"))
    Lhe.objects.create(
        evaluasi=ev, nomor="LHE-9/2018", tanggal=datetime.date(2018, 12, 1), penandatangan_nama="Inspektur",
        penandatangan_jabatan="Inspektur Utama",
    )  # fmt: skip
    Evaluasi.objects.filter(pk=ev.pk).update(
        status=StatusEvaluasi.TERBIT, nilai_total=D("50"), predikat="C", hash="a" * 64
    )
    buka_evaluasi(unit=referensi, tahun=TAHUN, jenis=JenisEvaluasi.MANDIRI, template=t, oleh=admin)
    return ev


# (scopes, query, status, number of evaluations)
KASUS = [
    ((), URL, 404, None),  # a unit token: no evaluator resource (the 404 of an unknown path)
    (("publik",), URL, 404, None),
    (("apip",), URL, 200, 1),  # the self-assessment in progress is hidden
    (("apip", "draf"), URL, 200, 2),
    (("apip",), URL + f"&tahun={TAHUN}&jenis=apip", 200, 1),
    (("apip",), URL + "&tahun=2017", 200, 0),
    (("apip", "draf"), URL + "&jenis=mandiri", 200, 1),
    (("apip",), URL + "&jenis=apipx", 400, None),
    (("apip",), "evaluasi?unit=tidak-ada", 404, None),
]


@pytest.mark.parametrize(("cakupan", "query", "status", "jumlah"), KASUS)
def test_lingkup_filter(token, evaluasi, cakupan, query, status, jumlah):
    r = token(*cakupan).get(query)
    assert r.status_code == status, r.content
    if jumlah is not None:
        assert r.json()["count"] == jumlah
    if status == 400:
        assert r.json()["filter"] == "jenis" and r.json()["nilai_diizinkan"] == ["mandiri", "apip", "eksternal"]


def test_isi_desimal_lhe_etag(token, evaluasi):
    api = token("apip", unit=None)
    r = api.get(URL)
    assert r.status_code == 200
    rek = _tanpa_float(r.content)["results"][0]
    assert (rek["unit"], rek["tahun"], rek["jenis"], rek["status"]) == (U, TAHUN, "apip", "terbit")
    assert rek["template"] == {
        "kode": "permenpanrb-88-2021",
        "nama": rek["template"]["nama"],
        "regulasi": RegulasiAkip.PERMENPAN_88_2021,
        "versi": 1,
    }
    aren = rek["komponen"][0]
    assert (aren["kode"], aren["bobot"]) == ("AREN", "30")
    assert aren["nilai"] == {"mandiri": "30.00", "anggota": None, "ketua": None, "final": "15.00"}
    assert [(s["kode"], s["bobot"], s["nilai"]["final"]) for s in aren["sub"]] == [
        ("AREN001", "6", "3.00"),
        ("AREN002", "9", "4.50"),
        ("AREN003", "15", "7.50"),
    ]
    lapisan = {x["lapisan"]: x for x in rek["lapisan"]}
    assert (lapisan["final"]["total"], lapisan["final"]["predikat"], lapisan["final"]["terjawab"]) == (
        "50.00",
        "C",
        77,
    )
    assert (lapisan["mandiri"]["total"], lapisan["mandiri"]["predikat"]) == ("100.00", "AA")
    assert (rek["nilai_total"], rek["predikat"]) == ("50.00", "C")
    assert rek["lhe"] == {"nomor": "LHE-9/2018", "tanggal": "2018-12-01", "sha256": "a" * 64}
    assert len(rek["sha256"]) == 64
    etag = r["ETag"]
    r2 = api.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert r2.status_code == 304 and r2.content == b""
