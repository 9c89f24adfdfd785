"""A member's personal API tokens at /<lang>/me/api-tokens/: make one (shown once), see what
each may read and when it was last used, revoke it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kopuro.api.forms import MAX_LIVE_TOKENS, TokenForm
from kopuro.api.models import ApiToken
from kopuro.core.audit import log_action

SHOW_ONCE = "kopuro_api_new_token"


@login_required
def tokens(request):
    mine = ApiToken.objects.filter(user=request.user, kind=ApiToken.Kind.PERSONAL)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if mine.live().count() >= MAX_LIVE_TOKENS:
            form.add_error(
                None,
                _("You have %(n)s tokens in use: revoke one before making another.")
                % {"n": MAX_LIVE_TOKENS},
            )
        else:
            row, token = ApiToken.issue(
                user=request.user,
                name=form.cleaned_data["name"],
                scopes=form.cleaned_data["scopes"],
                expires_at=form.expires_at(),
            )
            log_action("api.token.created", actor=request.user, target=row)
            request.session[SHOW_ONCE] = token
            return redirect("api_tokens:tokens")
    return render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "tokens": mine.live(),
            "new_token": request.session.pop(SHOW_ONCE, None) if request.method == "GET" else None,
        },
    )


@login_required
@require_POST
def revoke(request, pk: int):
    row = ApiToken.objects.filter(user=request.user, pk=pk, revoked_at=None).first()
    if row is not None:
        row.revoked_at = timezone.now()
        row.save(update_fields=["revoked_at"])
        log_action("api.token.revoked", actor=request.user, target=row)
        messages.success(request, _("The token “%(name)s” no longer works.") % {"name": row.name})
    return redirect("api_tokens:tokens")
