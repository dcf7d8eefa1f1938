"""Models of the evaluasi app."""
