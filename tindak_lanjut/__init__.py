"""One register of recommendations (LHE, LHR, audits, meetings) and their follow-up; the APIP's LKj review."""
