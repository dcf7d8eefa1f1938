"""The read API /api/v1/: tokens and scopes, draft hiding, Decimal as strings, filters, pages, ETag, audit,
throttling; each endpoint through one table (one dataset: the reference unit's 2018)."""

import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from api.models import KlienApi, PanggilanApi
from api.token import cabut_klien

from .conftest import TAHUN

U = "biro-kerja-sama"


def _tanpa_float(teks: bytes):
    """The JSON body, failing on any JSON number with a fraction (a Decimal must be a string)."""

    def tolak(x):
        raise AssertionError(f"angka pecahan sebagai number JSON: {x}")

    return json.loads(teks, parse_float=tolak)


# (endpoint, query, how a draft year is hidden: "404" the whole answer, "kosong" an empty page of results)
ENDPOINT = [
    ("capaian", f"unit={U}&tahun={TAHUN}", "404"),
    ("capaian", f"unit={U}&tahun={TAHUN}&periode=TW2", "404"),
    ("indikator", f"unit={U}&tahun={TAHUN}", "404"),
    ("rencana-aksi", f"unit={U}&tahun={TAHUN}", "404"),
    ("anggaran", f"unit={U}&tahun={TAHUN}", "404"),
    ("anggaran", f"unit={U}&tahun={TAHUN}&periode=TW1", "404"),
    ("efisiensi", f"unit={U}&tahun={TAHUN}", "404"),
    ("pohon", f"unit={U}&tahun={TAHUN}", "404"),
    ("pk", f"unit={U}&tahun={TAHUN}", "kosong"),
    ("akip", f"unit={U}", "kosong"),
    ("periode", f"unit={U}", "kosong"),
    ("dokumen", f"unit={U}&tahun={TAHUN}", "kosong"),
]
ID = [f"{e}?{q}" for e, q, _s in ENDPOINT]


@pytest.mark.parametrize(("endpoint", "query", "draf"), ENDPOINT, ids=ID)
def test_endpoint_lingkup_draf_desimal_etag(token, sahkan, unit_lain, endpoint, query, draf):
    url = f"{endpoint}?{query}"
    # A draft year: hidden without the draft scope, shown with it.
    r = token().get(url)
    if draf == "404":
        assert r.status_code == 404, r.content
    else:
        assert r.status_code == 200 and r.json()["count"] == 0 and r.json()["results"] == [], r.content
    assert token("draf").get(url).status_code == 200
    sahkan()
    # The approved year: 200, Decimal as strings, status and hash of every record.
    api = token()
    r = api.get(url)
    assert r.status_code == 200, r.content
    isi = _tanpa_float(r.content)
    rekaman = isi.get("results", [isi]) if "results" in isi else [isi]
    for rek in rekaman:
        if "status_data" in rek:
            assert rek["status_data"] == "final"
    # ETag / If-None-Match.
    etag = r["ETag"]
    r2 = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert r2.status_code == 304 and r2["ETag"] == etag and r2.content == b""
    # A token of another unit: 404 (the same answer as a unit that does not exist).
    lain = token(unit="unit-lain")
    r3 = lain.get(url)
    assert r3.status_code == 404, (r3.status_code, r3.content)
    assert lain.get(url.replace(U, "tidak-ada")).json() == {"detail": "Unit tidak-ada tidak ditemukan."}
    assert r3.json() == {"detail": f"Unit {U} tidak ditemukan."}


