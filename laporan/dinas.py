"""Writes of the legal texts a unit edits in the workspace: its wording of the PK agreement and the IKU decree
(`NaskahDinas`, one per unit) and the year's review statement (`PernyataanReviu`). Each takes the year's period
lock (an approved, locked or submitted year refuses them) and checks the version the form was loaded from.
At each approval the wording the year prints is kept (`NaskahDinasDisahkan`, `simpan_naskah_disahkan`), so a
later edit from an open year's page changes only open years."""

from __future__ import annotations

from django.db import transaction

from indikator.models import UnitKerja
from indikator.periode import kunci_periode_untuk_tulis
from indikator.token_ubah import pastikan_token
from umum.teks import periksa_medan

from .models import IsiNaskahDinas, NaskahDinas, NaskahDinasDisahkan, PernyataanReviu

KOLOM_NASKAH = IsiNaskahDinas.KOLOM
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
    periksa_medan(obj, *kolom)
    obj.save()
    return True


@transaction.atomic
def simpan_naskah(*, unit: UnitKerja, tahun: int, data: dict, versi: str | None = None) -> bool:
    """Store the unit's wording (from the page of `tahun`, whose lock it takes). Returns whether it changed."""
    kunci_periode_untuk_tulis(unit, tahun)
    pastikan_token(riwayat_naskah(unit), versi)
    naskah = NaskahDinas.objects.select_for_update().filter(unit=unit).first() or NaskahDinas(unit=unit)
    return _simpan(naskah, KOLOM_NASKAH, data)


def simpan_naskah_disahkan(sender=None, *, periode, **kwargs) -> NaskahDinasDisahkan:
    """Keep the wording the approved year prints (receiver of `indikator.periode.periode_disahkan`, inside the
    approval's transaction): the unit's wording as it is now, else the standard one. A re-approval after an
    unlock replaces it."""
    sumber = NaskahDinas.objects.filter(unit_id=periode.unit_id).first() or NaskahDinas()
    salinan, _baru = NaskahDinasDisahkan.objects.update_or_create(
        unit_id=periode.unit_id, tahun=periode.tahun, defaults={k: getattr(sumber, k) for k in KOLOM_NASKAH}
    )
    return salinan


@transaction.atomic
def simpan_reviu(*, unit: UnitKerja, tahun: int, data: dict, versi: str | None = None) -> bool:
    """Enter or change the year's review statement. Returns whether it changed."""
    kunci_periode_untuk_tulis(unit, tahun)
    pastikan_token(riwayat_reviu(unit, tahun), versi)
    reviu = PernyataanReviu.objects.select_for_update().filter(unit=unit, tahun=tahun).first()
    return _simpan(reviu or PernyataanReviu(unit=unit, tahun=tahun), KOLOM_REVIU, data)


@transaction.atomic
def hapus_reviu(*, unit: UnitKerja, tahun: int, versi: str | None = None) -> bool:
    """Remove the year's review statement (the report then prints none)."""
    kunci_periode_untuk_tulis(unit, tahun)
    pastikan_token(riwayat_reviu(unit, tahun), versi)
    return PernyataanReviu.objects.filter(unit=unit, tahun=tahun).delete()[0] > 0
