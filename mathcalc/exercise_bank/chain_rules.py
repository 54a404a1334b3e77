"""Exercises of the part "The chain rules": chapters 8 (§4.5.1) to 10 (§4.5.3)."""
from __future__ import annotations

from .base import Worked

EXERCISES: dict[str, tuple[Worked, ...]] = {}
