"""Use cases that span performance (indikator) and budget (anggaran): copy forward, the submission
summary."""
