"""Building blocks of the Excel round trip: import context, results, cell widgets and sheet base classes.

A *sheet* (`Lembar`) knows its columns, the rows it exports and how to import its rows. Two kinds:

- `LembarBerbasisResource`: one row = one model instance. Backed by a django-import-export `ModelResource`
  (`ModelResourceLembar`) whose widgets read natural keys (codes) and Indonesian numbers; the import runs
  through `Resource.import_data` and its row results are translated into `HasilLembar`.
- Hand-written sheets (pivoted shapes such as B3/B6/B9/B12 or Jan–Des): subclass `Lembar` directly.

Everything here runs inside the transaction opened by `impor.layanan.impor_excel`; each sheet writes its rows
before the next one runs, so that later sheets see rows created by earlier ones, and the service rolls back for a
dry run or on any error. Writes and lookups are batched: a model sheet validates every row first, then writes its
new and changed rows with a few bulk INSERTs and UPDATEs and their history rows (`tulis_tertunda`), so the
number of queries does not grow with the rows (tests/impor/test_kueri.py, bench/import_excel.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Any

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from import_export import resources, widgets
from import_export.instance_loaders import BaseInstanceLoader
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from indikator.models import Indikator, PerjanjianKinerja, RevisiRenstra, Sasaran, UnitKerja, VersiPK
from umum.format import format_angka

from .sel import (
    baca_bulat,
    baca_desimal,
    baca_pilihan,
    baca_tanggal,
    baca_teks,
    label_pilihan,
    sel_kosong,
)

# Excel number formats (Excel shows them with the reader's locale: 1.234,56 on an Indonesian system).
FORMAT_ANGKA = "#,##0.00"
FORMAT_RUPIAH = "#,##0"
FORMAT_BULAT = "0"
FORMAT_TANGGAL = "dd/mm/yyyy"

KOSONG = "–"
# First cell of an example row (a workbook for a new unit): the row is shown, never imported.
CONTOH = "CONTOH"


# --------------------------------------------------------------------------------------------- context


@dataclass
class Konteks:
    """The unit and year a workbook belongs to, with lookups shared by the sheets (natural key → object)."""

    unit: UnitKerja
    tahun: int
    # A preview (dry run) whose writes are rolled back: no audit-trail rows are written for it.
    pratinjau: bool = False

    @cached_property
    def revisi(self) -> RevisiRenstra | None:
        """The Renstra revision valid in `tahun` (the latest one when several overlap)."""
        return (
            RevisiRenstra.objects.filter(
                renstra__unit=self.unit, berlaku_mulai__lte=self.tahun, berlaku_sampai__gte=self.tahun
            )
            .select_related("renstra")
            .order_by("-renstra__tahun_mulai", "-nomor")
            .first()
        )

    @cached_property
    def indikator_per_kode(self) -> dict[str, list[Indikator]]:
        hasil: dict[str, list[Indikator]] = {}
        if self.revisi:
            for ind in Indikator.objects.filter(sasaran__revisi=self.revisi).select_related("sasaran"):
                hasil.setdefault(ind.kode, []).append(ind)
        return hasil

    def daftarkan_indikator(self, ind: Indikator) -> None:
        daftar = self.indikator_per_kode.setdefault(ind.kode, [])
        if all(i.pk != ind.pk for i in daftar):
            daftar.append(ind)

    def sasaran_per_kode(self) -> list[Sasaran]:
        if "_sasaran" not in self.__dict__:
            self.__dict__["_sasaran"] = list(Sasaran.objects.filter(revisi=self.revisi)) if self.revisi else []
        return self.__dict__["_sasaran"]

    @cached_property
    def indikator_unit_per_kode(self) -> dict[str, list[Indikator]]:
        """Indikator of every Renstra revision of the unit, newest revision first (PK rows may cite them)."""
        hasil: dict[str, list[Indikator]] = {}
        semua = (
            Indikator.objects.milik(self.unit)
            .filter(sasaran__revisi__berlaku_mulai__lte=self.tahun)
            .select_related("sasaran")
            .order_by("-sasaran__revisi__berlaku_mulai", "-sasaran__revisi__nomor")
        )
        for ind in semua:
            hasil.setdefault(ind.kode, []).append(ind)
        return hasil

    def cari_indikator(self, kode: str, *, lintas_revisi: bool = False) -> Indikator:
        """The indikator with this code in this year's Renstra revision; ValueError (Indonesian) otherwise.

        With `lintas_revisi` an indikator of an earlier revision of the unit's Renstra is accepted too (a PK
        signed early in the year may still cite the old structure); the newest revision wins.
        """
        daftar = self.indikator_per_kode.get(kode, [])
        if not daftar and lintas_revisi:
            lain = self.indikator_unit_per_kode.get(kode, [])
            daftar = [i for i in lain if i.sasaran.revisi_id == lain[0].sasaran.revisi_id] if lain else []
        if not daftar:
            raise ValueError(
                _("Kode indikator “%(kode)s” tidak dikenal pada Renstra yang berlaku tahun %(tahun)s.")
                % {"kode": kode, "tahun": self.tahun}
            )
        if len(daftar) > 1:
            raise ValueError(_("Kode indikator “%(kode)s” dipakai oleh lebih dari satu indikator.") % {"kode": kode})
        return daftar[0]

    @property
    def renstra(self):
        """The Renstra of this year's revision (None for a unit without a Renstra covering the year)."""
        return self.revisi.renstra if self.revisi else None

    def segarkan(self) -> None:
        """Forget the cached lookups: a sheet created a Renstra, a revision or PK versions the next sheets need."""
        for nama in (
            "revisi",
            "indikator_per_kode",
            "indikator_unit_per_kode",
            "perjanjian",
            "versi_per_nomor",
            "_sasaran",
        ):
            self.__dict__.pop(nama, None)

    @cached_property
    def perjanjian(self) -> PerjanjianKinerja | None:
        return PerjanjianKinerja.objects.filter(unit=self.unit, tahun=self.tahun).first()

    @cached_property
    def versi_per_nomor(self) -> dict[int, VersiPK]:
        if not self.perjanjian:
            return {}
        return {v.nomor: v for v in VersiPK.objects.filter(pk_induk=self.perjanjian)}