def test_capaian_sama_dengan_hitung_capaian_json(token, sahkan):
    """Done-when: the numbers of the capaian endpoint for the reference unit's 2018 are those of
    `manage.py hitung_capaian --json`, as strings."""
    sahkan()
    keluaran = io.StringIO()
    call_command("hitung_capaian", "--unit", U, "--tahun", str(TAHUN), "--json", stdout=keluaran)
    cli = json.loads(keluaran.getvalue())
    r = token().get(f"capaian?unit={U}&tahun={TAHUN}")
    api = _tanpa_float(r.content)
    assert api["nko"] == cli["nko"] and isinstance(api["nko"], str)
    assert api["kriteria_nko"] == cli["kriteria_nko"]
    assert (api["nko_indikator_dihitung"], api["nko_indikator_total"]) == (
        cli["nko_indikator_dihitung"],
        cli["nko_indikator_total"],
    )
    kolom = ["kode", "target", "realisasi", "capaian", "kriteria", "persen_target_akhir", "sasaran", "perspektif"]
    assert [{k: b[k] for k in kolom} for b in api["indikator"]] == [{k: b[k] for k in kolom} for b in cli["indikator"]]
    assert [(s["kode"], s["nps"], s["kriteria"]) for s in api["sasaran"]] == [
        (s["kode"], s["nps"], s["kriteria"]) for s in cli["sasaran"]
    ]
    assert [(p["perspektif"], p["nps"]) for p in api["perspektif"]] == [
        (p["perspektif"], p["nps"]) for p in cli["perspektif"]
    ]
    assert any(b["capaian"] for b in api["indikator"])
    for b in api["indikator"]:
        assert b["capaian"] is None or isinstance(b["capaian"], str)
    # The record's status and the hash of its state.
    assert api["status_data"] == "final" and api["status_periode"] == "disahkan" and len(api["sha256"]) == 64
    assert token().get(f"capaian?unit={U}&tahun={TAHUN}").json()["sha256"] == api["sha256"]


@pytest.mark.parametrize(
    ("url", "filter_", "diizinkan"),
    [
        (f"capaian?unit={U}&tahun={TAHUN}&periode=TW5", "periode", ["TW1", "TW2", "TW3", "TW4", "TAHUNAN"]),
        (f"capaian?unit={U}&tahun={TAHUN}&periode=B01", "periode", ["TW1", "TW2", "TW3", "TW4", "TAHUNAN"]),
        (f"anggaran?unit={U}&tahun={TAHUN}&periode=TW5", "periode", None),
        (
            "dokumen?jenis=lkjip-x",
            "jenis",
            [
                "lapkin",
                "perjanjian-kinerja",
                "iku",
                *(f"laporan-{j}" for j in ("kinerja-triwulan", "kinerja-semester", "capaian-bulanan")),
            ],
        ),
        ("units?limit=0", "limit", None),
        ("units?limit=501", "limit", None),
        ("periode?updated_since=kemarin", "updated_since", None),
    ],
)
def test_nilai_filter_tidak_dikenal_400(token, sahkan, url, filter_, diizinkan):
    sahkan()
    r = token().get(url)
    assert r.status_code == 400, r.content
    isi = r.json()
    assert isi["filter"] == filter_
    if diizinkan is not None:
        assert isi["nilai_diizinkan"] == diizinkan
    if filter_ == "periode" and diizinkan is None:
        assert "TW4" in isi["nilai_diizinkan"] and "B12" in isi["nilai_diizinkan"] and "S2" in isi["nilai_diizinkan"]


def test_parameter_salah_jenis_400(token):
    r = token().get(f"capaian?unit={U}&tahun=dua-ribu")
    assert r.status_code == 400 and r.json()["detail"] == "Parameter tidak sah."


@pytest.mark.parametrize("keadaan", ["tanpa", "salah", "dicabut", "kedaluwarsa"])
def test_token_tanpa_salah_dicabut_kedaluwarsa_401(token, keadaan):
    api = token()
    if keadaan == "dicabut":
        cabut_klien(api.klien)
    elif keadaan == "kedaluwarsa":
        KlienApi.objects.filter(pk=api.klien.pk).update(kedaluwarsa=timezone.now() - timedelta(seconds=1))
    elif keadaan == "salah":
        api.token = api.token[:-2] + "xx"
    if keadaan == "tanpa":
        r = api.http.get("/api/v1/units")
    else:
        r = api.get("units")
    assert r.status_code == 401 and r["WWW-Authenticate"].startswith("Bearer")
    assert "detail" in r.json()


def test_batas_per_token_429_dengan_retry_after(token, settings):
    settings.SAKIP_API_BATAS_PER_MENIT = 2
    api, lain = token(), token(nama="lain")
    assert [api.get("units").status_code for _i in range(2)] == [200, 200]
    r = api.get("units")
    assert r.status_code == 429 and 0 < int(r["Retry-After"]) <= 60
    assert lain.get("units").status_code == 200  # per token


