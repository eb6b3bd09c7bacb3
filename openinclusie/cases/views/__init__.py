"""Views of the ADV back office. Thin: scope through ``queries``, parse a
form, call one service, render."""
