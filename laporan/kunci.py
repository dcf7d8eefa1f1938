"""The key of a report file: what it is made of, read without building the report (a constant 2 queries).

A file (`BerkasLaporan.hash`) is keyed by its inputs: the unit's data version (`PeriodeUnit.versi_data` summed
over all its years: every write raises one, and the report prints several years), the period row of its year
(status, last workflow step), the scoring configuration, the unit's narrative, figures, legal wording and review
statement (latest history record of each, per unit), the units and heads it names (organisation chart; latest
history record), the language, the warnings annex, the format, which document (and PK version), and the build id
of the code, templates, static files and translations. A change of any of them gives a new key, so a request for
an edited report queues a new file while a request for an unchanged one joins or finds the stored file.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

from django.conf import settings
from django.db import connection

from indikator.models import (
    BandKriteria,
    BobotPerspektif,
    KepalaUnit,
    NilaiSkala,
    PeriodeUnit,
    SkalaKualitatif,
    SkemaPenilaian,
    UnitKerja,
)

from .models import GambarLaporan, NarasiLaporan, NaskahDinas, NaskahDinasDisahkan, PernyataanReviu

# Models whose latest history record of the unit is an input.
RIWAYAT_UNIT = (NarasiLaporan, GambarLaporan, NaskahDinas, NaskahDinasDisahkan, PernyataanReviu)
# Models whose latest history record (any unit) is an input: names and heads of the units around it, scoring.
RIWAYAT_SEMUA = (UnitKerja, KepalaUnit, SkemaPenilaian, BandKriteria, BobotPerspektif, SkalaKualitatif, NilaiSkala)

# What the build id reads (beside SAKIP_VERSI_BUILD and the renderers' versions).
_FOLDER_BUILD = ("laporan", "indikator", "anggaran", "pohon", "sakip", "templates", "static", "locale")
_AKHIRAN_BUILD = {".py", ".html", ".css", ".svg", ".png", ".jpg", ".ttf", ".otf", ".woff", ".woff2", ".mo"}
_PUSTAKA = ("weasyprint", "pypdf", "python-docx", "openpyxl", "Django")


@lru_cache(maxsize=1)
def versi_build() -> str:
    """Hash of what renders a report (code, templates, static files, translations, renderer versions), once per
    process. `SAKIP_VERSI_BUILD` (e.g. the deployed commit) is added when set."""
    h = hashlib.sha256(str(getattr(settings, "SAKIP_VERSI_BUILD", "")).encode())
    for nama in _PUSTAKA:
        try:
            h.update(f"{nama}={version(nama)}\n".encode())
        except PackageNotFoundError:
            pass
    akar = settings.BASE_DIR
    for folder in _FOLDER_BUILD:
        for jalur in sorted((akar / folder).rglob("*")):
            if jalur.suffix in _AKHIRAN_BUILD and "migrations" not in jalur.parts and jalur.is_file():
                h.update(str(jalur.relative_to(akar)).encode())
                h.update(jalur.read_bytes())
    return h.hexdigest()[:16]


def _tabel(model) -> str:
    return connection.ops.quote_name(model.history.model._meta.db_table)


def versi_masukan(unit_id: int) -> tuple:
    """The unit's data version and the latest history ids above, in one query."""
    q = connection.ops.quote_name
    periode = q(PeriodeUnit._meta.db_table)
    kolom_unit = q(PeriodeUnit._meta.get_field("unit").column)
    unit_t = q(UnitKerja._meta.db_table)
    kolom_induk = q(UnitKerja._meta.get_field("induk").column)
    pilih = [
        f"(SELECT COALESCE(SUM({q('versi_data')}), 0) FROM {periode} WHERE {kolom_unit} = %s)",
        # The sub-units' versions: a parent's consolidated report prints their figures (pohon.konsolidasi).
        f"(SELECT COALESCE(SUM(p.{q('versi_data')}), 0) FROM {periode} p JOIN {unit_t} u ON p.{kolom_unit} = u.{q('id')}"
        f" WHERE u.{kolom_induk} = %s)",
    ]
    parameter: list = [unit_id, unit_id]
    for m in RIWAYAT_UNIT:
        kolom = q(m.history.model._meta.get_field("unit").column)
        pilih.append(f"(SELECT MAX({q('history_id')}) FROM {_tabel(m)} WHERE {kolom} = %s)")
        parameter.append(unit_id)
    pilih += [f"(SELECT MAX({q('history_id')}) FROM {_tabel(m)})" for m in RIWAYAT_SEMUA]
    with connection.cursor() as c:
        c.execute("SELECT " + ", ".join(pilih), parameter)
        return tuple(c.fetchone())


def versi_periodik(laporan_id: int) -> tuple:
    """The latest history ids of a periodic report's row, texts and budget causes (1 query)."""
    from .models import IsianPeriodik, LaporanPeriodik, PenjelasanAnggaranPeriodik

    q = connection.ops.quote_name
    pilih = [f"(SELECT MAX({q('history_id')}) FROM {_tabel(LaporanPeriodik)} WHERE {q('id')} = %s)"]
    for m in (IsianPeriodik, PenjelasanAnggaranPeriodik):
        kolom = q(m.history.model._meta.get_field("laporan").column)
        pilih.append(f"(SELECT MAX({q('history_id')}) FROM {_tabel(m)} WHERE {kolom} = %s)")
    with connection.cursor() as c:
        c.execute("SELECT " + ", ".join(pilih), [laporan_id] * 3)
        return tuple(c.fetchone())


def kunci_berkas(
    unit_id: int,
    tahun: int,
    format_: str,
    *,
    periode: PeriodeUnit | None,
    jenis: str = "laporan",
    versi_pk_id: int | None = None,
    dengan_peringatan: bool = False,
    bahasa: str = "id",
    versi: tuple | None = None,
    terkunci: bool | None = None,
    periodik=None,
) -> str:
    """The key of a file (64 hex digits) from its inputs (1 query, none with `versi` from `versi_masukan`).

    `periode`: the year's row or None. The report prints its year's status (draft mark, status line) and
    approval; a legal document only whether the year is approved or locked (`terkunci`, which may be given to ask
    for the key the document had before its approval)."""
    if terkunci is None:
        terkunci = periode is not None and periode.final
    if jenis == "laporan":
        tahap = [periode.status, periode.diubah_pada.isoformat()] if periode is not None else ["", ""]
    elif jenis == "periodik":  # a periodic report: its own row and texts (their history) as well
        tahap = [periodik.pk, periodik.status, periodik.sha256, *versi_periodik(periodik.pk)]
    else:
        tahap = [int(terkunci)]
    bagian = [
        "berkas-laporan/2",
        versi_build(),
        jenis,
        versi_pk_id or "",
        unit_id,
        tahun,
        format_,
        int(dengan_peringatan),
        bahasa,
        *tahap,
        *(versi if versi is not None else versi_masukan(unit_id)),
    ]
    return hashlib.sha256("\n".join(str(b) for b in bagian).encode()).hexdigest()
