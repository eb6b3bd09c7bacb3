"""The two seed programmes as demo records: Zoetermeer's "Uitvoeringsprogramma
Inclusie en diversiteit 2025-2026" (four development lines with numbered
activities) and Dordrecht's "Inclusieve Stad" (four action lines, reported
to the council once a year). Lines, objectives and activities follow the
seed documents; indicator values, participant counts and the dates of
updates are made up for the demo and say so. Loaded through the programme
services; running it twice changes nothing."""

import datetime

from django.db.models import Q
from django.utils import timezone

from openinclusie.organisations.models import Municipality, Organisation
from openinclusie.programme import queries as programme_queries
from openinclusie.programme.models import (
    Activity,
    ActivityStatus,
    ActivityUpdate,
    Indicator,
    LetterStatus,
    Line,
    Measurement,
    Objective,
    Programme,
    ProgressLetter,
    Vision,
)
from openinclusie.programme.services import activities as activity_services
from openinclusie.programme.services import indicators as indicator_services
from openinclusie.programme.services import letters as letter_services
from openinclusie.programme.services import plan as plan_services

from .dordrecht import DORDRECHT
from .photos import draw
from .records import MUNICIPALITY, A, DemoProgramme, I, L, U
from .zoetermeer import ZOETERMEER

PROGRAMMES = (ZOETERMEER, DORDRECHT)


def letter_years(municipality_slug: str) -> set[int]:
    """The years of the demo letters (published and draft) of the municipality."""
    return {
        year
        for spec in PROGRAMMES
        if spec.municipality == municipality_slug
        for year in (spec.published_year, spec.draft_year)
        if year is not None
    }


def _organisation(slug: str | None, municipality: Municipality) -> Organisation | None:
    if slug is None:
        return None
    if slug == MUNICIPALITY:
        return municipality.organisation
    return Organisation.objects.get(slug=slug)