# --------------------------------------------------------------------------------------------- results


@dataclass
class Galat:
    """One error: sheet, Excel row (1-based, header = 1) and column header, message in Indonesian."""

    lembar: str
    baris: int | None
    kolom: str | None
    pesan: str


@dataclass
class PerubahanBaris:
    """A new or changed row: its Excel row, a readable key and the changed columns (column, old, new)."""

    baris: int
    kunci: str
    jenis: str  # "baru" | "berubah"
    medan: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class HasilLembar:
    judul: str
    benda: str = ""
    baru: int = 0
    berubah: int = 0
    tetap: int = 0
    perubahan: list[PerubahanBaris] = field(default_factory=list)
    galat: list[Galat] = field(default_factory=list)

    def catat_galat(self, baris: int | None, kolom: str | None, pesan: str) -> None:
        self.galat.append(Galat(self.judul, baris, kolom, str(pesan)))

    def catat(self, baris: int, kunci: str, medan: list[tuple[str, str, str]], *, baru: bool) -> None:
        if baru:
            self.baru += 1
            self.perubahan.append(PerubahanBaris(baris, kunci, "baru", medan))
        elif medan:
            self.berubah += 1
            self.perubahan.append(PerubahanBaris(baris, kunci, "berubah", medan))
        else:
            self.tetap += 1


