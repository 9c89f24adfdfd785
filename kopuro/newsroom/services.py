"""Writes for the newsroom. Editors work in the Wagtail admin; these are for set-up, demo content
and tests, and follow the same rules (pages are published through revisions, so Wagtail's log
and the models' validation apply).
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from kopuro.core.models import HomePage
from kopuro.newsroom.models import (
    EventIndexPage,
    NewsIndexPage,
    TenderClarification,
    TenderIndexPage,
    TenderPage,
    Topic,
    VacancyIndexPage,
)

INDEXES = [
    (NewsIndexPage, "news", _("News"), _("Press releases, statements and announcements.")),
    (EventIndexPage, "events", _("Events"), _("Workshops, conferences and exhibitions.")),
    (
        VacancyIndexPage,
        "vacancies",
        _("Vacancies"),
        _("Open posts at the office, nearest deadline first."),
    ),
    (
        TenderIndexPage,
        "tenders",
        _("Procurement notices"),
        _("Requests for proposals and quotations, with their timelines and clarifications."),
    ),
]


@transaction.atomic
def newsroom_ensure_indexes(*, home: HomePage) -> dict[str, Page]:
    """The four newsroom index pages under `home`, created (and published) when missing, with
    the approval workflow on news and tenders (newsroom_ensure_workflow).

    Idempotent. Titles are written in English: translate them with wagtail-localize.
    """
    found = {}
    for model, slug, title, intro in INDEXES:
        page = model.objects.child_of(home).first()
        if page is None:
            page = model(title=str(title), slug=slug, intro=str(intro), locale=home.locale)
            home.add_child(instance=page)
            page.save_revision().publish()
        found[slug] = page
    newsroom_ensure_workflow(indexes=found)
    return found


def page_publish(*, parent: Page, page: Page, user=None) -> Page:
    """Add `page` under `parent` and publish it through a revision (Wagtail's log applies)."""
    parent.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    page.refresh_from_db()
    return page


@transaction.atomic
def tender_clarification_publish(
    *, tender: TenderPage, question: str, answer: str, published_on=None, user=None
) -> TenderClarification:
    """Publish a question and its answer on a tender, for every bidder to read."""
    tender = TenderPage.objects.get(pk=tender.pk)
    kwargs = {"question": question, "answer": answer}
    if published_on is not None:
        kwargs["published_on"] = published_on
    tender.clarifications.add(TenderClarification(**kwargs))
    revision = tender.save_revision(user=user)
    revision.publish(user=user)
    return TenderClarification.objects.filter(page_id=tender.pk, question=question).latest("pk")


def newsroom_page_alias(*, page: Page) -> list[Page]:
    """Aliases of `page` in every language that has its parent but not the page yet.

    An alias is wagtail-localize's placeholder for "not translated yet": it shows the original
    content at the other language's address, and becomes a real translation when someone
    translates the page.
    """
    from wagtail.models import Locale

    made = []
    parent = page.get_parent()
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if page.get_translation_or_none(locale) is not None:
            continue
        if parent.get_translation_or_none(locale) is None:
            continue
        made.append(page.copy_for_translation(locale, alias=True))
    return made


@transaction.atomic
def topic_ensure(name: str, *, translations: dict[str, str] | None = None) -> Topic:
    """The topic called `name` in the site's default language, created when missing, with the
    given translations ({"ru": "здоровье"}) added in the languages that do not have one yet."""
    default = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    slug = slugify(name)
    topic = Topic.objects.filter(locale=default, slug=slug).first()
    if topic is None:
        topic = Topic.objects.create(locale=default, name=name, slug=slug)
    for language, translated in (translations or {}).items():
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None or topic.has_translation(locale):
            continue
        copy = topic.copy_for_translation(locale)
        copy.name = translated
        copy.save()
    return topic


NEWSROOM_APPROVERS = "Newsroom approvers"
NEWSROOM_WORKFLOW = "Newsroom approval"
NEWSROOM_APPROVAL_TASK = "Approval by a newsroom approver"


@transaction.atomic
def newsroom_ensure_workflow(*, indexes: dict[str, Page]):
    """Press releases (all news) and procurement notices go from an editor to an approver.

    Wagtail's own "Editors" group may add and change pages but not publish them, so an editor's
    release or tender is submitted to this workflow, and a member of "Newsroom approvers" (who
    may publish) approves it or sends it back with a comment. Superusers still publish
    directly. The workflow is assigned to the news and tender indexes in every language (each
    language is its own tree). Idempotent.
    """
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import (
        GroupApprovalTask,
        GroupPagePermission,
        Workflow,
        WorkflowPage,
        WorkflowTask,
    )

    approvers, _ = Group.objects.get_or_create(name=NEWSROOM_APPROVERS)
    approvers.permissions.add(Permission.objects.get(codename="access_admin"))
    approvers.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=["wagtaildocs", "wagtailimages"],
            codename__in=["add_document", "change_document", "add_image", "change_image"],
        )
    )
    task, _created = GroupApprovalTask.objects.get_or_create(name=NEWSROOM_APPROVAL_TASK)
    task.groups.add(approvers)
    workflow, _created = Workflow.objects.get_or_create(name=NEWSROOM_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore",
        codename__in=["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    )
    for slug in ("news", "tenders"):
        index = indexes.get(slug)
        if index is None:
            continue
        for page in index.get_translations(inclusive=True):
            # An operator who chose another workflow for the page keeps it.
            WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=approvers, page=page, permission=permission
                )
    return workflow
