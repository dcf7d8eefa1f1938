"""Models of the tindak_lanjut app."""
