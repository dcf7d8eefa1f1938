"""Starting and copying forward: a unit's first Renstra with its scoring scheme (a preset, a scheme without BSC
perspectives, or a copy of an existing one), the PK of year N+1 from the Renstra targets, and a new Renstra period
from the old one's structure (indikator linked to their predecessors through `pendahulu`).

Every function writes through the period lock inside one transaction. `pratinjau=True` runs the same writes and
rolls them back, so the preview ("akan dibuat: ...") is exactly what applying would do and writes nothing.
Copy forward spans both apps: `salin_tahun_berikut` = the PK (`salin_pk_tahun`) and the budget line structure
(`salin_struktur_anggaran`) of year N+1 in one transaction.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext

from anggaran.models import MataAnggaran
from indikator import services
from indikator.enums import SumberTarget
from indikator.models import (
    BandKriteria,
    BarisPK,
    BobotPerspektif,
    Indikator,
    KepalaUnit,
    PerjanjianKinerja,
    Renstra,
    RevisiRenstra,
    Sasaran,
    SkemaPenilaian,
    Target,
    Tujuan,
    UnitKerja,
    VersiPK,
)
from indikator.periode import kunci_periode_untuk_tulis
from umum.format import format_angka

# The two BPOM presets shipped by migration 0002 (domain guide §3).
KODE_PRESET = ("bpom-2015-2019", "bpom-2020-2024")


@dataclass
class Ringkasan:
    """What a copy or start creates (or would create): counted lines and notes on what was left out."""

    jumlah: dict[str, int] = field(default_factory=dict)
    catatan: list[str] = field(default_factory=list)
    objek: object | None = None

    def tambah(self, label: str, n: int = 1) -> None:
        if n:
            self.jumlah[label] = self.jumlah.get(label, 0) + n

    @property
    def kosong(self) -> bool:
        return not self.jumlah

    def teks(self) -> str:
        return ", ".join(f"{n} {label}" for label, n in self.jumlah.items())


def _jalankan(pratinjau: bool, fungsi) -> Ringkasan:
    """Run `fungsi` in one transaction; roll it back for a preview (or when it creates nothing)."""
    with transaction.atomic():
        hasil = fungsi()
        if pratinjau:
            transaction.set_rollback(True)
    return hasil


# --- Schemes -----------------------------------------------------------------------------------------------


def skema_preset():
    return SkemaPenilaian.objects.filter(kode__in=KODE_PRESET).order_by("tahun_mulai")


def preset_untuk(tahun: int) -> SkemaPenilaian | None:
    """The preset whose years contain `tahun`, else the latest preset."""
    qs = skema_preset()
    return qs.filter(tahun_mulai__lte=tahun, tahun_selesai__gte=tahun).first() or qs.last()


def teks_band(band: BandKriteria) -> str:
    """A band's range of capaian in words: "≥ 90 % dan < 100 %", "= 100 %", "< 90 %", "> 120 %"."""
    bawah, atas = band.batas_bawah, band.batas_atas
    if bawah is not None and bawah == atas and band.bawah_inklusif and band.atas_inklusif:
        return f"= {format_angka(bawah, None)} %"
    bagian = []
    if bawah is not None:
        bagian.append(f"{'≥' if band.bawah_inklusif else '>'} {format_angka(bawah, None)} %")
    if atas is not None:
        bagian.append(f"{'≤' if band.atas_inklusif else '<'} {format_angka(atas, None)} %")
    return gettext(" dan ").join(bagian) or gettext("semua capaian")


def urut_band(bands) -> list[BandKriteria]:
    """Bands from the lowest capaian to the highest (a band without bounds last; ties keep the scheme's order)."""

    def kunci(b: BandKriteria):
        tanpa_batas = b.batas_bawah is None and b.batas_atas is None
        bawah = b.batas_bawah if b.batas_bawah is not None else Decimal("-Infinity")
        atas = b.batas_atas if b.batas_atas is not None else Decimal("Infinity")
        return (tanpa_batas, bawah, not b.bawah_inklusif, atas, b.atas_inklusif, b.urutan, b.pk or 0)

    return sorted(bands, key=kunci)


def preset_dengan_band() -> list[tuple[SkemaPenilaian, list[tuple[str, str]]]]:
    """Each preset with its kriteria bands (label, range in words) from the lowest to the highest, for the guided
    start page."""
    return [
        (s, [(b.label, teks_band(b)) for b in urut_band(s.band.all())]) for s in skema_preset().prefetch_related("band")
    ]


