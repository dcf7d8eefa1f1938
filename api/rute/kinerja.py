"""Performance: Renstra (tujuan → sasaran → indikator with yearly targets), indikator with the manual fields and
the calculation policy, PK versions, Rencana Aksi, capaian per period. Every figure comes from the app's
builders (`susun_pengukuran`, `baca_rencana_aksi`, `progres_triwulan`): the numbers the app shows."""

from __future__ import annotations

from django.db.models import Prefetch
from ninja import Router, Schema

from indikator.enums import STATUS_FINAL
from indikator.models import BarisPK, Indikator, PeriodeUnit, Renstra, Sasaran, Target, VersiPK
from indikator.queries import muat_skema, sasaran_dengan_indikator, susun_pengukuran
from indikator.rencana_aksi import baca_rencana_aksi, progres_triwulan
from indikator.struktur import DataTidakDitemukan, renstra_untuk, revisi_untuk

from ..enums import PERIODE_TRIWULAN, TAHUNAN
from ..konvensi import baca_sejak, catat_baris, desimal, halaman, mentah, periksa_periode, rekam, sidik, tampil
from ..lingkup import ambil_unit, periode_unit, tidak_ditemukan
from ..skema import GALAT, Desimal, StatusRekam
from ..skema import halaman as skema_halaman
from .bersama import unit_tahun

router = Router(tags=["kinerja"])

PERIODE_CAPAIAN = (*PERIODE_TRIWULAN, TAHUNAN)


def _tanpa_data(unit, tahun):
    return tidak_ditemukan(f"Tidak ada Renstra unit {unit.slug} untuk tahun {tahun}.")


# --- capaian ---------------------------------------------------------------------------------------------------


class CapaianIndikator(Schema):
    kode: str
    nama: str
    sasaran: str
    perspektif: str
    satuan: str
    polaritas: str
    iku: bool
    target: Desimal
    target_atas: Desimal
    target_huruf: str
    target_teks: str
    sumber_target: str
    realisasi: Desimal
    realisasi_huruf: str
    target_kumulatif: Desimal = None
    capaian: Desimal
    capaian_tampil: str | None
    kriteria: str | None
    alasan_tidak_dihitung: str | None
    persen_target_akhir: Desimal = None


class CapaianSasaran(Schema):
    kode: str
    nama: str
    perspektif: str
    nps: Desimal
    nps_tampil: str | None
    kriteria: str | None


class CapaianPerspektif(Schema):
    perspektif: str
    label: str
    nps: Desimal
    nps_tampil: str | None
    kriteria: str | None


class Capaian(StatusRekam):
    unit: str
    tahun: int
    periode: str
    skema: str
    indikator: list[CapaianIndikator]
    sasaran: list[CapaianSasaran]
    perspektif: list[CapaianPerspektif]
    nko: Desimal
    nko_tampil: str | None
    kriteria_nko: str | None
    nko_indikator_dihitung: int
    nko_indikator_total: int


def _pengukuran(unit, tahun):
    try:
        return susun_pengukuran(unit, tahun)
    except DataTidakDitemukan:
        raise _tanpa_data(unit, tahun) from None


