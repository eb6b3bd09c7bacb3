"""Published progress letters on the municipality's public site:
/<municipality>/voortgang/."""

from django.urls import path

from .views import public

app_name = "progress"

urlpatterns = [
    path("<slug:municipality>/voortgang/", public.letter_list, name="letter_list"),
    path("<slug:municipality>/voortgang/<int:letter_id>/", public.letter_detail, name="letter_detail"),
    path("<slug:municipality>/voortgang/<int:letter_id>/pdf/", public.letter_pdf, name="letter_pdf"),
    path("<slug:municipality>/voortgang/<int:letter_id>/docx/", public.letter_docx, name="letter_docx"),
]
