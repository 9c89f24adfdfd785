"""Surveys' public pages: answering, thanks, results (with staff exports), one's own responses.
Plain forms, no JavaScript needed."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from kopuro.core.selectors import K_ANONYMITY
from kopuro.insights import survey_results
from kopuro.insights.models import Answer, Response, Survey
from kopuro.insights.survey_forms import ResultsFilterForm, SurveyForm

SESSION_KEY = "surveys_answered"


def _locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def _survey_or_404(slug: str) -> Survey:
    """The survey in the reader's language, else in the site's language, else any."""
    found = list(Survey.objects.filter(slug=slug).select_related("locale"))
    if not found:
        raise Http404(_("No survey at this address."))
    by_lang = {s.locale.language_code: s for s in found}
    survey = by_lang.get(get_language()) or by_lang.get(settings.LANGUAGE_CODE)
    return survey or min(found, key=lambda s: s.pk)


def is_staff(user) -> bool:
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def _token_ok(request, survey: Survey) -> bool:
    given = request.POST.get("key") or request.GET.get("key") or ""
    return bool(given) and secrets.compare_digest(given, survey.invitation_token)


def _already_answered(request, source: Survey) -> bool:
    if request.user.is_authenticated:
        return Response.objects.filter(survey=source, member=request.user).exists()
    return source.pk in request.session.get(SESSION_KEY, [])


def _refusal(request, survey: Survey, reason: str, status: int = 200):
    return render(
        request,
        "insights/survey_refused.html",
        {"survey": survey, "reason": reason},
        status=status,
    )


@never_cache
def answer(request, slug: str):
    survey = _survey_or_404(slug)
    source = survey.source()
    if survey.audience == Survey.Audience.INVITATION and not _token_ok(request, survey):
        raise Http404(_("No survey at this address."))
    needs_member = survey.audience == Survey.Audience.MEMBERS or survey.limit == Survey.Limit.MEMBER
    if needs_member and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    state = survey.state()
    if state != "open":
        return _refusal(request, survey, state, status=403 if request.method == "POST" else 200)
    if _already_answered(request, source):
        return _refusal(
            request, survey, "answered", status=403 if request.method == "POST" else 200
        )

    form = SurveyForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        now = timezone.now()
        with transaction.atomic():
            response = Response.objects.create(
                survey=source,
                member=request.user if request.user.is_authenticated else None,
                language=get_language() or settings.LANGUAGE_CODE,
                country=form.country(),
                consent_at=now,
                submitted_at=now,
            )
            Answer.objects.bulk_create(Answer(response=response, **a) for a in form.answers())
        request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), source.pk]
        return redirect("surveys:thanks", slug=survey.slug)
    return render(
        request,
        "insights/survey_answer.html",
        {
            "survey": survey,
            "form": form,
            "questions": [(q, form[q.field_name]) for q in form.questions],
            "key": request.GET.get("key") or request.POST.get("key") or "",
        },
    )


def thanks(request, slug: str):
    survey = _survey_or_404(slug)
    if survey.audience == Survey.Audience.INVITATION and not _already_answered(
        request, survey.source()
    ):
        raise Http404(_("No survey at this address."))
    return render(request, "insights/survey_thanks.html", {"survey": survey})


def _results_allowed(request, survey: Survey) -> None:
    if survey.results_public and survey.audience != Survey.Audience.INVITATION:
        return
    if survey.results_public and _token_ok(request, survey):
        return
    if not is_staff(request.user):
        if not request.user.is_authenticated:
            raise Http404(_("No survey at this address."))
        raise PermissionDenied(_("Only the office's staff may see these results."))


def results(request, slug: str):
    survey = _survey_or_404(slug)
    _results_allowed(request, survey)
    source = survey.source()
    form = ResultsFilterForm(
        request.GET if ("country" in request.GET or "language" in request.GET) else None,
        country_codes=survey_results.filter_countries(source),
    )
    filters = form.filters()
    total, questions = survey_results.summarize(survey, source, filters)
    return render(
        request,
        "insights/survey_results.html",
        {
            "survey": survey,
            "form": form,
            "filters": filters,
            "total": total,
            "results": questions,
            "k": K_ANONYMITY,
            "can_export": is_staff(request.user),
        },
    )


def export(request, slug: str, fmt: str):
    survey = _survey_or_404(slug)
    if not is_staff(request.user):
        raise PermissionDenied(_("Only the office's staff may export survey responses."))
    source = survey.source()
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(
            survey_results.export_csv(source), content_type="text/csv; charset=utf-8"
        )
    else:
        response = HttpResponse(
            survey_results.export_xlsx(source),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{source.slug}-{stamp}.{fmt}"'
    return response


@login_required
def mine(request):
    return render(
        request,
        "insights/survey_mine.html",
        {"own": survey_results.own_responses(request.user, _locale())},
    )


@login_required
@require_POST
def withdraw(request, pk: int):
    response = get_object_or_404(Response, pk=pk, member=request.user)
    response.delete()
    messages.success(request, _("Your response was withdrawn and deleted."))
    return redirect("surveys:mine")