def tampilkan(nilai: Any) -> str:
    """A value as shown in the preview (Indonesian numbers, "–" for empty)."""
    if nilai is None or nilai == "":
        return KOSONG
    if isinstance(nilai, bool):
        return _("Ya") if nilai else _("Tidak")
    if isinstance(nilai, Decimal | int):
        return format_angka(nilai, None)
    if isinstance(nilai, dt.date):
        return nilai.strftime("%d/%m/%Y")
    return str(nilai)


# --------------------------------------------------------------------------------------------- widgets


class AngkaWidget(widgets.DecimalWidget):
    """Decimal cell: numeric cells exactly, text cells through `baca_angka`; exported as a real number."""

    format_excel = FORMAT_ANGKA

    def __init__(self, *, desimal: int = 4, min_nilai: Decimal | None = None, format_excel: str | None = None):
        super().__init__(coerce_to_string=False)
        self.desimal = desimal
        self.min_nilai = min_nilai
        if format_excel:
            self.format_excel = format_excel

    def clean(self, value, row=None, **kwargs):
        return baca_desimal(value, desimal=self.desimal, min_nilai=self.min_nilai)

    def render(self, value, obj=None, **kwargs):
        return value


class BulatWidget(widgets.IntegerWidget):
    """Whole number; `kosong`: the value of an empty cell (e.g. 0 for an order column)."""

    format_excel = FORMAT_BULAT

    def __init__(self, *, kosong: int | None = None):
        super().__init__(coerce_to_string=False)
        self.kosong = kosong

    def clean(self, value, row=None, **kwargs):
        angka = baca_bulat(value)
        return self.kosong if angka is None else angka

    def render(self, value, obj=None, **kwargs):
        return value


class TeksWidget(widgets.CharWidget):
    def __init__(self):
        super().__init__(coerce_to_string=True, allow_blank=True)

    def clean(self, value, row=None, **kwargs):
        return baca_teks(value)


class PilihanWidget(widgets.Widget):
    """A choice cell: exported as the label people read, read back from the label or the internal code."""

    def __init__(self, pilihan, *, wajib: bool = True):
        super().__init__()
        self.pilihan = pilihan
        self.wajib = wajib

    def clean(self, value, row=None, **kwargs):
        return baca_pilihan(value, self.pilihan, wajib=self.wajib)

    def render(self, value, obj=None, **kwargs):
        return label_pilihan(self.pilihan, value)

    def daftar(self) -> list[str]:
        return [str(label) for label in self.pilihan.labels]


class TanggalWidget(widgets.Widget):
    format_excel = FORMAT_TANGGAL

    def clean(self, value, row=None, **kwargs):
        return baca_tanggal(value)

    def render(self, value, obj=None, **kwargs):
        return value


class TriwulanWidget(widgets.Widget):
    """Quarter 1–4; empty or “Tahunan” is the yearly value (triwulan NULL)."""

    format_excel = FORMAT_BULAT

    def clean(self, value, row=None, **kwargs):
        teks = baca_teks(value).lower()
        if teks in {"", "tahunan", "setahun", "tahun", "annual", "yearly", "year"}:
            return None
        teks = re.sub(r"^(tw|triwulan|q)\s*", "", teks)
        try:
            tw = baca_bulat(teks)
        except ValueError:
            tw = None
        if tw not in {1, 2, 3, 4}:
            raise ValueError(
                _("Triwulan “%(teks)s” tidak sah: isi 1–4, atau “Tahunan” untuk nilai setahun.")
                % {"teks": baca_teks(value)}
            )
        return tw

    def render(self, value, obj=None, **kwargs):
        return _("Tahunan") if value is None else value


class KodeWidget(widgets.ForeignKeyWidget):
    """Natural-key foreign key: the cell holds a code looked up within the import context (unit, year).

    Unlike `ForeignKeyWidget.clean` (which raises DoesNotExist) an unknown code raises ValueError, which
    django-import-export reports as a field error, so the preview can name the column.
    """

    def __init__(self, model, field):
        super().__init__(model, field=field)
        self.konteks: Konteks | None = None

    def cari(self, kode: str):  # pragma: no cover - abstract
        raise NotImplementedError

    def clean(self, value, row=None, **kwargs):
        kode = baca_teks(value)
        if not kode:
            return None
        return self.cari(kode)


