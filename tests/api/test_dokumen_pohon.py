"""Issued documents (list, signed download), the LKE tools' compatibility layer against a recorded request of
their contract, the performance tree and the per-NIP results, the client page, the OpenAPI snapshot."""

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from api.models import KlienApi, PanggilanApi
from api.token import cabut_klien
from indikator.models import Renstra, VersiPK
from laporan.models import BerkasLaporan
from pohon.models import Jabatan, NodeAnggaran, NodeIndikator, NodeKinerja, PemegangJabatan

from .conftest import TAHUN

U = "biro-kerja-sama"
ISI_PDF = b"%PDF-1.4 laporan kinerja"


def _berkas(unit, **lain):
    medan = {
        "tahun": TAHUN,
        "format": "pdf",
        "hash": "b" * 64,
        "hash_isi": "a" * 64,
        "status": BerkasLaporan.Status.SELESAI,
        "final": True,
        "selesai_pada": timezone.now(),
        "ukuran": len(ISI_PDF),
    }
    b = BerkasLaporan.objects.create(unit=unit, **{**medan, **lain})
    b.berkas.save(f"laporan-{b.pk}.pdf", ContentFile(ISI_PDF))
    return b


@pytest.fixture
def berkas(referensi, privat_sementara):
    versi = VersiPK.objects.filter(pk_induk__unit=referensi, pk_induk__tahun=TAHUN).order_by("nomor").first()
    return {
        "lapkin": _berkas(referensi),
        "perjanjian-kinerja": _berkas(referensi, jenis="pk", versi_pk=versi, hash="c" * 64),
    }


def test_dokumen_daftar_dan_unduhan_bertanda(token, sahkan, berkas):
    api = token()
    assert api.get(f"dokumen?unit={U}").json()["count"] == 0  # a draft year: nothing issued yet
    sahkan()
    isi = api.get(f"dokumen?unit={U}&tahun={TAHUN}").json()
    assert sorted(d["jenis"] for d in isi["results"]) == ["lapkin", "perjanjian-kinerja"]
    lap = next(d for d in isi["results"] if d["jenis"] == "lapkin")
    assert lap["sha256"] == "a" * 64 and lap["versi"] is None and lap["status_data"] == "final"
    pk = next(d for d in isi["results"] if d["jenis"] == "perjanjian-kinerja")
    assert pk["versi"] == berkas["perjanjian-kinerja"].versi_pk.nomor
    assert api.get("dokumen?jenis=iku").json()["count"] == 0
    # The link needs no header; it ends with the client.
    r = Client().get(lap["unduh"])
    assert r.status_code == 200 and b"".join(r.streaming_content) == ISI_PDF
    assert PanggilanApi.objects.filter(klien=api.klien, endpoint__startswith="api/berkas/", status=200).count() == 1
    cabut_klien(api.klien)
    assert Client().get(lap["unduh"]).status_code == 404
    assert Client().get(lap["unduh"][:-4] + "xyz/").status_code == 404


# The request the Inspektorat's LKE tool makes (yudhis55/kke-sakip-trenggalek, app/Services/EsakipSyncService.php
# fetchDocumentsFromEsakip): GET {ESAKIP_API_URL}/dokumen/{jenis} with query tahun and opd (its esakip_opd_id), no
# header; it reads result["data"] as {opd name: [documents]} and per document the fields of normalizeDocument.
PERMINTAAN_TERCATAT = {"metode": "GET", "jalur": "/dokumen/{jenis}", "query": ["tahun", "opd"]}
MEDAN_DOKUMEN = {
    "opd_id",
    "opd_nama",
    "file",
    "keterangan",
    "jenis_dokumen",
    "jenis_periode",
    "periode",
    "tanggal_publish",
    "kategori",
}


