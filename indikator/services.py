"""Writes: validated and transactional. Every write to a unit's year takes the period row lock
(`periode.kunci_periode_untuk_tulis`) and, when the caller passes the version its form was loaded from, refuses a
stale save (`versi.DataBerubah`)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext

from .enums import SumberTarget
from .models import (
    BarisPK,
    BuktiDukung,
    Indikator,
    PerjanjianKinerja,
    Realisasi,
    RencanaAksi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    Target,
    Tujuan,
    UnitKerja,
    VersiPK,
)
from .periode import kunci_periode_untuk_tulis, kunci_rentang_untuk_tulis, tahan_periode
from .struktur import DataTidakDitemukan, renstra_untuk, revisi_untuk
from .target import IsianTarget
from .token_ubah import galat_berubah, pastikan_token, riwayat_objek

# --- helpers ----------------------------------------------------------------------------------------


def _simpan(obj):
    obj.full_clean()
    obj.save()
    return obj


# --- Deletions that would cascade into realisasi -------------------------------------------------

# Lookup from Realisasi to each object whose deletion cascades into it.
JALUR_REALISASI = {
    Indikator: "indikator",
    Sasaran: "indikator__sasaran",
    RevisiRenstra: "indikator__sasaran__revisi",
    Renstra: "indikator__sasaran__revisi__renstra",
    UnitKerja: f"indikator__{Indikator.JALUR_UNIT}",
}


def jumlah_realisasi_terdampak(obj) -> int:
    """How many realisasi rows deleting `obj` would cascade into (0 for objects that do not reach realisasi)."""
    jalur = JALUR_REALISASI.get(type(obj))
    return Realisasi.objects.filter(**{jalur: obj}).count() if jalur else 0


def pastikan_tanpa_realisasi(obj) -> None:
    """Refuse a deletion that would silently take realisasi with it: they are deleted (and restorable) first."""
    jumlah = jumlah_realisasi_terdampak(obj)
    if jumlah:
        raise ValidationError(
            gettext(
                "%(jenis)s “%(objek)s” masih memiliki %(jumlah)s realisasi; hapus dulu realisasinya sebelum "
                "menghapusnya."
            )
            % {"jenis": str(type(obj)._meta.verbose_name).capitalize(), "objek": str(obj)[:80], "jumlah": jumlah},
            code="ada_realisasi",
        )


# --- Renstra structure ------------------------------------------------------------------------------


@transaction.atomic
def simpan_renstra(*, renstra: Renstra, versi: str | None = None) -> Renstra:
    """Create or update a Renstra; a new Renstra gets its initial revision (nomor 0) covering all its years.
    `versi`: the Renstra's version when the form was loaded (stale saves refused)."""
    baru = renstra.pk is None
    rentang = [(renstra.tahun_mulai, renstra.tahun_selesai)]
    if not baru:
        lama = Renstra.objects.get(pk=renstra.pk)
        rentang.append((lama.tahun_mulai, lama.tahun_selesai))
    for tahun in sorted({t for mulai, selesai in rentang for t in range(mulai, selesai + 1)}):
        kunci_periode_untuk_tulis(renstra.unit, tahun)
    pastikan_token(riwayat_objek(renstra), versi)
    _simpan(renstra)
    if baru:
        RevisiRenstra.objects.create(
            renstra=renstra,
            nomor=0,
            nama=gettext("Renstra awal"),
            berlaku_mulai=renstra.tahun_mulai,
            berlaku_sampai=renstra.tahun_selesai,
        )
    return renstra


@transaction.atomic
def simpan_revisi(*, revisi: RevisiRenstra, versi: str | None = None) -> RevisiRenstra:
    """Create or update a revision. `versi`: when the form was loaded, the revision's version, or for a new one the
    version of the Renstra's revisions (`riwayat_revisi`): a revision added meanwhile refuses the save."""
    renstra = revisi.renstra
    if not (renstra.tahun_mulai <= revisi.berlaku_mulai <= revisi.berlaku_sampai <= renstra.tahun_selesai):
        raise ValidationError(
            {"berlaku_sampai": gettext("Masa berlaku revisi harus berada di dalam masa Renstra.")}, code="rentang"
        )
    kunci_rentang_untuk_tulis(renstra.unit, tahun_mulai=revisi.berlaku_mulai, tahun_selesai=revisi.berlaku_sampai)
    if versi is not None:
        Renstra.objects.select_for_update().filter(pk=renstra.pk).first()  # revisions of other years: serialised
        pastikan_token(riwayat_revisi(revisi), versi)
    if revisi.pk is None and not revisi.nomor:
        revisi.nomor = (renstra.revisi.aggregate(m=Max("nomor"))["m"] or 0) + 1
    return _simpan(revisi)


