"""Intake locations per ADV (pop-up locations and the like), and a report's
structured intake location beside the old free-text one. The location is
not personal data and stays through retention; the free text is kept for
the reports registered before."""

import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_append_only_case_logs"),
        ("organisations", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="IntakeLocation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=150, verbose_name="name")),
                ("address", models.CharField(blank=True, max_length=200, verbose_name="address")),
                ("description", models.CharField(blank=True, max_length=500, verbose_name="description")),
                ("is_active", models.BooleanField(default=True, verbose_name="in use")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                (
                    "adv",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="intake_locations",
                        to="organisations.organisation",
                        verbose_name="ADV",
                    ),
                ),
            ],
            options={
                "verbose_name": "intake location",
                "verbose_name_plural": "intake locations",
            },
        ),
        migrations.AddField(
            model_name="report",
            name="intake_location",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="reports",
                to="cases.intakelocation",
                verbose_name="intake location",
            ),
        ),
        migrations.AddConstraint(
            model_name="intakelocation",
            constraint=models.UniqueConstraint(
                models.F("adv"),
                django.db.models.functions.text.Lower("name"),
                name="intake_location_name_unique_per_adv",
            ),
        ),
        migrations.AddConstraint(
            model_name="intakelocation",
            constraint=models.CheckConstraint(
                condition=models.Q(("name__regex", "\\S")), name="intake_location_has_name"
            ),
        ),
    ]
