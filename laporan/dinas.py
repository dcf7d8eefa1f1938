"""Writes of the legal texts a unit edits in the workspace: its wording of the PK agreement and the IKU decree
(`NaskahDinas`, one per unit) and the year's review statement (`PernyataanReviu`). Each takes the year's period
lock (an approved, locked or submitted year refuses them) and checks the version the form was loaded from."""

from __future__ import annotations

from django.db import transaction

from indikator.models import UnitKerja
from indikator.periode import kunci_periode_untuk_tulis
from indikator.versi import pastikan_versi

from .models import NaskahDinas, PernyataanReviu

KOLOM_NASKAH = (
    "pk_pembuka",
    "pk_janji",
    "pk_supervisi",
    "iku_nomor",
    "iku_tanggal",
    "iku_menimbang",
    "iku_mengingat",
    "iku_diktum",
)
KOLOM_REVIU = ("isi", "kota", "tanggal", "pereviu_nama", "pereviu_nip", "pereviu_jabatan")


def riwayat_naskah(unit: UnitKerja):
    return NaskahDinas.history.filter(unit_id=unit.pk)


def riwayat_reviu(unit: UnitKerja, tahun: int):
    return PernyataanReviu.history.filter(unit_id=unit.pk, tahun=tahun)


def _simpan(obj, kolom: tuple[str, ...], data: dict) -> bool:
    baru = {k: data[k].replace("\r\n", "\n").strip() if isinstance(data[k], str) else data[k] for k in kolom}
    if obj.pk is not None and all(getattr(obj, k) == v for k, v in baru.items()):
        return False
    for k, v in baru.items():
        setattr(obj, k, v)
    obj.save()
    return True


@transaction.atomic
def simpan_naskah(*, unit: UnitKerja, tahun: int, data: dict, versi: str | None = None) -> bool:
    """Store the unit's wording (from the page of `tahun`, whose lock it takes). Returns whether it changed."""
    kunci_periode_untuk_tulis(unit, tahun)
    pastikan_versi(riwayat_naskah(unit), versi)
    naskah = NaskahDinas.objects.select_for_update().filter(unit=unit).first() or NaskahDinas(unit=unit)
    return _simpan(naskah, KOLOM_NASKAH, data)


@transaction.atomic
def simpan_reviu(*, unit: UnitKerja, tahun: int, data: dict, versi: str | None = None) -> bool:
    """Enter or change the year's review statement. Returns whether it changed."""
    kunci_periode_untuk_tulis(unit, tahun)
    pastikan_versi(riwayat_reviu(unit, tahun), versi)
    reviu = PernyataanReviu.objects.select_for_update().filter(unit=unit, tahun=tahun).first()
    return _simpan(reviu or PernyataanReviu(unit=unit, tahun=tahun), KOLOM_REVIU, data)


@transaction.atomic
def hapus_reviu(*, unit: UnitKerja, tahun: int, versi: str | None = None) -> bool:
    """Remove the year's review statement (the report then prints none)."""
    kunci_periode_untuk_tulis(unit, tahun)
    pastikan_versi(riwayat_reviu(unit, tahun), versi)
    return PernyataanReviu.objects.filter(unit=unit, tahun=tahun).delete()[0] > 0