def test_lapisan_kompatibel_alat_lke(token, sahkan, berkas, referensi, unit_lain):
    sahkan()
    api = token()
    dasar = f"/api/esakip/{api.token}"  # ESAKIP_API_URL of the tool: the token in the base address
    http = Client()
    opd = http.get(f"{dasar}/list-opd").json()["data"]
    assert [o["id"] for o in opd if o["kode"] == U] == [referensi.pk]
    jenis = {j["jenis"]: j["tersedia"] for j in http.get(f"{dasar}/list-dokumen").json()["data"]}
    assert jenis["lapkin"] and jenis["perjanjian-kinerja"] and jenis["iku"] and not jenis["rpjmd"]
    jalur = PERMINTAAN_TERCATAT["jalur"].format(jenis="lapkin")
    r = http.get(dasar + jalur, {"tahun": TAHUN, "opd": referensi.pk})
    assert r.status_code == 200
    data = r.json()["data"]
    assert list(data) == [referensi.nama]
    [dok] = data[referensi.nama]
    assert MEDAN_DOKUMEN <= dok.keys()
    assert dok["opd_id"] == referensi.pk
    assert (dok["jenis_dokumen"], dok["jenis_periode"], dok["periode"], dok["kategori"]) == (
        "lapkin",
        "tahun",
        str(TAHUN),
        "induk",
    )
    assert dok["file"].startswith("http://testserver/api/berkas/")
    assert b"".join(http.get(dok["file"]).streaming_content) == ISI_PDF
    # A Bearer header works as well; a kind the app does not issue is empty; a wrong token 401.
    r2 = http.get("/api/esakip/dokumen/perjanjian-kinerja", {"tahun": TAHUN}, HTTP_AUTHORIZATION=f"Bearer {api.token}")
    assert [d["jenis_dokumen"] for d in r2.json()["data"][referensi.nama]] == ["perjanjian-kinerja"]
    assert http.get(f"{dasar}/dokumen/rpjmd", {"tahun": TAHUN}).json()["data"] == {}
    assert http.get(f"{dasar}/dokumen/tidak-ada").status_code == 404
    assert http.get(f"/api/esakip/{api.token}x/list-opd").status_code == 401
    # Another unit's token: that unit's opd is unknown to it (404), its list holds only its own units.
    lain = Client().get(
        f"/api/esakip/{token(unit='unit-lain').token}/dokumen/lapkin", {"tahun": TAHUN, "opd": referensi.pk}
    )
    assert lain.status_code == 404
    tercatat = PanggilanApi.objects.filter(klien=api.klien, endpoint__startswith="api/esakip/")
    assert tercatat.count() == 6 and all(api.token not in json.dumps(p.parameter) for p in tercatat)


def test_lapisan_kompatibel_draf_kosong(token, berkas, referensi):
    r = Client().get(f"/api/esakip/{token().token}/dokumen/lapkin", {"tahun": TAHUN, "opd": referensi.pk})
    assert r.status_code == 200 and r.json()["data"] == {}


@pytest.fixture
def pohon(referensi):
    renstra = Renstra.objects.filter(unit=referensi, tahun_mulai__lte=TAHUN, tahun_selesai__gte=TAHUN).first()
    jabatan = Jabatan.objects.create(unit=referensi, nama="Kepala Biro Kerja Sama", eselon="2")
    PemegangJabatan.objects.create(jabatan=jabatan, nama="Budi", nip="197001011990031001", mulai=date(2017, 1, 1))
    PemegangJabatan.objects.create(
        jabatan=jabatan, nama="Lama", nip="196001011980031001", mulai=date(2010, 1, 1), selesai=date(2016, 12, 31)
    )
    from indikator.queries import susun_pengukuran

    ind = susun_pengukuran(referensi, TAHUN).baris[0].indikator  # an indikator in force in the year
    akar = NodeKinerja.objects.create(
        unit=referensi,
        renstra=renstra,
        tingkat="ss",
        kode="SS1",
        uraian="Kerja sama yang efektif",
        pemilik=jabatan,
        sasaran=ind.sasaran,
    )
    anak = NodeKinerja.objects.create(
        unit=referensi, renstra=renstra, tingkat="sp", kode="SP1", uraian="Anak", induk=akar
    )
    NodeIndikator.objects.create(node=akar, indikator=ind)
    NodeAnggaran.objects.create(
        node=anak, tahun=TAHUN, kode_program="001", kode_komponen="002", pagu=Decimal("1500000.50")
    )
    NodeKinerja.objects.create(
        unit=referensi, renstra=renstra, tingkat="sp", kode="SPX", uraian="Usulan", status="usulan"
    )
    return {"akar": akar, "anak": anak, "indikator": ind}


