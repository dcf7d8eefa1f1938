"""Pohon kinerja: cascading of results from the agency down to each official (PermenPANRB 89/2021), positions
and their holders, crosscutting, consistency checks, and the consolidation of a parent unit's figures."""
