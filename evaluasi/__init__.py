"""AKIP evaluation (LKE, PermenPANRB 88/2021 and 12/2015): versioned templates, layered scoring, predikat."""
