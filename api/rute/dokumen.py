"""Issued documents: kind (stable code), year, version, content hash and download link."""

from __future__ import annotations

from ninja import Router, Schema

from ..dokumen import berkas_terbit, tautan_unduh
from ..enums import JenisDokumen, jenis_berkas
from ..konvensi import FilterSalah, baca_sejak, halaman
from ..lingkup import ambil_unit
from ..skema import GALAT
from ..skema import halaman as skema_halaman

router = Router(tags=["dokumen"])


class Dokumen(Schema):
    id: int
    unit: str
    tahun: int
    jenis: str
    jenis_label: str
    versi: int | None
    periode: str | None
    format: str
    bahasa: str
    final: bool
    status_data: str
    nama_berkas: str
    ukuran: int
    sha256: str
    kunci_masukan: str
    selesai_pada: str | None
    unduh: str


HalamanDokumen = skema_halaman(Dokumen, "HalamanDokumen")


@router.get("", response={200: HalamanDokumen, **GALAT}, summary="Dokumen terbit")
def dokumen(
    request,
    unit: str | None = None,
    tahun: int | None = None,
    jenis: str | None = None,
    updated_since: str | None = None,
    limit: int = 100,
    offset: int = 0,
):
    """The issued documents (Laporan Kinerja PDF/XLSX/DOCX, the PK document of each version, the IKU decree, the
    issued periodic reports): `jenis` is a stable code (lapkin, perjanjian-kinerja, iku,
    laporan-kinerja-triwulan, laporan-kinerja-semester, laporan-capaian-bulanan); `versi` the PK version or the
    periodic report's version, `periode` the periodic report's period (B01..B12, TW1..TW4, S1, S2; null for a
    yearly document); `sha256` the hash of the
    document's content (what it prints, its format and language), `kunci_masukan` the key of its inputs; `unduh`
    a link that needs no header (signed for this client; revoking the client ends it)."""
    lingkup = request.auth
    if jenis is not None and jenis not in JenisDokumen.values:
        raise FilterSalah("jenis", jenis, JenisDokumen.values)
    unit_ids = [ambil_unit(lingkup, unit).pk] if unit else None
    sejak = baca_sejak(updated_since)
    daftar = []
    for b in berkas_terbit(lingkup, unit_ids=unit_ids, tahun=tahun, jenis=jenis):
        if sejak is not None and (b.selesai_pada is None or b.selesai_pada < sejak):
            continue
        kind = jenis_berkas(b)
        lp = b.laporan_periodik if b.laporan_periodik_id else None
        daftar.append(
            {
                "id": b.pk,
                "unit": b.unit.slug,
                "tahun": b.tahun,
                "jenis": kind.value,
                "jenis_label": str(kind.label),
                "versi": lp.versi if lp else b.versi_pk.nomor if b.versi_pk_id else None,
                "periode": lp.periode if lp else None,
                "format": b.format,
                "bahasa": b.bahasa,
                "final": b.final,
                "status_data": "final" if b.final else "draf",
                "nama_berkas": b.nama_unduhan(),
                "ukuran": b.ukuran,
                "sha256": b.hash_isi,
                "kunci_masukan": b.hash,
                "selesai_pada": b.selesai_pada.isoformat() if b.selesai_pada else None,
                "unduh": tautan_unduh(request, b, lingkup),
            }
        )
    return halaman(request, daftar, limit, offset)
