"""Every newsroom page type renders, in the tree where it belongs."""

from datetime import timedelta

import pytest
from wagtail.test.utils import WagtailPageTestCase

from kopuro.core.models import HomePage
from kopuro.newsroom.models import (
    ContentPage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    NewsPageContact,
    PhotoStoryPage,
    PressContact,
    TenderIndexPage,
    TenderPage,
    VacancyIndexPage,
    VacancyPage,
)
from kopuro.newsroom.services import topic_ensure
from kopuro.newsroom.tests import factories as f


class TestPageTree(WagtailPageTestCase):
    def test_indexes_live_under_the_home_page(self):
        for index in (NewsIndexPage, EventIndexPage, VacancyIndexPage, TenderIndexPage):
            self.assertAllowedParentPageTypes(index, {HomePage})

    def test_articles_live_under_their_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedParentPageTypes(VacancyPage, {VacancyIndexPage})
        self.assertAllowedParentPageTypes(TenderPage, {TenderIndexPage})
        self.assertAllowedParentPageTypes(PhotoStoryPage, {NewsIndexPage, EventIndexPage})
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})

    def test_notices_have_no_children(self):
        for model in (NewsPage, EventPage, VacancyPage, TenderPage, PhotoStoryPage):
            self.assertAllowedSubpageTypes(model, set())


@pytest.mark.django_db
class TestCanCreate(WagtailPageTestCase):
    """Editors can create each page type through the admin form."""

    def setUp(self):
        from kopuro.core.services import site_ensure_home
        from kopuro.newsroom.services import newsroom_ensure_indexes

        self.home = site_ensure_home()
        self.indexes = newsroom_ensure_indexes(home=self.home)
        self.login()

    def test_news_page(self):
        from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

        self.assertCanCreate(
            self.indexes["news"],
            NewsPage,
            nested_form_data(
                {
                    "title": "Workshop on migrants' right to health",
                    "slug": "right-to-health",
                    "kind": "press_release",
                    "date": "2017-06-13",
                    "dateline_place": "BISHKEK",
                    "lead": "A regional workshop.",
                    "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
                    "press_contacts-TOTAL_FORMS": 0,
                    "press_contacts-INITIAL_FORMS": 0,
                    "topics": [str(topic_ensure("health").pk)],
                }
            ),
        )

    def test_content_page(self):
        from wagtail.test.utils.form_data import nested_form_data, streamfield

        self.assertCanCreate(
            self.home,
            ContentPage,
            nested_form_data(
                {"title": "About", "slug": "about", "body": streamfield([("heading", "Hello")])}
            ),
        )


def test_each_page_type_renders(client, newsroom):
    news = f.news(newsroom["news"], title="A press release")
    contact = PressContact.objects.create(
        name="Aliya B.", unit="IOM", phone="+7 777", email="a@example.org"
    )
    NewsPageContact.objects.create(page=news, contact=contact)
    pages = [
        news,
        f.event(newsroom["events"]),
        f.vacancy(newsroom["vacancies"]),
        f.tender(newsroom["tenders"]),
        f.photo_story(newsroom["news"]),
        *newsroom.values(),
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
    body = client.get(news.url).content.decode()
    assert "Aliya B." in body and "mailto:a@example.org" in body


def test_archives_render(client, newsroom):
    f.vacancy(newsroom["vacancies"], closes_in=-timedelta(days=1))
    for slug in ("vacancies", "tenders", "events"):
        assert client.get(newsroom[slug].url + "archive/").status_code == 200


def test_a_page_published_in_the_admin_is_reachable_in_every_language(admin_client, newsroom):
    from wagtail.models import Locale
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    ru = Locale.objects.get(language_code="ru")
    newsroom["news"].copy_for_translation(ru, copy_parents=True).save_revision().publish()
    data = nested_form_data(
        {
            "title": "Only in English",
            "slug": "only-in-english",
            "kind": "announcement",
            "date": "2026-01-15",
            "dateline_place": "",
            "lead": "",
            "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
            "press_contacts-TOTAL_FORMS": 0,
            "press_contacts-INITIAL_FORMS": 0,
            "action-publish": "1",
        }
    )
    response = admin_client.post(f"/admin/pages/add/newsroom/newspage/{newsroom['news'].pk}/", data)
    assert response.status_code == 302
    alias = NewsPage.objects.get(slug="only-in-english", locale=ru)
    assert alias.alias_of_id is not None
    assert "nr-untranslated" in admin_client.get("/ru/news/only-in-english/").content.decode()


def test_editors_preview_on_a_small_phone_first(admin_client, newsroom):
    page = f.news(newsroom["news"])
    body = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'data-device-width="360"' in body
    assert body.index('data-device-width="360"') < body.index('data-device-width="1280"')


def test_a_page_whose_image_file_is_gone_still_renders(client, newsroom):
    """Storage lost an original (a restore without media, say): the page renders without the
    sharing picture instead of failing."""
    image = f.listing_image()
    news = f.news(newsroom["news"], title="A release with a lost picture", image=image)
    image.renditions.all().delete()
    image.file.storage.delete(image.file.name)
    response = client.get(news.url)
    assert response.status_code == 200
    assert "A release with a lost picture" in response.content.decode()
