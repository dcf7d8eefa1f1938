"""Workspace pages of the performance tree, positions, crosscutting, consistency, matrices and consolidation: served under ``/pohon/`` in the ``kerja`` namespace (`sakip/urls.py`)."""

urlpatterns = []