class IndikatorWidget(KodeWidget):
    def __init__(self, *, lintas_revisi: bool = False):
        super().__init__(Indikator, "kode")
        self.lintas_revisi = lintas_revisi

    def cari(self, kode):
        return self.konteks.cari_indikator(kode, lintas_revisi=self.lintas_revisi)


class KodeBanyakWidget(widgets.ManyToManyWidget):
    """Several codes in one cell ("S1, S2"), each looked up within the import context by `cari(konteks, kode)`."""

    def __init__(self, model, cari):
        super().__init__(model, separator=",", field="kode")
        self.cari = cari
        self.konteks: Konteks | None = None

    def clean(self, value, row=None, **kwargs):
        kode = [k.strip() for k in baca_teks(value).split(",") if k.strip()]
        return [self.cari(self.konteks, k) for k in dict.fromkeys(kode)]

    def render(self, value, obj=None, **kwargs):
        return self.render_daftar(value.all()) if value is not None else ""

    def render_daftar(self, daftar) -> str:
        return ", ".join(sorted(o.kode for o in daftar))


class VersiPKWidget(KodeWidget):
    def __init__(self):
        super().__init__(VersiPK, "nomor")

    def cari(self, kode):
        nomor = baca_bulat(kode)
        versi = self.konteks.versi_per_nomor.get(nomor)
        if versi is None:
            raise ValueError(
                _("Versi PK %(nomor)s tidak ada untuk tahun %(tahun)s; buat versinya dulu di ruang kerja.")
                % {"nomor": kode, "tahun": self.konteks.tahun}
            )
        return versi

    def render(self, value, obj=None, **kwargs):
        return value.nomor if value else None


# --------------------------------------------------------------------------------------------- sheets


@dataclass
class Kolom:
    """A column of an exported sheet: header, width, Excel number format, and whether it is read back."""

    judul: str
    lebar: int = 14
    format: str | None = None
    info: bool = False  # informational only: ignored on import (grey header)
    pilihan: list[str] | None = None  # allowed values (an Excel drop-down list)


@dataclass
class BarisExcel:
    nomor: int
    nilai: dict[str, Any]


class Lembar:
    """One worksheet kind. Subclasses define `judul`, `kolom()`, `baris_ekspor()` and `impor()`."""

    judul = ""
    kolom_kunci: tuple[str, ...] = ()  # headers that must be present to import the sheet
    keterangan = ""  # one paragraph for the "Petunjuk" sheet
    benda = ""  # what one row is, for the preview summary ("akan dibuat: 9 sasaran")
    # An example row written below the header of an empty sheet; its first cell is replaced by CONTOH and the
    # row is ignored on import. Values in column order.
    contoh: tuple = ()

    def __init__(self, konteks: Konteks):
        self.konteks = konteks

    def kolom(self) -> list[Kolom]:
        raise NotImplementedError

    def baris_ekspor(self) -> Iterable[list[Any]]:
        raise NotImplementedError

    def impor(self, header: list[str], baris: list[BarisExcel]) -> HasilLembar:
        raise NotImplementedError


