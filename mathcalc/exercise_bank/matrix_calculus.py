"""Exercises of the part "Matrix calculus": chapters 3 (§3) to 7 (§4.4)."""
from __future__ import annotations

from .base import Worked

EXERCISES: dict[str, tuple[Worked, ...]] = {}
