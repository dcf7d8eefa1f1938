"""Load the reference data (fixtures/referensi/*.json, fixtures/narasi/...) into the database.

Idempotent: every object is found by its natural key and updated in place, so loading twice changes nothing.
Only raw inputs are loaded; every derived number is computed by the formulas.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.db import transaction

from anggaran.models import AlokasiRenstra, MataAnggaran, PaguRevisi, RealisasiAnggaran, SubKegiatan
from indikator.models import (
    BarisPK,
    Indikator,
    KepalaUnit,
    KomposisiPegawai,
    NilaiAkip,
    PerjanjianKinerja,
    Realisasi,
    RencanaAksi,
    Renstra,
    RevisiRenstra,
    Sasaran,
    SkemaPenilaian,
    Target,
    Tujuan,
    UnitKerja,
    VersiPK,
)
from indikator.services import NARASI
from tindak_lanjut.enums import JenisBukti
from tindak_lanjut.formulas import PERISTIWA_VERIFIKASI
from tindak_lanjut.models import BuktiTindakLanjut, Rekomendasi, SumberRekomendasi, TindakLanjut

FOLDER = Path(settings.BASE_DIR) / "fixtures"


def _d(nilai) -> Decimal | None:
    return None if nilai in (None, "") else Decimal(str(nilai))


def _tgl(nilai) -> date | None:
    return date.fromisoformat(nilai) if nilai else None


class Pemuat:
    """Loads one reference file; counts created/updated objects."""

    def __init__(self):
        self.dibuat = 0
        self.diubah = 0
        self.units: dict[str, UnitKerja] = {}
        self.indikator: dict[str, Indikator] = {}
        self.sasaran: dict[str, Sasaran] = {}
        self._baru: set[tuple[type, int]] = set()  # created in this run: later updates are not "changes"

    def _simpan(self, model, kunci: dict, nilai: dict):
        obj = model.objects.filter(**kunci).first()
        if obj is None:
            self.dibuat += 1
            obj = model.objects.create(**kunci, **nilai)
            self._baru.add((model, obj.pk))
            return obj
        berubah = [k for k, v in nilai.items() if getattr(obj, k) != v]
        if berubah:
            for k in berubah:
                setattr(obj, k, nilai[k])
            obj.save(update_fields=berubah)
            if (model, obj.pk) not in self._baru:
                self.diubah += 1
        return obj

    # ------------------------------------------------------------------ sections

    def muat(self, data: dict, folder_narasi: Path | None = None) -> None:
        for u in data.get("unit", []):
            self._unit(u)
        for p in data.get("pegawai", []):
            unit = self.units[p["unit"]]
            for jenjang, jumlah in p["jumlah"].items():
                self._simpan(
                    KomposisiPegawai,
                    {"unit": unit, "tahun": p["tahun"], "jenis": p["jenis"], "jenjang": jenjang},
                    {"jumlah": jumlah},
                )
        for a in data.get("nilai_akip", []):
            self._simpan(
                NilaiAkip,
                {"unit": self.units[a["unit"]], "tahun": a["tahun"]},
                {
                    "regulasi": a["regulasi"],
                    "nilai_dilaporkan": _d(a.get("nilai_dilaporkan")),
                    "evaluator": a.get("evaluator", ""),
                },
            )
        for r in data.get("renstra", []):
            self._renstra(r)
        for pk in data.get("perjanjian_kinerja", []):
            self._pk(pk)
        for ang in data.get("anggaran", []):
            self._anggaran(ang)
        for r in data.get("rekomendasi", []):
            self._rekomendasi(r)
        if folder_narasi is not None and folder_narasi.exists():
            self._narasi(folder_narasi)

    def _unit(self, u: dict) -> None:
        induk = self.units.get(u["induk"]) if u.get("induk") else None
        if u.get("induk") and induk is None:
            induk = UnitKerja.objects.get(slug=u["induk"])
        unit = self._simpan(
            UnitKerja,
            {"slug": u["slug"]},
            {
                "nama": u["nama"],
                "singkatan": u.get("singkatan", ""),
                "induk": induk,
                "instansi": u.get("instansi", ""),
                "alamat": u.get("alamat", ""),
                "kota": u.get("kota", "Jakarta"),
                "tugas": u.get("tugas", ""),
                "fungsi": u.get("fungsi", ""),
            },
        )
        self.units[u["slug"]] = unit
        for k in u.get("kepala", []):
            self._simpan(
                KepalaUnit,
                {"unit": unit, "nama": k["nama"], "mulai": _tgl(k["mulai"])},
                {
                    "nama_bergelar": k.get("nama_bergelar", ""),
                    "nip": k.get("nip", ""),
                    "jabatan": k["jabatan"],
                    "selesai": _tgl(k.get("selesai")),
                },
            )

    def _renstra(self, r: dict) -> None:
        unit = self.units[r["unit"]]
        renstra = self._simpan(
            Renstra,
            {"unit": unit, "tahun_mulai": r["tahun_mulai"]},
            {
                "nama": r["nama"],
                "tahun_selesai": r["tahun_selesai"],
                "skema": SkemaPenilaian.objects.get(kode=r["skema"]),
                "visi": r.get("visi", ""),
                "misi": r.get("misi", ""),
            },
        )
        for i, t in enumerate(r.get("tujuan", []), start=1):
            self._simpan(Tujuan, {"renstra": renstra, "kode": t["kode"]}, {"uraian": t["uraian"], "urutan": i})
        for i, a in enumerate(r.get("alokasi", []), start=1):
            for tahun, nilai in a["nilai"].items():
                self._simpan(
                    AlokasiRenstra,
                    {"renstra": renstra, "program": a["program"], "tahun": int(tahun)},
                    {"urutan": i, "nilai": _d(nilai)},
                )
        pendahulu: list[tuple[Indikator, str]] = []
        realisasi: list[tuple[Indikator, dict]] = []
        for rev in r.get("revisi", []):
            revisi = self._simpan(
                RevisiRenstra,
                {"renstra": renstra, "nomor": rev["nomor"]},
                {
                    "nama": rev["nama"],
                    "berlaku_mulai": rev["berlaku_mulai"],
                    "berlaku_sampai": rev["berlaku_sampai"],
                    "dasar_hukum": rev.get("dasar_hukum", ""),
                },
            )
            for si, s in enumerate(rev.get("sasaran", []), start=1):
                sasaran = self._simpan(
                    Sasaran,
                    {"revisi": revisi, "kode": s["kode"]},
                    {"nama": s["nama"], "level": s["level"], "perspektif": s["perspektif"], "urutan": si},
                )
                self.sasaran[s["kode"]] = sasaran
                for ii, ind in enumerate(s.get("indikator", []), start=1):
                    obj = self._simpan(
                        Indikator,
                        {"sasaran": sasaran, "kode": ind["kode"]},
                        {
                            "nama": ind["nama"],
                            "satuan": ind.get("satuan", ""),
                            "polaritas": ind.get("polaritas", "positif"),
                            "agregasi": ind.get("agregasi", "terakhir"),
                            "iku": ind.get("iku", False),
                            "ukur_akip": ind.get("ukur_akip", False),
                            "definisi_operasional": ind.get("definisi_operasional", ""),
                            "formula": ind.get("formula", ""),
                            "sumber_data": ind.get("sumber_data", ""),
                            "urutan": ii,
                        },
                    )
                    self.indikator[ind["kode"]] = obj
                    if ind.get("pendahulu"):
                        pendahulu.append((obj, ind["pendahulu"]))
                    for tahun, (nilai, teks) in ind.get("target", {}).items():
                        self._simpan(
                            Target,
                            {"indikator": obj, "tahun": int(tahun), "sumber": "renstra"},
                            {"nilai": _d(nilai), "teks_tampilan": teks},
                        )
                    realisasi.append((obj, ind))
        for obj, kode in pendahulu:
            self._simpan(Indikator, {"pk": obj.pk}, {"pendahulu": self.indikator[kode]})
        for obj, ind in realisasi:
            narasi = ind.get("narasi", {})
            for tahun, nilai in ind.get("realisasi", {}).items():
                teks = narasi.get(tahun, {})
                self._simpan(
                    Realisasi,
                    {"indikator": obj, "tahun": int(tahun), "triwulan": None},
                    {"nilai": _d(nilai), **{k: teks.get(k, "") for k in NARASI}},
                )

    def _pk(self, pk: dict) -> None:
        induk = self._simpan(PerjanjianKinerja, {"unit": self.units[pk["unit"]], "tahun": pk["tahun"]}, {})
        for v in pk["versi"]:
            versi = self._simpan(
                VersiPK,
                {"pk_induk": induk, "nomor": v["nomor"]},
                {
                    "judul": v.get("judul", ""),
                    "berlaku_mulai": _tgl(v["berlaku_mulai"]),
                    "berlaku_sampai": _tgl(v["berlaku_sampai"]),
                    "tanggal_tanda_tangan": _tgl(v.get("tanggal_tanda_tangan")),
                    "kota": v.get("kota", "Jakarta"),
                    "pihak_pertama_nama": v["pihak_pertama"]["nama"],
                    "pihak_pertama_nip": v["pihak_pertama"].get("nip", ""),
                    "pihak_pertama_jabatan": v["pihak_pertama"]["jabatan"],
                    "pihak_kedua_nama": v["pihak_kedua"]["nama"],
                    "pihak_kedua_nip": v["pihak_kedua"].get("nip", ""),
                    "pihak_kedua_jabatan": v["pihak_kedua"]["jabatan"],
                    "kegiatan": v.get("kegiatan", ""),
                    "anggaran": _d(v.get("anggaran")),
                },
            )
            for b in v["baris"]:
                baris = self._simpan(
                    BarisPK,
                    {"versi": versi, "urutan": b["urutan"]},
                    {
                        "indikator": self.indikator[b["indikator"]] if b.get("indikator") else None,
                        "uraian_sasaran": b["uraian_sasaran"],
                        "uraian_indikator": b.get("uraian_indikator", ""),
                        "nilai": _d(b.get("nilai")),
                        "nilai_atas": _d(b.get("nilai_atas")),
                        "nilai_kualitatif": b.get("nilai_kualitatif", ""),
                        "teks_tampilan": b.get("teks_tampilan", ""),
                    },
                )
                for tw, nilai in b.get("rencana_aksi", {}).items():
                    self._simpan(RencanaAksi, {"baris_pk": baris, "triwulan": int(tw)}, {"target_kumulatif": _d(nilai)})

    def _anggaran(self, ang: dict) -> None:
        unit = self.units[ang["unit"]]
        tahun = ang["tahun"]
        baris: dict[str, MataAnggaran] = {}
        catatan = ang.get("catatan_realisasi", "")
        for i, b in enumerate(ang["baris"], start=1):
            mata = self._simpan(
                MataAnggaran,
                {"unit": unit, "tahun": tahun, "kode": b["kode"]},
                {
                    "induk": baris.get(b["induk"]) if b.get("induk") else None,
                    "nama": b["nama"],
                    "jenis": b["jenis"],
                    "urutan": i,
                },
            )
            baris[b["kode"]] = mata
            revisi = b.get("pagu_revisi") or (
                [{"revisi_ke": 0, "berlaku_mulai": f"{tahun}-01-01", "nilai": b["pagu"], "keterangan": ""}]
                if b.get("pagu") is not None
                else []
            )
            for rv in revisi:
                self._simpan(
                    PaguRevisi,
                    {"mata_anggaran": mata, "revisi_ke": rv["revisi_ke"]},
                    {
                        "berlaku_mulai": _tgl(rv["berlaku_mulai"]),
                        "nilai": _d(rv["nilai"]),
                        "keterangan": rv.get("keterangan", ""),
                    },
                )
            if b.get("realisasi") is not None:
                self._simpan(
                    RealisasiAnggaran,
                    {"mata_anggaran": mata, "bulan": 12},
                    {"nilai": _d(b["realisasi"]), "keterangan": catatan},
                )
        for s in ang.get("sub_kegiatan", []):
            sub = self._simpan(
                SubKegiatan,
                {"unit": unit, "tahun": tahun, "nama": s["nama"]},
                {
                    "urutan": s["urutan"],
                    "mata_anggaran": baris[s["anggaran"]] if s.get("anggaran") else None,
                    "uraian_output": s.get("uraian_output", ""),
                    "satuan_output": s.get("satuan_output", ""),
                    "target_output": _d(s.get("target_output")),
                    "realisasi_output": _d(s.get("realisasi_output")),
                    "keterangan": s.get("keterangan", ""),
                },
            )
            sasaran = [self.sasaran[k] for k in s.get("sasaran", [])]
            indikator = [self.indikator[k] for k in s.get("indikator", [])]
            baru = (SubKegiatan, sub.pk) in self._baru
            if {x.pk for x in sub.sasaran.all()} != {x.pk for x in sasaran}:
                sub.sasaran.set(sasaran)
                self.diubah += not baru
            if {x.pk for x in sub.indikator.all()} != {x.pk for x in indikator}:
                sub.indikator.set(indikator)
                self.diubah += not baru

    def _narasi(self, folder: Path) -> None:
        """fixtures/narasi/<unit>/<tahun>/<bagian>.md and <bagian>--<kode sasaran>.md; an optional first line
        `# judul` gives the title."""
        from laporan.models import NarasiLaporan
        from laporan.narasi import urai_kunci

        for berkas in sorted(folder.glob("*/*/*.md")):
            unit_slug, tahun = berkas.parent.parent.name, int(berkas.parent.name)
            unit = self.units.get(unit_slug) or UnitKerja.objects.get(slug=unit_slug)
            bagian, kode_sasaran = urai_kunci(berkas.stem)
            sasaran = None
            if kode_sasaran:
                sasaran = self.sasaran.get(kode_sasaran) or Sasaran.objects.get(
                    revisi__renstra__unit=unit, kode=kode_sasaran
                )
            teks = berkas.read_text(encoding="utf-8").strip()
            judul = ""
            if m := re.match(r"^#\s+(.+)\n", teks):
                judul, teks = m.group(1).strip(), teks[m.end() :].strip()
            self._simpan(
                NarasiLaporan,
                {"unit": unit, "tahun": tahun, "bagian": bagian, "sasaran": sasaran},
                {"judul": judul, "isi": teks},
            )

    def _rekomendasi(self, r: dict) -> None:
        """A source of recommendations with its recommendations and their (verified) follow-ups, as reported."""
        unit = self.units[r["unit"]]
        s = r["sumber"]
        sumber = self._simpan(
            SumberRekomendasi,
            {"unit": unit, "jenis": s["jenis"], "nomor": s["nomor"]},
            {"tanggal": _tgl(s["tanggal"]), "penerbit": s.get("penerbit", ""), "tahun_objek": s["tahun_objek"]},
        )
        for i, b in enumerate(r["butir"], start=1):
            rek = self._simpan(
                Rekomendasi,
                {"sumber": sumber, "nomor_urut": i},
                {
                    "uraian": b["uraian"],
                    "unit_pj": unit,
                    "tahun": sumber.tanggal.year,
                    "batas_waktu": _tgl(b.get("batas_waktu")) or date(sumber.tanggal.year, 12, 31),
                    "jenis_dokumen": b.get("jenis_dokumen", ""),
                    "syarat_selesai": b.get("syarat_selesai", ""),
                    "kode_kriteria": b.get("kode_kriteria", ""),
                    "status": b["status"],
                },
            )
            t = b.get("tindak_lanjut")
            if not t:
                continue
            verifikasi = b["status"] if b["status"] in PERISTIWA_VERIFIKASI else ""
            tl = self._simpan(
                TindakLanjut,
                {"rekomendasi": rek, "tanggal": _tgl(t["tanggal"])},
                {
                    "uraian": t["uraian"],
                    "progres": Decimal(100) if verifikasi == "s" else Decimal(0),
                    "verifikasi": verifikasi,
                },
            )
            if bukti := t.get("bukti"):
                self._simpan(
                    BuktiTindakLanjut,
                    {"tindak_lanjut": tl, "jenis": JenisBukti.DOKUMEN, "dokumen": bukti["dokumen"]},
                    {"dokumen_tahun": bukti["tahun"], "halaman": bukti.get("halaman")},
                )


def pastikan_preset() -> None:
    """Create the scoring-scheme presets of migration 0002 when they are missing (a database emptied by a flush,
    e.g. after a transactional test). Idempotent: existing presets are left as they are."""
    from django.apps import apps

    if (
        SkemaPenilaian.objects.filter(kode__in=["bpom-2015-2019", "bpom-2020-2024"], skala_huruf__isnull=False).count()
        == 2
    ):
        return
    import_module("indikator.migrations.0002_skema_preset").buat(apps, None)
    import_module("indikator.migrations.0007_skema_huruf_perspektif_pegawai").buat_skala_huruf(apps, None)


def muat_referensi(folder: Path = FOLDER) -> Pemuat:
    """Load every reference file under fixtures/referensi in one transaction."""
    pemuat = Pemuat()
    with transaction.atomic():
        pastikan_preset()
        for berkas in sorted((folder / "referensi").glob("*.json")):
            pemuat.muat(json.loads(berkas.read_text(encoding="utf-8")))
        if (folder / "narasi").exists():
            pemuat._narasi(folder / "narasi")
    return pemuat
