"""Driving a page with the keyboard only, for keyboard-only browser journeys.

Every helper moves the focus with Tab (or Shift+Tab) and operates controls
with the keys a keyboard user has: Space for a checkbox, the arrow keys in a
group of radio buttons or a select, Enter for links and buttons. Nothing
here clicks, fills or focuses an element directly, so a control that a
keyboard user cannot reach or operate makes the test fail, with a message
naming the element that had the focus instead.
"""

from typing import Any

import pytest

# A short description of an element, for failure messages: tag, id, name,
# type and the start of its text.
_DESCRIBE = """e => {
    if (!e || e === document.body) return 'nothing (the page itself)';
    let text = (e.innerText || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    let name = e.getAttribute('name');
    return `<${e.tagName.toLowerCase()}`
        + (e.id ? ` id="${e.id}"` : '')
        + (name ? ` name="${name}"` : '')
        + (e.type ? ` type="${e.type}"` : '')
        + (e.getAttribute('value') !== null && e.type !== 'text' ? ` value="${e.getAttribute('value')}"` : '')
        + `>` + (text ? ` "${text}"` : '');
}"""


def focused(page: Any) -> str:
    """A short description of the focused element."""
    return str(page.evaluate(f"() => ({_DESCRIBE})(document.activeElement)"))


def has_focus(page: Any, selector: str) -> bool:
    """Whether the (first) element matching ``selector`` has the focus."""
    return bool(page.locator(selector).first.evaluate("e => e === document.activeElement"))


def assert_focused(page: Any, selector: str) -> None:
    assert has_focus(page, selector), f"Expected the focus on {selector}; it is on {focused(page)}"


def assert_autofocused(page: Any, selector: str, timeout_ms: int = 5_000) -> None:
    """The browser moves the focus to an ``autofocus`` element at its next
    rendering step, not while the page is parsed: wait for it, then check."""
    waited = 0
    while not has_focus(page, selector) and waited < timeout_ms:
        page.wait_for_timeout(50)
        waited += 50
    assert_focused(page, selector)


def tab_to(page: Any, selector: str, max_presses: int = 25, *, backwards: bool = False) -> None:
    """Press Tab (Shift+Tab with ``backwards``) until the first element
    matching ``selector`` has focus; it may already have it. Fails, naming
    the elements the focus passed, when it is not reached."""
    target = page.locator(selector).first
    key = "Shift+Tab" if backwards else "Tab"
    passed: list[str] = []
    for _ in range(max_presses):
        if target.evaluate("e => e === document.activeElement"):
            return
        page.keyboard.press(key)
        passed.append(focused(page))
    if target.evaluate("e => e === document.activeElement"):
        return
    trail = "\n  ".join(passed[-8:])
    pytest.fail(
        f"{selector} not reached with {max_presses} presses of {key}; the focus is on {focused(page)}.\n"
        f"Last stops:\n  {trail}"
    )


def activate(page: Any, selector: str, max_presses: int = 25) -> None:
    """Tab to a link or button and press Enter."""
    tab_to(page, selector, max_presses)
    page.keyboard.press("Enter")


def check_box(page: Any, selector: str, max_presses: int = 25) -> None:
    """Tab to a checkbox and tick it with Space."""
    tab_to(page, selector, max_presses)
    box = page.locator(selector).first
    assert not box.is_checked(), f"{selector} is ticked already"
    page.keyboard.press("Space")
    assert box.is_checked(), f"Space did not tick {selector}"


