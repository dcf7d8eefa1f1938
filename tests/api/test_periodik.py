"""The periodic reports in the read API (/api/v1/periodik) and as issued documents (the documents endpoint and
the LKE tools' compatibility layer): a draft or submitted report hidden without the draft scope, an issued one
served whatever its year's state, Decimal as strings, the filters' 400, ETag, the scope's 404; the rows equal
the report builder's (reference unit 2018, TW II with the DEMO RPD)."""

import hashlib
import json
from datetime import date
from decimal import Decimal as D

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from demo.rpd import muat_rpd_demo
from laporan.bab.periodik import susun_anggaran_rpd, susun_baris
from laporan.bundel import ambil_bundel_periodik
from laporan.models import BerkasLaporan, LaporanPeriodik
from laporan.periodik import buat_laporan_periodik, simpan_isian

from .conftest import TAHUN

U = "biro-kerja-sama"
ISI_PDF = b"%PDF-1.4 laporan kinerja interim"
JENIS = "laporan-kinerja-triwulan"


def _tanpa_float(teks: bytes):
    def tolak(x):
        raise AssertionError(f"angka pecahan sebagai number JSON: {x}")

    return json.loads(teks, parse_float=tolak)


@pytest.fixture
def tw2(referensi):
    """The TW II report of 2018 (draft), one indikator's numerator, denominator and texts entered."""
    muat_rpd_demo(referensi, TAHUN)
    lp = buat_laporan_periodik(referensi, TAHUN, "TW2", date(2018, 7, 10))
    ind = next(x.baris.indikator for x in susun_baris(ambil_bundel_periodik(lp)) if not x.tahunan)
    simpan_isian(lp, ind, pembilang=D("7"), penyebut=D("10"), kendala="Rapat tertunda", upaya="Dijadwalkan ulang")
    return lp


def _status(lp, status):
    """The report's workflow state set directly (the services are tested in tests/laporan; here: what is served)."""
    html = "<html><body>Laporan Kinerja Interim Triwulan II</body></html>"
    terbit = status == LaporanPeriodik.Status.TERBIT
    LaporanPeriodik.objects.filter(pk=lp.pk).update(
        status=status,
        diajukan_pada=timezone.now(),
        diterbitkan_pada=timezone.now() if terbit else None,
        html_terbit=html if terbit else "",
        sha256=hashlib.sha256(html.encode()).hexdigest() if terbit else "",
    )


def _berkas(lp, hash_="d" * 64):
    b = BerkasLaporan.objects.create(
        unit=lp.unit,
        jenis=BerkasLaporan.Jenis.PERIODIK,
        laporan_periodik=lp,
        tahun=lp.tahun,
        format="pdf",
        hash=hash_,
        hash_isi="e" * 64,
        status=BerkasLaporan.Status.SELESAI,
        final=True,
        selesai_pada=timezone.now(),
        ukuran=len(ISI_PDF),
    )
    b.berkas.save(f"periodik-{b.pk}.pdf", ContentFile(ISI_PDF))
    return b


# (url, how a hidden report is answered: "404" or "kosong" an empty page)
URL = [
    (f"periodik?unit={U}&tahun={TAHUN}", "kosong"),
    (f"periodik?unit={U}&tahun={TAHUN}&periode=TW2", "kosong"),
    ("periodik?status=terbit", "kosong"),
    ("periodik/{id}", "404"),
]


