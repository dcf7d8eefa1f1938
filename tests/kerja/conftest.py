"""The workspace tests' dataset: `data` is the shared base of named actors `dunia` (tests/dunia.py), built once
and rolled back beneath each test."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection

from indikator import models as m
from indikator.enums import StatusPeriode
from tests.dunia import TAHUN, Data, buat_indikator

__all__ = ["TAHUN", "Data", "atur_status", "buat_indikator", "potret"]


@pytest.fixture
def data(dunia) -> Data:
    """The old name of `dunia`."""
    return dunia


def atur_status(data: Data, status: str, tahun: int = TAHUN):
    m.PeriodeUnit.objects.update_or_create(unit=data.unit, tahun=tahun, defaults={"status": status})


def isi_narasi_wajib(data: Data, tahun: int = TAHUN) -> None:
    """Write every mandatory narrative section of the unit's year (submit and approve refuse while one is empty)."""
    from laporan.models import NarasiLaporan
    from laporan.narasi import BAGIAN_SASARAN, BAGIAN_UMUM, KUNCI_OPSIONAL

    baris = [NarasiLaporan(unit=data.unit, tahun=tahun, bagian=k, isi=f"Teks {k}.") for k, _l in BAGIAN_UMUM]
    baris += [
        NarasiLaporan(unit=data.unit, tahun=tahun, bagian=k, sasaran=s, isi=f"Teks {k}.")
        for s in m.Sasaran.objects.filter(revisi=data.revisi)
        for k, _l in BAGIAN_SASARAN
        if k not in KUNCI_OPSIONAL
    ]
    NarasiLaporan.objects.bulk_create(baris)


@pytest.fixture
def narasi_lengkap(data):
    """The data year with every mandatory narrative section written."""
    isi_narasi_wajib(data)
    return data


@pytest.fixture
def kunci(data):
    """Lock the data year."""
    atur_status(data, StatusPeriode.DIKUNCI)
    return data


MODEL_DIPANTAU = ("indikator", "anggaran", "laporan")


def potret() -> dict[str, list]:
    """Every row of every model (and historical model) of the domain apps: any write changes it. Plain SQL (every
    column of every row, by primary key): called twice in hundreds of tests, the ORM's query building dominated."""
    hasil = {}
    qn = connection.ops.quote_name
    with connection.cursor() as kursor:
        for label in MODEL_DIPANTAU:
            for model in apps.get_app_config(label).get_models():
                meta = model._meta
                kursor.execute(f"SELECT * FROM {qn(meta.db_table)} ORDER BY {qn(meta.pk.column)}")
                hasil[meta.label] = kursor.fetchall()
    return hasil


@pytest.fixture(autouse=True)
def tanpa_https(settings):
    """Plain `pytest` (without SAKIP_TESTING=1 from the Makefile) loads the production security settings."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