def choose_radio(page: Any, selector: str, max_presses: int = 25) -> None:
    """Choose a radio button as a keyboard user does: Tab into its group
    (which lands on the checked button, or the first one when none is
    checked), then the arrow keys to the wanted one, or Space when the focus
    is on it already."""
    radio = page.locator(selector).first
    name = radio.get_attribute("name")
    assert name, f"{selector} has no name, so it is not in a group"
    group = f"input[type=radio][name='{name}']"
    passed: list[str] = []
    for _ in range(max_presses):
        if page.evaluate(
            "name => { const e = document.activeElement; return e && e.type === 'radio' && e.name === name; }", name
        ):
            break
        page.keyboard.press("Tab")
        passed.append(focused(page))
    else:
        trail = "\n  ".join(passed[-8:])
        pytest.fail(f"The radio group {group} not reached with {max_presses} presses of Tab.\nLast stops:\n  {trail}")
    if radio.evaluate("e => e === document.activeElement"):
        page.keyboard.press("Space")
    else:
        options = page.locator(group)
        values = [options.nth(i).get_attribute("value") for i in range(options.count())]
        current = page.evaluate("() => document.activeElement.value")
        wanted = radio.get_attribute("value")
        steps = values.index(wanted) - values.index(current)
        for _ in range(abs(steps)):
            page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    assert_focused(page, selector)
    assert radio.is_checked(), f"The keyboard did not choose {selector}"


def choose_option(page: Any, selector: str, label: str, max_presses: int = 25) -> None:
    """Tab to a select and move to the option labelled ``label`` with the
    arrow keys (a closed select changes its value with them)."""
    tab_to(page, selector, max_presses)
    select = page.locator(selector).first
    labels: list[str] = select.evaluate("e => Array.from(e.options, o => o.label.trim())")
    assert label in labels, f"{selector} has no option {label!r}; it has {labels}"
    steps = labels.index(label) - select.evaluate("e => e.selectedIndex")
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    chosen = select.evaluate("e => e.options[e.selectedIndex].label.trim()")
    assert chosen == label, f"The arrow keys chose {chosen!r} in {selector}, not {label!r}"


# The focused element's focus indicator: an outline, or a box shadow (some
# NL Design System components draw their focus ring with one), that the
# same element does not have without the focus. An unfocused copy, put next
# to it for a moment, shows the style without the focus.
_FOCUS_INDICATOR = r"""() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const opaque = colour => !/^(transparent|rgba\(.*,\s*0\)|rgb\(.*\/\s*0\))$/.test(colour.trim());
    // A box shadow draws something when one of its shadows has a colour
    // and a length that is not zero (Utrecht's components keep a
    // transparent 0px shadow on every focusable element).
    const shadows = value => value === 'none' ? [] : value.split(/,(?![^(]*\))/).filter(shadow => {
        const colour = (shadow.match(/rgba?\([^)]*\)|transparent/) || ['currentcolor'])[0];
        const lengths = shadow.replace(/rgba?\([^)]*\)/, '').match(/-?[0-9.]+px/g) || [];
        return opaque(colour) && lengths.some(length => parseFloat(length) !== 0);
    }).map(shadow => shadow.trim());
    const ring = s => ({
        outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 || !opaque(s.outlineColor)
            ? 'none' : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`,
        boxShadow: shadows(s.boxShadow).join(', ') || 'none',
    });
    const focused = ring(getComputedStyle(e));
    const copy = e.cloneNode(false);
    copy.removeAttribute('id');
    copy.removeAttribute('name');
    copy.setAttribute('aria-hidden', 'true');
    copy.tabIndex = -1;
    e.after(copy);
    const unfocused = ring(getComputedStyle(copy));
    copy.remove();
    const changed = key => focused[key] !== 'none' && focused[key] !== unfocused[key];
    return {visible: changed('outline') || changed('boxShadow'), focused, unfocused};
}"""


def focus_indicator(page: Any) -> dict[str, Any]:
    """The focused element's outline and box shadow, with and without the
    focus, and whether they differ visibly."""
    indicator = page.evaluate(_FOCUS_INDICATOR)
    assert indicator is not None, "Nothing has the focus"
    return dict(indicator)


def assert_focus_visible(page: Any) -> None:
    """The focused element shows that it has the focus (WCAG 2.4.7): it has
    an outline or a box shadow that it does not have without the focus."""
    indicator = focus_indicator(page)
    assert indicator["visible"], (
        f"{focused(page)} has the focus but no visible focus indicator: with the focus "
        f"{indicator['focused']}, without {indicator['unfocused']}"
    )
