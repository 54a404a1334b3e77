"""Exercises of the part "Neural network gradients": chapters 12 (§5) to 14 (§6.2)."""
from __future__ import annotations

from .base import Worked

EXERCISES: dict[str, tuple[Worked, ...]] = {}
