"""The chapters of the Laporan Kinerja: plain functions `(Bundel) -> Bagian` over the fetched data.

`awal` (kata pengantar, ringkasan eksekutif), `pendahuluan` (Bab I), `perencanaan` (Bab II), `akuntabilitas`
(Bab III), `penutup` (Bab IV) and `lampiran`; `bantu` (cells, numbers and dates as text), `kalimat` (sentences
generated from data that several chapters print) and `kerangka` (a chapter's sub-sections from the narrative
catalogue) are shared. Numbered tables and figures are created with number 0; `laporan.susun` numbers them in
document order.
"""