def preset_salah_periode(skema: SkemaPenilaian, tahun_mulai: int) -> SkemaPenilaian | None:
    """The preset valid in `tahun_mulai` when `skema` is a different preset not valid then (else None)."""
    if skema.kode not in KODE_PRESET or skema.tahun_mulai <= tahun_mulai <= skema.tahun_selesai:
        return None
    benar = skema_preset().filter(tahun_mulai__lte=tahun_mulai, tahun_selesai__gte=tahun_mulai).first()
    return benar if benar is not None and benar.pk != skema.pk else None


def _kode_unik(dasar: str) -> str:
    dasar = slugify(dasar)[:54] or "skema"
    kode, i = dasar, 2
    while SkemaPenilaian.objects.filter(kode=kode).exists():
        kode, i = f"{dasar}-{i}", i + 1
    return kode


def salin_skema(
    sumber: SkemaPenilaian, *, nama: str, tahun_mulai: int, tahun_selesai: int, pakai_perspektif: bool | None = None
) -> SkemaPenilaian:
    """A new scheme with every policy, kriteria band and perspective weight of `sumber`."""
    baru = SkemaPenilaian.objects.get(pk=sumber.pk)
    baru.pk = None
    baru.id = None
    baru.kode = _kode_unik(nama)
    baru.nama = nama[:150]
    baru.tahun_mulai, baru.tahun_selesai = tahun_mulai, tahun_selesai
    if pakai_perspektif is not None:
        baru.pakai_perspektif = pakai_perspektif
    baru.full_clean()
    baru.save()
    BandKriteria.objects.bulk_create(
        BandKriteria(
            skema=baru,
            urutan=b.urutan,
            label=b.label,
            warna=b.warna,
            batas_bawah=b.batas_bawah,
            bawah_inklusif=b.bawah_inklusif,
            batas_atas=b.batas_atas,
            atas_inklusif=b.atas_inklusif,
        )
        for b in sumber.band.all()
    )
    if baru.pakai_perspektif:
        BobotPerspektif.objects.bulk_create(
            BobotPerspektif(skema=baru, perspektif=b.perspektif, bobot=b.bobot) for b in sumber.bobot_perspektif.all()
        )
    return baru


# Choices of the guided start: a preset, a scheme without perspectives, or a copy of an existing scheme.
PILIH_PRESET, PILIH_TANPA_PERSPEKTIF, PILIH_SALIN = "preset", "tanpa_perspektif", "salin"


def mulai_renstra(
    *,
    unit: UnitKerja,
    pilihan: str,
    skema: SkemaPenilaian | None,
    nama: str,
    tahun_mulai: int,
    tahun_selesai: int,
    visi: str = "",
    misi: str = "",
    pratinjau: bool = False,
) -> Ringkasan:
    """Guided start: the scoring scheme (preset as is; a copy without BSC perspectives; a copy of `skema`) and
    the Renstra with its initial revision. Refused when the period overlaps a Renstra of the unit."""
    if tahun_selesai < tahun_mulai:
        raise ValidationError({"tahun_selesai": gettext("Tahun selesai tidak boleh sebelum tahun mulai.")})
    tumpang = Renstra.objects.filter(unit=unit, tahun_mulai__lte=tahun_selesai, tahun_selesai__gte=tahun_mulai)
    if lama := tumpang.first():
        raise ValidationError(
            gettext("Periode ini tumpang tindih dengan %(renstra)s milik unit ini.") % {"renstra": lama},
            code="tumpang",
        )

    def tulis() -> Ringkasan:
        hasil = Ringkasan()
        # No scheme chosen: the preset valid in the Renstra's first year (its kriteria bands are that period's).
        sumber = skema if pilihan == PILIH_SALIN else (skema or preset_untuk(tahun_mulai))
        if sumber is None:
            raise ValidationError({"skema": gettext("Pilih skema penilaian.")}, code="skema")
        if pilihan == PILIH_PRESET:
            if sumber.kode not in KODE_PRESET:
                raise ValidationError({"skema": gettext("Pilih salah satu skema bawaan.")}, code="skema")
            dipakai = sumber
        else:
            tanpa = pilihan == PILIH_TANPA_PERSPEKTIF
            nama_skema = (
                gettext("%(unit)s %(mulai)s–%(selesai)s tanpa perspektif")
                if tanpa
                else gettext("%(unit)s %(mulai)s–%(selesai)s (salinan)")
            ) % {"unit": unit.singkatan or unit.nama, "mulai": tahun_mulai, "selesai": tahun_selesai}
            dipakai = salin_skema(
                sumber,
                nama=nama_skema,
                tahun_mulai=tahun_mulai,
                tahun_selesai=tahun_selesai,
                pakai_perspektif=False if tanpa else None,
            )
            hasil.tambah(gettext("skema penilaian"))
        renstra = Renstra(
            unit=unit,
            nama=nama,
            tahun_mulai=tahun_mulai,
            tahun_selesai=tahun_selesai,
            skema=dipakai,
            visi=visi,
            misi=misi,
        )
        services.simpan_renstra(renstra=renstra)
        hasil.tambah(gettext("Renstra"))
        hasil.objek = renstra
        return hasil

    return _jalankan(pratinjau, tulis)


