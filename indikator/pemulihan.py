"""Restoring deleted objects ("Pulihkan") from their history (django-simple-history), by an administrator.

Every planning and budget model keeps its history; a deletion leaves a historical record of type "-" holding the
object's last values. `daftar_terhapus` lists the deleted objects of a unit; `pulihkan` saves the object again with
its primary key and values, refusing when its year is approved or locked (`periode`), when a parent it needs no
longer exists (restore the parent first), or when the values now collide with another object. Children deleted
with the object (a cascade) are listed separately and are restored one by one after their parent.

Models of other apps are named by label (this app sits below the budget and report apps). Records with a file
(evidence, report figures) keep the file when deleted, so restoring brings it back; `bersihkan_bukti_terhapus`
removes the files of records deleted long ago, after which such a record can no longer be restored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext

from .models import Sasaran, Tujuan, UnitKerja
from .periode import pastikan_rentang_dapat_diubah


@dataclass(frozen=True)
class Jenis:
    kode: str
    model: str  # "app_label.Model"
    induk: str = ""  # foreign key to the parent that leads to the unit; "" = the model has `unit` itself
    tahun: tuple[str, str] | None = None  # first and last year fields; None = the parent's years apply

    @property
    def kelas(self):
        return apps.get_model(self.model)

    @property
    def label(self) -> str:
        return str(self.kelas._meta.verbose_name)


_TAHUN = ("tahun", "tahun")
JENIS: dict[str, Jenis] = {
    j.kode: j
    for j in (
        Jenis("renstra", "indikator.Renstra", tahun=("tahun_mulai", "tahun_selesai")),
        Jenis("revisi-renstra", "indikator.RevisiRenstra", "renstra", ("berlaku_mulai", "berlaku_sampai")),
        Jenis("tujuan", "indikator.Tujuan", "renstra"),
        Jenis("sasaran", "indikator.Sasaran", "revisi"),
        Jenis("indikator", "indikator.Indikator", "sasaran"),
        Jenis("target", "indikator.Target", "indikator", _TAHUN),
        Jenis("realisasi", "indikator.Realisasi", "indikator", _TAHUN),
        Jenis("bukti", "indikator.BuktiDukung", "realisasi"),
        Jenis("pk", "indikator.PerjanjianKinerja", tahun=_TAHUN),
        Jenis("versi-pk", "indikator.VersiPK", "pk_induk"),
        Jenis("baris-pk", "indikator.BarisPK", "versi"),
        Jenis("rencana-aksi", "indikator.RencanaAksi", "baris_pk"),
        Jenis("kepala-unit", "indikator.KepalaUnit"),
        Jenis("komposisi-pegawai", "indikator.KomposisiPegawai", tahun=_TAHUN),
        Jenis("nilai-akip", "indikator.NilaiAkip", tahun=_TAHUN),
        Jenis("komponen-akip", "indikator.KomponenNilaiAkip", "nilai_akip"),
        Jenis("mata-anggaran", "anggaran.MataAnggaran", tahun=_TAHUN),
        Jenis("pagu", "anggaran.PaguRevisi", "mata_anggaran"),
        Jenis("realisasi-anggaran", "anggaran.RealisasiAnggaran", "mata_anggaran"),
        Jenis("rencana-penarikan", "anggaran.RencanaPenarikan", "mata_anggaran"),
        Jenis("sub-kegiatan", "anggaran.SubKegiatan", tahun=_TAHUN),
        Jenis("alokasi-renstra", "anggaran.AlokasiRenstra", "renstra", _TAHUN),
        Jenis("narasi", "laporan.NarasiLaporan", tahun=_TAHUN),
        Jenis("gambar-laporan", "laporan.GambarLaporan", tahun=_TAHUN),
        Jenis("pernyataan-reviu", "laporan.PernyataanReviu", tahun=_TAHUN),
    )
}


def _jenis_model(model) -> Jenis:
    return next(j for j in JENIS.values() if j.model == model._meta.label)


def _terakhir(model, pk):
    """The live object, else its latest historical record (both carry the same field attnames)."""
    return model._default_manager.filter(pk=pk).first() or (
        model.history.filter(id=pk).order_by("-history_date", "-history_id").first()
    )


def _id_unit(jenis: Jenis, baris, cache: dict) -> int | None:
    """Unit id of an object or historical record, climbing through parents that may be deleted themselves."""
    if not jenis.induk:
        return baris.unit_id
    field = jenis.kelas._meta.get_field(jenis.induk)
    induk_id = getattr(baris, field.attname)
    if induk_id is None:
        return None
    kunci = (field.related_model._meta.label, induk_id)
    if kunci not in cache:
        induk = _terakhir(field.related_model, induk_id)
        cache[kunci] = _id_unit(_jenis_model(field.related_model), induk, cache) if induk is not None else None
    return cache[kunci]


def _rentang(jenis: Jenis, obj) -> tuple[UnitKerja, int, int] | None:
    """Unit and years an object (with live parents) belongs to: its own years or, without them, its parent's."""
    if jenis.induk:
        induk = getattr(obj, jenis.induk)
        hasil = _rentang(_jenis_model(type(induk)), induk)
        if jenis.tahun and hasil:
            return hasil[0], getattr(obj, jenis.tahun[0]), getattr(obj, jenis.tahun[1])
        return hasil
    if jenis.tahun:
        return obj.unit, getattr(obj, jenis.tahun[0]), getattr(obj, jenis.tahun[1])
    return None


