"""Kansrijk: closing the chain of care in the first 1,000 days (Gezonde en Kansrijke Start Amsterdam)."""

__version__ = "0.1.0"
