"""The demo newsroom: every item of the office's website snapshot, in English and Russian,
reachable in every language, and loaded only once however often the seed runs."""

import pytest
from wagtail.models import Locale, Page

from kopuro.core.testing import seeded_once
from kopuro.newsroom.demo import seed_newsroom
from kopuro.newsroom.models import NewsPage

# One fact from each item of shared/reference/office-website-snapshot.txt, by page address.
SNAPSHOT = {
    "/en/about/": ["Message from IOM for Central Asia", "than at any time before"],
    "/en/contacts/": ["Canada Visa Application Centre", "Social media", "6 Ryskulov Street"],
    "/en/vacancies/receptionist-administrative-clerk/": [
        "Receptionist / Administrative Clerk",
        "G3",
        "hrkg@iom.int",
        "5 July 2019, 18:00",
        "sealed envelope",
        "written test and an interview",
        "Terms of reference",
    ],
    "/en/news/idiaspora-platform-launch/": [
        "GENEVA, 9 October 2018",
        "Cairo, London and Washington DC",
        "Laura Thompson",
        "Colman Lydon",
        "Eric Guichard",
        "Gibril Faal",
        "more than 150 diaspora mappings",
        "Deepali Fernandes",
        "+41 22 717 9547",
        "vokoth@iom.int",
    ],
    "/en/news/statement-migrant-workers-right-to-rest/": ["8 hours in a 40-hour week"],
    "/ru/news/statement-migrant-workers-right-to-rest/": [
        "Заявление МОМ / Агентства ООН по миграции о праве трудящихся-мигрантов на отдых",
    ],
    "/en/news/un-statement-bride-kidnapping-child-marriage/": [
        "BISHKEK, 31 May 2018",
        "13.8 per cent",
        "until 2022",
        "ala-kachuu",
        "kg.one.un.org",
    ],
    "/en/tenders/rfp-internal-migration-study-2018/": [
        "USAID Dignity and Rights Project",
        "Quality- and cost-based selection",
        "7 May 2018",
        "20 May 2018, 23:59",
        "21 May 2018, 17:00",
        "23 May 2018, 17:00",
        "Section VIII. Standard form of contract",
        "Methodology and Budget for Internal Migration Research",
        "Late proposals are not accepted",
        "Lot 2",
    ],
    "/en/news/workshop-youth-radicalization-almaty/": [
        "ALMATY, 23 April 2018",
        "Holiday Inn Almaty",
        "Hanif Qadir",
        "Emil Nasritdinov",
        "Chinara Esengul",
    ],
    "/en/news/press-announcement-photostory-exhibition/": [
        "19:30",
        "7/6 Aaly Tokombaev Street",
        "Tian Shan Policy Center",
        "more than forty photographs",
        "Download the press announcement",
    ],
    "/en/events/migrants-an-invisible-force-in-central-asia/": [
        "Elyor Nematov",
        "Didor Sadulloev",
        "Diana Mindubayeva",
        "Almazbek Duyishebaev",
        "Rakhat Sagynbek Kyzy",
        "Nafisa Abdullaeva",
        "Yermek Tursunov",
        "Misko Necak",
        "a photo jury of five",
    ],
    "/en/news/workshop-migrants-right-to-health/": [
        "BISHKEK, 13 June 2017",
        "Orion Hotel",
        "Turkmenistan",
    ],
    "/en/news/information-terminals-for-migrants/": [
        "Manas International Airport",
        "700,000",
        "660,000",
        "113,000",
        "Ak-Jol",
        "Medetbek Aidaraliev",
        "Kimberly Rosen",
        "100,000 people",
        "Download the press release",
    ],
    "/en/news/regional-workshop-migration-and-prevention-osh/": [
        "OSH, 30 March 2017",
        "Aliya Belonossova",
        "+7 777 779 28 74",
        "Shanghai City",
        "22 Nurmatov Street",
        "Search for Common Ground",
    ],
    "/en/events/regional-workshop-migration-and-prevention-2017/": ["5–6 April 2017", "Osh"],
    "/en/events/information-terminals-ceremony-2017/": ["43.06130", "OpenStreetMap"],
}


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The newsroom seeded once for the class's tests (about half a minute); yields
    (what seed_newsroom added, the media folder with its documents and pictures)."""
    from kopuro.core.services import site_ensure_home

    def seed():
        site = site_ensure_home()
        # Russian and Kyrgyz home pages, as the core demo makes them (it translates them).
        site.copy_for_translation(Locale.objects.get(language_code="ru")).save_revision().publish()
        site.copy_for_translation(Locale.objects.get(language_code="ky"), alias=True)
        return seed_newsroom(home=site)

    media = tmp_path_factory.mktemp("newsroom-media")
    with seeded_once(django_db_blocker, media, seed) as added:
        yield added, media


@pytest.mark.django_db
class TestDemoNewsroom:
    def test_every_snapshot_item_is_there(self, client, demo):
        for url, facts in SNAPSHOT.items():
            response = client.get(url)
            assert response.status_code == 200, url
            body = response.content.decode()
            for fact in facts:
                assert fact in body, f"{fact!r} missing from {url}"

    def test_russian_pages(self, client, demo):
        body = client.get("/ru/news/idiaspora-platform-launch/").content.decode()
        assert "ЖЕНЕВА, 9 октября 2018" in body
        assert "Колман Лайдон" in body
        assert '<html lang="ru">' in body
        assert 'hreflang="en"' in body and 'hreflang="ru"' in body
        vacancy = client.get("/ru/vacancies/receptionist-administrative-clerk/").content.decode()
        assert "секретарь-референт" in vacancy.lower() and "hrkg@iom.int" in vacancy
        assert "Новости" in client.get("/ru/news/").content.decode()

    def test_the_statement_was_written_in_russian(self, demo):
        from wagtail_localize.models import TranslationSource

        ru = Locale.objects.get(language_code="ru")
        statement = NewsPage.objects.get(slug="statement-migrant-workers-right-to-rest", locale=ru)
        source = TranslationSource.objects.get_for_instance(statement)
        assert source.locale == ru
        en_version = statement.get_translation(Locale.objects.get(language_code="en"))
        assert en_version.title.startswith("Statement by IOM")

    def test_untranslated_languages_get_a_notice_not_a_404(self, client, demo):
        response = client.get("/ky/news/idiaspora-platform-launch/")
        assert response.status_code == 200
        body = response.content.decode()
        assert 'class="notice nr-untranslated"' in body
        assert '<div lang="en">' in body  # the English text is marked as English

    def test_seeding_twice_adds_nothing(self, demo, django_capture_on_commit_callbacks):
        assert len(demo[0]) > 15
        before = Page.objects.count()
        with django_capture_on_commit_callbacks(execute=True):
            assert seed_newsroom() == []
        assert Page.objects.count() == before

    def test_documents_are_real_pdfs(self, client, demo, settings):
        from wagtail.documents import get_document_model

        settings.MEDIA_ROOT = demo[1]

        for doc in get_document_model().objects.all()[:3]:
            response = client.get(doc.url)
            assert response.status_code == 200
            assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