@router.get("/capaian", response={200: Capaian, **GALAT}, summary="Capaian kinerja per periode")
def capaian(request, unit: str, tahun: int, periode: str | None = None):
    """The measurement of a unit's year (`susun_pengukuran`): per indikator target, realisasi, capaian and
    kriteria; NPS per sasaran and perspective; NKO. `periode` TAHUNAN (default) or TW1..TW4: a quarter gives the
    cumulative realisasi, the Rencana Aksi cumulative target of the PK version in force and the quarter's
    progress (`progres_triwulan`); sasaran, perspective and NKO are yearly and given with TAHUNAN only. The app
    keeps no separate numerator and denominator of an indikator: `realisasi` is the value entered."""
    periode = periksa_periode(periode, PERIODE_CAPAIAN, TAHUNAN)
    u, per = unit_tahun(request.auth, unit, tahun)
    p = _pengukuran(u, tahun)
    ra = baca_rencana_aksi(u, tahun, [b.indikator.pk for b in p.baris]) if periode != TAHUNAN else None
    baris = []
    for b in p.baris:
        item = {
            "kode": b.indikator.kode,
            "nama": b.indikator.nama,
            "sasaran": b.sasaran.kode,
            "perspektif": b.perspektif,
            "satuan": b.indikator.satuan,
            "polaritas": b.indikator.polaritas,
            "iku": b.indikator.iku,
            "target": mentah(b.target.nilai),
            "target_atas": mentah(b.target.nilai_atas),
            "target_huruf": b.target.kualitatif,
            "target_teks": b.target.teks,
            "sumber_target": b.target.sumber,
            "realisasi": mentah(b.realisasi.nilai),
            "realisasi_huruf": b.realisasi.kualitatif,
            "capaian": desimal(b.capaian),
            "capaian_tampil": tampil(b.capaian),
            "kriteria": b.kriteria.label if b.kriteria else None,
            "alasan_tidak_dihitung": b.alasan.value if b.alasan else None,
            "persen_target_akhir": desimal(b.persen_target_akhir),
        }
        if ra is not None:
            tw = int(periode[2:])
            rai = ra.untuk(b.indikator.pk)
            progres = progres_triwulan(b, rai, p.skema)[tw - 1]
            item.update(
                {
                    "realisasi": mentah(b.realisasi.kumulatif[tw - 1]),
                    "realisasi_huruf": "",
                    "target_kumulatif": mentah(rai.target_kumulatif[tw - 1]),
                    "capaian": desimal(progres),
                    "capaian_tampil": tampil(progres),
                    "kriteria": None,
                    "alasan_tidak_dihitung": None,
                    "persen_target_akhir": None,
                }
            )
        baris.append(item)
    tahunan = periode == TAHUNAN
    data = {
        "unit": u.slug,
        "tahun": tahun,
        "periode": periode,
        "skema": p.skema.kode,
        "indikator": baris,
        "sasaran": [
            {
                "kode": s.sasaran.kode,
                "nama": s.sasaran.nama,
                "perspektif": s.perspektif,
                "nps": desimal(s.nps),
                "nps_tampil": tampil(s.nps),
                "kriteria": s.kriteria.label if s.kriteria else None,
            }
            for s in p.sasaran
        ]
        if tahunan
        else [],
        "perspektif": [
            {
                "perspektif": x.perspektif,
                "label": str(x.label),
                "nps": desimal(x.nps),
                "nps_tampil": tampil(x.nps),
                "kriteria": x.kriteria.label if x.kriteria else None,
            }
            for x in p.perspektif
        ]
        if tahunan
        else [],
        "nko": desimal(p.nko) if tahunan else None,
        "nko_tampil": tampil(p.nko) if tahunan else None,
        "kriteria_nko": p.kriteria_nko.label if tahunan and p.kriteria_nko else None,
        "nko_indikator_dihitung": p.jumlah_dihitung,
        "nko_indikator_total": p.jumlah_indikator,
    }
    catat_baris(request, len(baris))
    return rekam(data, per)


# --- indikator -------------------------------------------------------------------------------------------------


class Kebijakan(Schema):
    polaritas: str
    agregasi_triwulan: str
    skala: str | None
    rumus_negatif: str
    batas_capaian: Desimal
    agregasi_perspektif: str
    agregasi_nko: str


class IndikatorData(Schema):
    id: int
    kode: str
    nama: str
    sasaran: str
    satuan: str
    iku: bool
    ukur_akip: bool
    definisi_operasional: str
    formula: str
    sumber_data: str
    penanggung_jawab: str
    pendahulu: str | None
    dipensiunkan_tahun: int | None
    kebijakan: Kebijakan


class DaftarIndikator(StatusRekam):
    unit: str
    tahun: int
    skema: str
    indikator: list[IndikatorData]


