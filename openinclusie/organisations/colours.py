"""Colour contrast after WCAG 2.1 (success criterion 1.4.3)."""

import math

# Normal-size text needs at least 4.5:1 to meet WCAG 2.1 AA.
MINIMUM_TEXT_CONTRAST = 4.5


def _channel(value: int) -> float:
    srgb = value / 255
    return srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    """Relative luminance of a ``#RRGGBB`` colour, from 0 (black) to 1 (white)."""
    digits = hex_colour.lstrip("#")
    if len(digits) != 6:
        raise ValueError(f"Not a #RRGGBB colour: {hex_colour!r}")
    red, green, blue = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG contrast ratio between two colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rounded_down(ratio: float) -> float:
    """The ratio to show a person: rounded down to two decimals, so a ratio
    just below the minimum never reads as meeting it."""
    return math.floor(ratio * 100) / 100
