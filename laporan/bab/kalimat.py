"""Sentences generated from data that more than one part of the report prints (ringkasan, Bab III, Bab IV)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from umum.format import format_persen, format_rupiah

from ..bundel import Bundel
from .bantu import hitungan, label_kriteria, tanggal


def sasaran_per_kriteria(b: Bundel) -> tuple[tuple[str, int], ...]:
    """Number of sasaran per band of the scheme (every band, zero included), in the scheme's order."""
    hasil = {band.label: 0 for band in b.skema.bands}
    for s in b.ukur.sasaran:
        if s.kriteria is not None:
            hasil[s.kriteria.label] = hasil.get(s.kriteria.label, 0) + 1
    return tuple(hasil.items())


def indikator_kriteria(b: Bundel) -> str:
    n = len(b.ukur.baris)
    rincian = hitungan(tuple(b.ukur.hitung_per_kriteria().items()))
    return ngettext("Dari %(n)s indikator kinerja, %(rincian)s.", "Dari %(n)s indikator kinerja, %(rincian)s.", n) % {
        "n": n,
        "rincian": rincian or _("belum ada yang dapat dinilai"),
    }


def sasaran_kriteria(b: Bundel) -> str:
    n = len([s for s in b.ukur.sasaran if s.baris])
    rincian = hitungan(sasaran_per_kriteria(b))
    return _("Dari %(n)s sasaran, %(rincian)s.") % {"n": n, "rincian": rincian or _("belum ada yang dapat dinilai")}


def cakupan_nko(b: Bundel) -> str:
    """ "NKO dihitung atas 10 dari 11 indikator; tidak dihitung: IK 3 (belum ada data realisasi)." """
    teks = _("NKO dihitung atas %(n)s dari %(total)s indikator") % {
        "n": b.ukur.jumlah_dihitung,
        "total": b.ukur.jumlah_indikator,
    }
    tidak = [
        _("%(kode)s (%(alasan)s)") % {"kode": bp.indikator.kode, "alasan": bp.alasan.label if bp.alasan else "–"}
        for bp in b.ukur.tidak_dihitung
    ]
    if tidak:
        return _("%(cakupan)s; tidak dihitung: %(daftar)s.") % {"cakupan": teks, "daftar": "; ".join(tidak)}
    return teks + "."


def nko(b: Bundel) -> str:
    if not b.ukur.pakai_perspektif:
        teks = _("Nilai Kinerja Organisasi (NKO) tahun %(tahun)s adalah %(nko)s dengan kategori %(kriteria)s.") % {
            "tahun": b.tahun,
            "nko": format_persen(b.ukur.nko),
            "kriteria": label_kriteria(b.ukur.kriteria_nko),
        }
        return f"{teks} {cakupan_nko(b)}"
    bagian = [
        _("%(perspektif)s %(nps)s (%(kriteria)s)")
        % {"perspektif": p.label, "nps": format_persen(p.nps), "kriteria": label_kriteria(p.kriteria)}
        for p in b.ukur.perspektif
    ]
    return _(
        "Nilai Kinerja Organisasi (NKO) tahun %(tahun)s adalah %(nko)s dengan kategori %(kriteria)s, "
        "rata-rata nilai pencapaian sasaran (NPS) per perspektif: %(rincian)s."
    ) % {
        "tahun": b.tahun,
        "nko": format_persen(b.ukur.nko),
        "kriteria": label_kriteria(b.ukur.kriteria_nko),
        "rincian": "; ".join(bagian),
    } + (f" {cakupan_nko(b)}" if b.ukur.tidak_dihitung else "")


def anggaran(b: Bundel) -> str:
    a = b.anggaran
    return _(
        "Pada tahun %(tahun)s, pagu anggaran %(unit)s sebesar %(pagu)s dengan realisasi %(realisasi)s "
        "(%(serapan)s), sehingga sisa anggaran %(sisa)s."
    ) % {
        "tahun": b.tahun,
        "unit": b.unit.nama,
        "pagu": format_rupiah(a.total_pagu),
        "realisasi": format_rupiah(a.total_realisasi),
        "serapan": format_persen(a.total_serapan),
        "sisa": format_rupiah(a.total_sisa),
    }


