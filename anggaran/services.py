"""Budget writes: validated, transactional, and refused when the unit's year is approved or locked."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.utils.translation import gettext

from indikator.models import Indikator, Sasaran
from indikator.periode import kunci_periode_untuk_tulis
from indikator.token_ubah import pastikan_token, riwayat_objek
from umum.bulan import NOMOR_BULAN
from umum.format import format_rupiah

from .formulas import hitung_sisa, selisih_rpd
from .models import MataAnggaran, PaguRevisi, RealisasiAnggaran, RencanaPenarikan, SubKegiatan


def _simpan(obj):
    obj.full_clean()
    obj.save()
    return obj


def pastikan_tanpa_realisasi_anggaran(mata_anggaran: MataAnggaran) -> None:
    """Refuse deleting a budget line when it or a line below it has monthly realisasi: delete those first."""
    ids = {mata_anggaran.pk}
    baru = set(ids)
    while baru:
        baru = set(MataAnggaran.objects.filter(induk_id__in=baru).values_list("pk", flat=True)) - ids
        ids |= baru
    jumlah = RealisasiAnggaran.objects.filter(mata_anggaran_id__in=ids).count()
    if jumlah:
        raise ValidationError(
            gettext(
                "Mata anggaran “%(kode)s” masih memiliki %(jumlah)s realisasi bulanan; hapus dulu realisasinya "
                "sebelum menghapusnya."
            )
            % {"kode": mata_anggaran.kode, "jumlah": jumlah},
            code="ada_realisasi",
        )


@transaction.atomic
def simpan_mata_anggaran(*, mata_anggaran: MataAnggaran, versi: str | None = None) -> MataAnggaran:
    """Create or update a budget line; `versi`: its version when the form was loaded (stale saves refused)."""
    m = mata_anggaran
    kunci_periode_untuk_tulis(m.unit, m.tahun)
    pastikan_token(riwayat_objek(m), versi)
    if m.induk_id and (m.induk.unit_id != m.unit_id or m.induk.tahun != m.tahun):
        raise ValidationError({"induk": gettext("Induk harus mata anggaran unit dan tahun yang sama.")}, code="induk")
    if m.pk and m.induk_id == m.pk:
        raise ValidationError({"induk": gettext("Mata anggaran tidak dapat menjadi induk dirinya sendiri.")})
    return _simpan(m)


def riwayat_mata(model, mata_anggaran: MataAnggaran):
    """History of the rows of `model` (PaguRevisi, RealisasiAnggaran, RencanaPenarikan) of one budget line: the
    version (`indikator.token_ubah.token`) of its pagu revisions or of its monthly form."""
    return model.history.filter(mata_anggaran_id=mata_anggaran.pk)


@transaction.atomic
def tambah_pagu(
    *,
    mata_anggaran: MataAnggaran,
    nilai: Decimal,
    berlaku_mulai: datetime.date,
    keterangan: str = "",
    versi: str | None = None,
) -> PaguRevisi:
    """Add a pagu revision (the latest revision is the current pagu). A negative pagu is refused. `versi`: the
    version of the line's pagu revisions when the form was loaded; a revision added since then refuses it."""
    if nilai is None or nilai < 0:
        raise ValidationError({"nilai": gettext("Pagu tidak boleh negatif.")}, code="pagu_negatif")
    kunci_periode_untuk_tulis(mata_anggaran.unit, mata_anggaran.tahun)
    pastikan_token(riwayat_mata(PaguRevisi, mata_anggaran), versi)
    revisi_ke = mata_anggaran.pagu.aggregate(m=Max("revisi_ke"))["m"]
    return _simpan(
        PaguRevisi(
            mata_anggaran=mata_anggaran,
            revisi_ke=0 if revisi_ke is None else revisi_ke + 1,
            berlaku_mulai=berlaku_mulai,
            nilai=nilai,
            keterangan=keterangan,
        )
    )


def pagu_terkini(mata_anggaran: MataAnggaran) -> Decimal | None:
    p = mata_anggaran.pagu.order_by("-revisi_ke").values_list("nilai", flat=True).first()
    return p


def _periksa_bulanan(nilai_per_bulan: dict[int, Decimal | None], pesan_negatif: str) -> None:
    if any(b not in NOMOR_BULAN for b in nilai_per_bulan):
        raise ValidationError(gettext("Bulan harus 1 sampai 12."), code="bulan")
    if any(v is not None and v < 0 for v in nilai_per_bulan.values()):
        raise ValidationError(pesan_negatif, code="negatif")


def _tulis_bulanan(model, mata_anggaran: MataAnggaran, ada: dict, nilai_per_bulan: dict[int, Decimal | None]):
    """Write one amount per month of a budget line (None removes the month); unchanged months are not touched."""
    for bulan, nilai in nilai_per_bulan.items():
        r = ada.get(bulan)
        if nilai is None:
            if r is not None:
                r.delete()
        elif r is None:
            _simpan(model(mata_anggaran=mata_anggaran, bulan=bulan, nilai=nilai))
        elif r.nilai != nilai:
            r.nilai = nilai
            _simpan(r)


def _peringatan_di_atas_pagu(mata_anggaran: MataAnggaran, total: Decimal | None, pesan: str) -> list[str]:
    pagu = pagu_terkini(mata_anggaran)
    sisa = hitung_sisa(pagu=pagu, realisasi=total)
    if sisa is not None and sisa < 0:
        return [pesan % {"kode": mata_anggaran.kode, "jumlah": format_rupiah(total), "pagu": format_rupiah(pagu)}]
    return []


