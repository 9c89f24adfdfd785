"""Results: k-anonymity, filters, access, exports, query budget, the demo surveys."""

import csv
import io

import pytest
from openpyxl import load_workbook

from kopuro.accounts.tests.factories import ProfileFactory, UserFactory
from kopuro.core.testing import assert_queries_constant
from kopuro.insights.demo import seed_insights_demo
from kopuro.insights.models import Response, Survey
from kopuro.insights.tests.survey_helpers import add_responses, client_for, make_survey, translate

URL = "/en/surveys/check-in/results/"


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def member(db):
    return ProfileFactory().user


def test_four_respondents_show_nothing_but_the_message(client, db):
    survey = make_survey()
    add_responses(survey, 4)
    html = client.get(URL).content.decode()
    assert "Fewer than 5 people answered" in html
    assert "<svg" not in html
    assert "Would you help?" not in html


def test_five_respondents_show_charts_and_tables(client, db):
    survey = make_survey()
    add_responses(survey, 5)
    html = client.get(URL).content.decode()
    assert "5 people answered" in html
    assert "<svg" in html and "<table" in html
    assert "Would you help?" in html
    assert "average 4.0" in html


def test_small_groups_read_fewer_than_five(client, db):
    survey = make_survey()
    add_responses(survey, 6, willing="yes")
    add_responses(survey, 2, willing="no")
    html = client.get(URL).content.decode()
    assert '<th scope="row">No</th><td colspan="2">fewer than 5</td>' in html
    # 8 answered: "Yes" would give the small group away (8 - 6), so it is hidden too
    assert '<th scope="row">Yes</th><td colspan="2">hidden to protect a smaller group</td>' in html


def test_groups_of_five_or_more_are_shown(client, db):
    survey = make_survey()
    add_responses(survey, 6, willing="yes")
    add_responses(survey, 5, willing="no")
    html = client.get(URL).content.decode()
    assert '<th scope="row">Yes</th><td>6</td><td>55</td>' in html
    assert '<th scope="row">No</th><td>5</td><td>45</td>' in html


def test_no_average_when_a_scale_group_is_hidden(client, db):
    survey = make_survey()
    add_responses(survey, 6, happy=5)
    add_responses(survey, 6, happy=4)
    assert "average 4.5" in client.get(URL).content.decode()
    add_responses(survey, 1, happy=1)
    html = client.get(URL).content.decode()
    assert "average 4." not in html
    assert "average 2010.0" in html  # the number question: no group hidden there


def test_free_text_is_never_public(client, db):
    survey = make_survey()
    add_responses(survey, 6)
    html = client.get(URL).content.decode()
    assert "secret words" not in html
    assert "not published" in html


def test_filters_by_country_and_language(client, db):
    survey = make_survey()
    add_responses(survey, 5, country="KR", language="ru")
    add_responses(survey, 3, country="TR", language="ky")
    html = client.get(URL + "?country=KR&language=").content.decode()
    assert "5 people answered" in html
    # Türkiye has only 3 respondents: not offered as a filter, and a filtered set under 5 says so
    assert 'value="TR"' not in html
    html = client.get(URL + "?language=ky").content.decode()
    assert "Fewer than 5 people answered" in html
    assert client.get(URL + "?country=ZZ&language=xx").status_code == 200


def test_private_results_only_for_staff(client, member, staff, db):
    survey = make_survey(results_public=False)
    add_responses(survey, 5)
    assert client.get(URL).status_code == 404
    assert client_for(member).get(URL).status_code == 403
    assert client_for(staff).get(URL).status_code == 200


def test_export_refused_to_non_staff(client, member, db):
    survey = make_survey()
    add_responses(survey, 5)
    for fmt in ("csv", "xlsx"):
        assert client.get(f"{URL}export.{fmt}").status_code == 403
        assert client_for(member).get(f"{URL}export.{fmt}").status_code == 403


def test_staff_export_csv_and_xlsx(staff, db):
    survey = make_survey()
    add_responses(survey, 5)
    r = Response.objects.first()
    r.answers.filter(question="comment").update(text="=HYPERLINK(1)")
    c = client_for(staff)
    response = c.get(f"{URL}export.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["response", "submitted_at", "language", "country", "consent_at"]
    assert rows[0][5:] == ["country", "since", "willing", "ways", "happy", "comment"]
    assert len(rows) == 6
    assert rows[1][5:8] == ["KR", "2010", "yes"]
    assert "'=HYPERLINK(1)" in {row[-1] for row in rows[1:]}
    response = c.get(f"{URL}export.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.active
    values = list(sheet.values)
    assert values[0][5] == "country"
    assert len(values) == 6
    assert values[1][10] == "secret words"


def test_results_in_russian_and_kyrgyz(client, db):
    survey = make_survey()
    add_responses(survey, 5)
    translate(survey, "ru", "Проверка диаспоры")
    translate(survey, "ky", "Диаспораны текшерүү")
    assert "Проверка диаспоры" in client.get("/ru/surveys/check-in/results/").content.decode()
    assert "Диаспораны текшерүү" in client.get("/ky/surveys/check-in/results/").content.decode()


def test_results_query_budget_constant(client, db):
    survey = make_survey()
    countries = iter(["KR", "TR", "RU", "US", "DE"] * 40)

    def make_rows(n):
        for _i in range(n):
            add_responses(survey, 1, country=next(countries))

    count = assert_queries_constant(client, URL, make_rows, small=10, large=100, max_queries=12)
    assert count <= 12


def test_demo_surveys_seed_once_and_render(client, db):
    first = seed_insights_demo()
    again = seed_insights_demo()
    assert first["feedback"].pk == again["feedback"].pk
    assert Survey.objects.count() == 6  # two surveys in en, ru, ky
    assert Response.objects.filter(survey=first["mapping"]).count() == 36
    for lang in ("en", "ru", "ky"):
        for slug in ("platform-feedback", "diaspora-mapping"):
            assert client.get(f"/{lang}/surveys/{slug}/").status_code == 200
            page = client.get(f"/{lang}/surveys/{slug}/results/")
            assert page.status_code == 200
            assert "<svg" in page.content.decode()
    html = client.get("/ky/surveys/diaspora-mapping/").content.decode()
    assert "Кайсы өлкөдө жашайсыз?" in html
    assert 'href="/ky/surveys/platform-feedback/"' in html  # the footer link


def test_staff_build_surveys_in_the_admin(staff, db):
    survey = make_survey()
    c = client_for(staff)
    assert c.get("/admin/snippets/insights/survey/").status_code == 200
    assert c.get("/admin/snippets/insights/survey/add/").status_code == 200
    assert c.get(f"/admin/snippets/insights/survey/edit/{survey.pk}/").status_code == 200


def test_wagtail_localize_offers_wording_not_keys(db):
    from wagtail_localize.models import StringSegment, TranslationSource

    survey = make_survey()
    source, _created = TranslationSource.get_or_create_from_instance(survey)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert {"Diaspora check-in", "Would you help?", "Mentoring"} <= strings
    assert not {"willing", "mentoring", "check-in"} & strings