def anggaran_pk(b: Bundel) -> str | None:
    """The change of the budget between the first and the last PK version, when it changed."""
    nilai = [(v, v.anggaran) for v in b.versi_pk if v.anggaran is not None]
    if len(nilai) < 2 or nilai[0][1] == nilai[-1][1]:
        return None
    (v0, a0), (v1, a1) = nilai[0], nilai[-1]
    return _(
        "Anggaran dalam Perjanjian Kinerja berubah dari %(awal)s (berlaku %(mulai_awal)s) menjadi %(akhir)s "
        "(berlaku %(mulai_akhir)s)."
    ) % {
        "awal": format_rupiah(a0),
        "mulai_awal": tanggal(v0.berlaku_mulai),
        "akhir": format_rupiah(a1),
        "mulai_akhir": tanggal(v1.berlaku_mulai),
    }


# ---------------------------------------------------------------------- first drafts of narrative sections
# Generated from the unit's data for a section nobody has written yet: the narrative editor offers the text as a
# proposal the planner reviews and saves; a draft report prints it under PENANDA_DRAF. Submitting and approving
# are refused while a mandatory section has no saved text, so a final report never prints an unreviewed draft.


def penanda_draf() -> str:
    return _("Draf otomatis — tinjau sebelum disahkan")


def _nama_unit(b: Bundel) -> str:
    u = b.unit
    return f"{u.nama} ({u.singkatan})" if u.singkatan else u.nama


def _kode_indikator(baris) -> str:
    return ", ".join(f"{x.indikator.kode} {x.indikator.nama}" for x in baris)


def _draf_kata_pengantar(b: Bundel) -> str:
    return "\n\n".join(
        (
            _(
                "Puji syukur kami panjatkan ke hadirat Tuhan Yang Maha Esa atas tersusunnya Laporan Kinerja %(unit)s "
                "Tahun %(tahun)s. Laporan ini merupakan wujud pertanggungjawaban atas pelaksanaan tugas dan fungsi "
                "serta pencapaian sasaran yang ditetapkan dalam Perjanjian Kinerja Tahun %(tahun)s dan Rencana "
                "Strategis %(mulai)s–%(selesai)s."
            )
            % {
                "unit": _nama_unit(b),
                "tahun": b.tahun,
                "mulai": b.renstra.tahun_mulai,
                "selesai": b.renstra.tahun_selesai,
            },
            _(
                "Laporan ini menyajikan capaian %(n)s indikator kinerja dari %(m)s sasaran beserta realisasi "
                "anggarannya."
            )
            % {"n": len(b.ukur.baris), "m": len([s for s in b.ukur.sasaran if s.baris])}
            + " "
            + nko(b),
            _(
                "Semoga laporan ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja %(unit)s pada tahun-tahun "
                "berikutnya."
            )
            % {"unit": b.unit.nama},
        )
    )


def _draf_pendahuluan(b: Bundel) -> str:
    if b.unit_induk is not None:
        kedudukan = _("%(unit)s merupakan unit kerja di bawah %(induk)s.") % {
            "unit": _nama_unit(b),
            "induk": b.unit_induk.nama,
        }
    else:
        kedudukan = _("%(unit)s menyusun laporan ini sebagai instansi pemerintah.") % {"unit": _nama_unit(b)}
    return (
        kedudukan
        + " "
        + _(
            "Laporan Kinerja Tahun %(tahun)s disusun untuk menyajikan capaian kinerja %(unit)s atas Perjanjian "
            "Kinerja Tahun %(tahun)s sebagai bagian dari Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)."
        )
        % {"tahun": b.tahun, "unit": b.unit.nama}
    )


def _draf_maksud_tujuan(b: Bundel) -> str:
    return "\n\n".join(
        (
            _(
                "Laporan Kinerja ini disusun dengan maksud menyajikan capaian kinerja %(unit)s tahun %(tahun)s secara "
                "transparan dan akuntabel, dengan tujuan:"
            )
            % {"unit": b.unit.nama, "tahun": b.tahun},
            "1. "
            + _("memberikan informasi kinerja yang terukur kepada pimpinan dan pemangku kepentingan;")
            + "\n2. "
            + _("menjadi bahan evaluasi dan perbaikan perencanaan serta pelaksanaan program tahun berikutnya."),
        )
    )