class PemuatKunci(BaseInstanceLoader):
    """Instance loader: loads the sheet's scope once, then finds instances by natural key without queries."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.cache = {resource.kunci_instance(obj): obj for obj in resource.queryset_lingkup()}

    def get_instance(self, row):
        kunci = self.resource.kunci_baris(row)
        return None if kunci is None else self.cache.get(kunci)


class ModelResourceLembar(resources.ModelResource):
    """django-import-export `ModelResource` base of the per-instance sheets, scoped to an import context
    (unit, year); natural keys instead of database ids. A `LembarBerbasisResource` drives one per import."""

    class Meta:
        skip_unchanged = True
        report_skipped = True
        store_instance = True
        skip_html_diff = True
        clean_model_instances = True
        instance_loader_class = PemuatKunci

    def __init__(self, *, konteks: Konteks):
        super().__init__()
        self.konteks = konteks
        for f in self.fields.values():
            if isinstance(f.widget, KodeWidget | KodeBanyakWidget):
                f.widget.konteks = konteks
        self.nomor_baris: list[int] = []
        self._terlihat: dict[tuple, int] = {}
        self._loader: PemuatKunci | None = None
        self._m2m_lama: dict[tuple, str] = {}
        # Rows validated but not yet written (batched writes): (Excel row, instance), new and changed; the
        # many-to-many links asked for: (instance, field, objects).
        self._tertunda_baru: list[tuple[int, Any]] = []
        self._tertunda_ubah: list[tuple[int, Any]] = []
        self._tertunda_m2m: list[tuple[Any, Any, list]] = []
        self._m2m_tampil: dict[tuple[int, str], list] = {}

    # Write the sheet's rows in batches at the end (`tulis_tertunda`) instead of one save per row; a resource whose
    # `after_save_instance` needs the saved row sets it False.
    simpan_massal = True

    def save_m2m(self, instance, row, **kwargs):
        if not self.simpan_massal:
            return super().save_m2m(instance, row, **kwargs)
        for f in self.get_import_fields():
            if isinstance(f.widget, widgets.ManyToManyWidget) and f.column_name in row:
                self._tertunda_m2m.append((instance, f, list(f.clean(row))))

    def m2m_baru(self, instance, f) -> str | None:
        """The many-to-many cell as it will read after the import (without a query per row)."""
        if len(self._m2m_tampil) != len(self._tertunda_m2m):
            self._m2m_tampil = {(id(obj), m.column_name): daftar for obj, m, daftar in self._tertunda_m2m}
        daftar = self._m2m_tampil.get((id(instance), f.column_name))
        return None if daftar is None else f.widget.render_daftar(daftar)

    def save_instance(self, instance, is_create, row, **kwargs):
        if not self.simpan_massal:
            return super().save_instance(instance, is_create, row, **kwargs)
        self.before_save_instance(instance, row, **kwargs)
        nomor = self.nomor_baris[kwargs["row_number"] - 1]
        (self._tertunda_baru if is_create else self._tertunda_ubah).append((nomor, instance))
        self.after_save_instance(instance, row, **kwargs)

    def tulis_tertunda(self) -> dict[int, str]:
        """Write the batched rows: a few INSERTs and UPDATEs with their audit-trail copies (none for a preview).
        When the database refuses the batch (a constraint), each row is written again on its own to name the rows
        it refuses: {Excel row: message}; the caller's transaction is rolled back then anyway."""
        tertunda = [(nomor, obj, True) for nomor, obj in self._tertunda_baru]
        tertunda += [(nomor, obj, False) for nomor, obj in self._tertunda_ubah]
        self._tertunda_baru, self._tertunda_ubah = [], []
        if not tertunda:
            return {}
        model = self._meta.model
        baru = [obj for _n, obj, b in tertunda if b]
        ubah = [obj for _n, obj, b in tertunda if not b]
        try:
            with transaction.atomic():
                tulis_massal(model, baru, ubah, riwayat=not self.konteks.pratinjau)
                _tulis_m2m(model, self._tertunda_m2m)
            return {}
        except DatabaseError:
            pass
        galat = {}
        for nomor, obj, b in tertunda:
            if b:
                obj.pk, obj._state.adding = None, True  # the rolled-back batch may have set it
            try:
                with transaction.atomic():
                    obj.save(force_insert=b)
                    _tulis_m2m(model, [m for m in self._tertunda_m2m if m[0] is obj])
            except DatabaseError as e:
                galat[nomor] = _("Baris tidak dapat disimpan: %(e)s") % {"e": e}
        return galat

    # -- scope and natural keys (subclasses)
    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        if self.konteks.pratinjau:
            # simple_history skips the historical row; the preview is rolled back anyway.
            instance.skip_history_when_saving = True

    def queryset_lingkup(self):
        raise NotImplementedError

    def kunci_instance(self, obj) -> tuple:
        raise NotImplementedError

    def objek_ekspor(self) -> Iterable:
        return self.queryset_lingkup()

    def kolom_excel(self) -> list[Kolom]:
        hasil = []
        for f in self.get_export_fields():
            hasil.append(
                Kolom(
                    f.column_name,
                    lebar=getattr(self, "lebar_kolom", {}).get(f.column_name, 14),
                    format=getattr(f.widget, "format_excel", None),
                    info=f.readonly,
                    pilihan=f.widget.daftar() if hasattr(f.widget, "daftar") else None,
                )
            )
        return hasil

    def kunci_baris(self, row) -> tuple | None:
        """The natural key of a row (cleaned), or None when a key cell is invalid (reported by the field)."""
        nilai = []
        for nama in self.get_import_id_fields():
            f = self.fields[nama]
            try:
                v = f.clean(row)
            except (ValueError, KeyError):
                return None
            nilai.append(getattr(v, "pk", v))
        return tuple(nilai)

    def get_or_init_instance(self, instance_loader, row):
        self._loader = instance_loader
        instance, baru = super().get_or_init_instance(instance_loader, row)
        if not baru:
            # Many-to-many links as they were (the row result's `original` reads them after the save).
            for f in self.fields.values():
                if isinstance(f.widget, widgets.ManyToManyWidget):
                    self._m2m_lama[(instance.pk, f.column_name)] = f.widget.render(f.get_value(instance))
        return instance, baru

    def before_import_row(self, row, **kwargs):
        kunci = self.kunci_baris(row)
        nomor = self.nomor_baris[kwargs["row_number"] - 1]
        if kunci is not None:
            if kunci in self._terlihat:
                raise ValidationError(
                    {
                        NON_FIELD_ERRORS: _("Baris ganda: datanya sama kuncinya dengan baris %(n)s.")
                        % {"n": self._terlihat[kunci]}
                    }
                )
            self._terlihat[kunci] = nomor

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Field validation and `Model.clean()`; uniqueness within the scope is guaranteed by the natural-key
        loader and the duplicate check, and database constraints still guard the save (row savepoints)."""
        errors = dict(import_validation_errors or {})
        # Foreign keys read by a KodeWidget were looked up within the scope already: skip the existence query.
        dicari = {f.attribute for f in self.fields.values() if isinstance(f.widget, KodeWidget)}
        # So are the foreign keys the sheet does not read: the import context's (unit, PK, Renstra revision) or
        # the stored row's.
        dibaca = {f.attribute for f in self.get_import_fields()}
        dicari |= {f.name for f in instance._meta.concrete_fields if f.is_relation and f.name not in dibaca}
        try:
            instance.full_clean(exclude=set(errors) | dicari, validate_unique=False, validate_constraints=False)
        except ValidationError as e:
            errors = e.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def after_save_instance(self, instance, row, **kwargs):
        if self._loader is not None:
            self._loader.cache[self.kunci_instance(instance)] = instance

    def baris_kosong_baru(self, row) -> bool:
        """True for a row with no data besides its key: skipped when no instance exists yet (template rows)."""
        kunci = {self.fields[n].column_name for n in self.get_import_id_fields()}
        return all(sel_kosong(v) or k in kunci or self._kolom_info(k) for k, v in row.items())

    def _kolom_info(self, kolom: str) -> bool:
        for f in self.fields.values():
            if f.column_name == kolom:
                return f.readonly
        return True  # unknown columns are ignored

    def get_diff_class(self):
        return _TanpaDiff  # the preview's diff is built from the row results (`LembarBerbasisResource.impor`)

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if original is not None and hasattr(instance, "_prefetched_objects_cache"):
            # deepcopy() dropped the prefetched many-to-many rows of the copy: compare without a query per row.
            original._prefetched_objects_cache = dict(instance._prefetched_objects_cache)
        if instance.pk is None and not import_validation_errors and self.baris_kosong_baru(row):
            return True
        return super().skip_row(instance, original, row, import_validation_errors)

    def kunci_tampil(self, row) -> str:
        return " / ".join(baca_teks(row.get(self.fields[n].column_name)) or KOSONG for n in self.get_import_id_fields())


class _TanpaDiff:
    """django-import-export's row diff (an HTML table of every field, read twice per row) is not used here."""

    def __init__(self, resource, instance, new):
        pass

    def compare_with(self, resource, instance):
        pass

    def as_html(self):
        return []