def _moment(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def _entered_at(programme: Programme, item: A, now: datetime.datetime) -> datetime.datetime:
    """When the officer entered the activity: at the start of the programme,
    or of its own planned period if that began earlier."""
    start = datetime.date(programme.start_year, 1, 15)
    if item.start is not None:
        start = min(start, item.start)
    return min(_moment(start), now)


def _changed_at(programme: Programme, item: A, now: datetime.datetime) -> datetime.datetime:
    """When the demo activity reached its status: done on its completion
    date, anything else when its planned period began (or soon after it
    was entered)."""
    day = item.done_on if item.status == ActivityStatus.DONE and item.done_on else item.start
    entered = _entered_at(programme, item, now)
    moment = _moment(day) if day is not None else entered + datetime.timedelta(days=60)
    return min(max(moment, entered + datetime.timedelta(hours=1)), now)


def _load_line(programme: Programme, spec: L, now: datetime.datetime) -> None:
    municipality = programme.municipality
    line = Line.objects.filter(programme=programme, number=spec.number).first()
    line = plan_services.save_line(
        programme=programme, number=spec.number, title=spec.title, description=spec.description, line=line
    )
    objectives = {}
    for number, text in enumerate(spec.objectives, start=1):
        objectives[number] = plan_services.save_objective(
            line=line, number=number, text=text, objective=Objective.objects.filter(line=line, number=number).first()
        )
    for item in spec.activities:
        existing = programme_queries.activities_of_line(line).filter(number=item.number).first()
        objective = objectives[item.objective] if item.objective else None
        activity = activity_services.save_activity(
            programme=programme,
            line=None if objective else line,
            objective=objective,
            number=item.number,
            title=item.title,
            description=item.description,
            lead_organisation=_organisation(item.lead, municipality),
            partner_organisations=[o for o in (_organisation(s, municipality) for s in item.partners) if o],
            planned_start=item.start,
            planned_end=item.end,
            tag=item.tag,
            status=item.status if existing else ActivityStatus.PLANNED,
            completed_on=item.done_on if existing else None,
            by=None,
            now=now if existing else _entered_at(programme, item, now),
            activity=existing,
        )
        if existing is None and item.status != ActivityStatus.PLANNED:
            # Its status changed during the programme, not when the demo was
            # loaded: a letter about an earlier year reports it as it was then.
            activity_services.set_status(
                activity=activity,
                status=item.status,
                completed_on=item.done_on,
                by=None,
                now=_changed_at(programme, item, now),
            )
        for update in item.updates:
            if not update.after_letter:
                _load_update(activity, update, municipality, now)


def _load_update(activity: Activity, update: U, municipality: Municipality, now: datetime.datetime) -> None:
    if ActivityUpdate.objects.filter(activity=activity, happened_on=update.on, text=update.text).exists():
        return
    photos = []
    if update.photo is not None:
        photos.append(activity_services.PhotoUpload(file=draw(update.photo), description=update.photo.description))
    activity_services.post_update(
        activity=activity,
        organisation=_organisation(update.by, municipality) or municipality.organisation,
        author=None,
        happened_on=update.on,
        text=update.text,
        links=update.links,
        participants=update.participants,
        organisations_reached=update.organisations,
        photos=photos,
        now=now,
    )


def _load_indicator(programme: Programme, spec: I, number: int, now: datetime.datetime) -> None:
    objective = Objective.objects.get(line__programme=programme, line__number=spec.line, number=spec.objective)
    indicator = indicator_services.save_indicator(
        objective=objective,
        number=number,
        name=spec.name,
        definition=spec.definition,
        unit=spec.unit,
        source=spec.source,
        activity_tag=spec.tag,
        activity_measure=spec.measure,
        figures_measure=spec.figures,
        baseline_value=spec.baseline[0] if spec.baseline else None,
        baseline_date=spec.baseline[1] if spec.baseline else None,
        target_value=spec.target[0] if spec.target else None,
        target_date=spec.target[1] if spec.target else None,
        indicator=Indicator.objects.filter(objective=objective, number=number).first(),
    )
    for on, value, note in spec.measurements:
        if not Measurement.objects.filter(indicator=indicator, measured_on=on).exists():
            indicator_services.record_measurement(
                indicator=indicator, measured_on=on, value=value, note=note, by=None, now=now
            )


def _load_letters(programme: Programme, spec: DemoProgramme) -> None:
    # Taken now, after everything the letter reports on was loaded: what
    # existed before the letter is not a change since it.
    now = timezone.now()
    if spec.published_year and not ProgressLetter.objects.filter(programme=programme, year=spec.published_year):
        letter = letter_services.create_draft(programme=programme, year=spec.published_year, by=None, now=now)
        texts = {
            block.pk: (block.heading, spec.letter_texts[key])
            for block in letter.blocks.all()
            if (key := block.kind if block.line_number is None else f"line-{block.line_number}") in spec.letter_texts
        }
        letter = letter_services.save_texts(letter=letter, title=letter.title, texts=texts, now=now)
        officer = programme.municipality.organisation.memberships.select_related("user").first()
        letter = letter_services.publish(letter=letter, by=officer.user if officer else None, now=now)  # type: ignore[arg-type]
    published = ProgressLetter.objects.filter(programme=programme, status=LetterStatus.PUBLISHED).first()
    if published is not None:
        # Made here rather than by the worker, so `make run` shows them at once.
        letter_services.make_documents(letter=published, now=now)
    if spec.draft_year and not ProgressLetter.objects.filter(programme=programme, year=spec.draft_year).exists():
        letter_services.create_draft(programme=programme, year=spec.draft_year, by=None, now=now)


def load_demo_programmes() -> list[Programme]:
    now = timezone.now()
    loaded = []
    for spec in PROGRAMMES:
        municipality = Municipality.objects.get(slug=spec.municipality)
        vision = Vision.objects.filter(municipality=municipality, title=spec.vision_title).first()
        plan_services.save_vision(
            municipality=municipality,
            title=spec.vision_title,
            start_year=spec.vision_years[0],
            end_year=spec.vision_years[1],
            ambition=spec.ambition,
            summary=spec.vision_summary,
            vision=vision,
        )
        programme = plan_services.save_programme(
            municipality=municipality,
            name=spec.name,
            start_year=spec.years[0],
            end_year=spec.years[1],
            introduction=spec.introduction,
            programme=Programme.objects.filter(municipality=municipality, name=spec.name).first(),
        )
        for line in spec.lines:
            _load_line(programme, line, now)
        numbers: dict[tuple[int, int], int] = {}
        for indicator in spec.indicators:
            key = (indicator.line, indicator.objective)
            numbers[key] = numbers.get(key, 0) + 1
            _load_indicator(programme, indicator, numbers[key], now)
        _load_letters(programme, spec)
        # Updates posted after the letter: what the officer sees as changed.
        for line in spec.lines:
            for item in line.activities:
                late = [u for u in item.updates if u.after_letter]
                if late:
                    activity = (
                        programme_queries.activities_of_programme(programme)
                        .filter(Q(line__number=line.number) | Q(objective__line__number=line.number))
                        .get(number=item.number)
                    )
                    for update in late:
                        _load_update(activity, update, municipality, timezone.now())
        loaded.append(programme)
    return loaded