# --- Year N+1 from year N ----------------------------------------------------------------------------------


def _revisi_berlaku(unit: UnitKerja, tahun: int) -> RevisiRenstra | None:
    return (
        RevisiRenstra.objects.filter(renstra__unit=unit, berlaku_mulai__lte=tahun, berlaku_sampai__gte=tahun)
        .order_by("-nomor")
        .first()
    )


def _penandatangan(unit: UnitKerja, tahun: int) -> dict:
    """Signatories of the new PK: those of the latest PK version of the year before, else the current heads of
    the unit (first party) and of its parent (second party)."""
    lama = VersiPK.objects.filter(pk_induk__unit=unit, pk_induk__tahun=tahun - 1).order_by("-berlaku_sampai").first()
    kolom = [f"pihak_{p}_{k}" for p in ("pertama", "kedua") for k in ("nama", "nip", "jabatan")]
    if lama is not None:
        return {k: getattr(lama, k) for k in [*kolom, "kota", "kegiatan"]}
    awal = datetime.date(tahun, 1, 1)

    def kepala(u):
        if u is None:
            return None
        return kepala_berlaku(u, awal) or KepalaUnit.objects.filter(unit=u).order_by("-mulai").first()

    satu, dua = kepala(unit), kepala(unit.induk)
    if satu is None or dua is None:
        raise ValidationError(
            gettext(
                "Belum ada PK tahun %(tahun)s untuk disalin penandatangannya, dan kepala unit ini atau unit "
                "atasannya belum tercatat. Isi kepala unit di halaman administrasi atau buat PK lewat formulir."
            )
            % {"tahun": tahun - 1},
            code="penandatangan",
        )
    return {**_pihak("pertama", satu), **_pihak("kedua", dua), "kota": unit.kota or "Jakarta"}


def kepala_berlaku(unit: UnitKerja | None, tanggal: datetime.date) -> KepalaUnit | None:
    """The head of `unit` in force on `tanggal` (the latest appointment started by then, not ended before)."""
    if unit is None:
        return None
    return (
        KepalaUnit.objects.filter(unit=unit, mulai__lte=tanggal)
        .filter(Q(selesai__isnull=True) | Q(selesai__gte=tanggal))
        .order_by("-mulai")
        .first()
    )


def _pihak(pihak: str, kepala: KepalaUnit) -> dict:
    return {
        f"pihak_{pihak}_nama": kepala.nama_bergelar or kepala.nama,
        f"pihak_{pihak}_nip": kepala.nip,
        f"pihak_{pihak}_jabatan": kepala.jabatan,
    }


def tanggal_tanda_tangan_usulan(tahun: int, hari_ini: datetime.date | None = None) -> datetime.date:
    """The signing date a new PK version proposes: today within its year, else the year's first working day
    (2 January: the agreement is signed at the start of the year it covers)."""
    hari_ini = hari_ini or datetime.date.today()
    return hari_ini if hari_ini.year == tahun else datetime.date(tahun, 1, 2)


