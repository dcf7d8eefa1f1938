"""The LKE workbook in the official column layout: No | Komponen/Sub/Kriteria | Bobot, then one column set per
layer (Jawaban | Nilai | Kerangka Kontrol | Catatan), then Bukti. `tulis_lke` writes an evaluation; `baca_lke`
reads the answers and notes of the stage's layer back: all or nothing, every refused row named."""

from __future__ import annotations

from io import BytesIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font

from .enums import URUTAN_LAPISAN, Lapisan
from .layanan import simpan_jawaban
from .models import BuktiJawaban, Evaluasi
from .skor import hasil_evaluasi

KOLOM_LAPISAN = ("Jawaban", "Nilai", "Kerangka Kontrol", "Catatan")
AWAL_LAPISAN = 4  # column D: the first layer's Jawaban


def _kolom(lapisan: str) -> int:
    """1-based column of a layer's Jawaban."""
    return AWAL_LAPISAN + URUTAN_LAPISAN.index(lapisan) * len(KOLOM_LAPISAN)


def tulis_lke(ev: Evaluasi) -> bytes:
    h = hasil_evaluasi(ev)
    salah = {n: {p.aturan.kriteria: p for p in h.kerangka[n]} for n in URUTAN_LAPISAN}
    wb = Workbook()
    ws = wb.active
    ws.title = "LKE"
    ws.append([f"LKE {ev.unit.nama} {ev.tahun} — {ev.template}"])
    judul = ["No", "Komponen/Sub Komponen/Kriteria", "Bobot"]
    for n in URUTAN_LAPISAN:
        judul += [f"{k} ({Lapisan(n).label})" for k in KOLOM_LAPISAN]
    judul.append("Bukti")
    ws.append(judul)
    for sel in ws[2]:
        sel.font = Font(bold=True)
        sel.alignment = Alignment(wrap_text=True, vertical="top")
    for k in h.komponen:
        baris = [k.kode, k.nama, float(k.bobot)]
        for n in URUTAN_LAPISAN:
            skor = h.lapisan[n].komponen[k.pk].skor
            baris += ["", None if skor is None else float(skor), "", ""]
        ws.append(baris)
        ws.cell(ws.max_row, 2).font = Font(bold=True)
        for s in k.sub.all():
            baris = [s.kode, s.nama, float(s.bobot)]
            for n in URUTAN_LAPISAN:
                skor = h.lapisan[n].komponen[k.pk].sub[s.pk].skor
                baris += ["", None if skor is None else float(skor), "", ""]
            ws.append(baris)
            for c in s.kriteria.all():
                j = h.jawaban[c.pk]
                baris = [c.kode, c.pertanyaan, None if c.bobot is None else float(c.bobot)]
                for n in URUTAN_LAPISAN:
                    opsi = getattr(j, f"opsi_{n}")
                    nilai = j.nilai(n)
                    p = salah[n].get(c.pk)
                    baris += [
                        opsi.label if opsi else "",
                        None if nilai is None else float(nilai),
                        p.aturan.pesan if p else ("OK" if nilai is not None else ""),
                        getattr(j, f"catatan_{n}"),
                    ]
                baris.append("; ".join(b.nama for b in c.bukti.all()))
                ws.append(baris)
    total = ["", "Total", float(ev.template.total_bobot)]
    for n in URUTAN_LAPISAN:
        hl = h.lapisan[n]
        total += [hl.predikat.kode if hl.predikat else "", None if hl.total is None else float(hl.total), "", ""]
    ws.append(total)
    ws.column_dimensions["B"].width = 60
    ws.freeze_panes = "D3"
    _kke(wb, ev, h)
    keluar = BytesIO()
    wb.save(keluar)
    return keluar.getvalue()


def _kke(wb, ev: Evaluasi, h) -> None:
    """The KKE (Kertas Kerja Evaluasi) sheet: per criterion the evidence examined (the list asked and what was
    attached), the evaluator's work step and the conclusion (the final answer and note)."""
    ws = wb.create_sheet("KKE")
    ws.append(["Kode", "Kriteria", "Bukti yang diperiksa", "Langkah kerja", "Simpulan"])
    for sel in ws[1]:
        sel.font = Font(bold=True)
    lampiran: dict[int, list[str]] = {}
    for b in BuktiJawaban.objects.filter(jawaban__evaluasi=ev).select_related("jawaban"):
        lampiran.setdefault(b.jawaban.kriteria_id, []).append(str(b))
    for k in h.komponen:
        for s in k.sub.all():
            for c in s.kriteria.all():
                j = h.jawaban[c.pk]
                bukti = [b.nama for b in c.bukti.all()] + lampiran.get(c.pk, [])
                simpulan = " — ".join(
                    x for x in ((j.opsi_final.label if j.opsi_final else ""), j.catatan_final or j.catatan_ketua) if x
                )
                ws.append([c.kode, c.pertanyaan, "; ".join(bukti), c.langkah_kerja, simpulan])
    for kolom, lebar in (("B", 50), ("C", 50), ("D", 30), ("E", 40)):
        ws.column_dimensions[kolom].width = lebar


def baca_lke(ev: Evaluasi, berkas, *, oleh) -> int:
    """Read the stage's layer (Jawaban and Catatan columns) from a workbook written by `tulis_lke` and save every
    changed criterion; any refused row refuses the whole file (nothing saved), each refusal named by its row."""
    lapisan = ev.status
    if lapisan not in URUTAN_LAPISAN:
        raise ValidationError(_("Evaluasi ini tidak sedang dibuka untuk diisi."))
    try:
        ws = load_workbook(berkas, read_only=True, data_only=True).active
    except Exception as e:  # noqa: BLE001 — any unreadable file is the user's error
        raise ValidationError(_("Berkas bukan buku kerja Excel yang dapat dibaca.")) from e
    h = hasil_evaluasi(ev)
    kriteria = {c.kode: c for k in h.komponen for s in k.sub.all() for c in s.kriteria.all()}
    kol = _kolom(lapisan)
    ubah, galat = [], []
    for i, baris in enumerate(ws.iter_rows(min_row=3, values_only=True), start=3):
        kode = str(baris[0] or "").strip() if baris else ""
        c = kriteria.get(kode)
        if c is None:
            continue
        label = str(baris[kol - 1] or "").strip().upper() if len(baris) >= kol else ""
        catatan = str(baris[kol + 2] or "") if len(baris) >= kol + 3 else ""
        j = h.jawaban[c.pk]
        lama = getattr(j, f"opsi_{lapisan}")
        if (lama.label if lama else "") == label and getattr(j, f"catatan_{lapisan}") == catatan:
            continue
        label_sah = {o.label for o in c.skala.opsi.all()}
        if label and label not in label_sah:
            galat.append(
                _("Baris %(baris)s (%(kode)s): jawaban %(label)s tidak ada pada skala (pilihan: %(pilihan)s).")
                % {"baris": i, "kode": kode, "label": label, "pilihan": ", ".join(sorted(label_sah))}
            )
            continue
        if len(catatan) > 4000:
            galat.append(
                _("Baris %(baris)s (%(kode)s): catatan lebih dari 4000 karakter.") % {"baris": i, "kode": kode}
            )
            continue
        ubah.append((c, label or None, catatan))
    if galat:
        raise ValidationError(galat)
    with transaction.atomic():
        for c, label, catatan in ubah:
            simpan_jawaban(ev=ev, kriteria=c, lapisan=lapisan, label=label, catatan=catatan, oleh=oleh)
    return len(ubah)
