"""Planning and measurement models (domain guide §1–§4), one module per part of the domain.

Models store raw inputs only; every derived number (capaian, kriteria, NPS, NKO, ...) is computed by
`indikator.formulas` through `indikator.queries`.
"""

from .kinerja import BuktiDukung, KomponenNilaiAkip, NilaiAkip, Realisasi
from .organisasi import Keanggotaan, KepalaUnit, KomposisiPegawai, PeriodeUnit, SandiSementara, UnitKerja
from .rencana import (
    BarisPK,
    Indikator,
    NilaiTarget,
    PerjanjianKinerja,
    RencanaAksi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    Target,
    Tujuan,
    VersiPK,
)
from .skema import ANGKA, BandKriteria, BobotPerspektif, NilaiSkala, SkalaKualitatif, SkemaPenilaian
from .surel import SurelGagal

__all__ = [
    "ANGKA",
    "BandKriteria",
    "BarisPK",
    "BobotPerspektif",
    "BuktiDukung",
    "Indikator",
    "Keanggotaan",
    "KepalaUnit",
    "KomponenNilaiAkip",
    "KomposisiPegawai",
    "NilaiAkip",
    "NilaiSkala",
    "NilaiTarget",
    "PerjanjianKinerja",
    "PeriodeUnit",
    "Realisasi",
    "RencanaAksi",
    "Renstra",
    "RevisiRenstra",
    "SandiSementara",
    "Sasaran",
    "SkalaKualitatif",
    "SkemaPenilaian",
    "SurelGagal",
    "Target",
    "Tujuan",
    "UnitKerja",
    "VersiPK",
]