def test_setiap_panggilan_diaudit(token, sahkan):
    sahkan()
    api = token()
    api.get(f"capaian?unit={U}&tahun={TAHUN}")
    api.get("capaian?unit=tidak-ada&tahun=2018")
    baris = list(PanggilanApi.objects.filter(klien=api.klien).order_by("id"))
    assert [(b.endpoint, b.status) for b in baris] == [("api/v1/capaian", 200), ("api/v1/capaian", 404)]
    assert baris[0].parameter == {"unit": U, "tahun": str(TAHUN)} and baris[0].baris > 0
    assert baris[1].baris == 0


def test_unit_pohon_halaman_dan_cakupan(token, unit_lain, referensi):
    unit_lain.induk = referensi
    unit_lain.save()
    # A unit token reads its subtree only; a public token every unit.
    r = token().get("units")
    kode = [u["kode"] for u in r.json()["results"]]
    assert kode[:1] == [U] and "unit-lain" in kode
    assert r.json()["results"][kode.index("unit-lain")] | {} == {
        **r.json()["results"][kode.index("unit-lain")],
        "induk": U,
        "tingkat": 1,
    }
    sub = token(unit="unit-lain").get("units").json()
    assert [u["kode"] for u in sub["results"]] == ["unit-lain"] and sub["results"][0]["induk"] is None
    assert token(unit="unit-lain").get(f"units/{U}").status_code == 404
    satu = token().get(f"units/{U}").json()
    assert [a["kode"] for a in satu["anak"]] == ["unit-lain"]
    # Pages.
    p = token("publik", unit=None).get("units?limit=1").json()
    assert p["count"] >= 2 and len(p["results"]) == 1 and "offset=1" in p["next"]


def test_periode_umpan_perubahan(token, sahkan):
    sahkan()
    api = token()
    semua = api.get(f"periode?unit={U}").json()["results"]
    assert [(p["tahun"], p["status_data"]) for p in semua] == [(TAHUN, "final")]
    besok = (timezone.now() + timedelta(days=1)).date().isoformat()
    assert api.get(f"periode?updated_since={besok}").json()["count"] == 0
    assert api.get("periode?updated_since=2000-01-01T00:00:00Z").json()["count"] == 1


def test_renstra_target_tahun_yang_disahkan_saja(token, sahkan):
    def tahun_target(api):
        r = api.get(f"renstra?unit={U}")
        assert r.status_code == 200
        _tanpa_float(r.content)
        return {
            t["tahun"]
            for rs in r.json()["results"]
            for v in rs["revisi"]
            for s in v["sasaran"]
            for i in s["indikator"]
            for t in i["target"]
        }

    assert tahun_target(token()) == set()
    semua = tahun_target(token("draf"))
    assert TAHUN in semua and len(semua) > 1
    sahkan()
    assert tahun_target(token()) == {TAHUN}


def test_indikator_satu_dan_kebijakan(token, sahkan, unit_lain):
    pertama = token("draf").get(f"indikator?unit={U}&tahun={TAHUN}").json()["indikator"][0]["id"]
    assert token().get(f"indikator/{pertama}").status_code == 404  # no approved year of its Renstra yet
    sahkan()
    daftar = token().get(f"indikator?unit={U}&tahun={TAHUN}").json()["indikator"]
    assert daftar and {"polaritas", "rumus_negatif", "agregasi_triwulan"} <= daftar[0]["kebijakan"].keys()
    satu = token().get(f"indikator/{daftar[0]['id']}")
    assert satu.status_code == 200 and satu.json()["kode"] == daftar[0]["kode"]
    assert token(unit="unit-lain").get(f"indikator/{daftar[0]['id']}").status_code == 404
    assert token().get("indikator/999999").status_code == 404


def test_perintah_buat_token_api_mencetak_token_terakhir(referensi):
    keluaran = io.StringIO()
    call_command("buat_token_api", "--nama", "SIMPEG", "--unit", U, "--cakupan", "draf", stdout=keluaran)
    token = keluaran.getvalue().strip().splitlines()[-1]
    klien = KlienApi.objects.get(nama="SIMPEG")
    assert klien.cakupan == ["unit", "draf"] and token not in klien.hash_token and klien.hash_token != token
    from django.test import Client

    r = Client().get("/api/v1/units", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert r.status_code == 200
