"""Each interface language writes dates its own way (kopuro/core/formats)."""

from datetime import date, datetime

import pytest
from django.utils import translation
from django.utils.formats import date_format


@pytest.mark.parametrize(
    ("lang", "day", "moment", "month"),
    [
        ("en", "9 December 2026", "9 December 2026, 15:00", "December 2026"),
        ("ru", "9 декабря 2026", "9 декабря 2026, 15:00", "Декабрь 2026"),
        ("ky", "9-декабрь, 2026-ж.", "9-декабрь, 2026-ж., 15:00", "2026-ж., декабрь"),
    ],
)
def test_dates_in_each_language(lang, day, moment, month):
    with translation.override(lang):
        assert date_format(date(2026, 12, 9), "DATE_FORMAT") == day
        assert date_format(datetime(2026, 12, 9, 15, 0), "DATETIME_FORMAT") == moment
        assert date_format(date(2026, 12, 9), "YEAR_MONTH_FORMAT") == month