def _nama(catatan) -> str:
    for nama in ("nama", "uraian", "keterangan", "judul", "uraian_indikator", "kode", "program", "pereviu_nama"):
        nilai = getattr(catatan, nama, "")
        if nilai:
            return str(nilai)[:100]
    tahun = getattr(catatan, "tahun", None)
    return f"#{catatan.id}" + (f" ({tahun})" if tahun else "")


@dataclass(frozen=True)
class Terhapus:
    jenis: Jenis
    catatan: Any  # the historical record of the deletion

    @property
    def nama(self) -> str:
        return _nama(self.catatan)


def daftar_terhapus(unit: UnitKerja) -> list[Terhapus]:
    """Objects of the unit that are deleted now (the latest deletion of each), newest first."""
    hasil: list[Terhapus] = []
    cache: dict = {}
    for jenis in JENIS.values():
        model = jenis.kelas
        qs = model.history.filter(history_type="-")
        if not jenis.induk:
            qs = qs.filter(unit_id=unit.pk)
        baris = list(qs.select_related("history_user").order_by("-history_date", "-history_id"))
        if not baris:
            continue
        hidup = set(model._default_manager.filter(pk__in={b.id for b in baris}).values_list("pk", flat=True))
        terlihat: set[int] = set()
        for b in baris:
            if b.id in hidup or b.id in terlihat:
                continue
            terlihat.add(b.id)
            if _id_unit(jenis, b, cache) == unit.pk:
                hasil.append(Terhapus(jenis, b))
    hasil.sort(key=lambda t: (t.catatan.history_date, t.catatan.history_id), reverse=True)
    return hasil


def ambil_terhapus(*, unit: UnitKerja, kode: str, history_id: int) -> Terhapus | None:
    """The deletion record `history_id` of kind `kode` when it belongs to the unit, else None."""
    jenis = JENIS.get(kode)
    if jenis is None:
        return None
    catatan = jenis.kelas.history.filter(history_id=history_id, history_type="-").first()
    if catatan is None or _id_unit(jenis, catatan, {}) != unit.pk:
        return None
    return Terhapus(jenis, catatan)


def _tolak(pesan: str, code: str):
    raise ValidationError(pesan, code=code)


@transaction.atomic
def pulihkan(*, terhapus: Terhapus, oleh) -> models.Model:
    """Save the deleted object again with its primary key and last values; see the module docstring."""
    jenis, catatan = terhapus.jenis, terhapus.catatan
    model = jenis.kelas
    if model._default_manager.filter(pk=catatan.id).exists():
        _tolak(gettext("Objek ini sudah ada (sudah dipulihkan)."), "sudah_ada")
    obj = catatan.instance
    for field in model._meta.concrete_fields:
        nilai = getattr(obj, field.attname) if field.is_relation else None
        if nilai is None or field.related_model._default_manager.filter(pk=nilai).exists():
            continue
        if field.null and field.remote_field.on_delete is models.SET_NULL:
            setattr(obj, field.attname, None)  # e.g. the goal of a sasaran: deleted since, the link stays empty
            continue
        _tolak(
            gettext("%(induk)s tempat %(jenis)s ini berada sudah dihapus; pulihkan dulu %(induk)s tersebut.")
            % {"induk": field.related_model._meta.verbose_name, "jenis": model._meta.verbose_name},
            "induk_dihapus",
        )
    rentang = _rentang(jenis, obj)
    if rentang:
        unit, mulai, selesai = rentang
        pastikan_rentang_dapat_diubah(unit, tahun_mulai=mulai, tahun_selesai=selesai)
    for field in model._meta.concrete_fields:
        berkas = getattr(obj, field.attname) if isinstance(field, models.FileField) else None
        if berkas and not field.storage.exists(berkas.name):
            _tolak(
                gettext("Berkas %(jenis)s ini sudah dibersihkan dan tidak dapat dipulihkan.")
                % {"jenis": model._meta.verbose_name},
                "berkas_hilang",
            )
    try:
        obj.full_clean()
    except ValidationError as exc:
        _tolak(
            gettext("Tidak dapat dipulihkan: %(galat)s") % {"galat": " ".join(exc.messages)},
            "bentrok",
        )
    obj._history_user = oleh
    obj._change_reason = gettext("dipulihkan")
    try:
        with transaction.atomic():
            obj.save(force_insert=True)
    except IntegrityError:
        _tolak(gettext("Tidak dapat dipulihkan: datanya bentrok dengan data yang ada sekarang."), "bentrok")
    if isinstance(obj, Tujuan):
        _sambung_sasaran(obj, oleh)
    return obj


def _sambung_sasaran(tujuan: Tujuan, oleh) -> None:
    """Relink the sasaran that lost this goal when it was deleted (SET NULL leaves no history of its own)."""
    for sasaran in Sasaran.objects.filter(
        tujuan__isnull=True, pk__in=Sasaran.history.filter(tujuan_id=tujuan.pk).values("id")
    ):
        terakhir = sasaran.history.order_by("-history_date", "-history_id").first()
        if terakhir is not None and terakhir.tujuan_id == tujuan.pk:
            sasaran.tujuan = tujuan
            sasaran._history_user = oleh
            sasaran._change_reason = gettext("dipulihkan")
            sasaran.save(update_fields=["tujuan"])
