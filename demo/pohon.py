"""Demo data of the performance tree and of a parent's consolidated report (`../shared/docs/siklus.md` §2).

The reference report (LKj 2018 Biro Kerja Sama) gives three levels — BPOM (Gambar 3), Sekretariat Utama
(Gambar 4), Biro Kerja Sama (Gambar 5) — their names and heads, and the Biro's sasaran, IKU, figures and budget.
Everything else is DEMO DATA, NOT FROM THE REFERENCE, and is marked "(demo)" in its name: the parents' Renstra,
sasaran and indikator, the sibling bureau (Biro Hukum dan Organisasi (demo)) with its figures and budget, the
positions below the Kepala Biro and their holders, the numerators and denominators of the Biro's percentage,
the tree nodes, cause–effect links, crosscutting, and the approval of both bureaus' 2018.

`muat_pohon_demo()` is idempotent (natural keys; a row is written only when it differs) and runs in one
transaction; it ends by consolidating Sekretariat Utama's 2018 (`pohon.konsolidasi`), so its report shows the
Biro's contribution with the Biro's own capaian figures.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from anggaran.enums import JenisMataAnggaran
from anggaran.models import MataAnggaran, PaguRevisi
from indikator.enums import LevelSasaran, Peran, Perspektif, StatusPeriode, SumberTarget
from indikator.models import (
    Indikator,
    KepalaUnit,
    PeriodeUnit,
    Realisasi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    Target,
    UnitKerja,
)
from indikator.periode import potret_profil
from pohon.enums import (
    DasarBobot,
    Eselon,
    JenisCascading,
    JenisHasil,
    JenisMitra,
    MetodeAgregasi,
    PeranMitra,
    StatusCrosscutting,
    Tingkat,
)
from pohon.konsolidasi import baca_konsolidasi, konsolidasikan_tahun, simpan_aturan
from pohon.models import (
    AgregasiIndikator,
    Crosscutting,
    Jabatan,
    NodeAnggaran,
    NodeIndikator,
    NodeKinerja,
    PemegangJabatan,
    RasioRealisasi,
    SumberAgregasi,
    TautanStrategi,
)

TAHUN = 2018
BIRO = "biro-kerja-sama"
SESTAMA = "sekretariat-utama"
BPOM = "bpom"
SAUDARA = "biro-hukum-organisasi-demo"
D = Decimal

P = Perspektif
# Sasaran (kode, perspektif, nama, [(kode, nama, satuan, target 2018, realisasi 2018 or None)]) of the parents.
SASARAN_BPOM = [
    (
        "SS1",
        P.STAKEHOLDER,
        "Meningkatnya efektivitas pengawasan Obat dan Makanan (demo)",
        [("IKSS1", "Indeks efektivitas pengawasan Obat dan Makanan (demo)", "indeks", "70", None)],
    ),
    (
        "SS2",
        P.CUSTOMER,
        "Meningkatnya kerja sama dan kemitraan pengawasan Obat dan Makanan (demo)",
        [("IKSS2", "Jumlah kerja sama pengawasan yang efektif (demo)", "dokumen", "150", None)],
    ),
    (
        "SS3",
        P.INTERNAL_PROCESS,
        "Meningkatnya kualitas dukungan manajemen BPOM (demo)",
        [("IKSS3", "Indeks kepuasan internal terhadap dukungan manajemen BPOM (demo)", "indeks", "75", None)],
    ),
    (
        "SS4",
        P.LEARNING_GROWTH,
        "Meningkatnya akuntabilitas kinerja BPOM (demo)",
        [("IKSS4", "Nilai AKIP BPOM (demo)", "nilai", "80", None)],
    ),
]
SASARAN_SESTAMA = [
    (
        "SP1",
        P.CUSTOMER,
        "Meningkatnya kerja sama BPOM (demo)",
        [
            ("IKP1", "Jumlah dokumen kerja sama BPOM (demo)", "dokumen", "130", None),
            ("IKP2", "Persentase kerja sama yang ditindaklanjuti secara efektif (demo)", "%", "70", None),
        ],
    ),
    (
        "SP2",
        P.INTERNAL_PROCESS,
        "Meningkatnya kualitas layanan dukungan manajemen Sekretariat Utama (demo)",
        [
            (
                "IKP3",
                "Indeks kepuasan internal terhadap layanan dukungan manajemen Sekretariat Utama (demo)",
                "indeks",
                "75",
                None,
            )
        ],
    ),
    (
        "SP3",
        P.LEARNING_GROWTH,
        "Meningkatnya akuntabilitas kinerja unit di lingkungan Sekretariat Utama (demo)",
        [("IKP4", "Rata-rata nilai AKIP biro di lingkungan Sekretariat Utama (demo)", "nilai", "78", None)],
    ),
]
SASARAN_SAUDARA = [
    (
        "SK1",
        P.CUSTOMER,
        "Meningkatnya kepastian hukum kerja sama BPOM (demo)",
        [
            ("IK1", "Jumlah dokumen kerja sama yang ditelaah aspek hukumnya (demo)", "dokumen", "40", "42"),
            ("IK2", "Persentase naskah kerja sama yang selesai ditelaah tepat waktu (demo)", "%", "80", "75"),
        ],
    ),
    (
        "SK2",
        P.INTERNAL_PROCESS,
        "Meningkatnya kepuasan internal terhadap layanan hukum dan organisasi (demo)",
        [("IK3", "Indeks kepuasan internal terhadap layanan hukum dan organisasi (demo)", "indeks", "75", "76.5")],
    ),
    (
        "SK3",
        P.LEARNING_GROWTH,
        "Terwujudnya RB Biro Hukum dan Organisasi (demo)",
        [("IK4", "Nilai AKIP Biro Hukum dan Organisasi (demo)", "nilai", "78", "79.1")],
    ),
]
# Numerator and denominator of the percentage indikator in 2018 (demo: the reference gives only the Biro's 70,3 %).
RASIO = {(BIRO, "IKU4"): ("71", "101"), (SAUDARA, "IK2"): ("45", "60")}
# Sestama's consolidation rules: indikator → (method, weight basis, [(unit, source indikator)]).
ATURAN = {
    "IKP1": (MetodeAgregasi.JUMLAH, "", [(BIRO, "IKU3"), (SAUDARA, "IK1")]),
    "IKP2": (MetodeAgregasi.RASIO_JUMLAH, "", [(BIRO, "IKU4"), (SAUDARA, "IK2")]),
    "IKP3": (MetodeAgregasi.RATA_TERTIMBANG, DasarBobot.PAGU, [(BIRO, "IKU1"), (SAUDARA, "IK3")]),
    "IKP4": (MetodeAgregasi.RATA_RATA, "", [(BIRO, "IKU8"), (SAUDARA, "IK4")]),
}
# Budget (demo) of the sibling bureau and of Sestama itself: (kode, jenis, nama, pagu, realisasi).
ANGGARAN = {
    SAUDARA: [
        ("001", JenisMataAnggaran.PROGRAM, "Dukungan hukum dan organisasi (demo)", None, None),
        ("001.1", JenisMataAnggaran.KOMPONEN, "Telaah hukum naskah kerja sama (demo)", "750000000", "690000000"),
        ("001.2", JenisMataAnggaran.KOMPONEN, "Penataan organisasi dan tata laksana (demo)", "500000000", "455000000"),
    ],
    SESTAMA: [
        ("001", JenisMataAnggaran.PROGRAM, "Dukungan manajemen Sekretariat Utama (demo)", None, None),
        (
            "001.1",
            JenisMataAnggaran.KOMPONEN,
            "Koordinasi biro di lingkungan Sekretariat Utama (demo)",
            "1200000000",
            "1100000000",
        ),
    ],
}


def _simpan(model, kunci: dict, nilai: dict | None = None):
    """Find by natural key; create, or write only the fields that differ (no history record when unchanged)."""
    nilai = nilai or {}
    obj = model.objects.filter(**kunci).first()
    if obj is None:
        return model.objects.create(**kunci, **nilai)
    berubah = [k for k, v in nilai.items() if getattr(obj, k) != v]
    if berubah:
        for k in berubah:
            setattr(obj, k, nilai[k])
        obj.save(update_fields=berubah)
    return obj


def _renstra(
    unit: UnitKerja, skema, sasaran_list, *, level: str
) -> tuple[Renstra, dict[str, Sasaran], dict[str, Indikator]]:
    renstra = _simpan(
        Renstra,
        {"unit": unit, "nama": f"Rencana Strategis {unit.nama} 2015–2019 (data demo, bukan dari laporan rujukan)"},
        {"tahun_mulai": 2015, "tahun_selesai": 2019, "skema": skema},
    )
    revisi = _simpan(
        RevisiRenstra,
        {"renstra": renstra, "nomor": 0},
        {"nama": "Renstra 2015–2019 (demo)", "berlaku_mulai": 2015, "berlaku_sampai": 2019},
    )
    sasaran, indikator = {}, {}
    for urut, (kode, perspektif, nama, daftar) in enumerate(sasaran_list, start=1):
        s = _simpan(
            Sasaran,
            {"revisi": revisi, "kode": kode},
            {"nama": nama, "perspektif": perspektif, "urutan": urut, "level": level},
        )
        sasaran[kode] = s
        for u2, (ik, nama_i, satuan, target, real) in enumerate(daftar, start=1):
            i = _simpan(
                Indikator, {"sasaran": s, "kode": ik}, {"nama": nama_i, "satuan": satuan, "iku": True, "urutan": u2}
            )
            indikator[ik] = i
            _simpan(Target, {"indikator": i, "tahun": TAHUN, "sumber": SumberTarget.RENSTRA}, {"nilai": D(target)})
            if real is not None:
                _simpan(Realisasi, {"indikator": i, "tahun": TAHUN, "triwulan": None}, {"nilai": D(real)})
    return renstra, sasaran, indikator


def _anggaran(unit: UnitKerja, baris) -> dict[str, MataAnggaran]:
    hasil: dict[str, MataAnggaran] = {}
    for urut, (kode, jenis, nama, pagu, real) in enumerate(baris):
        induk = hasil.get(kode.rpartition(".")[0]) if "." in kode else None
        m = _simpan(
            MataAnggaran,
            {"unit": unit, "tahun": TAHUN, "kode": kode},
            {
                "nama": nama,
                "jenis": jenis,
                "induk": induk,
                "urutan": urut,
                "realisasi_tahunan": D(real) if real else None,
            },
        )
        if pagu:
            _simpan(
                PaguRevisi, {"mata_anggaran": m, "revisi_ke": 0}, {"berlaku_mulai": date(TAHUN, 1, 1), "nilai": D(pagu)}
            )
        hasil[kode] = m
    return hasil


def _jabatan(unit, nama, eselon, atasan=None, urutan=0) -> Jabatan:
    return _simpan(Jabatan, {"unit": unit, "nama": nama}, {"eselon": eselon, "atasan": atasan, "urutan": urutan})


def _pemegang(jabatan, nama, mulai, selesai=None, nip="", plt=False) -> None:
    _simpan(
        PemegangJabatan,
        {"jabatan": jabatan, "nama": nama, "mulai": mulai},
        {"selesai": selesai, "nip": nip, "plt": plt},
    )


def _pemegang_dari_kepala(jabatan: Jabatan, unit: UnitKerja) -> None:
    """The holders of a unit's head position: the unit's heads from the reference."""
    for k in KepalaUnit.objects.filter(unit=unit).order_by("mulai"):
        _pemegang(jabatan, k.nama_bergelar or k.nama, k.mulai, k.selesai, k.nip)


def _node(
    unit,
    renstra,
    kode,
    tingkat,
    uraian,
    *,
    induk=None,
    sasaran=None,
    pemilik=None,
    perspektif="",
    jenis=JenisHasil.OUTCOME,
    indikator=(),
    urutan=0,
) -> NodeKinerja:
    n = _simpan(
        NodeKinerja,
        {"unit": unit, "renstra": renstra, "kode": kode},
        {
            "tingkat": tingkat,
            "uraian": uraian,
            "induk": induk,
            "sasaran": sasaran,
            "pemilik": pemilik,
            "perspektif": perspektif or (sasaran.perspektif if sasaran else ""),
            "jenis_hasil": jenis,
            "cascading": JenisCascading.PENUH
            if induk is not None and induk.unit_id != unit.pk
            else (JenisCascading.SEBAGIAN if induk is not None else ""),
            "urutan": urutan,
        },
    )
    for i in indikator:
        _simpan(NodeIndikator, {"node": n, "indikator": i})
    return n


def _tautan(*pasangan) -> None:
    for dari, ke in pasangan:
        _simpan(TautanStrategi, {"dari": dari, "ke": ke})


def _sahkan(unit: UnitKerja) -> None:
    """The year approved (demo): a bulk load sets the state the workflow would reach, with the profile kept."""
    p = PeriodeUnit.objects.filter(unit=unit, tahun=TAHUN).first()
    if p is not None and p.final:
        return
    PeriodeUnit.objects.update_or_create(
        unit=unit,
        tahun=TAHUN,
        defaults={
            "status": StatusPeriode.DISAHKAN,
            "profil_disahkan": potret_profil(unit, TAHUN),
            "diubah_oleh": _pengesah(unit),
            "komentar": "Disahkan oleh data demo (agar konsolidasi Sekretariat Utama 2018 dapat dihitung).",
        },
    )


def _pengesah(unit: UnitKerja):
    """Who the approval names: the unit's head account (pimpinan), else an administrator; None before any account."""
    User = get_user_model()
    return (
        User.objects.filter(keanggotaan__unit=unit, keanggotaan__peran=Peran.PIMPINAN).order_by("pk").first()
        or User.objects.filter(is_superuser=True).order_by("pk").first()
    )


