"""Admin forms for newsroom pages: date-times typed in the zone they happen in.

An editor types "18:00, 5 July 2019" for a vacancy in Bishkek and means Bishkek time, whatever
time zone their own admin profile uses; an event in Almaty is typed in Almaty time. Django's
form fields read a typed date-time in the *current* time zone, so these forms take the wall-clock
value the editor typed and attach the right zone to it (and show stored values back in it).
"""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

# Errors users see, defined once: the models' "blank" messages and these forms' "required" ones.
NO_DEADLINE = _("Set an application deadline: a vacancy cannot be published without one.")
NO_SUBMISSION_DEADLINE = _(
    "Set the submission deadline: a procurement notice cannot be published without one."
)
NO_ANNOUNCEMENT = _("Give the date of announcement before publishing.")


class ZonedDateTimePageForm(WagtailAdminPageForm):
    zoned_fields: tuple[str, ...] = ()

    def zone_name_initial(self) -> str:
        return settings.TIME_ZONE

    def zone_name_cleaned(self, cleaned_data) -> str:
        return settings.TIME_ZONE

    @staticmethod
    def _zone(name: str | None) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        zone = self._zone(self.zone_name_initial())
        for name in self.zoned_fields:
            if name not in self.fields:
                continue
            value = self.initial.get(name)
            if value is not None and timezone.is_aware(value):
                # A naive value is shown as it is (Django converts only aware ones).
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self):
        cleaned_data = super().clean()
        zone = self._zone(self.zone_name_cleaned(cleaned_data))
        for name in self.zoned_fields:
            value = cleaned_data.get(name)
            if value is not None:
                wall_clock = timezone.make_naive(value) if timezone.is_aware(value) else value
                cleaned_data[name] = wall_clock.replace(tzinfo=zone)
        return cleaned_data


class VacancyPageForm(ZonedDateTimePageForm):
    zoned_fields = ("deadline",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "deadline" in self.fields:
            # Wagtail defers "required" while a draft is saved; publishing enforces it.
            self.fields["deadline"].error_messages["required"] = NO_DEADLINE


class TenderPageForm(ZonedDateTimePageForm):
    zoned_fields = ("questions_deadline", "answers_published_at", "submission_deadline")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        messages = {
            "announced_on": NO_ANNOUNCEMENT,
            "submission_deadline": NO_SUBMISSION_DEADLINE,
        }
        for name, message in messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message


class EventPageForm(ZonedDateTimePageForm):
    zoned_fields = ("start", "end")

    def zone_name_initial(self) -> str:
        return self.initial.get("time_zone") or settings.TIME_ZONE

    def zone_name_cleaned(self, cleaned_data) -> str:
        return cleaned_data.get("time_zone") or settings.TIME_ZONE