class LembarBerbasisResource(Lembar):
    """Sheet descriptor with one model instance per row: columns, export and import are delegated to its
    `resource_class` (a `ModelResourceLembar`), whose row results become a `HasilLembar`."""

    resource_class: type[ModelResourceLembar]

    def resource(self) -> ModelResourceLembar:
        return self.resource_class(konteks=self.konteks)

    @property
    def kolom_kunci(self):
        r = self.resource_class(konteks=self.konteks)
        return tuple(r.fields[n].column_name for n in r.get_import_id_fields())

    def kolom(self):
        return self.resource().kolom_excel()

    def baris_ekspor(self):
        r = self.resource()
        return r.export(queryset=r.objek_ekspor())

    def impor(self, header, baris):
        hasil = HasilLembar(self.judul)
        r = self.resource()
        ds = tablib.Dataset(headers=header)
        for b in baris:
            ds.append([b.nilai.get(h) for h in header])
        r.nomor_baris = [b.nomor for b in baris]
        # Batched rows write nothing per row: no savepoint per row either (the service's transaction holds all).
        result = r.import_data(ds, dry_run=False, use_transactions=not r.simpan_massal, raise_errors=False)
        for err in result.base_errors:
            hasil.catat_galat(None, None, str(err.error))
        galat_tulis = r.tulis_tertunda() if r.simpan_massal else {}
        for nomor, pesan in galat_tulis.items():
            hasil.catat_galat(nomor, None, pesan)
        kolom_per_atribut = {f.attribute: f.column_name for f in r.fields.values() if f.attribute}
        for i, rr in enumerate(result.rows):
            nomor = r.nomor_baris[i]
            row = dict(zip(header, ds[i], strict=False))
            if rr.validation_error is not None:
                for atribut, pesan in _pesan_validasi(rr.validation_error):
                    hasil.catat_galat(nomor, kolom_per_atribut.get(atribut), pesan)
            elif nomor in galat_tulis:
                continue
            elif rr.errors:
                for e in rr.errors:
                    hasil.catat_galat(nomor, None, _("Baris tidak dapat disimpan: %(e)s") % {"e": e.error})
            elif rr.import_type == rr.IMPORT_TYPE_SKIP:
                if rr.instance is not None and rr.instance.pk is not None:
                    hasil.tetap += 1
            elif rr.import_type in (rr.IMPORT_TYPE_NEW, rr.IMPORT_TYPE_UPDATE):
                medan = []
                for f in r.get_import_fields():
                    if f.readonly or f.column_name not in row:
                        continue
                    if isinstance(f.widget, widgets.ManyToManyWidget):
                        if r.simpan_massal:
                            baru = r.m2m_baru(rr.instance, f) or None
                        else:
                            baru = f.widget.render(f.get_value(rr.instance)) or None
                        lama = None if rr.is_new() else r._m2m_lama.get((rr.instance.pk, f.column_name)) or None
                    else:
                        baru = f.get_value(rr.instance)
                        lama = f.get_value(rr.original) if rr.original is not None else None
                    if rr.is_new() or lama != baru:
                        if rr.is_new() and (baru is None or baru == ""):
                            continue
                        medan.append((f.column_name, _tampil_widget(f, lama), _tampil_widget(f, baru)))
                hasil.catat(nomor, r.kunci_tampil(row), medan, baru=rr.is_new())
        return hasil


