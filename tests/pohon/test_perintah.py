"""`manage.py pohon_kinerja --unit U --tahun Y --json`: the tree of U and its sub-units with owners, indikator
(target as a string) and children, and the consistency findings under `temuan`."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from pohon.enums import Tingkat
from tests.pohon.test_susun_pohon import _pohon_dasar

pytestmark = pytest.mark.django_db


def test_pohon_kinerja_json(dunia):
    ss, (sk,) = _pohon_dasar(dunia)
    keluar = io.StringIO()
    call_command("pohon_kinerja", unit="sestama", tahun=2018, json=True, stdout=keluar)
    data = json.loads(keluar.getvalue())
    assert (data["unit"], data["tahun"]) == ("sestama", 2018)
    (akar,) = data["pohon"]
    assert (akar["tingkat"], akar["unit"], akar["kode"], akar["uraian"]) == (Tingkat.SP, "sestama", "SP1", "Program")
    assert akar["pemilik"] is None and akar["indikator"] == []
    (anak,) = akar["anak"]
    assert (anak["tingkat"], anak["unit"], anak["kode"]) == (Tingkat.SK, "biro-ks", "SK0")
    assert anak["pemilik"] == {
        "jabatan": "Kepala Biro",
        "eselon": "2",
        "nama": "Pejabat Sementara",
        "nip": "",
        "plt": True,
    }
    (ind,) = anak["indikator"]
    assert (ind["kode"], ind["nama"], ind["satuan"], ind["target"]) == ("I1", "Indikator I1", "dokumen", "34")
    assert [a["pagu"] for a in anak["anggaran"]] == ["1000000", "1000"]
    assert anak["anak"] == []
    # The findings: Sestama's SP node has no indikator (K2, galat); every number a string.
    assert {"kode": "K2", "keparahan": "galat", "unit": "sestama", "simpul": ss.pk}.items() <= next(
        t for t in data["temuan"] if t["kode"] == "K2"
    ).items()
    assert data["cakupan"]["pagu_total"] == "1000000" and data["cakupan"]["persen_anggaran"] == "100.00"
    assert data["cakupan"]["persen_jabatan"] is None


def test_pohon_kinerja_teks_dan_unit_salah(dunia):
    _pohon_dasar(dunia)
    keluar = io.StringIO()
    call_command("pohon_kinerja", unit="biro-ks", tahun=2018, stdout=keluar)
    teks = keluar.getvalue()
    assert "Sasaran Kegiatan SK0 Kegiatan 0 (Biro Kerja Sama) — Kepala Biro: Plt. Pejabat Sementara" in teks
    assert "I1 Indikator I1: 34 dokumen" in teks
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("pohon_kinerja", unit="tidak-ada", tahun=2018)