def riwayat_revisi(revisi: RevisiRenstra):
    """History of a revision; for a new one, of every revision of its Renstra (its version: `versi.token`)."""
    if revisi.pk is not None:
        return riwayat_objek(revisi)
    return RevisiRenstra.history.filter(renstra_id=revisi.renstra_id)


def _pastikan_revisi(revisi: RevisiRenstra) -> None:
    kunci_rentang_untuk_tulis(
        revisi.renstra.unit, tahun_mulai=revisi.berlaku_mulai, tahun_selesai=revisi.berlaku_sampai
    )


def _pastikan_renstra(renstra: Renstra) -> None:
    kunci_rentang_untuk_tulis(renstra.unit, tahun_mulai=renstra.tahun_mulai, tahun_selesai=renstra.tahun_selesai)


@transaction.atomic
def simpan_tujuan(*, tujuan: Tujuan, versi: str | None = None) -> Tujuan:
    """A goal of the Renstra; like the structure, refused when a year of the Renstra is approved or locked.
    `versi`: the goal's version when the form was loaded (stale saves refused)."""
    _pastikan_renstra(tujuan.renstra)
    pastikan_token(riwayat_objek(tujuan), versi)
    if tujuan.pk is None and not tujuan.urutan:
        tujuan.urutan = (tujuan.renstra.tujuan.aggregate(m=Max("urutan"))["m"] or 0) + 1
    return _simpan(tujuan)


@transaction.atomic
def hapus_tujuan(*, tujuan: Tujuan) -> None:
    """Remove a goal; its sasaran stay and lose the link (they are measured by their own indikator)."""
    _pastikan_renstra(tujuan.renstra)
    tujuan.delete()


@transaction.atomic
def simpan_sasaran(*, sasaran: Sasaran, versi: str | None = None) -> Sasaran:
    """Create or update a sasaran; `versi`: its version when the form was loaded (stale saves refused)."""
    _pastikan_revisi(sasaran.revisi)
    pastikan_token(riwayat_objek(sasaran), versi)
    if sasaran.pk is None and not sasaran.urutan:
        sasaran.urutan = (sasaran.revisi.sasaran.aggregate(m=Max("urutan"))["m"] or 0) + 1
    return _simpan(sasaran)


@transaction.atomic
def hapus_sasaran(*, sasaran: Sasaran) -> None:
    """Remove a sasaran with its indikator and their targets; refused when any of them has realisasi."""
    _pastikan_revisi(sasaran.revisi)
    pastikan_tanpa_realisasi(sasaran)
    sasaran.delete()


@transaction.atomic
def simpan_indikator(
    *, indikator: Indikator, versi: str | None = None, target: Mapping[int, IsianTarget] | None = None
) -> Indikator:
    """Create or update an indikator; `versi`: its version when the form was loaded (stale saves refused).
    `target`: its Renstra targets by year (the indikator form's cells), written like the target grid's."""
    revisi = indikator.sasaran.revisi
    if indikator.pk is not None:
        lama = Indikator.objects.dengan_unit().get(pk=indikator.pk)
        _pastikan_revisi(lama.sasaran.revisi)
    _pastikan_revisi(revisi)
    pastikan_token(riwayat_objek(indikator), versi)
    if indikator.pk is None and not indikator.urutan:
        indikator.urutan = (indikator.sasaran.indikator.aggregate(m=Max("urutan"))["m"] or 0) + 1
    _simpan(indikator)
    if target:
        simpan_target_tahunan(
            unit=revisi.renstra.unit, indikator=[indikator], nilai={(indikator.pk, t): v for t, v in target.items()}
        )
    return indikator


