"""Workspace pages of the recommendations register, follow-up, verification and the LKj review: served under ``/tindak-lanjut/`` in the ``kerja`` namespace (`sakip/urls.py`)."""

urlpatterns = []