UKURAN_BATCH = 500


def tulis_massal(model, baru: list, ubah: list, *, riwayat: bool) -> None:
    """INSERT `baru` and UPDATE every field of `ubah` in batches; with their history rows when `riwayat`."""
    kolom = [f.name for f in model._meta.concrete_fields if not f.primary_key]
    for f in model._meta.concrete_fields:
        if getattr(f, "auto_now", False):
            for obj in ubah:
                f.pre_save(obj, add=False)  # bulk_update does not call pre_save
    if riwayat:
        if baru:
            bulk_create_with_history(baru, model, batch_size=UKURAN_BATCH)
        if ubah:
            bulk_update_with_history(ubah, model, kolom, batch_size=UKURAN_BATCH)
    else:
        if baru:
            model.objects.bulk_create(baru, batch_size=UKURAN_BATCH)
        if ubah:
            model.objects.bulk_update(ubah, kolom, batch_size=UKURAN_BATCH)


def _tulis_m2m(model, tertunda: list[tuple[Any, Any, list]]) -> None:
    """Set each instance's many-to-many links to the objects asked for: one read of the current links and a few
    batched DELETEs and INSERTs per field (what `.set()` does with queries per row)."""
    per_medan: dict[str, dict[int, set[int]]] = {}
    for obj, f, daftar in tertunda:
        per_medan.setdefault(f.attribute, {})[obj.pk] = {o.pk for o in daftar}
    for atribut, diminta in per_medan.items():
        relasi = model._meta.get_field(atribut)
        antara = relasi.remote_field.through
        asal, tujuan = f"{relasi.m2m_field_name()}_id", f"{relasi.m2m_reverse_field_name()}_id"
        ada: dict[int, dict[int, int]] = {}
        pk_asal = list(diminta)
        for i in range(0, len(pk_asal), UKURAN_BATCH):
            for pk, a, t in antara.objects.filter(**{f"{asal}__in": pk_asal[i : i + UKURAN_BATCH]}).values_list(
                "pk", asal, tujuan
            ):
                ada.setdefault(a, {})[t] = pk
        buang = [pk for a, tautan in ada.items() for t, pk in tautan.items() if t not in diminta[a]]
        for i in range(0, len(buang), UKURAN_BATCH):
            antara.objects.filter(pk__in=buang[i : i + UKURAN_BATCH]).delete()
        baru = [
            antara(**{asal: a, tujuan: t}) for a, daftar in diminta.items() for t in daftar if t not in ada.get(a, {})
        ]
        antara.objects.bulk_create(baru, batch_size=UKURAN_BATCH)


def _tampil_widget(f, nilai) -> str:
    if isinstance(f.widget, widgets.ManyToManyWidget):
        return tampilkan(nilai)  # already the cell text
    if isinstance(f.widget, KodeWidget) and nilai is not None:
        return tampilkan(getattr(nilai, f.widget.field, nilai))
    if isinstance(f.widget, TriwulanWidget):
        return tampilkan(f.widget.render(nilai))
    return tampilkan(nilai)


def _pesan_validasi(e: ValidationError) -> list[tuple[str | None, str]]:
    if hasattr(e, "error_dict"):
        hasil = []
        for atribut, daftar in e.error_dict.items():
            for err in daftar:
                for pesan in ValidationError(err).messages:
                    hasil.append((None if atribut == NON_FIELD_ERRORS else atribut, pesan))
        return hasil
    return [(None, m) for m in e.messages]
