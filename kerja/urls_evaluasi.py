"""Workspace pages of the AKIP evaluation (LKE), its layers and the LHE: served under ``/evaluasi/`` in the ``kerja`` namespace (`sakip/urls.py`)."""

urlpatterns = []