def _indikator(i: Indikator, sasaran_kode: str, skema) -> dict:
    return {
        "id": i.pk,
        "kode": i.kode,
        "nama": i.nama,
        "sasaran": sasaran_kode,
        "satuan": i.satuan,
        "iku": i.iku,
        "ukur_akip": i.ukur_akip,
        "definisi_operasional": i.definisi_operasional,
        "formula": i.formula,
        "sumber_data": i.sumber_data,
        "penanggung_jawab": i.penanggung_jawab,
        "pendahulu": i.pendahulu.kode if i.pendahulu_id and i.pendahulu else None,
        "dipensiunkan_tahun": i.dipensiunkan_tahun,
        "kebijakan": {
            "polaritas": i.polaritas,
            "agregasi_triwulan": i.agregasi,
            "skala": i.skala.kode if i.skala_id else None,
            "rumus_negatif": str(skema.rumus_negatif),
            "batas_capaian": desimal(skema.batas_capaian),
            "agregasi_perspektif": str(skema.agregasi_perspektif),
            "agregasi_nko": str(skema.agregasi_nko),
        },
    }


@router.get("/indikator", response={200: DaftarIndikator, **GALAT}, summary="Indikator yang berlaku pada satu tahun")
def indikator(request, unit: str, tahun: int):
    """The indikator in force in a unit's year (the Renstra revision of that year), with the manual fields
    (definisi operasional, formula, sumber data, penanggung jawab) and the calculation policy of the scheme."""
    u, per = unit_tahun(request.auth, unit, tahun)
    try:
        renstra = renstra_untuk(u, tahun)
        revisi = revisi_untuk(renstra, tahun)
    except DataTidakDitemukan:
        raise _tanpa_data(u, tahun) from None
    skema = muat_skema(renstra.skema)
    daftar = []
    for s in sasaran_dengan_indikator(revisi):
        daftar += [_indikator(i, s.kode, skema) for i in s.indikator.all() if i.aktif_pada(tahun)]
    catat_baris(request, len(daftar))
    return rekam({"unit": u.slug, "tahun": tahun, "skema": skema.kode, "indikator": daftar}, per)


@router.get("/indikator/{id}", response={200: IndikatorData, **GALAT}, summary="Satu indikator")
def indikator_satu(request, id: int):
    i = (
        Indikator.objects.dengan_unit()
        .select_related("skala", "pendahulu", "sasaran__revisi__renstra__skema")
        .filter(pk=id)
        .first()
    )
    if i is None or not request.auth.boleh(i.unit.pk):
        raise tidak_ditemukan("Indikator tidak ditemukan.")
    renstra = i.sasaran.revisi.renstra
    if (
        not request.auth.draf
        and not PeriodeUnit.objects.filter(
            unit=renstra.unit, tahun__gte=renstra.tahun_mulai, tahun__lte=renstra.tahun_selesai, status__in=STATUS_FINAL
        ).exists()
    ):
        raise tidak_ditemukan("Indikator tidak ditemukan.")
    catat_baris(request, 1)
    return _indikator(i, i.sasaran.kode, muat_skema(renstra.skema))


# --- Renstra ---------------------------------------------------------------------------------------------------


class TargetTahun(Schema):
    tahun: int
    nilai: Desimal
    nilai_atas: Desimal
    nilai_huruf: str
    teks: str
    sumber: str
    status_data: str


class RenstraIndikator(Schema):
    id: int
    kode: str
    nama: str
    satuan: str
    iku: bool
    target: list[TargetTahun]


class RenstraSasaran(Schema):
    kode: str
    nama: str
    tujuan: str | None
    perspektif: str
    indikator: list[RenstraIndikator]


class RenstraTujuan(Schema):
    kode: str
    uraian: str


class RenstraRevisi(Schema):
    nomor: int
    nama: str
    berlaku_mulai: int
    berlaku_sampai: int
    tanggal: str | None
    sasaran: list[RenstraSasaran]


class RenstraData(Schema):
    id: int
    unit: str
    nama: str
    tahun_mulai: int
    tahun_selesai: int
    skema: str
    visi: str
    misi: list[str]
    tujuan: list[RenstraTujuan]
    revisi: list[RenstraRevisi]
    sha256: str


HalamanRenstra = skema_halaman(RenstraData, "HalamanRenstra")


