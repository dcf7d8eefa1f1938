"""Workspace forms: ``kinerja`` (Renstra, PK, realisasi, profile) and ``anggaran`` (budget pages)."""
