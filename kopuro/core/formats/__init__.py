"""Date formats per interface language (FORMAT_MODULE_PATH), read through the named formats:
`date_format(value, "DATE_FORMAT")`, `{{ value|date:"DATETIME_FORMAT" }}`. Code never spells
out "j E Y" itself, so each language writes dates its own way:

- en: 23 May 2018 · 23 May 2018, 17:00
- ru: 23 мая 2018 · 23 мая 2018, 17:00 (the genitive month, Django's "E")
- ky: 23-май, 2018-ж. · 23-май, 2018-ж., 17:00 (the day with a hyphen, the year with "ж.",
  the month in lower case as Kyrgyz writes it; the lower-case names come from our ky catalog)
"""
