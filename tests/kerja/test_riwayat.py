"""Audit trail: every change recorded with its user; per object (old → new) and per unit/year (newest first)."""

from django.urls import reverse

from indikator.models import Realisasi

from .conftest import TAHUN


def test_perubahan_realisasi_tercatat_dengan_pengguna_dan_nilai_lama_baru(client, data):
    client.force_login(data.pengguna["perencana"])
    url = reverse("kerja:realisasi_rincian", args=["biro-ks", TAHUN, data.ind1.pk, 1])
    client.post(url, {"nilai": "9,5", "analisis": "Naik karena MoU baru"})
    h = data.realisasi1.history.order_by("-history_date").first()
    assert h.history_user == data.pengguna["perencana"]
    delta = h.diff_against(h.prev_record)
    assert {(c.field, str(c.old), str(c.new)) for c in delta.changes if c.field in {"nilai", "analisis"}} == {
        ("nilai", "7.0000", "9.5000"),
        ("analisis", "", "Naik karena MoU baru"),
    }
    client.force_login(data.pengguna["auditor"])
    isi = client.get(reverse("kerja:riwayat_objek", args=["realisasi", data.realisasi1.pk])).content.decode()
    assert "perencana" in isi
    assert "Naik karena MoU baru" in isi
    assert "<del>7</del> → <ins>9,5</ins>" in isi


def test_riwayat_unit_tahun_terbaru_dahulu(client, data):
    client.force_login(data.pengguna["perencana"])
    client.post(reverse("kerja:realisasi_sel", args=["biro-ks", TAHUN, data.ind1.pk, 2]), {"nilai": "14"})
    client.post(reverse("kerja:realisasi_bulanan", args=["biro-ks", data.mata.pk]), {"b_3": "5000"})
    client.force_login(data.pengguna["pimpinan"])
    r = client.get(reverse("kerja:riwayat_unit", args=["biro-ks", TAHUN]))
    entri = r.context["halaman"].object_list
    assert [e.sumber.kode for e in entri[:2]] == ["realisasi-anggaran", "realisasi"]
    assert entri[0].catatan.history_user == data.pengguna["perencana"]
    assert [(p.field, p.baru) for p in entri[0].perubahan if p.field == "nilai"] == [("nilai", "5.000")]
    # Other years and units stay out.
    assert all(getattr(e.catatan, "tahun", TAHUN) == TAHUN for e in entri)


def test_riwayat_unit_berhalaman(client, data):
    for tw in (2, 3, 4):
        Realisasi.objects.create(indikator=data.ind2, tahun=TAHUN, triwulan=tw, nilai=tw)
    client.force_login(data.pengguna["auditor"])
    url = reverse("kerja:riwayat_unit", args=["biro-ks", TAHUN])
    total = client.get(url).context["halaman"].paginator.count
    assert total > 3
    from indikator.riwayat import RiwayatUnit

    semua = RiwayatUnit(data.unit, TAHUN)[0:total]
    tanggal = [e.catatan.history_date for e in semua]
    assert tanggal == sorted(tanggal, reverse=True)
    assert len(semua[0:2]) == 2


def test_riwayat_objek_unit_lain_403(client, data):
    client.force_login(data.pengguna["perencana_lain"])
    r = client.get(reverse("kerja:riwayat_objek", args=["realisasi", data.realisasi1.pk]))
    assert r.status_code == 403


def test_riwayat_menampilkan_nama_bukan_id(client, data):
    """The audit trail speaks people's words: the user's full name, a linked object's name, a status's label."""
    from indikator.periode import ajukan_periode

    perencana = data.pengguna["perencana"]
    perencana.first_name, perencana.last_name = "Sri", "Wahyuni"
    perencana.save()
    ajukan_periode(unit=data.unit, tahun=TAHUN, oleh=perencana)
    client.force_login(data.pengguna["auditor"])
    from indikator.models import PeriodeUnit

    periode = PeriodeUnit.objects.get(unit=data.unit, tahun=TAHUN)
    isi = client.get(reverse("kerja:riwayat_objek", args=["periode", periode.pk])).content.decode()
    assert "Sri Wahyuni" in isi  # who, in the user column and as "diubah oleh"
    assert f"<ins>{perencana.pk}</ins>" not in isi
    assert "<ins>Diajukan</ins>" in isi  # the status label, not the code "diajukan"
    assert f"#{periode.pk}" not in isi
    isi = client.get(reverse("kerja:riwayat_unit", args=["biro-ks", TAHUN])).content.decode()
    assert "Sri Wahyuni" in isi