def test_pohon_kinerja_dan_skp(token, sahkan, pohon):
    assert token().get(f"pohon?unit={U}&tahun={TAHUN}").status_code == 404
    assert token().get(f"skp?nip=197001011990031001&tahun={TAHUN}").json()["hasil"] == []
    sahkan()
    r = token().get(f"pohon?unit={U}&tahun={TAHUN}")
    node = r.json()["node"]
    assert [n["kode"] for n in node] == ["SS1", "SP1"]  # parent first; the proposal only with the draft scope
    draf = token("draf").get(f"pohon?unit={U}&tahun={TAHUN}").json()["node"]
    assert [n["kode"] for n in draf] == ["SPX", "SS1", "SP1"]  # roots by urutan and kode, each parent first
    assert node[1]["induk"] == node[0]["id"]
    assert node[1]["anggaran"] == [{"kode": "001.002", "mata_anggaran_id": None, "uraian": "", "pagu": "1500000.50"}]
    assert node[1]["pagu"] == "1500000.50"
    assert (node[0]["pemilik"]["nip"], node[0]["pemilik"]["nama"]) == ("197001011990031001", "Budi")
    assert node[0]["indikator"][0]["kode"] == pohon["indikator"].kode
    skp = token().get(f"skp?nip=197001011990031001&tahun={TAHUN}").json()
    [hasil] = skp["hasil"]
    assert hasil["kode"] == "SS1" and hasil["status_data"] == "final"
    capaian = token().get(f"capaian?unit={U}&tahun={TAHUN}").json()
    baris = next(b for b in capaian["indikator"] if b["kode"] == pohon["indikator"].kode)
    assert (hasil["indikator"][0]["capaian"], hasil["indikator"][0]["target"]) == (baris["capaian"], baris["target"])
    assert token().get(f"skp?nip=196001011980031001&tahun={TAHUN}").status_code == 404  # held the post before 2018
    assert token().get(f"skp?nip=&tahun={TAHUN}").status_code == 404


def test_halaman_klien_buat_dan_cabut(client, referensi):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("admin-api", password="x")
    client.force_login(admin)
    r = client.post("/api/klien/baru/", {"nama": "Dasbor Badan", "unit": U, "cakupan": ["draf"]})
    assert r.status_code == 200
    token = r.context["token"]
    klien = KlienApi.objects.get(nama="Dasbor Badan")
    assert klien.cakupan == ["unit", "draf"] and token.startswith(klien.awalan)
    assert token not in client.get("/api/klien/").content.decode()  # shown once only
    assert Client().get("/api/v1/units", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200
    r = client.post("/api/klien/baru/", {"nama": "Tanpa unit", "cakupan": []})
    assert "Cakupan unit memerlukan unit." in r.content.decode()
    client.post(f"/api/klien/{klien.pk}/cabut/")
    assert Client().get("/api/v1/units", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


SKEMA = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


def test_skema_openapi_sama_dengan_yang_dicommit(tmp_path):
    """The contract: docs/openapi.json is the schema the code generates. After a deliberate change:
    `make openapi` (or the command below) and commit the diff."""
    keluar = tmp_path / "openapi.json"
    call_command("export_openapi_schema", "--api", "api.v1.api", "--indent", "2", "--sorted", "--output", str(keluar))
    baru = json.loads(keluar.read_text())
    assert baru["openapi"].startswith("3.1")
    assert json.loads(SKEMA.read_text()) == baru, (
        "Skema API berubah: jalankan `make openapi` dan commit docs/openapi.json."
    )


def test_pohon_dan_pk_kueri_tetap(token, sahkan, pohon, referensi):
    """The tree and the PK list read with a constant number of queries, whatever the number of nodes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    sahkan()
    api = token()

    def hitung(url):
        with CaptureQueriesContext(connection) as q:
            assert api.get(url).status_code == 200
        return len(q)

    api.get("units")  # the first call stamps the client's last use
    sebelum = (hitung(f"pohon?unit={U}&tahun={TAHUN}"), hitung(f"pk?unit={U}"), hitung(f"renstra?unit={U}"))
    jabatan = Jabatan.objects.create(unit=referensi, nama="Kepala Bagian", eselon="3")
    PemegangJabatan.objects.create(jabatan=jabatan, nama="Ani", nip="198001012005012001", mulai=date(2018, 1, 1))
    for i in range(3):
        n = NodeKinerja.objects.create(
            unit=referensi,
            renstra=pohon["akar"].renstra,
            tingkat="sk",
            kode=f"SK{i}",
            uraian=f"Hasil {i}",
            induk=pohon["anak"],
            pemilik=jabatan,
        )
        NodeIndikator.objects.create(node=n, indikator=pohon["indikator"])
        NodeAnggaran.objects.create(node=n, tahun=TAHUN, kode_ro=f"00{i}", pagu=Decimal(i))
    sesudah = (hitung(f"pohon?unit={U}&tahun={TAHUN}"), hitung(f"pk?unit={U}"), hitung(f"renstra?unit={U}"))
    assert sesudah == sebelum


def test_skema_dan_halaman_dokumentasi_tanpa_token(client):
    r = client.get("/api/v1/openapi.json")
    assert r.status_code == 200 and r.json()["info"]["title"] == "SAKIP API"
    assert r.json()["components"]["securitySchemes"]["TokenBearer"]["scheme"] == "bearer"
    r = client.get("/api/v1/docs")
    assert r.status_code == 200 and b"swagger-ui-bundle.js" in r.content and b"cdn" not in r.content.lower()
