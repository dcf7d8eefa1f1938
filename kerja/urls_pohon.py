"""Workspace pages of the performance tree, positions, crosscutting, consistency, matrices and consolidation: served under ``/pohon/`` in the ``kerja`` namespace (`sakip/urls.py`)."""

from django.urls import path

from .views import pohon_gambar

UT = "<slug:slug>/<tahun:tahun>/"

urlpatterns = [
    path(UT + "gambar/", pohon_gambar.gambar, name="pohon_gambar"),
    path(UT + "gambar/pohon-kinerja.pdf", pohon_gambar.pdf, name="pohon_pdf"),
    path(UT + "peta-strategi/", pohon_gambar.peta, name="pohon_peta"),
    path(UT + "matriks/", pohon_gambar.matriks, name="pohon_matriks"),
    path(UT + "matriks/<slug:jenis>.xlsx", pohon_gambar.matriks_xlsx, name="pohon_matriks_xlsx"),
]
