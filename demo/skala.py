"""Scale data: a realistic large data set (many units under one parent, several years, quarterly realisasi,
thousands of budget lines) built with bulk_create. Every unit's slug starts with the prefix, so the data set
can be deleted (`hapus_data_skala`) and re-created; used by the `buat_data_skala` command, tests and bench."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from anggaran.enums import JenisMataAnggaran
from anggaran.models import MataAnggaran, PaguRevisi, RealisasiAnggaran, RencanaPenarikan, SubKegiatan
from indikator.enums import (
    URUTAN_PERSPEKTIF,
    Agregasi,
    LevelSasaran,
    Polaritas,
    StatusPeriode,
)
from indikator.models import (
    BarisPK,
    Indikator,
    NilaiAkip,
    PeriodeUnit,
    PerjanjianKinerja,
    Realisasi,
    RencanaAksi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    SkemaPenilaian,
    Target,
    UnitKerja,
    VersiPK,
)
from indikator.versi_data import naikkan_versi_semua
from umum.bulan import NOMOR_BULAN

AWALAN = "skala"
TAHUN_MULAI = 2020
SKEMA = "bpom-2020-2024"
D = Decimal


@dataclass(frozen=True)
class HasilSkala:
    induk: UnitKerja
    units: tuple[UnitKerja, ...]
    tahun: tuple[int, ...]
    jumlah_indikator: int
    jumlah_baris_anggaran: int


def _q(x: float, digit: str = "0.01") -> Decimal:
    return D(str(x)).quantize(D(digit))


def lupakan_ringkasan() -> None:
    """After a bulk load that bypasses the write services: raise every unit's data version (read by every
    process), so no roll-up summary cached before the load is reused."""
    naikkan_versi_semua()


def hapus_data_skala(awalan: str = AWALAN) -> int:
    """Delete every unit whose slug starts with `awalan-` and all its data; returns the number of units."""
    units = list(UnitKerja.objects.filter(slug__startswith=f"{awalan}-"))
    if not units:
        return 0
    with transaction.atomic():
        SubKegiatan.objects.filter(unit__in=units).delete()
        # Children first: MataAnggaran.induk cascades, but deleting leaves first keeps the collector small.
        MataAnggaran.objects.filter(unit__in=units).delete()
        PerjanjianKinerja.objects.filter(unit__in=units).delete()
        Renstra.objects.filter(unit__in=units).delete()
        NilaiAkip.objects.filter(unit__in=units).delete()
        PeriodeUnit.objects.filter(unit__in=units).delete()
        UnitKerja.objects.filter(pk__in=[u.pk for u in units if u.induk_id in {x.pk for x in units}]).delete()
        UnitKerja.objects.filter(pk__in=[u.pk for u in units]).delete()
    return len(units)


def buat_data_skala(
    *,
    unit: int = 60,
    tahun: int = 5,
    indikator: int = 15,
    baris_anggaran: int = 3000,
    seed: int = 1,
    awalan: str = AWALAN,
    tahun_mulai: int = TAHUN_MULAI,
    induk: UnitKerja | None = None,
) -> HasilSkala:
    """Create `unit` units under one parent (`<awalan>-induk`, itself under `induk` when given), each with a
    Renstra over `tahun` years, `indikator` indikator (4 perspectives), Renstra and PK targets, Rencana Aksi,
    quarterly realisasi with narrative, AKIP scores, and `baris_anggaran` budget lines in total (program >
    kegiatan > komponen, with pagu, monthly realisasi and plan) plus a sub-kegiatan per komponen.
    Re-running with the same prefix replaces the previous data set."""
    rng = random.Random(seed)
    hapus_data_skala(awalan)
    skema = SkemaPenilaian.objects.get(kode=SKEMA)
    daftar_tahun = tuple(range(tahun_mulai, tahun_mulai + tahun))
    with transaction.atomic():
        induk_skala = UnitKerja.objects.create(
            slug=f"{awalan}-induk", nama=f"Deputi Uji Skala ({awalan})", singkatan="DUS", induk=induk
        )
        units = UnitKerja.objects.bulk_create(
            [
                UnitKerja(
                    slug=f"{awalan}-{i:03d}",
                    nama=f"Direktorat Uji {i:03d}",
                    singkatan=f"DU{i:03d}",
                    induk=induk_skala,
                    urutan=i,
                )
                for i in range(1, unit + 1)
            ]
        )
        units = list(UnitKerja.objects.filter(induk=induk_skala).order_by("urutan"))
        renstra = Renstra.objects.bulk_create(
            [
                Renstra(
                    unit=u,
                    nama=f"Renstra {u.singkatan} {daftar_tahun[0]}–{daftar_tahun[-1]}",
                    tahun_mulai=daftar_tahun[0],
                    tahun_selesai=daftar_tahun[-1],
                    skema=skema,
                )
                for u in units
            ]
        )
        revisi = RevisiRenstra.objects.bulk_create(
            [
                RevisiRenstra(
                    renstra=r, nomor=0, nama="Awal", berlaku_mulai=daftar_tahun[0], berlaku_sampai=daftar_tahun[-1]
                )
                for r in renstra
            ]
        )
        sasaran = Sasaran.objects.bulk_create(
            [
                Sasaran(
                    revisi=rv,
                    kode=f"S{j + 1}",
                    nama=f"Sasaran {j + 1}: meningkatnya kinerja perspektif {p.replace('_', ' ')}",
                    level=LevelSasaran.PROGRAM,
                    perspektif=p,
                    urutan=j + 1,
                )
                for rv in revisi
                for j, p in enumerate(URUTAN_PERSPEKTIF)
            ]
        )
        per_revisi: dict[int, list[Sasaran]] = {}
        for s in sasaran:
            per_revisi.setdefault(s.revisi_id, []).append(s)
        ind_baru = []
        for rv in revisi:
            daftar_s = per_revisi[rv.pk]
            for k in range(indikator):
                negatif = k % 7 == 6
                ind_baru.append(
                    Indikator(
                        sasaran=daftar_s[k % len(daftar_s)],
                        kode=f"IK{k + 1}",
                        nama=f"Indikator uji {k + 1}" + (" (makin rendah makin baik)" if negatif else ""),
                        satuan="%" if k % 3 else "dokumen",
                        polaritas=Polaritas.NEGATIF if negatif else Polaritas.POSITIF,
                        agregasi=Agregasi.KUMULATIF if k % 3 == 0 else Agregasi.TERAKHIR,
                        iku=k < 5,
                        urutan=k + 1,
                    )
                )
        inds = Indikator.objects.bulk_create(ind_baru)
        renstra_unit = {r.pk: r.unit_id for r in renstra}
        revisi_unit = {rv.pk: renstra_unit[rv.renstra_id] for rv in revisi}
        sasaran_unit = {s.pk: revisi_unit[s.revisi_id] for s in sasaran}

        target, realisasi, baris_pk, ra = [], [], [], []
        pk_induk = PerjanjianKinerja.objects.bulk_create(
            [PerjanjianKinerja(unit=u, tahun=t) for u in units for t in daftar_tahun]
        )
        versi = VersiPK.objects.bulk_create(
            [
                VersiPK(
                    pk_induk=p,
                    nomor=1,
                    judul="PK",
                    berlaku_mulai=date(p.tahun, 1, 1),
                    berlaku_sampai=date(p.tahun, 12, 31),
                    pihak_pertama_nama="Kepala Direktorat",
                    pihak_pertama_jabatan="Direktur",
                    pihak_kedua_nama="Deputi",
                    pihak_kedua_jabatan="Deputi",
                )
                for p in pk_induk
            ]
        )
        versi_per = {(v.pk_induk.unit_id, v.pk_induk.tahun): v for v in versi}
        terakhir = daftar_tahun[-1]
        for ind in inds:
            uid = sasaran_unit[ind.sasaran_id]
            kumulatif = ind.agregasi == Agregasi.KUMULATIF
            dasar = rng.choice([10, 20, 40, 80]) if kumulatif else rng.choice([70, 75, 80, 90])
            for n, t in enumerate(daftar_tahun):
                nilai_t = D(dasar + 2 * n)
                target.append(Target(indikator=ind, tahun=t, nilai=nilai_t, sumber="renstra"))
                baris_pk.append(
                    BarisPK(
                        versi=versi_per[(uid, t)],
                        urutan=ind.urutan,
                        indikator=ind,
                        uraian_sasaran=ind.sasaran.nama,
                        uraian_indikator=ind.nama,
                        nilai=nilai_t,
                    )
                )
                faktor = rng.uniform(0.8, 1.25)
                lengkap = 4 if t != terakhir else rng.choice([2, 3, 3, 4])
                for q in range(1, lengkap + 1):
                    if kumulatif:
                        v = _q(float(nilai_t) / 4 * faktor * rng.uniform(0.85, 1.15))
                    else:
                        v = _q(float(nilai_t) * faktor * (0.85 + 0.05 * q))
                    narasi = q == lengkap
                    realisasi.append(
                        Realisasi(
                            indikator=ind,
                            tahun=t,
                            triwulan=q,
                            nilai=v,
                            analisis=f"Capaian triwulan {q} dipengaruhi pelaksanaan kegiatan." if narasi else "",
                            faktor_pendukung="Koordinasi lintas unit berjalan baik." if narasi else "",
                            faktor_penghambat="Keterbatasan anggaran perjalanan." if narasi else "",
                            rencana_tindak_lanjut="Percepatan pelaksanaan kegiatan." if narasi else "",
                        )
                    )
        Target.objects.bulk_create(target, batch_size=2000)
        baris_pk = BarisPK.objects.bulk_create(baris_pk, batch_size=2000)
        for b in baris_pk:
            kumulatif = b.indikator.agregasi == Agregasi.KUMULATIF
            for q in range(1, 5):
                # Cumulative plan: a quarter of the yearly target per quarter; a level ("terakhir") rises to it.
                bagian = q / 4 if kumulatif else (0.8 + 0.05 * q)
                ra.append(RencanaAksi(baris_pk=b, triwulan=q, target_kumulatif=_q(float(b.nilai) * bagian)))
        RencanaAksi.objects.bulk_create(ra, batch_size=2000)
        Realisasi.objects.bulk_create(realisasi, batch_size=2000)

        NilaiAkip.objects.bulk_create(
            [
                NilaiAkip(unit=u, tahun=t, nilai_dilaporkan=_q(rng.uniform(60, 70) + 2 * n))
                for u in units
                for n, t in enumerate(daftar_tahun)
            ]
        )
        PeriodeUnit.objects.bulk_create(
            [
                PeriodeUnit(
                    unit=u, tahun=terakhir, status=StatusPeriode.DIAJUKAN if i % 4 == 0 else StatusPeriode.DRAFT
                )
                for i, u in enumerate(units)
            ]
        )
        jumlah_baris = _anggaran(rng, units, daftar_tahun, baris_anggaran)
    return HasilSkala(induk_skala, tuple(units), daftar_tahun, len(inds), jumlah_baris)


def _anggaran(rng: random.Random, units: list[UnitKerja], daftar_tahun: tuple[int, ...], total: int) -> int:
    """Budget lines: per unit-year one program, kegiatan and komponen; `total` lines spread evenly (≥ 3 each)."""
    per = max(3, total // max(1, len(units) * len(daftar_tahun)))
    n_kegiatan = max(1, round((per - 1) ** 0.5 / 1.5))
    program, kegiatan, komponen = [], [], []
    for u in units:
        for t in daftar_tahun:
            program.append(
                MataAnggaran(unit=u, tahun=t, kode="001", nama="Program Dukungan Manajemen", jenis="program", urutan=1)
            )
    program = MataAnggaran.objects.bulk_create(program, batch_size=2000)
    for p in program:
        for k in range(n_kegiatan):
            kegiatan.append(
                MataAnggaran(
                    unit_id=p.unit_id,
                    tahun=p.tahun,
                    kode=f"001.{k + 1}",
                    induk=p,
                    nama=f"Kegiatan {k + 1}",
                    jenis=JenisMataAnggaran.KEGIATAN,
                    urutan=2 + k,
                )
            )
    kegiatan = MataAnggaran.objects.bulk_create(kegiatan, batch_size=2000)
    per_induk: dict[int, list[MataAnggaran]] = {}
    for k in kegiatan:
        per_induk.setdefault(k.induk_id, []).append(k)
    sisa = per - 1 - n_kegiatan
    for p in program:
        anak = per_induk[p.pk]
        for c in range(max(1, sisa)):
            keg = anak[c % len(anak)]
            komponen.append(
                MataAnggaran(
                    unit_id=p.unit_id,
                    tahun=p.tahun,
                    kode=f"{keg.kode}.{c + 1:02d}",
                    induk=keg,
                    nama=f"Komponen {c + 1}: penyelenggaraan kegiatan",
                    jenis=JenisMataAnggaran.KOMPONEN,
                    urutan=100 + c,
                )
            )
    komponen = MataAnggaran.objects.bulk_create(komponen, batch_size=2000)
    pagu, real, rencana, sub = [], [], [], []
    for n, m in enumerate(komponen):
        nilai = D(rng.randrange(50, 900)) * D(1_000_000)
        pagu.append(PaguRevisi(mata_anggaran=m, revisi_ke=0, berlaku_mulai=date(m.tahun, 1, 1), nilai=nilai))
        serapan = rng.uniform(0.7, 0.99)
        for b in NOMOR_BULAN:
            rencana.append(RencanaPenarikan(mata_anggaran=m, bulan=b, nilai=(nilai / 12).quantize(D(1))))
            real.append(
                RealisasiAnggaran(
                    mata_anggaran=m,
                    bulan=b,
                    nilai=_q(float(nilai) * serapan / 12 * rng.uniform(0.6, 1.4), "1"),
                )
            )
        target_output = D(rng.randrange(2, 20))
        sub.append(
            SubKegiatan(
                unit_id=m.unit_id,
                tahun=m.tahun,
                urutan=n,
                nama=m.nama + f" ({m.kode})",
                mata_anggaran=m,
                uraian_output="Laporan kegiatan",
                satuan_output="laporan",
                target_output=target_output,
                realisasi_output=max(D(0), target_output - rng.randrange(0, 3)),
            )
        )
    PaguRevisi.objects.bulk_create(pagu, batch_size=2000)
    RealisasiAnggaran.objects.bulk_create(real, batch_size=5000)
    RencanaPenarikan.objects.bulk_create(rencana, batch_size=5000)
    SubKegiatan.objects.bulk_create(sub, batch_size=2000)
    return len(program) + len(kegiatan) + len(komponen)