def _geser(obj, saudara, arah: str):
    daftar = list(saudara)
    i = next(n for n, o in enumerate(daftar) if o.pk == obj.pk)
    j = i - 1 if arah == "naik" else i + 1
    if arah not in {"naik", "turun"}:
        raise ValidationError(gettext("Arah geser tidak dikenal."), code="arah")
    if 0 <= j < len(daftar):
        daftar[i], daftar[j] = daftar[j], daftar[i]
    for urutan, o in enumerate(daftar, start=1):
        if o.urutan != urutan:
            o.urutan = urutan
            o.save(update_fields=["urutan"])


@transaction.atomic
def geser_sasaran(*, sasaran: Sasaran, arah: str) -> None:
    """Move a sasaran one place up ("naik") or down ("turun") among the sasaran of its revision."""
    _pastikan_revisi(sasaran.revisi)
    _geser(sasaran, sasaran.revisi.sasaran.order_by("urutan", "pk"), arah)


@transaction.atomic
def geser_indikator(*, indikator: Indikator, arah: str) -> None:
    """Move an indikator one place up ("naik") or down ("turun") within its sasaran."""
    _pastikan_revisi(indikator.sasaran.revisi)
    _geser(indikator, indikator.sasaran.indikator.order_by("urutan", "pk"), arah)


@transaction.atomic
def pensiunkan_indikator(*, indikator: Indikator, tahun: int | None, versi: str | None = None) -> Indikator:
    """Retire an indikator from `tahun` on (None = active again). Its targets and realisasi stay untouched.
    `versi`: the indikator's version when the form was loaded (stale saves refused)."""
    revisi = indikator.sasaran.revisi
    unit = revisi.renstra.unit
    lama = Indikator.objects.only("dipensiunkan_tahun").get(pk=indikator.pk).dipensiunkan_tahun
    tahun_terdampak = [t for t in (tahun, lama) if t is not None]
    if tahun is not None and not (revisi.berlaku_mulai < tahun <= revisi.berlaku_sampai + 1):
        raise ValidationError(
            {
                "dipensiunkan_tahun": gettext("Tahun pensiun harus antara %(a)s dan %(b)s.")
                % {"a": revisi.berlaku_mulai + 1, "b": revisi.berlaku_sampai + 1}
            },
            code="rentang",
        )
    if tahun_terdampak:
        kunci_rentang_untuk_tulis(unit, tahun_mulai=min(tahun_terdampak), tahun_selesai=revisi.berlaku_sampai)
    pastikan_token(riwayat_objek(indikator), versi)
    indikator.dipensiunkan_tahun = tahun
    indikator.save(update_fields=["dipensiunkan_tahun"])
    return indikator


@transaction.atomic
def simpan_target_tahunan(
    *,
    unit: UnitKerja,
    indikator: list[Indikator],
    nilai: Mapping[tuple[int, int], IsianTarget | Decimal | None],
    versi: str | None = None,
) -> int:
    """Write the Renstra target grid: nilai[(indikator_id, tahun)] is the whole target of a cell (number, range or
    grade, `indikator.target`; a plain Decimal is a number); an empty one removes the value. Returns rows changed.

    Only changed cells are written; every year with a change must be open for edits. `versi`: the grid's version
    when the form was loaded (`riwayat_target_grid`); a grid changed since then is refused as a whole. A target's
    display text is kept (a target with only a display text left stays).
    """
    ids = {i.pk for i in indikator}
    if any(ind_id not in ids for ind_id, _tahun in nilai):
        raise ValidationError(gettext("Indikator tidak termasuk Renstra ini."), code="indikator")
    isian = {k: v if isinstance(v, IsianTarget) else IsianTarget(v) for k, v in nilai.items()}
    if versi is not None:
        for tahun in sorted({k[1] for k in isian}):
            tahan_periode(unit, tahun)
        pastikan_token(riwayat_target_grid(ids), versi)
    ada = {
        (t.indikator_id, t.tahun): t
        for t in Target.objects.filter(
            indikator_id__in=ids, sumber=SumberTarget.RENSTRA, tahun__in={k[1] for k in isian}
        )
    }
    berubah = {}
    for kunci, baru in isian.items():
        t = ada.get(kunci)
        lama = IsianTarget(t.nilai, t.nilai_atas, t.nilai_kualitatif) if t else IsianTarget()
        if lama != baru:
            berubah[kunci] = baru
    for tahun in sorted({k[1] for k in berubah}):
        kunci_periode_untuk_tulis(unit, tahun)
    for (ind_id, tahun), baru in berubah.items():
        t = ada.get((ind_id, tahun)) or Target(indikator_id=ind_id, tahun=tahun, sumber=SumberTarget.RENSTRA)
        if baru.kosong and not t.teks_tampilan:
            if t.pk:
                t.delete()
            continue
        t.nilai, t.nilai_atas, t.nilai_kualitatif = baru.nilai, baru.nilai_atas, baru.kualitatif
        _simpan(t)
    return len(berubah)