@router.get("/renstra", response={200: HalamanRenstra, **GALAT}, summary="Renstra: tujuan, sasaran, indikator, target")
def renstra(request, unit: str, tahun: int | None = None, limit: int = 100, offset: int = 0):
    """The unit's Renstra (those covering `tahun` when given): tujuan, and per revision sasaran → indikator with
    the yearly targets. A year's targets are served once the year is approved (every year with the draft scope);
    each target says the status of its year."""
    lingkup = request.auth
    u = ambil_unit(lingkup, unit)
    qs = Renstra.objects.filter(unit=u).select_related("skema").order_by("tahun_mulai", "id")
    if tahun is not None:
        qs = qs.filter(tahun_mulai__lte=tahun, tahun_selesai__gte=tahun)
    qs = qs.prefetch_related(
        "tujuan",
        Prefetch(
            "revisi__sasaran",
            queryset=Sasaran.objects.select_related("tujuan")
            .order_by("urutan", "kode", "id")
            .prefetch_related(
                Prefetch(
                    "indikator",
                    queryset=Indikator.objects.order_by("urutan", "kode", "id").prefetch_related(
                        Prefetch("target", queryset=Target.objects.order_by("tahun"))
                    ),
                )
            ),
        ),
    )
    periode = periode_unit([u.pk])
    daftar = []
    for r in qs:
        revisi = []
        for v in sorted(r.revisi.all(), key=lambda v: (v.nomor, v.pk)):
            sasaran = []
            for s in v.sasaran.all():
                ind = []
                for i in s.indikator.all():
                    target = []
                    for t in i.target.all():
                        per = periode.get((u.pk, t.tahun))
                        if not lingkup.tampak(per):
                            continue
                        target.append(
                            {
                                "tahun": t.tahun,
                                "nilai": mentah(t.nilai),
                                "nilai_atas": mentah(t.nilai_atas),
                                "nilai_huruf": t.nilai_kualitatif,
                                "teks": t.teks_tampilan,
                                "sumber": t.sumber,
                                "status_data": "final" if per is not None and per.final else "draf",
                            }
                        )
                    ind.append(
                        {"id": i.pk, "kode": i.kode, "nama": i.nama, "satuan": i.satuan, "iku": i.iku, "target": target}
                    )
                sasaran.append(
                    {
                        "kode": s.kode,
                        "nama": s.nama,
                        "tujuan": s.tujuan.kode if s.tujuan_id else None,
                        "perspektif": s.perspektif,
                        "indikator": ind,
                    }
                )
            revisi.append(
                {
                    "nomor": v.nomor,
                    "nama": v.nama,
                    "berlaku_mulai": v.berlaku_mulai,
                    "berlaku_sampai": v.berlaku_sampai,
                    "tanggal": v.tanggal.isoformat() if v.tanggal else None,
                    "sasaran": sasaran,
                }
            )
        data = {
            "id": r.pk,
            "unit": u.slug,
            "nama": r.nama,
            "tahun_mulai": r.tahun_mulai,
            "tahun_selesai": r.tahun_selesai,
            "skema": r.skema.kode,
            "visi": r.visi,
            "misi": [m for m in r.misi.splitlines() if m.strip()],
            "tujuan": [
                {"kode": t.kode, "uraian": t.uraian} for t in sorted(r.tujuan.all(), key=lambda t: (t.urutan, t.pk))
            ],
            "revisi": revisi,
        }
        data["sha256"] = sidik(data)
        daftar.append(data)
    return halaman(request, daftar, limit, offset)


# --- PK --------------------------------------------------------------------------------------------------------


class Penandatangan(Schema):
    nama: str
    nip: str
    jabatan: str


class BarisPKData(Schema):
    urutan: int
    indikator: str | None
    uraian_sasaran: str
    uraian_indikator: str
    target: Desimal
    target_atas: Desimal
    target_huruf: str
    target_teks: str


class VersiPKData(StatusRekam):
    id: int
    unit: str
    tahun: int
    nomor: int
    judul: str
    berlaku_mulai: str
    berlaku_sampai: str
    tanggal_tanda_tangan: str | None
    kota: str
    pihak_pertama: Penandatangan
    pihak_kedua: Penandatangan
    kegiatan: str
    anggaran: Desimal
    baris: list[BarisPKData]


HalamanPK = skema_halaman(VersiPKData, "HalamanPK")


