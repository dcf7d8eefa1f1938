"""Datasets for the dashboard tests: the reference data (Biro Kerja Sama 2018) and small scale data sets."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from dasbor.skala import buat_data_skala
from indikator.enums import Peran
from indikator.models import Keanggotaan, UnitKerja
from indikator.referensi import muat_referensi

SANDI = "rahasia-uji-123"


def buat_pengguna(username: str, peran: str, unit: UnitKerja | None):
    user = get_user_model().objects.create_user(username=username, password=SANDI)
    Keanggotaan.objects.create(pengguna=user, unit=unit, peran=peran)
    return user


@pytest.fixture
def referensi(db) -> UnitKerja:
    muat_referensi()
    return UnitKerja.objects.get(slug="biro-kerja-sama")


@pytest.fixture
def kepala(referensi):
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


@pytest.fixture(autouse=True)
def _sandi_cepat(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
