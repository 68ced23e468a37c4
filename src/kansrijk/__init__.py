"""Kansrijk: closing the chain of care in the first 1,000 days (Gezonde en Kansrijke Start Amsterdam)."""

import os

__version__ = "0.1.0"

# numpy's OpenBLAS keeps its threads spinning after a matrix product, which starves the sentence model's
# own threads (search latency p95 went from 17 to 108 ms at 10,000 services). The products here are
# small: one thread is plenty. Set before numpy is first imported; an explicit setting still wins.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