def usulan_versi_pk(
    unit: UnitKerja, tahun: int, *, tanggal: datetime.date | None = None, hari_ini: datetime.date | None = None
) -> tuple[dict, list[str]]:
    """Initial values of a new PK version of `tahun` and notes on what could not be proposed.

    Signing date `tanggal` (default `tanggal_tanda_tangan_usulan`); first party: the unit's head in force on that
    date, second party: the parent unit's head in force on that date (names and titles from KepalaUnit); city:
    the unit's. The year's first version covers the whole year; a later one runs from its signing date to the
    year's end and keeps the latest version's title, activities and budget."""
    tanggal = tanggal or tanggal_tanda_tangan_usulan(tahun, hari_ini)
    akhir = datetime.date(tahun, 12, 31)
    awal: dict = {
        "judul": gettext("Perjanjian Kinerja %(tahun)s") % {"tahun": tahun},
        "tanggal_tanda_tangan": tanggal,
        "berlaku_mulai": datetime.date(tahun, 1, 1),
        "berlaku_sampai": akhir,
        "kota": unit.kota or "Jakarta",
    }
    terakhir = VersiPK.objects.filter(pk_induk__unit=unit, pk_induk__tahun=tahun).order_by("-nomor").first()
    if terakhir is not None:
        awal.update(judul=terakhir.judul, kegiatan=terakhir.kegiatan, anggaran=terakhir.anggaran, kota=terakhir.kota)
        if datetime.date(tahun, 1, 1) <= tanggal <= akhir:
            awal["berlaku_mulai"] = tanggal
    catatan = []
    tanggal_teks = tanggal.strftime("%d-%m-%Y")
    for pihak, u, pesan in (
        ("pertama", unit, gettext("Belum ada kepala %(unit)s yang menjabat pada %(tanggal)s; isi pihak pertama.")),
        ("kedua", unit.induk, gettext("Belum ada kepala unit atasan yang menjabat pada %(tanggal)s; isi pihak kedua.")),
    ):
        kepala = kepala_berlaku(u, tanggal)
        if kepala is None:
            catatan.append(pesan % {"unit": unit.nama, "tanggal": tanggal_teks})
        else:
            awal.update(_pihak(pihak, kepala))
    return awal, catatan


def salin_pk_tahun(*, unit: UnitKerja, tahun: int, hasil: Ringkasan) -> None:
    """PK of `tahun` (version 1, the whole year) with one row per active indikator that has a Renstra target of
    `tahun`. Skipped with a note when the year already has a PK version. Rencana Aksi: left empty (no quarterly
    targets are invented); the Rencana Aksi page of the version asks for them."""
    kunci_periode_untuk_tulis(unit, tahun)
    if VersiPK.objects.filter(pk_induk__unit=unit, pk_induk__tahun=tahun).exists():
        hasil.catatan.append(gettext("PK tahun %(tahun)s sudah ada; tidak disalin.") % {"tahun": tahun})
        return
    pilihan = _target_renstra(unit, tahun)
    if pilihan is None:
        hasil.catatan.append(
            gettext("Tidak ada Renstra yang berlaku pada tahun %(tahun)s; PK tidak dibuat.") % {"tahun": tahun}
        )
        return
    dengan_target, target, tanpa = pilihan
    if tanpa:
        hasil.catatan.append(
            gettext("Indikator tanpa target Renstra %(tahun)s tidak dimasukkan ke PK: %(kode)s.")
            % {"tahun": tahun, "kode": ", ".join(tanpa)}
        )
    if not dengan_target:
        hasil.catatan.append(gettext("Belum ada target Renstra tahun %(tahun)s; PK tidak dibuat.") % {"tahun": tahun})
        return
    pk, _baru = PerjanjianKinerja.objects.get_or_create(unit=unit, tahun=tahun)
    versi = VersiPK(
        pk_induk=pk,
        nomor=1,
        judul=gettext("Perjanjian Kinerja %(tahun)s") % {"tahun": tahun},
        berlaku_mulai=datetime.date(tahun, 1, 1),
        berlaku_sampai=datetime.date(tahun, 12, 31),
        **_penandatangan(unit, tahun),
    )
    versi.full_clean()
    versi.save()
    hasil.tambah(gettext("versi PK"))
    for urutan, ind in enumerate(dengan_target, start=1):
        baris = BarisPK(versi=versi, urutan=urutan)
        _isi_baris(baris, ind, target[ind.pk])
        baris.save()
    hasil.tambah(gettext("baris PK"), len(dengan_target))


def _target_renstra(unit: UnitKerja, tahun: int) -> tuple[list[Indikator], dict[int, Target], list[str]] | None:
    """(indikator in force in `tahun` with a Renstra target of it, in Renstra order; their targets by indikator
    id; codes of those without one), or None when no Renstra covers the year. 2 queries."""
    revisi = _revisi_berlaku(unit, tahun)
    if revisi is None:
        return None
    indikator = [
        i
        for i in Indikator.objects.filter(sasaran__revisi=revisi)
        .select_related("sasaran")
        .order_by("sasaran__urutan", "sasaran_id", "urutan", "id")
        if i.aktif_pada(tahun)
    ]
    target = {
        t.indikator_id: t
        for t in Target.objects.filter(indikator__in=indikator, tahun=tahun, sumber=SumberTarget.RENSTRA)
    }
    return [i for i in indikator if i.pk in target], target, [i.kode for i in indikator if i.pk not in target]


