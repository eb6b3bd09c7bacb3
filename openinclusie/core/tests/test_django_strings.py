from django.db.models.fields import BLANK_CHOICE_LABEL
from django.utils import translation


def test_the_empty_choice_of_a_select_is_dutch():
    with translation.override("nl"):
        assert str(BLANK_CHOICE_LABEL) == "- Kies een optie -"
    with translation.override("en"):
        assert str(BLANK_CHOICE_LABEL) == "- Select an option -"
