import pytest

from openinclusie.organisations.colours import contrast_ratio, relative_luminance, rounded_down


def test_black_and_white_are_the_extremes():
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#FFFFFF") == pytest.approx(1)
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast_ratio("#FFFFFF", "#000000") == pytest.approx(21)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # Reference values from the WebAIM contrast checker.
        ("#0000FF", "#FFFFFF", 8.59),
        ("#777777", "#FFFFFF", 4.48),
        ("#767676", "#FFFFFF", 4.54),
        ("#FFFFFF", "#FFFFFF", 1.0),
    ],
)
def test_contrast_ratio_matches_wcag(first, second, expected):
    assert contrast_ratio(first, second) == pytest.approx(expected, abs=0.01)


def test_case_does_not_matter():
    assert contrast_ratio("#01689b", "#ffffff") == contrast_ratio("#01689B", "#FFFFFF")


def test_a_ratio_just_below_the_minimum_is_never_shown_as_meeting_it():
    assert rounded_down(4.4999) == 4.49


def test_not_a_colour_is_refused():
    with pytest.raises(ValueError, match="Not a #RRGGBB colour"):
        relative_luminance("#FFF")