@transaction.atomic
def muat_pohon_demo() -> UnitKerja | None:
    """Load the demo tree and consolidate Sekretariat Utama's 2018; None when the reference is not loaded."""
    biro = UnitKerja.objects.filter(slug=BIRO).first()
    sestama = UnitKerja.objects.filter(slug=SESTAMA).first()
    bpom = UnitKerja.objects.filter(slug=BPOM).first()
    if biro is None or sestama is None or bpom is None:
        return None
    renstra_biro = (
        Renstra.objects.filter(unit=biro, tahun_mulai__lte=TAHUN, tahun_selesai__gte=TAHUN)
        .order_by("-tahun_mulai")
        .first()
    )
    revisi_biro = (
        RevisiRenstra.objects.filter(renstra=renstra_biro, berlaku_mulai__lte=TAHUN, berlaku_sampai__gte=TAHUN)
        .order_by("-nomor")
        .first()
    )
    skema = renstra_biro.skema
    sasaran_biro = {s.kode: s for s in Sasaran.objects.filter(revisi=revisi_biro)}
    ind_biro = {i.kode: i for i in Indikator.objects.filter(sasaran__revisi=revisi_biro)}

    saudara = _simpan(
        UnitKerja,
        {"slug": SAUDARA},
        {
            "nama": "Biro Hukum dan Organisasi (demo)",
            "singkatan": "Biro HO (demo)",
            "induk": sestama,
            "instansi": biro.instansi,
            "kota": biro.kota,
            "urutan": 2,
        },
    )
    if biro.urutan != 1:
        UnitKerja.objects.filter(pk=biro.pk).update(urutan=1)
    _simpan(
        KepalaUnit,
        {"unit": saudara, "nama": "Kepala Biro Hukum dan Organisasi (demo)"},
        {"jabatan": "Kepala Biro Hukum dan Organisasi", "mulai": date(2015, 1, 1)},
    )
    renstra_bpom, sas_bpom, _ind_bpom = _renstra(bpom, skema, SASARAN_BPOM, level=LevelSasaran.STRATEGIS)
    renstra_ses, sas_ses, ind_ses = _renstra(sestama, skema, SASARAN_SESTAMA, level=LevelSasaran.PROGRAM)
    renstra_sdr, sas_sdr, ind_sdr = _renstra(saudara, skema, SASARAN_SAUDARA, level=LevelSasaran.KEGIATAN)
    ind_sumber = {BIRO: ind_biro, SAUDARA: ind_sdr}
    for (slug, kode), (p, q) in RASIO.items():
        _simpan(
            RasioRealisasi, {"indikator": ind_sumber[slug][kode], "tahun": TAHUN}, {"pembilang": D(p), "penyebut": D(q)}
        )
    mata = {SAUDARA: _anggaran(saudara, ANGGARAN[SAUDARA]), SESTAMA: _anggaran(sestama, ANGGARAN[SESTAMA])}
    mata_biro = {m.kode: m for m in MataAnggaran.objects.filter(unit=biro, tahun=TAHUN)}

    # Positions and holders.
    kepala_bpom = _jabatan(bpom, "Kepala Badan POM", Eselon.I)
    _pemegang(kepala_bpom, "Pejabat Kepala Badan POM (demo)", date(2016, 1, 1))
    sestama_j = _jabatan(sestama, "Sekretaris Utama", Eselon.I, kepala_bpom)
    _pemegang_dari_kepala(sestama_j, sestama)
    kabiro = _jabatan(biro, "Kepala Biro Kerja Sama", Eselon.II, sestama_j)
    _pemegang_dari_kepala(kabiro, biro)
    kabag = {}
    for i, (k, nama) in enumerate(
        [
            ("bil", "Kepala Bagian Kerja Sama Bilateral (demo)"),
            ("reg", "Kepala Bagian Kerja Sama Regional dan Multilateral (demo)"),
            ("dn", "Kepala Bagian Kerja Sama Dalam Negeri dan Tata Usaha (demo)"),
        ],
        start=1,
    ):
        kabag[k] = _jabatan(biro, nama, Eselon.III, kabiro, i)
        _pemegang(kabag[k], f"Pejabat {nama}", date(2018, 1, 2), nip=f"19750101 200001 1 00{i}")
    kasubbag = {}
    for i, (k, atas, nama) in enumerate(
        [
            ("bil1", "bil", "Kepala Subbagian Kerja Sama Bilateral I (demo)"),
            ("reg1", "reg", "Kepala Subbagian Kerja Sama Regional (demo)"),
            ("dn1", "dn", "Kepala Subbagian Kerja Sama Dalam Negeri (demo)"),
        ],
        start=1,
    ):
        kasubbag[k] = _jabatan(biro, nama, Eselon.IV, kabag[atas], i)
        _pemegang(kasubbag[k], f"Pejabat {nama}", date(2018, 1, 2), plt=k == "reg1")
    staf = {}
    for i, (k, atas, nama) in enumerate(
        [
            ("analis1", "bil1", "Analis Kerja Sama Bilateral (demo)"),
            ("analis2", "dn1", "Analis Kerja Sama Dalam Negeri (demo)"),
        ],
        start=1,
    ):
        staf[k] = _jabatan(biro, nama, Eselon.PELAKSANA, kasubbag[atas], i)
        _pemegang(staf[k], f"Pegawai {nama}", date(2017, 1, 2))
    kabiro_sdr = _jabatan(saudara, "Kepala Biro Hukum dan Organisasi (demo)", Eselon.II, sestama_j)
    _pemegang(kabiro_sdr, "Kepala Biro Hukum dan Organisasi (demo)", date(2015, 1, 1))
    kabag_sdr = _jabatan(saudara, "Kepala Bagian Hukum (demo)", Eselon.III, kabiro_sdr)
    _pemegang(kabag_sdr, "Pejabat Kepala Bagian Hukum (demo)", date(2018, 1, 2))
    kasub_sdr = _jabatan(saudara, "Kepala Subbagian Telaah Hukum Kerja Sama (demo)", Eselon.IV, kabag_sdr)
    _pemegang(kasub_sdr, "Pejabat Kepala Subbagian Telaah Hukum (demo)", date(2018, 1, 2))

    # Level 0: BPOM (Gambar 3), Sasaran Strategis with their cause–effect links.
    ss = {
        k: _node(
            bpom,
            renstra_bpom,
            k,
            Tingkat.SS,
            s.nama,
            sasaran=s,
            pemilik=kepala_bpom,
            jenis=JenisHasil.DAMPAK if k == "SS1" else JenisHasil.OUTCOME,
            indikator=list(s.indikator.all()),
            urutan=i,
        )
        for i, (k, s) in enumerate(sas_bpom.items())
    }
    _tautan((ss["SS4"], ss["SS3"]), (ss["SS3"], ss["SS2"]), (ss["SS2"], ss["SS1"]))
    # Level 1: Sekretariat Utama (Gambar 4), Sasaran Program under BPOM's SS.
    induk_sp = {"SP1": "SS2", "SP2": "SS3", "SP3": "SS4"}
    sp = {
        k: _node(
            sestama,
            renstra_ses,
            k,
            Tingkat.SP,
            s.nama,
            induk=ss[induk_sp[k]],
            sasaran=s,
            pemilik=sestama_j,
            indikator=list(s.indikator.all()),
            urutan=i,
        )
        for i, (k, s) in enumerate(sas_ses.items())
    }
    _tautan((sp["SP3"], sp["SP2"]), (sp["SP2"], sp["SP1"]))
    # Level 2: Biro Kerja Sama (Gambar 5): its 2018 sasaran (the reference's) as SK nodes under Sestama's SP.
    induk_sk = {"SP1": "SP2", "SP2": "SP1", "SP3": "SP1", "SP4": "SP1", "SP5": "SP1", "SP6": "SP3"}
    sk = {
        k: _node(
            biro,
            renstra_biro,
            f"SK-{k}",
            Tingkat.SK,
            s.nama,
            induk=sp[induk_sk[k]],
            sasaran=s,
            pemilik=kabiro,
            indikator=list(s.indikator.all()),
            urutan=i,
        )
        for i, (k, s) in enumerate(sorted(sasaran_biro.items()))
        if k in induk_sk
    }
    _tautan((sk["SP6"], sk["SP4"]), (sk["SP4"], sk["SP3"]), (sk["SP3"], sk["SP1"]), (sk["SP5"], sk["SP2"]))
    # Below the Biro: Eselon III, IV and individual results (demo), budget at the leaves.
    es3 = {
        "bil": _node(
            biro,
            renstra_biro,
            "ES3-BIL",
            Tingkat.ESELON_III,
            "Terlaksananya kerja sama bilateral yang efektif (demo)",
            induk=sk["SP3"],
            pemilik=kabag["bil"],
            jenis=JenisHasil.OUTCOME_ANTARA,
            urutan=1,
        ),
        "reg": _node(
            biro,
            renstra_biro,
            "ES3-REG",
            Tingkat.ESELON_III,
            "Terlaksananya dukungan regulatori di kawasan selatan-selatan (demo)",
            induk=sk["SP5"],
            pemilik=kabag["reg"],
            jenis=JenisHasil.OUTCOME_ANTARA,
            urutan=2,
        ),
        "dn": _node(
            biro,
            renstra_biro,
            "ES3-DN",
            Tingkat.ESELON_III,
            "Terkoordinasinya kerja sama dalam negeri (demo)",
            induk=sk["SP4"],
            pemilik=kabag["dn"],
            jenis=JenisHasil.OUTCOME_ANTARA,
            urutan=3,
        ),
    }
    es4 = {
        "bil1": (
            _node(
                biro,
                renstra_biro,
                "ES4-BIL1",
                Tingkat.ESELON_IV,
                "Tersusunnya posisi dan kajian kerja sama bilateral (demo)",
                induk=es3["bil"],
                pemilik=kasubbag["bil1"],
                jenis=JenisHasil.OUTPUT,
                urutan=1,
            ),
            ["001.1.01", "001.1.02"],
        ),
        "reg1": (
            _node(
                biro,
                renstra_biro,
                "ES4-REG1",
                Tingkat.ESELON_IV,
                "Terselenggaranya workshop kapasitas regulatori (demo)",
                induk=es3["reg"],
                pemilik=kasubbag["reg1"],
                jenis=JenisHasil.OUTPUT,
                urutan=2,
            ),
            ["002.1.02", "002.2.01"],
        ),
        "dn1": (
            _node(
                biro,
                renstra_biro,
                "ES4-DN1",
                Tingkat.ESELON_IV,
                "Termonitornya pelaksanaan MoU dalam negeri (demo)",
                induk=es3["dn"],
                pemilik=kasubbag["dn1"],
                jenis=JenisHasil.OUTPUT,
                urutan=3,
            ),
            ["001.3.04"],
        ),
    }
    for node, kode in es4.values():
        for k in kode:
            if k in mata_biro:
                _simpan(NodeAnggaran, {"node": node, "mata_anggaran": mata_biro[k]}, {"tahun": TAHUN})
    rhk = {
        "analis1": (
            _node(
                biro,
                renstra_biro,
                "RHK-1",
                Tingkat.RHK,
                "Tersusunnya kajian kerja sama bilateral (RHK demo)",
                induk=es4["bil1"][0],
                pemilik=staf["analis1"],
                jenis=JenisHasil.OUTPUT,
                urutan=1,
            ),
            "001.1.03",
        ),
        "analis2": (
            _node(
                biro,
                renstra_biro,
                "RHK-2",
                Tingkat.RHK,
                "Tersusunnya pedoman kerja sama dalam negeri (RHK demo)",
                induk=es4["dn1"][0],
                pemilik=staf["analis2"],
                jenis=JenisHasil.OUTPUT,
                urutan=2,
            ),
            "001.3.01",
        ),
    }
    for node, kode in rhk.values():
        if kode in mata_biro:
            _simpan(NodeAnggaran, {"node": node, "mata_anggaran": mata_biro[kode]}, {"tahun": TAHUN})
    # The sibling bureau (demo) under the same Sasaran Program.
    induk_sdr = {"SK1": "SP1", "SK2": "SP2", "SK3": "SP3"}
    sk_sdr = {
        k: _node(
            saudara,
            renstra_sdr,
            k,
            Tingkat.SK,
            s.nama,
            induk=sp[induk_sdr[k]],
            sasaran=s,
            pemilik=kabiro_sdr,
            indikator=list(s.indikator.all()),
            urutan=i,
        )
        for i, (k, s) in enumerate(sas_sdr.items())
    }
    _tautan((sk_sdr["SK3"], sk_sdr["SK2"]), (sk_sdr["SK2"], sk_sdr["SK1"]))
    es3_sdr = _node(
        saudara,
        renstra_sdr,
        "ES3-HUK",
        Tingkat.ESELON_III,
        "Tertelaahnya aspek hukum naskah kerja sama (demo)",
        induk=sk_sdr["SK1"],
        pemilik=kabag_sdr,
        jenis=JenisHasil.OUTCOME_ANTARA,
    )
    es4_sdr = _node(
        saudara,
        renstra_sdr,
        "ES4-HUK1",
        Tingkat.ESELON_IV,
        "Tersusunnya telaah hukum naskah kerja sama (demo)",
        induk=es3_sdr,
        pemilik=kasub_sdr,
        jenis=JenisHasil.OUTPUT,
    )
    _simpan(NodeAnggaran, {"node": es4_sdr, "mata_anggaran": mata[SAUDARA]["001.1"]}, {"tahun": TAHUN})
    _simpan(
        NodeAnggaran,
        {"node": es4_sdr, "kode_program": "063.01", "kode_kegiatan": "3165", "kode_kro": "QDB", "kode_ro": "001"},
        {"tahun": TAHUN, "uraian": "Rapat telaah hukum (demo)", "pagu": D("50000000")},
    )
    # Crosscutting: the Biro's follow-up indikator depends on other units (reference line 306) and on Kemlu.
    _simpan(
        Crosscutting,
        {"node": sk["SP3"], "mitra_unit": saudara},
        {
            "peran": PeranMitra.KONTRIBUTOR,
            "kontribusi": "Telaah aspek hukum naskah kerja sama sebelum ditandatangani (demo).",
            "indikator_mitra": ind_sdr["IK1"],
            "status": StatusCrosscutting.DITERIMA,
        },
    )
    _simpan(
        Crosscutting,
        {"node": sk["SP3"], "mitra_nama": "Kementerian Luar Negeri"},
        {
            "mitra_jenis": JenisMitra.KL,
            "peran": PeranMitra.PELAKSANA_BERSAMA,
            "kontribusi": "Fasilitasi diplomatik penandatanganan kerja sama luar negeri (demo).",
            "status": StatusCrosscutting.DITERIMA,
        },
    )

    # Consolidation rules on Sestama's indikator (kept when unchanged), both bureaus' 2018 approved, then run.
    for kode, (metode, dasar, sumber) in ATURAN.items():
        ind = ind_ses[kode]
        daftar = [(ind_sumber[slug][k], None) for slug, k in sumber]
        ada = AgregasiIndikator.objects.filter(indikator=ind).first()
        sama = (
            ada is not None
            and ada.metode == metode
            and ada.dasar_bobot == dasar
            and set(SumberAgregasi.objects.filter(agregasi=ada).values_list("indikator_id", flat=True))
            == {i.pk for i, _b in daftar}
        )
        if not sama:
            simpan_aturan(indikator=ind, metode=metode, dasar_bobot=dasar, sumber=daftar)
    _sahkan(biro)
    _sahkan(saudara)
    if baca_konsolidasi(sestama, TAHUN).usang:
        konsolidasikan_tahun(unit=sestama, tahun=TAHUN)
    return sestama
