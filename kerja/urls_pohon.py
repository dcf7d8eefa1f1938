"""Workspace pages of the performance tree, positions, crosscutting, consistency, matrices and consolidation: served under ``/pohon/`` in the ``kerja`` namespace (`sakip/urls.py`)."""

from django.urls import path

from .views import pohon_konsolidasi

urlpatterns = [
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
