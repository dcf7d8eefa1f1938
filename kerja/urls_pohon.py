"""Workspace pages of the performance tree, positions, crosscutting, consistency, matrices and consolidation: served under ``/pohon/`` in the ``kerja`` namespace (`sakip/urls.py`)."""

from django.urls import path

from kerja.views import pohon_periksa

U = "<slug:slug>/"
UT = "<slug:slug>/<tahun:tahun>/"

urlpatterns = [
    path(UT + "konsistensi/", pohon_periksa.pohon_konsistensi, name="pohon_konsistensi"),
    path(U + "aturan/", pohon_periksa.pohon_aturan, name="pohon_aturan"),
]
