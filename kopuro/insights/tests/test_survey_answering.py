"""Answering a survey: valid answers, every refusal, conditions, consent, one response, withdraw."""

from datetime import timedelta

import pytest
from django.utils import timezone

from kopuro.accounts.export import export_sections, run_erasures
from kopuro.accounts.tests.factories import ProfileFactory
from kopuro.insights.models import Answer, Response, Survey
from kopuro.insights.tests.survey_helpers import (
    client_for,
    make_survey,
    translate,
    valid_post,
)

URL = "/en/surveys/check-in/"


@pytest.fixture
def member(db):
    return ProfileFactory(display_name="Aibek Member").user


def test_form_renders_every_question_with_condition_hint(client, db):
    make_survey()
    html = client.get(URL).content.decode()
    assert "Where do you live?" in html
    assert 'name="q_ways"' in html
    assert "Answer only if you answered “Yes” to “Would you help?”." in html
    assert 'name="consent"' in html


def test_valid_answer_is_stored_with_consent_time(client, db):
    survey = make_survey()
    before = timezone.now()
    response = client.post(URL, valid_post())
    assert response.status_code == 302
    assert response["Location"] == "/en/surveys/check-in/thanks/"
    stored = Response.objects.get()
    assert stored.survey == survey
    assert stored.consent_at >= before
    assert stored.language == "en"
    assert stored.country == "KR"
    assert stored.member is None
    answers = {(a.question, a.value, a.number, a.text) for a in stored.answers.all()}
    assert ("since", "2015", 2015, "") in answers
    assert ("ways", "mentoring", None, "") in answers
    assert ("comment", "", None, "Thanks") in answers
    assert client.get("/en/surveys/check-in/thanks/").status_code == 200


def test_consent_is_required_and_typed_answers_stay(client, db):
    make_survey()
    response = client.post(URL, valid_post(consent=None, q_comment="Keep me"))
    assert response.status_code == 200
    assert "Please give your consent" in response.content.decode()
    assert "Keep me" in response.content.decode()
    assert not Response.objects.exists()


def test_missing_required_answer_is_refused(client, db):
    make_survey()
    response = client.post(URL, valid_post(q_willing=None))
    assert response.status_code == 200
    assert "Please answer this question." in response.content.decode()
    assert not Response.objects.exists()


def test_number_out_of_range_is_refused_and_kept(client, db):
    make_survey()
    response = client.post(URL, valid_post(q_since="1800"))
    html = response.content.decode()
    assert "at least 1950" in html
    assert 'value="1800"' in html
    assert not Response.objects.exists()


def test_conditional_required_when_condition_met(client, db):
    make_survey()
    response = client.post(URL, valid_post(q_ways=None))
    assert "Please answer this question." in response.content.decode()
    assert not Response.objects.exists()


def test_answer_to_hidden_question_is_ignored(client, db):
    make_survey()
    response = client.post(URL, valid_post(q_willing="no", q_ways=["investment", "bogus"]))
    assert response.status_code == 302
    assert not Answer.objects.filter(question="ways").exists()


def test_closed_and_not_yet_open_surveys_refuse(client, db):
    survey = make_survey(closes_at=timezone.now() - timedelta(days=1))
    response = client.post(URL, valid_post())
    assert response.status_code == 403
    assert "This survey is closed" in response.content.decode()
    survey.closes_at = None
    survey.opens_at = timezone.now() + timedelta(days=2)
    survey.save()
    response = client.get(URL)
    assert "not open yet" in response.content.decode()
    assert 'name="consent"' not in response.content.decode()
    assert not Response.objects.exists()


def test_one_response_per_browser_session(client, db):
    make_survey()
    assert client.post(URL, valid_post()).status_code == 302
    response = client.post(URL, valid_post())
    assert response.status_code == 403
    assert "already answered" in response.content.decode()
    assert Response.objects.count() == 1


def test_one_response_per_member_across_sessions(member, db):
    make_survey(limit=Survey.Limit.MEMBER)
    assert client_for(member).post(URL, valid_post()).status_code == 302
    second = client_for(member).post(URL, valid_post())
    assert second.status_code == 403
    assert Response.objects.get().member == member


def test_members_only_survey_sends_anonymous_to_sign_in(client, db):
    make_survey(audience=Survey.Audience.MEMBERS)
    response = client.get(URL)
    assert response.status_code == 302
    assert "next=/en/surveys/check-in/" in response["Location"]


def test_invitation_survey_needs_the_token(client, db):
    survey = make_survey(audience=Survey.Audience.INVITATION)
    assert client.get(URL).status_code == 404
    assert client.get(URL + "?key=wrong").status_code == 404
    assert client.post(URL, valid_post(key="wrong")).status_code == 404
    ok = client.get(f"{URL}?key={survey.invitation_token}")
    assert ok.status_code == 200
    assert survey.invitation_token in ok.content.decode()  # kept in the form
    assert client.post(URL, valid_post(key=survey.invitation_token)).status_code == 302
    assert Response.objects.count() == 1


def test_unknown_survey_is_404(client, db):
    assert client.get("/en/surveys/nope/").status_code == 404


@pytest.mark.parametrize(
    ("lang", "title"), [("ru", "Опрос диаспоры"), ("ky", "Диаспора сурамжылоосу")]
)
def test_translation_renders_and_counts_with_source(client, db, lang, title):
    survey = make_survey()
    translate(survey, lang, title)
    html = client.get(f"/{lang}/surveys/check-in/").content.decode()
    assert title in html
    assert f'lang="{lang}"' in html
    assert client.post(f"/{lang}/surveys/check-in/", valid_post()).status_code == 302
    stored = Response.objects.get()
    assert stored.survey == survey  # the source survey
    assert stored.language == lang


def test_member_sees_and_withdraws_own_response(member, db):
    make_survey()
    c = client_for(member)
    c.post(URL, valid_post())
    page = c.get("/en/surveys/mine/")
    html = page.content.decode()
    assert "Diaspora check-in" in html
    assert "Mentoring" in html
    other = ProfileFactory().user
    pk = Response.objects.get().pk
    assert client_for(other).post(f"/en/surveys/mine/{pk}/withdraw/").status_code == 404
    assert c.post(f"/en/surveys/mine/{pk}/withdraw/").status_code == 302
    assert not Response.objects.exists()
    assert not Answer.objects.exists()
    # withdrawn: the member may answer again
    assert c.post(URL, valid_post()).status_code == 302


def test_mine_needs_sign_in(client, db):
    assert client.get("/en/surveys/mine/").status_code == 302


def test_export_and_erasure_registries(member, db):
    make_survey()
    client_for(member).post(URL, valid_post())
    sections = dict(export_sections(member))
    assert sections["surveys"][0]["survey"] == "Diaspora check-in"
    run_erasures(member)
    assert not Response.objects.exists()
