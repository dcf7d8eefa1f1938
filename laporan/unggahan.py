"""Figures planners upload for a unit's year (`GambarLaporan`): where they may go, and the writes, each through
the period lock (an approved, locked or submitted year refuses them)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from indikator.models import UnitKerja
from indikator.periode import kunci_periode_untuk_tulis
from umum.teks import periksa_medan

from .models import GambarLaporan
from .narasi import BAGIAN_UMUM


def pilihan_bagian() -> list[tuple[str, str]]:
    """Where an uploaded figure may print: replacing a generated figure, or after a narrative section's text."""
    return [
        (GambarLaporan.GANTI_STRUKTUR, str(_("Pengganti Struktur Organisasi (Bab I)"))),
        (GambarLaporan.GANTI_PETA, str(_("Pengganti Peta Strategi (Bab II)"))),
        *((k, str(label)) for k, label in BAGIAN_UMUM),
    ]


@transaction.atomic
def simpan_gambar(*, unit: UnitKerja, tahun: int, bagian: str, judul: str, berkas, urutan: int) -> GambarLaporan:
    """Store a new figure (the file already checked and resized by the form). Refuses a locked year."""
    kunci_periode_untuk_tulis(unit, tahun)
    gambar = GambarLaporan(unit=unit, tahun=tahun, bagian=bagian, judul=judul.strip(), berkas=berkas, urutan=urutan)
    periksa_medan(gambar, "bagian", "judul")
    gambar.save()
    return gambar


@transaction.atomic
def ubah_gambar(gambar: GambarLaporan, *, bagian: str, judul: str, urutan: int) -> bool:
    """Change a figure's place, caption or order; returns whether anything changed."""
    kunci_periode_untuk_tulis(gambar.unit, gambar.tahun)
    baru = (bagian, judul.strip(), urutan)
    if (gambar.bagian, gambar.judul, gambar.urutan) == baru:
        return False
    gambar.bagian, gambar.judul, gambar.urutan = baru
    periksa_medan(gambar, "bagian", "judul")
    gambar.save()
    return True


@transaction.atomic
def hapus_gambar(gambar: GambarLaporan) -> None:
    """Remove a figure; like evidence its file stays in private storage (never served without the live record),
    so an administrator can restore it ("Pulihkan", `indikator.pemulihan`) until `bersihkan_bukti_terhapus`
    purges the files of records deleted long ago."""
    kunci_periode_untuk_tulis(gambar.unit, gambar.tahun)
    gambar.delete()
