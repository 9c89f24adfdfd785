"""Press releases and procurement notices go from an editor to an approver before they go live."""

import io

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from kopuro.accounts.models import User
from kopuro.newsroom.models import NewsIndexPage, NewsPage, TenderPage
from kopuro.newsroom.services import NEWSROOM_APPROVERS, NEWSROOM_WORKFLOW
from kopuro.newsroom.tests import factories as f


def _staff(email: str, group: str) -> User:
    user = User.objects.create_user(email=email, password="x-Long-enough-1", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def writer(newsroom):
    return _staff("writer@example.org", "Editors")  # Wagtail's group: add and edit, no publish


@pytest.fixture
def approver(newsroom):
    return _staff("approver@example.org", NEWSROOM_APPROVERS)


def _release_form(**extra):
    return nested_form_data(
        {
            "title": "Workshop on the right to health",
            "slug": "right-to-health",
            "kind": "press_release",
            "date": "2017-06-13",
            "dateline_place": "BISHKEK",
            "lead": "A regional workshop.",
            "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
            "press_contacts-TOTAL_FORMS": 0,
            "press_contacts-INITIAL_FORMS": 0,
            **extra,
        }
    )


def test_news_and_tenders_have_the_newsroom_workflow_in_every_language(newsroom):
    ru = Locale.objects.get(language_code="ru")
    ru_news = newsroom["news"].copy_for_translation(ru, copy_parents=True)
    ru_news.save_revision().publish()  # publishing a new translation assigns it too
    for page in (newsroom["news"], newsroom["tenders"], ru_news):
        assert page.get_workflow().name == NEWSROOM_WORKFLOW, page
    for page in (newsroom["events"], newsroom["vacancies"]):
        assert page.get_workflow().name != NEWSROOM_WORKFLOW, page


def test_an_editor_submits_a_release_and_an_approver_publishes_it(client, writer, approver):
    parent = NewsIndexPage.objects.get()
    add_url = reverse("wagtailadmin_pages:add", args=["newsroom", "newspage", parent.pk])

    client.force_login(writer)
    # An editor may not publish: the button is not there, and asking anyway publishes nothing.
    form = client.get(add_url).content.decode()
    assert 'name="action-submit"' in form and 'name="action-publish"' not in form
    client.post(add_url, _release_form(**{"action-publish": "1"}))
    page = NewsPage.objects.get(slug="right-to-health")
    assert not page.live

    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(edit_url, _release_form(**{"action-submit": "1"}))
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == NEWSROOM_WORKFLOW
    page.refresh_from_db()
    assert not page.live

    # The writer cannot approve their own submission; an approver can.
    task_state = state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    client.post(approve_url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    client.force_login(approver)
    response = client.post(approve_url, {"comment": "Checked with the programme."})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    state.refresh_from_db()
    assert page.live and state.status == WorkflowState.STATUS_APPROVED
    assert client.get(page.url).status_code == 200


def test_an_approver_can_send_a_tender_back_with_a_comment(client, newsroom, writer, approver):
    tender = f.tender(newsroom["tenders"])
    tender.unpublish()
    tender = TenderPage.objects.get(pk=tender.pk)
    tender.save_revision(user=writer)
    state = tender.get_workflow().start(tender, user=writer)

    client.force_login(approver)
    reject_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[tender.pk, "reject", state.current_task_state.pk],
    )
    client.post(reject_url, {"comment": "The questions deadline is a Sunday."})
    state.refresh_from_db()
    tender.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not tender.live
    assert state.current_task_state.comment == "The questions deadline is a Sunday."


def test_a_fresh_install_gets_the_newsroom_and_its_workflow(db):
    from django.core.management import call_command

    from kopuro.newsroom.models import TenderIndexPage

    call_command("ensure_site", stdout=io.StringIO())
    call_command("ensure_site", stdout=io.StringIO())  # idempotent
    assert NewsIndexPage.objects.count() == 1 and TenderIndexPage.objects.count() == 1
    assert TenderIndexPage.objects.get().get_workflow().name == NEWSROOM_WORKFLOW