def _draf_sdm(b: Bundel) -> str | None:
    if not b.pegawai:
        return None
    n = sum(p.jumlah for p in b.pegawai)
    return ngettext(
        "Pada tahun %(tahun)s, %(unit)s didukung oleh %(n)s pegawai; rinciannya disajikan pada tabel berikut.",
        "Pada tahun %(tahun)s, %(unit)s didukung oleh %(n)s pegawai; rinciannya disajikan pada tabel berikut.",
        n,
    ) % {"tahun": b.tahun, "unit": b.unit.nama, "n": n}


def _draf_potensi(b: Bundel) -> str:
    tercapai = [x for x in b.ukur.baris if x.capaian is not None and x.capaian >= 100]
    belum = [x for x in b.ukur.baris if x.capaian is not None and x.capaian < 100]
    kalimat = []
    if tercapai:
        kalimat.append(
            _("Potensi: %(n)s indikator mencapai atau melampaui target (%(daftar)s).")
            % {"n": len(tercapai), "daftar": _kode_indikator(tercapai)}
        )
    if belum:
        kalimat.append(
            _("Permasalahan: %(n)s indikator belum mencapai target (%(daftar)s).")
            % {"n": len(belum), "daftar": _kode_indikator(belum)}
        )
    if not kalimat:
        kalimat.append(
            _("Capaian indikator tahun %(tahun)s belum dapat dinilai; potensi dan permasalahan belum tergambar.")
            % {"tahun": b.tahun}
        )
    return "\n\n".join(kalimat)


def _draf_sistematika(b: Bundel) -> str:
    return "\n".join(
        (
            _("Laporan Kinerja ini disajikan dengan sistematika sebagai berikut:"),
            "",
            "- " + _("Bab I Pendahuluan: kedudukan, tugas dan fungsi, sumber daya manusia, potensi dan permasalahan."),
            "- "
            + _("Bab II Perencanaan Kinerja: Rencana Strategis dan Perjanjian Kinerja tahun %(tahun)s.")
            % {"tahun": b.tahun},
            "- " + _("Bab III Akuntabilitas Kinerja: capaian kinerja, analisisnya, dan akuntabilitas keuangan."),
            "- " + _("Bab IV Penutup: kesimpulan dan saran."),
        )
    )


def _draf_kesimpulan(b: Bundel) -> str:
    return f"{nko(b)} {anggaran(b)}"


def _draf_saran(b: Bundel) -> str:
    belum = [x for x in b.ukur.baris if x.capaian is not None and x.capaian < 100]
    if belum:
        return _(
            "Kinerja tahun berikutnya perlu ditingkatkan terutama pada indikator yang belum mencapai target: "
            "%(daftar)s."
        ) % {"daftar": _kode_indikator(belum)}
    return _(
        "Capaian yang telah memenuhi target perlu dipertahankan dan target tahun berikutnya ditetapkan lebih menantang."
    )


def _draf_penutup(b: Bundel) -> str:
    return _(
        "Demikian Laporan Kinerja %(unit)s Tahun %(tahun)s ini disusun sebagai pertanggungjawaban kinerja dan bahan "
        "perbaikan berkelanjutan."
    ) % {"unit": b.unit.nama, "tahun": b.tahun}


DRAF = {
    "kata_pengantar": _draf_kata_pengantar,
    "bab1_pendahuluan": _draf_pendahuluan,
    "bab1_maksud_tujuan": _draf_maksud_tujuan,
    "bab1_sdm": _draf_sdm,
    "bab1_potensi_permasalahan": _draf_potensi,
    "bab1_sistematika": _draf_sistematika,
    "bab4_kesimpulan": _draf_kesimpulan,
    "bab4_saran": _draf_saran,
    "penutup": _draf_penutup,
}


def draf_narasi(b: Bundel, kunci: str) -> str | None:
    """The first draft of a general section (Markdown), None when the section has no generator or no data."""
    fungsi = DRAF.get(kunci)
    return fungsi(b) if fungsi is not None else None