@router.get("/pk", response={200: HalamanPK, **GALAT}, summary="Versi Perjanjian Kinerja")
def pk(
    request, unit: str, tahun: int | None = None, updated_since: str | None = None, limit: int = 100, offset: int = 0
):
    """Every version of the unit's PK (of `tahun` when given) with its signatories, validity and rows.
    `updated_since`: versions of years whose status changed since then."""
    lingkup = request.auth
    u = ambil_unit(lingkup, unit)
    sejak = baca_sejak(updated_since)
    qs = (
        VersiPK.objects.filter(pk_induk__unit=u)
        .select_related("pk_induk")
        .prefetch_related(
            Prefetch("baris", queryset=BarisPK.objects.select_related("indikator").order_by("urutan", "id"))
        )
        .order_by("pk_induk__tahun", "nomor", "id")
    )
    if tahun is not None:
        qs = qs.filter(pk_induk__tahun=tahun)
    versi = list(qs)
    periode = periode_unit([u.pk], {v.pk_induk.tahun for v in versi})
    daftar = []
    for v in versi:
        per = periode.get((u.pk, v.pk_induk.tahun))
        if not lingkup.tampak(per) or (sejak is not None and (per is None or per.diubah_pada < sejak)):
            continue
        data = {
            "id": v.pk,
            "unit": u.slug,
            "tahun": v.pk_induk.tahun,
            "nomor": v.nomor,
            "judul": v.judul,
            "berlaku_mulai": v.berlaku_mulai.isoformat(),
            "berlaku_sampai": v.berlaku_sampai.isoformat(),
            "tanggal_tanda_tangan": v.tanggal_tanda_tangan.isoformat() if v.tanggal_tanda_tangan else None,
            "kota": v.kota,
            "pihak_pertama": {
                "nama": v.pihak_pertama_nama,
                "nip": v.pihak_pertama_nip,
                "jabatan": v.pihak_pertama_jabatan,
            },
            "pihak_kedua": {"nama": v.pihak_kedua_nama, "nip": v.pihak_kedua_nip, "jabatan": v.pihak_kedua_jabatan},
            "kegiatan": v.kegiatan,
            "anggaran": desimal(v.anggaran),
            "baris": [
                {
                    "urutan": b.urutan,
                    "indikator": b.indikator.kode if b.indikator_id else None,
                    "uraian_sasaran": b.uraian_sasaran,
                    "uraian_indikator": b.uraian_indikator,
                    "target": mentah(b.nilai),
                    "target_atas": mentah(b.nilai_atas),
                    "target_huruf": b.nilai_kualitatif,
                    "target_teks": b.teks_tampilan,
                }
                for b in v.baris.all()
            ],
        }
        daftar.append(rekam(data, per))
    return halaman(request, daftar, limit, offset)


# --- Rencana Aksi ----------------------------------------------------------------------------------------------


class TriwulanRA(Schema):
    triwulan: int
    versi_pk: int | None
    target_kumulatif: Desimal
    status: str


class RencanaAksiIndikatorData(Schema):
    indikator: str
    triwulan: list[TriwulanRA]


class RencanaAksiData(StatusRekam):
    unit: str
    tahun: int
    indikator: list[RencanaAksiIndikatorData]


@router.get("/rencana-aksi", response={200: RencanaAksiData, **GALAT}, summary="Rencana Aksi triwulanan")
def rencana_aksi(request, unit: str, tahun: int):
    """Per indikator of the year's PK the cumulative quarterly targets, each from the PK version in force at the
    quarter's end (`baca_rencana_aksi`); `status` says why a quarter has no target."""
    u, per = unit_tahun(request.auth, unit, tahun)
    ra = baca_rencana_aksi(u, tahun)
    kode = dict(Indikator.objects.filter(pk__in=list(ra.indikator)).values_list("pk", "kode"))
    daftar = [
        {
            "indikator": kode.get(iid, str(iid)),
            "triwulan": [
                {
                    "triwulan": t.triwulan,
                    "versi_pk": t.versi_nomor,
                    "target_kumulatif": mentah(t.target_kumulatif),
                    "status": t.status,
                }
                for t in rai.triwulan
            ],
        }
        for iid, rai in ra.indikator.items()
    ]
    catat_baris(request, len(daftar))
    return rekam({"unit": u.slug, "tahun": tahun, "indikator": daftar}, per)
