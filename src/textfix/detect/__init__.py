"""Detectors: find damaged spans in text and say what they should be."""

from __future__ import annotations

from textfix.detect.controls import detect_c1_controls
from textfix.detect.layers import detect_mojibake

__all__ = ["detect_c1_controls", "detect_mojibake"]