def riwayat_target_grid(indikator_ids):
    """History of the Renstra targets of a grid's indikator (its version: `versi.token`)."""
    return Target.history.filter(indikator_id__in=list(indikator_ids), sumber=SumberTarget.RENSTRA)


# --- Perjanjian Kinerja and Rencana Aksi -----------------------------------------------------------


def ambil_atau_buat_pk(*, unit: UnitKerja, tahun: int) -> PerjanjianKinerja:
    pk, _baru = PerjanjianKinerja.objects.get_or_create(unit=unit, tahun=tahun)
    return pk


@transaction.atomic
def simpan_versi_pk(*, versi: VersiPK, token: str | None = None) -> VersiPK:
    """Create or update a PK version; `token`: its version (`indikator.token_ubah`) when the form was loaded (stale
    saves refused; named so because `versi` is the PK version itself). The year's first version creates the
    year's PK (`versi.pk_induk` unsaved)."""
    induk = versi.pk_induk
    kunci_periode_untuk_tulis(induk.unit, induk.tahun)
    if induk.pk is None:
        versi.pk_induk = induk = ambil_atau_buat_pk(unit=induk.unit, tahun=induk.tahun)
    pastikan_token(riwayat_objek(versi), token)
    if versi.pk is None and not versi.nomor:
        versi.nomor = (induk.versi.aggregate(m=Max("nomor"))["m"] or 0) + 1
    return _simpan(versi)


@transaction.atomic
def simpan_baris_pk(*, baris: BarisPK, versi: str | None = None) -> BarisPK:
    """Create or update a PK row; `versi`: the row's version when the form was loaded (stale saves refused)."""
    induk = baris.versi.pk_induk
    kunci_periode_untuk_tulis(induk.unit, induk.tahun)
    pastikan_token(riwayat_objek(baris), versi)
    if baris.indikator_id:
        ind = baris.indikator
        if ind.unit.pk != induk.unit_id:
            raise ValidationError({"indikator": gettext("Indikator bukan milik unit ini.")}, code="unit")
        if not ind.aktif_pada(induk.tahun):
            raise ValidationError(
                {"indikator": gettext("Indikator sudah dipensiunkan pada tahun %(tahun)s.") % {"tahun": induk.tahun}},
                code="pensiun",
            )
        baris.uraian_sasaran = baris.uraian_sasaran or ind.sasaran.nama
        baris.uraian_indikator = baris.uraian_indikator or ind.nama
    if baris.pk is None and not baris.urutan:
        baris.urutan = (baris.versi.baris.aggregate(m=Max("urutan"))["m"] or 0) + 1
    return _simpan(baris)


@transaction.atomic
def hapus_baris_pk(*, baris: BarisPK) -> None:
    induk = baris.versi.pk_induk
    kunci_periode_untuk_tulis(induk.unit, induk.tahun)
    baris.delete()


@transaction.atomic
def simpan_rencana_aksi_pk(
    *, versi_pk: VersiPK, target: dict[BarisPK, dict[int, Decimal | None]], versi: str | None = None
) -> None:
    """The Rencana Aksi grid of a PK version: target[baris][triwulan]. `versi`: the grid's version when the form
    was loaded (`riwayat_rencana_aksi`); a grid changed since then is refused as a whole."""
    induk = versi_pk.pk_induk
    kunci_periode_untuk_tulis(induk.unit, induk.tahun)
    pastikan_token(riwayat_rencana_aksi(versi_pk), versi)
    for baris, per_tw in target.items():
        if baris.versi_id != versi_pk.pk:
            raise ValidationError(gettext("Baris PK bukan milik versi ini."), code="versi_pk")
        simpan_rencana_aksi(baris=baris, target=per_tw)