@pytest.mark.parametrize("status", ["draf", "diajukan"])
@pytest.mark.parametrize(("url", "tersembunyi"), URL, ids=[u for u, _t in URL])
def test_periodik_draf_tersembunyi_desimal_etag_lingkup(token, tw2, unit_lain, url, tersembunyi, status):
    url = url.format(id=tw2.pk)
    _status(tw2, status)
    # A draft or submitted report: hidden without the draft scope (the same answer as none), shown with it.
    r = token().get(url)
    if tersembunyi == "404":
        assert r.status_code == 404 and r.json() == {"detail": f"Laporan periodik {tw2.pk} tidak ditemukan."}
    else:
        assert r.status_code == 200 and r.json()["count"] == 0, r.content
    if "status=terbit" not in url:
        r = token("draf").get(url)
        assert r.status_code == 200, r.content
        rek = r.json()["results"][0] if "results" in r.json() else r.json()
        assert (rek["status_data"], rek["status_laporan"], rek["sha256_terbit"]) == ("draf", status, "")
    # Issued (the year itself still a draft): served, Decimal as strings, status and hash, ETag.
    _status(tw2, LaporanPeriodik.Status.TERBIT)
    api = token()
    r = api.get(url)
    assert r.status_code == 200, r.content
    isi = _tanpa_float(r.content)
    rekaman = isi["results"] if "results" in isi else [isi]
    assert [x["id"] for x in rekaman] == [tw2.pk]
    rek = rekaman[0]
    assert (rek["status_data"], rek["status_laporan"], rek["status_periode"]) == ("final", "terbit", "draft")
    assert rek["sha256_terbit"] == LaporanPeriodik.objects.get(pk=tw2.pk).sha256 and len(rek["sha256"]) == 64
    assert (rek["periode"], rek["versi"], rek["jenis_dokumen"], rek["data_cutoff"]) == ("TW2", 1, JENIS, "2018-07-10")
    etag = r["ETag"]
    r2 = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert r2.status_code == 304 and r2["ETag"] == etag
    # Another unit's token: 404 for the unit (as an unknown one) and for the report; an empty list of its own.
    lain = token(unit="unit-lain")
    r3 = lain.get(url)
    if "unit=" in url:
        assert r3.status_code == 404 and r3.json() == {"detail": f"Unit {U} tidak ditemukan."}
    elif tersembunyi == "404":
        assert r3.status_code == 404 and r3.json() == {"detail": f"Laporan periodik {tw2.pk} tidak ditemukan."}
    else:
        assert r3.status_code == 200 and r3.json()["count"] == 0


def test_baris_periodik_dari_pembangun_laporan(token, tw2):
    """The rows are the builder's (`susun_baris`, `susun_anggaran_rpd`), formatted: nothing recomputed."""
    _status(tw2, LaporanPeriodik.Status.TERBIT)
    isi = _tanpa_float(token().get(f"periodik/{tw2.pk}").content)
    bp = ambil_bundel_periodik(LaporanPeriodik.objects.get(pk=tw2.pk))
    baris = {x.baris.indikator.kode: x for x in susun_baris(bp)}
    capaian = {c["kode"]: c for c in isi["capaian"]}
    assert list(capaian) == list(baris)
    for kode, x in baris.items():
        c = capaian[kode]
        assert c["capaian_periode"] == (None if x.capaian.capaian_periode is None else str(x.capaian.capaian_periode))
        assert c["capaian_tahunan"] == (None if x.capaian.capaian_tahunan is None else str(x.capaian.capaian_tahunan))
        assert c["perlu_perhatian"] == list(x.perhatian) and c["diukur_tahunan"] == x.tahunan
    # IKU1 (survey index) and IKU8 (AKIP score): measured yearly, "–" with the TW IV note, never 0.
    for kode in ("IKU1", "IKU8"):
        c = capaian[kode]
        assert c["diukur_tahunan"] and c["catatan"] == "Perhitungan capaian di Triwulan IV"
        assert (c["capaian_periode"], c["capaian_tahunan"], c["realisasi"]) == (None, None, None)
    diisi = next(c for c in isi["capaian"] if c["kendala"])
    assert (diisi["pembilang"], diisi["penyebut"], diisi["kendala"]) == ("7", "10", "Rapat tertunda")
    # Budget against the RPD: the unit's total, 15 % + 25 % planned by June in the DEMO RPD.
    rpd = susun_anggaran_rpd(bp)
    assert len(isi["anggaran"]) == len(rpd)
    total = isi["anggaran"][-1]
    assert total["kode"] is None and total["persen_rpd"] == "40.00"
    assert total["deviasi"] == str(rpd[-1].hasil.deviasi) and total["serapan"] == str(rpd[-1].hasil.serapan)
    assert any(a["perlu_penjelasan"] for a in isi["anggaran"])
    assert isi["ambang_capaian"] == "90"
    assert isi["penandatangan"] is not None  # the head in force when none is entered on the report


