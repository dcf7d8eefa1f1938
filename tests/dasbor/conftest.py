"""Fixtures for the dashboard tests: a head of the reference unit (Biro Kerja Sama 2018) and small scale data sets."""

from __future__ import annotations

import pytest

from demo.skala import buat_data_skala
from indikator.enums import Peran
from tests.basis import basis_bersama
from tests.pabrik import buat_pengguna


@basis_bersama
def kepala(referensi):
    """Shared (tests/basis.py): built once, rolled back beneath each test."""
    return buat_pengguna("kepala", Peran.PIMPINAN, referensi)


@pytest.fixture
def klien_kepala(client, kepala):
    client.force_login(kepala)
    return client


@pytest.fixture
def skala(db):
    """Factory: a scale data set (units under one parent) and a head of the parent."""

    def buat(*, unit: int, indikator: int, baris_anggaran: int | None = None, tahun: int = 2, awalan: str = "uji"):
        hasil = buat_data_skala(
            unit=unit,
            tahun=tahun,
            indikator=indikator,
            baris_anggaran=baris_anggaran if baris_anggaran is not None else unit * tahun * 6,
            seed=7,
            awalan=awalan,
        )
        kepala = buat_pengguna(f"kepala-{awalan}", Peran.PIMPINAN, hasil.induk)
        return hasil, kepala

    return buat