def riwayat_rencana_aksi(versi_pk: VersiPK):
    """History of the Rencana Aksi of a PK version's rows (its version: `versi.token`)."""
    return RencanaAksi.history.filter(baris_pk_id__in=BarisPK.objects.filter(versi=versi_pk).values("pk"))


@transaction.atomic
def simpan_rencana_aksi(*, baris: BarisPK, target: dict[int, Decimal | None]) -> None:
    """Quarterly cumulative targets of a PK row: target[triwulan] (1–4); None removes the quarter's target."""
    induk = baris.versi.pk_induk
    if any(tw not in TRIWULAN for tw in target):
        raise ValidationError(gettext("Triwulan harus 1 sampai 4."), code="triwulan")
    kunci_periode_untuk_tulis(induk.unit, induk.tahun)
    ada = {r.triwulan: r for r in baris.rencana_aksi.all()}
    for tw, nilai in target.items():
        r = ada.get(tw)
        if nilai is None:
            if r is not None:
                r.delete()
        elif r is None:
            _simpan(RencanaAksi(baris_pk=baris, triwulan=tw, target_kumulatif=nilai))
        elif r.target_kumulatif != nilai:
            r.target_kumulatif = nilai
            _simpan(r)


# --- Realisasi, narrative, evidence -----------------------------------------------------------------

TRIWULAN = (1, 2, 3, 4)
NARASI = ("analisis", "faktor_pendukung", "faktor_penghambat", "rencana_tindak_lanjut")


def indikator_berlaku(indikator: Indikator, tahun: int) -> bool:
    """Whether the indikator belongs to the structure in force in `tahun`: its revision is the one the year's
    measurement reads (the same rule: `queries.renstra_untuk` / `revisi_untuk`)."""
    try:
        revisi = revisi_untuk(renstra_untuk(indikator.unit, tahun), tahun)
    except DataTidakDitemukan:
        return False
    return revisi.pk == indikator.sasaran.revisi_id


def _pastikan_realisasi_boleh(indikator: Indikator, tahun: int, triwulan: int | None) -> None:
    if triwulan is not None and triwulan not in TRIWULAN:
        raise ValidationError({"triwulan": gettext("Triwulan harus 1 sampai 4.")}, code="triwulan")
    if not indikator_berlaku(indikator, tahun):
        raise ValidationError(
            gettext(
                "Indikator %(kode)s tidak berlaku pada tahun %(tahun)s (struktur Renstra tahun itu tidak memuatnya); "
                "realisasi tidak dapat dicatat."
            )
            % {"kode": indikator.kode, "tahun": tahun},
            code="tidak_berlaku",
        )
    if not indikator.aktif_pada(tahun):
        raise ValidationError(
            gettext("Indikator ini sudah dipensiunkan mulai tahun %(tahun)s; realisasi tidak dapat dicatat.")
            % {"tahun": indikator.dipensiunkan_tahun},
            code="pensiun",
        )
    kunci_periode_untuk_tulis(indikator.unit, tahun)


def tolak_isian_konsolidasi(lama, triwulan, nilai, nilai_kualitatif) -> None:
    """THE rule of a consolidated indikator's realisasi (pohon.AgregasiIndikator, `pohon.konsolidasi` writes its
    yearly figure from the sub-units): a hand-typed value is refused; its narrative may still be written with the
    yearly figure unchanged. `lama`: the stored cell (anything with `nilai`) or None. Used by the page's save below
    and by the workbook's "Realisasi" sheet (`impor.lembar_indikator`)."""
    sama = triwulan is None and lama is not None and lama.nilai == nilai and not (nilai_kualitatif or "").strip()
    if not sama:
        raise ValidationError(
            gettext(
                "Realisasi indikator ini dihitung dari unit bawahan (konsolidasi) dan tidak dapat diisi tangan; "
                "hitung ulang konsolidasinya."
            ),
            code="konsolidasi",
        )


def _tolak_bila_konsolidasi(indikator, r, triwulan, nilai, nilai_kualitatif) -> None:
    if Indikator.objects.filter(pk=indikator.pk, konsolidasi__isnull=False).exists():
        tolak_isian_konsolidasi(r, triwulan, nilai, nilai_kualitatif)


