"""The register's test data: a source (LHE internal of the 2017 evaluation, issued in 2018) and recommendations
issued through the service by the APIP (`dunia`'s auditor) to `dunia`'s unit."""

from __future__ import annotations

import datetime

import pytest

from tindak_lanjut import services
from tindak_lanjut.enums import JenisSumber
from tindak_lanjut.models import Rekomendasi, SumberRekomendasi


def buat_sumber(dunia, **kw) -> SumberRekomendasi:
    kw.setdefault("jenis", JenisSumber.LHE_INTERNAL)
    kw.setdefault("nomor", "LHE-01/2018")
    kw.setdefault("tanggal", datetime.date(2018, 3, 1))
    kw.setdefault("penerbit", "Inspektorat I")
    kw.setdefault("tahun_objek", 2017)
    return services.simpan_sumber(oleh=dunia.pengguna["auditor"], sumber=SumberRekomendasi(unit=dunia.unit, **kw))


def terbitkan(dunia, sumber, uraian="Tetapkan keputusan IKU", **kw) -> Rekomendasi:
    return services.terbitkan_rekomendasi(
        oleh=dunia.pengguna["auditor"], rekomendasi=Rekomendasi(sumber=sumber, uraian=uraian, **kw)
    )


@pytest.fixture
def sumber(dunia):
    return buat_sumber(dunia)


@pytest.fixture
def rek(dunia, sumber):
    return terbitkan(dunia, sumber, batas_waktu=datetime.date(2018, 6, 30))
