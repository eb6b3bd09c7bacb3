"""Shapes of the open-data API, for the OpenAPI schema. The data itself
comes from the protected table objects (``disclosure.tables``)."""

from rest_framework import serializers


class CellSerializer(serializers.Serializer):
    value = serializers.IntegerField(allow_null=True, help_text="The count; null when the figure is hidden.")
    mark = serializers.ChoiceField(
        choices=["shown", "primary", "secondary", "group"],
        help_text="shown; primary: a small count, shown as “< k”; secondary: hidden so that small counts cannot be "
        "worked out from the totals; group: hidden because all reports of the row share one category.",
    )
    display = serializers.CharField(help_text="What to show: the number, “< 5” or “x”.")
    threshold = serializers.IntegerField(required=False, help_text="k of “< k”, for small counts.")
    share = serializers.FloatField(required=False, help_text="Share in percent, only where the base is large enough.")


class LabelsSerializer(serializers.DictField):
    child = serializers.CharField()


class ColumnSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="A, B, C (the Wga columns), several joined by +, total, or a category key.")
    labels = LabelsSerializer(help_text="Label per language code.")


class RowSerializer(serializers.Serializer):
    key = serializers.CharField()
    labels = LabelsSerializer()
    cells = CellSerializer(many=True, help_text="One cell per column.")
    total = CellSerializer(required=False, help_text="The row total, when the table has one.")
    level = serializers.IntegerField(required=False, help_text="1 for a sub-category.")


class NoteSerializer(serializers.Serializer):
    code = serializers.CharField()
    params = serializers.DictField()
    text = serializers.CharField(help_text="The explanation in plain language.")


class TableSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    columns = ColumnSerializer(many=True)
    rows = RowSerializer(many=True)
    totals = RowSerializer(allow_null=True)
    threshold = serializers.IntegerField()
    protected = serializers.BooleanField()
    withheld = serializers.BooleanField(help_text="True when the whole table is not published; see notes.")
    notes = NoteSerializer(many=True)
    unit = serializers.ChoiceField(choices=["reports", "incidents"])
    multi_valued = serializers.BooleanField(help_text="A report can fall in more than one row.")


class MunicipalityRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class FigureSetSerializer(serializers.Serializer):
    municipality = MunicipalityRefSerializer()
    year = serializers.IntegerField()
    period = serializers.CharField(help_text="The period asked for: 2025, 2025-Q2 or 2025-03.")
    released_at = serializers.DateTimeField()
    protected = serializers.BooleanField()
    thresholds = serializers.DictField(child=serializers.IntegerField())
    notes = NoteSerializer(many=True)
    tables = serializers.DictField(
        child=TableSerializer(),
        help_text="For a year: every table (headline, ground, subground, domain, nature, handling, channel, quarters, "
        "months, neighbourhoods). For a quarter or a month: only the row of that period.",
    )


class MunicipalitySerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    cbs_code = serializers.CharField()
    released_years = serializers.ListField(child=serializers.IntegerField())
    url = serializers.URLField()


class ProblemSerializer(serializers.Serializer):
    detail = serializers.CharField()