@pytest.mark.parametrize(
    ("url", "filter_", "diizinkan"),
    [
        ("periodik?periode=TW5", "periode", ["TW1", "S2", "B12"]),
        ("periodik?periode=TAHUNAN", "periode", ["TW4"]),
        ("periodik?status=disahkan", "status", ["draf", "diajukan", "terbit"]),
        ("periodik?updated_since=kemarin", "updated_since", []),
        ("periodik?limit=0", "limit", []),
        ("dokumen?jenis=laporan-interim", "jenis", [JENIS, "laporan-kinerja-semester", "laporan-capaian-bulanan"]),
    ],
)
def test_filter_periodik_400(token, url, filter_, diizinkan):
    r = token().get(url)
    assert r.status_code == 400, r.content
    assert r.json()["filter"] == filter_
    assert set(diizinkan) <= set(r.json().get("nilai_diizinkan") or [])


def test_updated_since_periodik(token, tw2):
    _status(tw2, LaporanPeriodik.Status.TERBIT)
    api = token()
    assert api.get("periodik?updated_since=2000-01-01").json()["count"] == 1
    besok = (timezone.now() + timezone.timedelta(days=1)).date().isoformat()
    assert api.get(f"periodik?updated_since={besok}").json()["count"] == 0


def test_laporan_periodik_terbit_sebagai_dokumen_dan_lapisan_lke(token, tw2, referensi, privat_sementara):
    """An issued periodic report's file: a document of kind laporan-kinerja-triwulan (the year still a draft), in
    /periodik's files, and in the LKE tools' contract."""
    b = _berkas(tw2)
    api = token()
    assert api.get(f"dokumen?jenis={JENIS}").json()["count"] == 0  # rendered, but the report not issued
    assert api.get(f"periodik/{tw2.pk}").status_code == 404
    _status(tw2, LaporanPeriodik.Status.TERBIT)
    [dok] = api.get(f"dokumen?unit={U}&jenis={JENIS}").json()["results"]
    assert (dok["jenis"], dok["periode"], dok["versi"], dok["sha256"], dok["status_data"]) == (
        JENIS,
        "TW2",
        1,
        "e" * 64,
        "final",
    )
    assert api.get("dokumen?jenis=lapkin").json()["count"] == 0
    assert api.get("dokumen?jenis=laporan-capaian-bulanan").json()["count"] == 0
    [berkas] = api.get(f"periodik/{tw2.pk}").json()["berkas"]
    assert berkas["id"] == b.pk and berkas["nama_berkas"] == f"laporan-kinerja-tw2-{U}-{TAHUN}-versi-1.pdf"
    http = Client()
    assert b"".join(http.get(berkas["unduh"]).streaming_content) == ISI_PDF
    # The LKE tools' contract: the kind listed with its period kind, the document with its period.
    dasar = f"/api/esakip/{api.token}"
    jenis = {j["jenis"]: j for j in http.get(f"{dasar}/list-dokumen").json()["data"]}
    assert jenis[JENIS]["tersedia"] and jenis[JENIS]["jenis_periode"] == "triwulan"
    assert jenis["laporan-capaian-bulanan"]["jenis_periode"] == "bulan"
    data = http.get(f"{dasar}/dokumen/{JENIS}", {"tahun": TAHUN, "opd": referensi.pk}).json()["data"]
    [lke] = data[referensi.nama]
    assert (lke["jenis_dokumen"], lke["jenis_periode"], lke["periode"], lke["kategori"]) == (
        JENIS,
        "triwulan",
        "TW2",
        "induk",
    )
    assert lke["sha256"] == "e" * 64 and b"".join(http.get(lke["file"]).streaming_content) == ISI_PDF
    assert http.get(f"{dasar}/dokumen/lapkin", {"tahun": TAHUN}).json()["data"] == {}


def test_daftar_periodik_kueri_tetap(token, tw2, referensi, privat_sementara):
    """The list reads a constant number of queries whatever the number of reports and files."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _status(tw2, LaporanPeriodik.Status.TERBIT)
    _berkas(tw2)
    api = token()
    api.get("periodik")  # the token's first use stamps it
    with CaptureQueriesContext(connection) as satu:
        assert api.get("periodik").json()["count"] == 1
    tw1 = buat_laporan_periodik(referensi, TAHUN, "TW1", date(2018, 4, 10))
    _status(tw1, LaporanPeriodik.Status.TERBIT)
    _berkas(tw1, "f" * 64)
    with CaptureQueriesContext(connection) as dua:
        isi = api.get("periodik").json()
    assert [x["periode"] for x in isi["results"]] == ["TW1", "TW2"] and all(
        len(x["berkas"]) == 1 for x in isi["results"]
    )
    assert len(dua) == len(satu)
