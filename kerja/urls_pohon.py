"""Workspace pages of the performance tree, positions, crosscutting, consistency, matrices and consolidation: served under ``/pohon/`` in the ``kerja`` namespace (`sakip/urls.py`)."""

from django.urls import path

from kerja.views import pohon, pohon_gambar, pohon_konsolidasi, pohon_periksa

U = "<slug:slug>/"
UT = "<slug:slug>/<tahun:tahun>/"
N = UT + "simpul/<int:pk>/"

urlpatterns = [
    path(UT, pohon.pohon, name="pohon"),
    path(UT + "simpul/baru/", pohon.simpul_ubah, name="pohon_simpul_baru"),
    path(N + "ubah/", pohon.simpul_ubah, name="pohon_simpul_ubah"),
    path(N + "pindah/", pohon.simpul_pindah, name="pohon_simpul_pindah"),
    path(N + "nonaktifkan/", pohon.simpul_nonaktif, name="pohon_simpul_nonaktif"),
    path(N + "indikator/", pohon.simpul_indikator, name="pohon_simpul_indikator"),
    path(N + "anggaran/", pohon.simpul_anggaran, name="pohon_simpul_anggaran"),
    path(N + "mitra/", pohon.simpul_mitra, name="pohon_simpul_mitra"),
    path(N + "tautan/", pohon.simpul_tautan, name="pohon_simpul_tautan"),
    path(N + "usulkan/", pohon.simpul_tawarkan, name="pohon_simpul_tawarkan"),
    path(UT + "masuk/", pohon.kotak_masuk, name="pohon_masuk"),
    path(UT + "usulan/<int:pk>/jawab/", pohon.usulan_jawab, name="pohon_usulan_jawab"),
    path(UT + "crosscutting/<int:pk>/jawab/", pohon.crosscutting_jawab, name="pohon_crosscutting_jawab"),
    path(UT + "jabatan/", pohon.jabatan_daftar, name="pohon_jabatan"),
    path(UT + "jabatan/<int:pk>/", pohon.jabatan_ubah, name="pohon_jabatan_ubah"),
    path(UT + "konsistensi/", pohon_periksa.pohon_konsistensi, name="pohon_konsistensi"),
    path(U + "aturan/", pohon_periksa.pohon_aturan, name="pohon_aturan"),
    path(UT + "gambar/", pohon_gambar.gambar, name="pohon_gambar"),
    path(UT + "gambar/pohon-kinerja.pdf", pohon_gambar.pdf, name="pohon_pdf"),
    path(UT + "peta-strategi/", pohon_gambar.peta, name="pohon_peta"),
    path(UT + "matriks/", pohon_gambar.matriks, name="pohon_matriks"),
    path(UT + "matriks/<slug:jenis>.xlsx", pohon_gambar.matriks_xlsx, name="pohon_matriks_xlsx"),
    path("<slug:slug>/<tahun:tahun>/konsolidasi/", pohon_konsolidasi.konsolidasi, name="konsolidasi"),
    path(
        "<slug:slug>/<tahun:tahun>/konsolidasi/hitung/",
        pohon_konsolidasi.konsolidasi_hitung,
        name="konsolidasi_hitung",
    ),
    path("<slug:slug>/<tahun:tahun>/konsolidasi/rasio/", pohon_konsolidasi.konsolidasi_rasio, name="konsolidasi_rasio"),
    path(
        "<slug:slug>/<tahun:tahun>/konsolidasi/<int:pk>/",
        pohon_konsolidasi.konsolidasi_aturan,
        name="konsolidasi_aturan",
    ),
]