@transaction.atomic
def simpan_realisasi_anggaran(
    *, mata_anggaran: MataAnggaran, nilai_per_bulan: dict[int, Decimal | None], versi: str | None = None
) -> list[str]:
    """Write monthly spending (None removes a month). Returns warnings (e.g. realisasi above pagu) — not refusals.
    `versi`: the version of the line's monthly realisasi when the form was loaded (stale saves refused)."""
    _periksa_bulanan(nilai_per_bulan, gettext("Realisasi anggaran tidak boleh negatif."))
    kunci_periode_untuk_tulis(mata_anggaran.unit, mata_anggaran.tahun)
    pastikan_token(riwayat_mata(RealisasiAnggaran, mata_anggaran), versi)
    _tulis_bulanan(
        RealisasiAnggaran, mata_anggaran, {r.bulan: r for r in mata_anggaran.realisasi.all()}, nilai_per_bulan
    )
    total = mata_anggaran.realisasi.aggregate(s=Sum("nilai"))["s"]
    return _peringatan_di_atas_pagu(
        mata_anggaran, total, gettext("Realisasi %(kode)s (%(jumlah)s) melebihi pagu (%(pagu)s).")
    )


@transaction.atomic
def simpan_realisasi_tahunan_anggaran(*, mata_anggaran: MataAnggaran, nilai: Decimal | None) -> list[str]:
    """Write the yearly spending of a budget line (None removes it); a yearly figure wins over the months, like
    an indikator's yearly realisasi. Returns warnings (realisasi above pagu) — not refusals."""
    if nilai is not None and nilai < 0:
        raise ValidationError(gettext("Realisasi anggaran tidak boleh negatif."), code="negatif")
    kunci_periode_untuk_tulis(mata_anggaran.unit, mata_anggaran.tahun)
    m = MataAnggaran.objects.select_for_update().get(pk=mata_anggaran.pk)
    if m.realisasi_tahunan != nilai:
        m.realisasi_tahunan = nilai
        _simpan(m)
    mata_anggaran.realisasi_tahunan = nilai
    return _peringatan_di_atas_pagu(
        mata_anggaran, nilai, gettext("Realisasi %(kode)s (%(jumlah)s) melebihi pagu (%(pagu)s).")
    )


@transaction.atomic
def simpan_rencana_penarikan(
    *, mata_anggaran: MataAnggaran, nilai_per_bulan: dict[int, Decimal | None], versi: str | None = None
) -> list[str]:
    """Write the monthly spending plan (Rencana Penarikan Dana, RPD: the curve serapan is compared against on the
    dashboard and in the periodic reports). A plan of a line with a pagu must sum to that pagu: otherwise it is
    refused and nothing is written (`pesan_rpd_tidak_sama_pagu`). `versi`: the plan's version when the form was
    loaded (stale saves refused)."""
    _periksa_bulanan(nilai_per_bulan, gettext("Rencana penarikan tidak boleh negatif."))
    kunci_periode_untuk_tulis(mata_anggaran.unit, mata_anggaran.tahun)
    pastikan_token(riwayat_mata(RencanaPenarikan, mata_anggaran), versi)
    ada = {r.bulan: r for r in mata_anggaran.rencana_penarikan.all()}
    rencana = {b: r.nilai for b, r in ada.items()} | nilai_per_bulan
    pesan = pesan_rpd_tidak_sama_pagu(mata_anggaran, [rencana.get(b) for b in NOMOR_BULAN], pagu_terkini(mata_anggaran))
    if pesan:
        raise ValidationError(pesan, code="rpd_pagu")
    _tulis_bulanan(RencanaPenarikan, mata_anggaran, ada, nilai_per_bulan)
    return []


def pesan_rpd_tidak_sama_pagu(mata_anggaran: MataAnggaran, rencana: list[Decimal | None], pagu: Decimal | None) -> str:
    """The refusal of a monthly plan that does not sum to the line's pagu ("" when it does, or without plan or
    pagu): the form and the plan workbook say it the same way."""
    selisih = selisih_rpd(pagu=pagu, rencana=rencana)
    if selisih is None:
        return ""
    return gettext(
        "Rencana penarikan %(kode)s berjumlah %(jumlah)s, tidak sama dengan pagu %(pagu)s (selisih %(selisih)s). "
        "Sebarkan seluruh pagu ke bulan-bulan rencana penarikan."
    ) % {
        "kode": mata_anggaran.kode,
        "jumlah": format_rupiah(pagu + selisih),
        "pagu": format_rupiah(pagu),
        "selisih": format_rupiah(selisih),
    }


@transaction.atomic
def simpan_sub_kegiatan(
    *,
    sub_kegiatan: SubKegiatan,
    sasaran: list[Sasaran] | None = None,
    indikator: list[Indikator] | None = None,
    versi: str | None = None,
) -> SubKegiatan:
    """Create or update a sub-kegiatan; `versi`: its version when the form was loaded (stale saves refused)."""
    s = sub_kegiatan
    kunci_periode_untuk_tulis(s.unit, s.tahun)
    pastikan_token(riwayat_objek(s), versi)
    if s.mata_anggaran_id and (s.mata_anggaran.unit_id != s.unit_id or s.mata_anggaran.tahun != s.tahun):
        raise ValidationError(
            {"mata_anggaran": gettext("Mata anggaran harus milik unit dan tahun yang sama.")}, code="anggaran"
        )
    for nama in ("target_output", "realisasi_output"):
        v = getattr(s, nama)
        if v is not None and v < 0:
            raise ValidationError({nama: gettext("Nilai tidak boleh negatif.")}, code="negatif")
    _simpan(s)
    if sasaran is not None:
        s.sasaran.set(sasaran)
    if indikator is not None:
        s.indikator.set(indikator)
    return s