@transaction.atomic
def simpan_realisasi(
    *,
    indikator: Indikator,
    tahun: int,
    triwulan: int | None,
    nilai: Decimal | None,
    nilai_kualitatif: str = "",
    narasi: dict[str, str] | None = None,
    versi: str | None = None,
) -> Realisasi:
    """Record the realisasi of an indikator for a quarter (1–4) or the year (None), optionally with narrative.

    Refused when the indikator is retired that year or the unit's year is approved/locked, and — with `versi`,
    the cell's version when the form was loaded (`riwayat_realisasi`) — when someone changed the cell since.
    Two first saves of the same empty cell at once: the second is refused the same way (no 500).
    """
    _pastikan_realisasi_boleh(indikator, tahun, triwulan)
    riwayat = riwayat_realisasi(indikator.pk, tahun, triwulan)
    pastikan_token(riwayat, versi)
    r = Realisasi.objects.filter(indikator=indikator, tahun=tahun, triwulan=triwulan).first()
    _tolak_bila_konsolidasi(indikator, r, triwulan, nilai, nilai_kualitatif)
    baru = r is None
    if baru:
        r = Realisasi(indikator=indikator, tahun=tahun, triwulan=triwulan)
    r.nilai = nilai
    r.nilai_kualitatif = (nilai_kualitatif or "").strip().upper()
    for kunci, isi in (narasi or {}).items():
        if kunci not in NARASI:
            raise ValueError(kunci)
        setattr(r, kunci, isi)
    if not baru:
        return _simpan(r)
    r.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            r.save()
    except IntegrityError:
        # Another save created the cell between our read and our insert.
        raise galat_berubah(riwayat) from None
    return r


def riwayat_realisasi(indikator_id: int, tahun: int, triwulan: int | None):
    """History of one realisasi cell (its version: `versi.token`; "0" while the cell is empty)."""
    return Realisasi.history.filter(indikator_id=indikator_id, tahun=tahun, triwulan=triwulan)


def periksa_berkas_bukti(berkas) -> None:
    """Evidence file rules: extension in settings.SAKIP_BUKTI_EKSTENSI, size ≤ settings.SAKIP_BUKTI_MAKS_BYTE."""
    nama = getattr(berkas, "name", "") or ""
    ekstensi = nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    if ekstensi not in settings.SAKIP_BUKTI_EKSTENSI:
        raise ValidationError(
            {
                "berkas": gettext("Jenis berkas .%(ekstensi)s tidak diterima. Gunakan: %(daftar)s.")
                % {"ekstensi": ekstensi or "?", "daftar": ", ".join(settings.SAKIP_BUKTI_EKSTENSI)}
            },
            code="ekstensi",
        )
    if berkas.size > settings.SAKIP_BUKTI_MAKS_BYTE:
        raise ValidationError(
            {
                "berkas": gettext("Ukuran berkas %(ukuran)s melebihi batas %(batas)s.")
                % {"ukuran": filesizeformat(berkas.size), "batas": filesizeformat(settings.SAKIP_BUKTI_MAKS_BYTE)}
            },
            code="ukuran",
        )


@transaction.atomic
def simpan_bukti(*, realisasi: Realisasi, berkas, keterangan: str = "", oleh=None) -> BuktiDukung:
    kunci_periode_untuk_tulis(realisasi.indikator.unit, realisasi.tahun)
    periksa_berkas_bukti(berkas)
    bukti = BuktiDukung(realisasi=realisasi, keterangan=keterangan, diunggah_oleh=oleh)
    bukti.berkas.save(berkas.name, berkas, save=False)
    bukti.save()
    return bukti


@transaction.atomic
def hapus_bukti(*, bukti: BuktiDukung) -> None:
    r = bukti.realisasi
    kunci_periode_untuk_tulis(r.indikator.unit, r.tahun)
    bukti.delete()  # the file stays (restorable); see indikator.models.kinerja


# --- Unit profile -----------------------------------------------------------------------------------


@transaction.atomic
def simpan_profil_unit(*, unit: UnitKerja, versi: str | None = None) -> UnitKerja:
    """Save the unit's profile (report cover and Bab I). It belongs to no year: the report of an approved year
    prints the profile kept at its approval. `versi`: the profile's version when the form was loaded; two saves
    are serialised on the unit's row, a stale one is refused."""
    UnitKerja.objects.select_for_update().filter(pk=unit.pk).first()
    pastikan_token(riwayat_objek(unit), versi)
    return _simpan(unit)