def _isi_baris(baris: BarisPK, ind: Indikator, t: Target) -> None:
    """A PK row as the Renstra says: the indikator, its sasaran's and its own name, its target of the year."""
    baris.indikator = ind
    baris.uraian_sasaran = ind.sasaran.nama
    baris.uraian_indikator = ind.nama
    baris.nilai = t.nilai
    baris.nilai_atas = t.nilai_atas
    baris.nilai_kualitatif = t.nilai_kualitatif
    baris.teks_tampilan = t.teks_tampilan


@transaction.atomic
def isi_pk_dari_renstra(*, versi: VersiPK, timpa: bool = False) -> Ringkasan:
    """Fill the PK rows of `versi` from the Renstra targets of its year: one row per indikator in force with a
    Renstra target. A row the version already has for an indikator is left as it is unless `timpa` (then its
    target and wording are set from the Renstra; its Rencana Aksi stays). Writes through `simpan_baris_pk` under
    the period lock, all or nothing: refused on a frozen year (PeriodeBeku) and when the year has no Renstra
    target (ValidationError)."""
    induk = versi.pk_induk
    unit, tahun = induk.unit, induk.tahun
    kunci_periode_untuk_tulis(unit, tahun)
    pilihan = _target_renstra(unit, tahun)
    if pilihan is None:
        raise ValidationError(
            gettext("Tidak ada Renstra yang berlaku pada tahun %(tahun)s.") % {"tahun": tahun}, code="renstra"
        )
    dengan_target, target, tanpa = pilihan
    if not dengan_target:
        raise ValidationError(
            gettext("Belum ada target Renstra tahun %(tahun)s; isi target di halaman Renstra dahulu.")
            % {"tahun": tahun},
            code="target",
        )
    hasil = Ringkasan(objek=versi)
    ada = {b.indikator_id: b for b in versi.baris.select_related("versi__pk_induk__unit") if b.indikator_id}
    lewati = []
    for ind in dengan_target:
        baris = ada.get(ind.pk)
        if baris is not None and not timpa:
            lewati.append(ind.kode)
            continue
        label = gettext("baris PK ditimpa") if baris is not None else gettext("baris PK baru")
        baris = baris or BarisPK(versi=versi)
        _isi_baris(baris, ind, target[ind.pk])
        services.simpan_baris_pk(baris=baris)
        hasil.tambah(label)
    if lewati:
        hasil.catatan.append(gettext("Sudah ada di versi ini, tidak diubah: %(kode)s.") % {"kode": ", ".join(lewati)})
    if tanpa:
        hasil.catatan.append(
            gettext("Indikator tanpa target Renstra %(tahun)s tidak dimasukkan ke PK: %(kode)s.")
            % {"tahun": tahun, "kode": ", ".join(tanpa)}
        )
    return hasil


# --- A new Renstra period from the old one -----------------------------------------------------------------


