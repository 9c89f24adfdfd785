"""RSS 2.0 and Atom feeds for news, vacancies and procurement notices, one per language.

Built on django.contrib.syndication (https://docs.djangoproject.com/en/5.2/ref/contrib/syndication/);
the index pages serve them at feed/rss/ and feed/atom/ (RoutablePageMixin), so each language's
index has its own feed.
"""

from __future__ import annotations

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from kopuro.newsroom import selectors
from kopuro.newsroom.models import (
    NewsIndexPage,
    TenderIndexPage,
    VacancyIndexPage,
    format_when,
    office_zone,
)

FEED_LENGTH = 30


class IndexFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, feed_type):
        super().__init__()
        self.index = index
        self.feed_type = Atom1Feed if feed_type == "atom" else Rss201rev2Feed
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def _abs(self, page) -> str:
        return self.request.build_absolute_uri(page.get_url(self.request))

    def title(self):
        return self.index.title

    def link(self):
        return self._abs(self.index)

    def description(self):
        return self.index.intro or self.index.title

    subtitle = description

    def feed_url(self):
        return self.request.build_absolute_uri(self.request.path)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return self._abs(item)

    def item_guid(self, item):
        # The same story in another language is another item; re-publishing keeps its guid.
        return f"{self._abs(item)}#{item.translation_key}"

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return item.last_published_at

    def item_pubdate(self, item):
        return item.first_published_at


class NewsFeed(IndexFeed):
    def items(self):
        items = list(selectors.news_list(index=self.index)[:FEED_LENGTH])
        selectors.with_localized_topics(items)
        return items

    def item_pubdate(self, item):
        return datetime.combine(item.date, time(9, 0), tzinfo=office_zone())

    def item_categories(self, item):
        categories = [item.get_kind_display()]
        categories += [topic.name for topic in item.topic_list]
        return categories


class VacancyFeed(IndexFeed):
    def items(self):
        return selectors.vacancies_open(index=self.index)[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.position} — {item.duty_station}"

    def item_description(self, item):
        deadline = _("Deadline: %(when)s (office time).") % {"when": format_when(item.deadline)}
        return f"{item.summary} {deadline}".strip()

    def item_pubdate(self, item):
        if item.posting_date:
            return datetime.combine(item.posting_date, time(9, 0), tzinfo=office_zone())
        return item.first_published_at


class TenderFeed(IndexFeed):
    def items(self):
        return selectors.tenders_open(index=self.index)[:FEED_LENGTH]

    def item_description(self, item):
        deadline = _("Submission deadline: %(when)s (office time).") % {
            "when": format_when(item.submission_deadline)
        }
        return f"{item.summary} {deadline}".strip()

    def item_pubdate(self, item):
        if item.announced_on:
            return datetime.combine(item.announced_on, time(9, 0), tzinfo=office_zone())
        return item.first_published_at


def feed_for(index, feed_type: str) -> Feed:
    if isinstance(index, NewsIndexPage):
        return NewsFeed(index, feed_type)
    if isinstance(index, VacancyIndexPage):
        return VacancyFeed(index, feed_type)
    if isinstance(index, TenderIndexPage):
        return TenderFeed(index, feed_type)
    raise TypeError(f"No feed for {type(index).__name__}")
