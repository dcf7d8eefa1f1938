"""The evaluation pages through the test client: open (suggestions frozen), answer and submit each layer, the
team, the LHE issued (locked: every later POST refused), the overview; a constant number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluasi.enums import StatusEvaluasi
from evaluasi.models import Evaluasi, Jawaban, LkeKriteria, LkeTemplate, OpsiJawaban
from indikator.enums import Peran, RegulasiAkip
from indikator.models import NilaiAkip
from tests.pabrik import buat_pengguna

pytestmark = pytest.mark.django_db
TAHUN = 2018


def _url(dunia, nama="kerja:evaluasi"):
    return reverse(nama, args=[dunia.unit.slug, TAHUN, "apip"])


def _jawab_semua(client, ev, url, label_ae="A", label_yt="Y"):
    isi = {"aksi": "simpan"}
    for k in LkeKriteria.objects.filter(sub__komponen__template=ev.template).select_related("skala"):
        label = label_yt if k.skala.kode == "YT" else label_ae
        isi[f"opsi-{k.pk}"] = OpsiJawaban.objects.get(skala=k.skala, label=label).pk
        isi[f"catatan-{k.pk}"] = ""
    return client.post(url, isi)


def test_alur_halaman(client, dunia):
    t = LkeTemplate.objects.get(regulasi=RegulasiAkip.PERMENPAN_88_2021, status="aktif")
    perencana, admin = dunia.pengguna["perencana"], dunia.pengguna["admin"]
    ketua = buat_pengguna("ketua_tim", Peran.AUDITOR, dunia.induk)
    client.force_login(perencana)
    r = client.post(reverse("kerja:evaluasi_unit", args=[dunia.unit.slug, TAHUN]), {"jenis": "apip", "template": t.pk})
    assert r.status_code == 302 and r["Location"] == _url(dunia)
    ev = Evaluasi.objects.get(unit=dunia.unit, tahun=TAHUN, jenis="apip")
    assert Jawaban.objects.filter(evaluasi=ev, saran_opsi__isnull=False).exists()

    r = client.get(_url(dunia))
    assert r.status_code == 200
    html = r.content.decode()
    assert "AREN001.2" in html and 'class="bukti-ada"' in html and 'class="bukti-kosong"' in html

    assert _jawab_semua(client, ev, _url(dunia)).status_code == 302
    assert client.post(_url(dunia), {"aksi": "kirim"}).status_code == 302
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.ANGGOTA
    # The planner can no longer answer; the auditor is not on the team yet.
    assert _jawab_semua(client, ev, _url(dunia)).status_code == 403
    client.force_login(ketua)
    assert _jawab_semua(client, ev, _url(dunia)).status_code == 403

    client.force_login(admin)
    r = client.post(_url(dunia, "kerja:evaluasi_tim"), {"pengguna": ketua.pk, "peran": "ketua"})
    assert r.status_code == 302
    client.force_login(ketua)
    for _ in range(2):
        assert _jawab_semua(client, ev, _url(dunia), label_ae="B").status_code == 302
        assert client.post(_url(dunia), {"aksi": "kirim"}).status_code == 302
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.FINAL

    r = client.post(
        _url(dunia, "kerja:evaluasi_lhe"),
        {
            "nomor": "LHE-7/2018",
            "tanggal": "2018-12-01",
            "ringkasan": "Ringkasan.",
            "penandatangan_nama": "Inspektur",
            "penandatangan_jabatan": "Inspektur Utama",
        },
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    ev.refresh_from_db()
    assert ev.status == StatusEvaluasi.TERBIT
    n = NilaiAkip.objects.get(unit=dunia.unit, tahun=TAHUN)
    assert n.nilai_dilaporkan == ev.nilai_total.quantize(n.nilai_dilaporkan) or n.komponen.count() == 4
    r = client.get(_url(dunia, "kerja:evaluasi_lhe"))
    assert "LHE-7/2018" in r.content.decode()
    # The LHE in Word, through the report's renderer: its sections and the detailed scores.
    from io import BytesIO

    from docx import Document

    doc = Document(BytesIO(client.get(_url(dunia, "kerja:evaluasi_lhe_docx")).content))
    teks = [p.text for p in doc.paragraphs]
    for judul in (
        "Ringkasan",
        "I Pendahuluan",
        "II Tindak Lanjut Hasil Evaluasi Tahun Lalu",
        "III Hasil Evaluasi per Komponen",
        "IV Rekomendasi dan Apresiasi",
    ):
        assert judul in teks, teks[:40]
    assert "Nomor LHE-7/2018" in teks
    assert any(c.text == "AREN002.5" for t in doc.tables for r in t.rows for c in r.cells)
    # The same document as PDF (the report's PDF renderer), linked from the LHE page.
    from pypdf import PdfReader

    assert _url(dunia, "kerja:evaluasi_lhe_pdf") in r.content.decode()
    r_pdf = client.get(_url(dunia, "kerja:evaluasi_lhe_pdf"))
    assert (r_pdf.status_code, r_pdf["Content-Type"]) == (200, "application/pdf")
    pdf = PdfReader(BytesIO(r_pdf.content))
    halaman = [" ".join(h.extract_text().split()) for h in pdf.pages]
    assert "LAPORAN HASIL EVALUASI AKUNTABILITAS KINERJA" in halaman[0] and "Nomor LHE-7/2018" in halaman[0]
    semua = " ".join(halaman)
    for judul in (
        "Ringkasan",
        "Pendahuluan",
        "Tindak Lanjut Hasil Evaluasi Tahun Lalu",
        "Hasil Evaluasi per Komponen",
        "Rekomendasi dan Apresiasi",
        "Nilai Rinci",
        "AREN002.5",
    ):
        assert judul.upper() in semua.upper(), judul
    # The workbook of the issued evaluation.
    assert client.get(_url(dunia, "kerja:evaluasi_xlsx")).status_code == 200
    # Locked: every write refused, nothing changes.
    assert client.post(_url(dunia), {"aksi": "kirim"}).status_code == 403
    assert _jawab_semua(client, ev, _url(dunia)).status_code == 403
    client.force_login(admin)
    r = client.post(_url(dunia, "kerja:evaluasi_tim"), {"pengguna": ketua.pk, "peran": "anggota"})
    assert r.status_code == 302
    assert ev.tim.get().peran == "ketua"
    # The Django admin shows the locked evaluation read-only and refuses a change.
    admin.is_staff = admin.is_superuser = True
    admin.save()
    url_admin = reverse("admin:evaluasi_evaluasi_change", args=[ev.pk])
    assert client.get(url_admin).status_code == 200
    assert client.post(url_admin, {"tahun": 2019}).status_code == 403
    ev.refresh_from_db()
    assert ev.tahun == TAHUN

    r = client.get(reverse("kerja:evaluasi_beranda"))
    assert r.status_code == 200
    assert re.search(r"Biro Kerja Sama", r.content.decode())


def test_halaman_evaluasi_kueri_tetap(client, dunia):
    t = LkeTemplate.objects.get(regulasi=RegulasiAkip.PERMENPAN_88_2021, status="aktif")
    client.force_login(dunia.pengguna["perencana"])
    client.post(reverse("kerja:evaluasi_unit", args=[dunia.unit.slug, TAHUN]), {"jenis": "apip", "template": t.pk})
    client.get(_url(dunia))
    with CaptureQueriesContext(connection) as q:
        assert client.get(_url(dunia)).status_code == 200
    # The template's 77 criteria, their evidence and the app's documents of three years: a fixed number of reads.
    assert len(q) <= 60, "\n".join(x["sql"][:150] for x in q.captured_queries)