def salin_renstra(
    *,
    lama: Renstra,
    nama: str,
    tahun_mulai: int,
    tahun_selesai: int,
    visi: str | None = None,
    misi: str | None = None,
    pratinjau: bool = False,
) -> Ringkasan:
    """A new Renstra with the old one's scheme, visi/misi (unless given), tujuan, and the sasaran and indikator of
    its last revision (retired indikator left out); each new indikator's `pendahulu` is the old one. Targets
    are not copied (a new period sets its own). Refused when the new period overlaps a Renstra of the unit."""
    unit = lama.unit
    if tahun_selesai < tahun_mulai:
        raise ValidationError({"tahun_selesai": gettext("Tahun selesai tidak boleh sebelum tahun mulai.")})
    if lain := Renstra.objects.filter(
        unit=unit, tahun_mulai__lte=tahun_selesai, tahun_selesai__gte=tahun_mulai
    ).first():
        raise ValidationError(
            gettext("Periode ini tumpang tindih dengan %(renstra)s milik unit ini.") % {"renstra": lain},
            code="tumpang",
        )
    revisi_lama = lama.revisi.order_by("-berlaku_sampai", "-nomor").first()

    def tulis() -> Ringkasan:
        hasil = Ringkasan()
        baru = Renstra(
            unit=unit,
            nama=nama,
            tahun_mulai=tahun_mulai,
            tahun_selesai=tahun_selesai,
            skema=lama.skema,
            visi=lama.visi if visi is None else visi,
            misi=lama.misi if misi is None else misi,
        )
        services.simpan_renstra(renstra=baru)
        hasil.tambah(gettext("Renstra"))
        hasil.objek = baru
        revisi = baru.revisi.get()
        peta_tujuan = {}
        for t in lama.tujuan.order_by("urutan", "id"):
            peta_tujuan[t.pk] = Tujuan.objects.create(renstra=baru, kode=t.kode, uraian=t.uraian, urutan=t.urutan)
        hasil.tambah(gettext("tujuan"), len(peta_tujuan))
        if revisi_lama is None:
            return hasil
        pakai_perspektif = getattr(lama.skema, "pakai_perspektif", True)
        n_sasaran = n_indikator = 0
        for s in revisi_lama.sasaran.order_by("urutan", "id"):
            ind_lama = [i for i in s.indikator.order_by("urutan", "id") if i.aktif_pada(tahun_mulai)]
            s_baru = Sasaran.objects.create(
                revisi=revisi,
                tujuan=peta_tujuan.get(s.tujuan_id),
                kode=s.kode,
                nama=s.nama,
                level=s.level,
                perspektif=s.perspektif if pakai_perspektif else "",
                urutan=s.urutan,
            )
            n_sasaran += 1
            for i in ind_lama:
                salinan = Indikator.objects.get(pk=i.pk)
                salinan.pk = salinan.id = None
                salinan.sasaran = s_baru
                salinan.pendahulu = i
                salinan.dipensiunkan_tahun = None
                salinan.save()
                n_indikator += 1
        hasil.tambah(gettext("sasaran"), n_sasaran)
        hasil.tambah(gettext("indikator (terhubung ke indikator lama)"), n_indikator)
        return hasil

    return _jalankan(pratinjau, tulis)


# --- Copy forward (year N+1 from year N) -------------------------------------------------------------------


def salin_struktur_anggaran(*, unit, tahun: int, hasil) -> None:
    """The budget lines of `tahun - 1` into `tahun`: code, name, type, order and tree, without pagu, realisasi or
    spending plan. Skipped with a note when `tahun` already has budget lines (nothing is merged)."""
    kunci_periode_untuk_tulis(unit, tahun)
    if MataAnggaran.objects.filter(unit=unit, tahun=tahun).exists():
        hasil.catatan.append(gettext("Mata anggaran tahun %(tahun)s sudah ada; tidak disalin.") % {"tahun": tahun})
        return
    lama = list(MataAnggaran.objects.filter(unit=unit, tahun=tahun - 1).order_by("induk_id", "urutan", "kode"))
    peta: dict[int, MataAnggaran] = {}
    sisa = lama
    while sisa:  # parents before children
        berikut = []
        for m in sisa:
            if m.induk_id is not None and m.induk_id not in peta:
                berikut.append(m)
                continue
            peta[m.pk] = MataAnggaran.objects.create(
                unit=unit,
                tahun=tahun,
                kode=m.kode,
                nama=m.nama,
                jenis=m.jenis,
                urutan=m.urutan,
                induk=peta.get(m.induk_id),
            )
        if len(berikut) == len(sisa):
            break
        sisa = berikut
    hasil.tambah(gettext("mata anggaran (tanpa pagu dan realisasi)"), len(peta))


def salin_tahun_berikut(*, unit, tahun_asal: int, pratinjau: bool = False):
    """Year N+1 from year N, all or nothing: the PK from the Renstra targets of N+1 (`salin_pk_tahun`) and the
    budget line structure. Refused (nothing written) when N+1 is approved or locked or nothing is left to create."""
    tahun = tahun_asal + 1
    with transaction.atomic():
        hasil = Ringkasan()
        salin_pk_tahun(unit=unit, tahun=tahun, hasil=hasil)
        salin_struktur_anggaran(unit=unit, tahun=tahun, hasil=hasil)
        if hasil.kosong:
            raise ValidationError(
                gettext("Tidak ada yang perlu dibuat untuk tahun %(tahun)s. %(catatan)s")
                % {"tahun": tahun, "catatan": " ".join(hasil.catatan)},
                code="kosong",
            )
        if pratinjau:
            transaction.set_rollback(True)
    return hasil
