"""A unit unlike the reference (issue 9): a scheme without BSC perspectives and with a letter-grade scale, an AKIP
indikator with target "A" and a numeric result, an indikator without realisasi (not computed), a budget with a
yearly realisasi only, and a staff table by rank group with an unknown row.

Expected measurement of 2021: I1 100,00; I2 120,00; I3 71,74 against "A" = 80 → 89,68; I4 not computed.
NKO mean of sasaran NPS = mean(110,00; 89,68) = 99,84; flat mean = mean(100; 120; 89,68) = 103,23; 3 of 4."""

from __future__ import annotations

from decimal import Decimal as D

TAHUN = 2021


def buat_unit_tanpa_perspektif(slug: str = "dinas-uji", agregasi_nko: str = "rata_sasaran"):
    from anggaran.models import MataAnggaran, PaguRevisi, RealisasiAnggaran
    from indikator.models import (
        Indikator,
        KepalaUnit,
        KomposisiPegawai,
        Realisasi,
        Renstra,
        RevisiRenstra,
        Sasaran,
        SkalaKualitatif,
        SkemaPenilaian,
        Target,
        UnitKerja,
    )

    bpom = SkemaPenilaian.objects.get(kode="bpom-2020-2024")
    skema = SkemaPenilaian.objects.create(
        kode=f"tanpa-perspektif-{slug}",
        nama="Skema tanpa perspektif",
        tahun_mulai=2020,
        tahun_selesai=2024,
        pakai_perspektif=False,
        agregasi_nko=agregasi_nko,
        skala_huruf=SkalaKualitatif.objects.get(kode="nilai-huruf-akip"),
    )
    for band in bpom.band.all():
        band.pk = None
        band.skema = skema
        band.save()
    unit = UnitKerja.objects.create(slug=slug, nama="Dinas Uji", kota="Semarang")
    KepalaUnit.objects.create(unit=unit, nama="Kepala Dinas", jabatan="Kepala Dinas", mulai="2020-01-01")
    renstra = Renstra.objects.create(unit=unit, nama="Renstra Dinas", tahun_mulai=2020, tahun_selesai=2024, skema=skema)
    revisi = RevisiRenstra.objects.create(
        renstra=renstra, nomor=0, nama="Awal", berlaku_mulai=2020, berlaku_sampai=2024
    )
    data = [
        ("S1", [("I1", D("80"), "", D("80")), ("I2", D("50"), "", D("60"))]),
        ("S2", [("I3", None, "A", D("71.74"))]),
        ("S3", [("I4", D("10"), "", None)]),
    ]
    for n, (kode_s, indikator) in enumerate(data):
        sasaran = Sasaran.objects.create(revisi=revisi, kode=kode_s, nama=f"Sasaran {kode_s}", urutan=n)
        for m, (kode, target, huruf, realisasi) in enumerate(indikator):
            ind = Indikator.objects.create(
                sasaran=sasaran, kode=kode, nama=f"Indikator {kode}", satuan="nilai", urutan=m, iku=True
            )
            Target.objects.create(indikator=ind, tahun=TAHUN, nilai=target, nilai_kualitatif=huruf)
            Target.objects.create(indikator=ind, tahun=2024, nilai=target, nilai_kualitatif=huruf)
            if realisasi is not None:
                Realisasi.objects.create(indikator=ind, tahun=TAHUN, nilai=realisasi)
    program = MataAnggaran.objects.create(unit=unit, tahun=TAHUN, kode="01", nama="Program", jenis="program")
    PaguRevisi.objects.create(mata_anggaran=program, berlaku_mulai=f"{TAHUN}-01-01", nilai=D("2000000000"))
    komponen = MataAnggaran.objects.create(
        unit=unit,
        tahun=TAHUN,
        kode="01.1",
        nama="Komponen",
        jenis="komponen",
        induk=program,
        realisasi_tahunan=D("1500000000"),
    )
    PaguRevisi.objects.create(mata_anggaran=komponen, berlaku_mulai=f"{TAHUN}-01-01", nilai=D("2000000000"))
    # A monthly figure also exists: the yearly one wins.
    RealisasiAnggaran.objects.create(mata_anggaran=komponen, bulan=3, nilai=D("100000000"))
    for golongan, jumlah in (("iv", 3), ("iii", 12), ("ii", 5), ("", 2)):
        KomposisiPegawai.objects.create(unit=unit, tahun=TAHUN, jenis="asn", golongan=golongan, jumlah=jumlah)
    KomposisiPegawai.objects.create(unit=unit, tahun=TAHUN, jenis="honorer", jumlah=4)
    return unit
