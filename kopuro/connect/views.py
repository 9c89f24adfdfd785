"""Connect's pages. Each works as a plain form without JavaScript; with htmx on, the directory
filters and the message form update part of the page (the same templates, a partial)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kopuro.accounts.models import Profile
from kopuro.accounts.selectors import profile_can_be_opened, visible_groups
from kopuro.connect import selectors, services
from kopuro.connect.forms import (
    ConnectionRequestForm,
    DirectoryForm,
    MemberSettingsForm,
    MessageForm,
    NotificationSettingsForm,
    ReportForm,
)
from kopuro.connect.models import Connection, MemberSettings, Message, Notification
from kopuro.connect.notifications import notification_text, preferences_for, preferences_set
from kopuro.core.cache import read_ahead


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


# --- Directory, map, suggestions -----------------------------------------------------------------


def directory(request):
    form = DirectoryForm(request.GET or None)
    filters = form.filters()
    page_obj, cards = selectors.directory_page(
        viewer=request.user, filters=filters, page=request.GET.get("page", 1)
    )
    read_ahead(selectors.card_fragment_keys(cards))  # the cards' HTML, one round trip
    context = {"form": form, "page_obj": page_obj, "cards": cards, "filters": filters}
    if _is_htmx(request) and request.headers.get("HX-Target") == "directory-results":
        return render(request, "connect/includes/directory_results.html", context)
    return render(request, "connect/directory.html", context)


def members_map(request):
    from django.conf import settings

    groups = selectors.map_groups(viewer=request.user)
    points = [
        {"city": g.city, "country": g.country_name, "count": g.count, "lat": g.lat, "lng": g.lng}
        for g in groups
        if g.lat is not None
    ]
    return render(
        request,
        "connect/map.html",
        {
            "groups": groups,
            "points": points,
            "tile_url": settings.KOPURO_MAP_TILE_URL,
            "tile_attribution": settings.KOPURO_MAP_TILE_ATTRIBUTION,
            "min_group": selectors.MAP_MIN_GROUP,
        },
    )


@login_required
def suggestions(request):
    cards = selectors.suggestions_for(viewer=request.user)
    return render(request, "connect/suggestions.html", {"cards": cards})


@login_required
@require_POST
def suggestion_dismiss(request, handle: str):
    target = _target(request, handle)
    services.suggestion_dismiss(user=request.user, dismissed=target.user)
    messages.success(
        request, _("%(name)s will not be suggested to you again.") % {"name": target.display_name}
    )
    return redirect("connect:suggestions")


# --- A member: connect, write, block, report -------------------------------------------------------


def _target(request, handle: str) -> Profile:
    """The member at `handle` if the viewer may act on them: a live account, not the viewer,
    no block from their side; listed in the directory or already in touch with the viewer."""
    profile = (
        Profile.objects.select_related("user").filter(handle=handle, user__is_active=True).first()
    )
    if profile is None or profile.user_id == request.user.pk:
        raise Http404(_("No member with this address."))
    if services.Block.objects.filter(blocker=profile.user, blocked=request.user).exists():
        raise Http404(_("No member with this address."))
    in_touch = (
        selectors.connection_between(request.user, profile.user) is not None
        or selectors.conversation_between(request.user, profile.user) is not None
    )
    if not (profile_can_be_opened(profile, request.user) or in_touch):
        raise Http404(_("No member with this address."))
    return profile


@login_required
def member(request, handle: str):
    """What the viewer can do with one member: connect (with a note), write, block, report."""
    target = _target(request, handle)
    connection = selectors.connection_between(request.user, target.user)
    blocked_by_me = services.Block.objects.filter(
        blocker=request.user, blocked=target.user
    ).exists()
    form = ConnectionRequestForm(request.POST or None)
    if request.method == "POST" and not blocked_by_me and form.is_valid():
        try:
            connection = services.connection_request(
                sender=request.user, recipient=target.user, note=form.cleaned_data["note"]
            )
        except services.ConnectError as e:
            form.add_error(None, str(e))
        else:
            if connection.status == Connection.Status.ACCEPTED:
                messages.success(
                    request,
                    _("You are now connected with %(name)s.") % {"name": target.display_name},
                )
            else:
                messages.success(
                    request, _("Your request is sent to %(name)s.") % {"name": target.display_name}
                )
            return redirect("connect:member", handle=handle)
    return render(
        request,
        "connect/member.html",
        {
            "target": target,
            "card": selectors.cards_for([target], request.user)[0],
            "visible": visible_groups(target, request.user),
            "connection": connection,
            "blocked_by_me": blocked_by_me,
            "can_message": not blocked_by_me and selectors.can_message(request.user, target.user),
            "form": form,
            "sent_today": selectors.requests_sent_today(request.user),
        },
    )


@login_required
@require_POST
def message_start(request, handle: str):
    target = _target(request, handle)
    try:
        conversation = services.conversation_open(sender=request.user, recipient=target.user)
    except services.ConnectError as e:
        messages.error(request, str(e))
        return redirect("connect:member", handle=handle)
    return redirect("connect:conversation", pk=conversation.pk)


@login_required
def block(request, handle: str):
    target = _target(request, handle)
    if request.method == "POST":
        if "unblock" in request.POST:
            services.block_remove(blocker=request.user, blocked=target.user)
            messages.success(request, _("%(name)s is unblocked.") % {"name": target.display_name})
            return redirect("connect:member", handle=handle)
        services.block_create(blocker=request.user, blocked=target.user)
        messages.success(
            request,
            _("You blocked %(name)s. You will not see each other in Connect any more.")
            % {"name": target.display_name},
        )
        return redirect("connect:blocked")
    return render(request, "connect/block.html", {"target": target})


@login_required
def blocked(request):
    blocks = services.Block.objects.filter(blocker=request.user).select_related("blocked__profile")
    if request.method == "POST":
        try:
            pk = int(request.POST.get("user", ""))
        except ValueError:
            pk = 0
        services.Block.objects.filter(blocker=request.user, blocked_id=pk).delete()
        messages.success(request, _("The member is unblocked."))
        return redirect("connect:blocked")
    return render(request, "connect/blocked.html", {"blocks": list(blocks)})


@login_required
def report(request, handle: str):
    target = _target(request, handle)
    message = None
    if request.GET.get("message") or request.POST.get("message"):
        try:
            pk = int(request.POST.get("message") or request.GET.get("message"))
        except ValueError:
            raise Http404(_("No such message.")) from None
        message = (
            Message.objects.select_related("conversation")
            .filter(pk=pk, sender=target.user, hidden_at__isnull=True)
            .first()
        )
        if message is None or not message.conversation.has_member(request.user):
            raise Http404(_("No such message."))
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_create(
                reporter=request.user,
                reported=target.user,
                message=message,
                reason=form.cleaned_data["reason"],
                details=form.cleaned_data["details"],
            )
        except services.ConnectError as e:
            form.add_error(None, str(e))
        else:
            messages.success(
                request,
                _(
                    "Thank you. The moderators will look at your report; %(name)s will not learn who reported."
                )
                % {"name": target.display_name},
            )
            if message is not None:
                return redirect("connect:conversation", pk=message.conversation_id)
            return redirect("connect:member", handle=handle)
    return render(
        request,
        "connect/report.html",
        {"target": target, "form": form, "reported_message": message},
    )


# --- Connections ---------------------------------------------------------------------------------


@login_required
def connections(request):
    return render(
        request, "connect/connections.html", selectors.connections_overview(viewer=request.user)
    )


ACTIONS = {
    "accept": (services.connection_accept, _("You are now connected.")),
    "decline": (services.connection_decline, _("The request is declined.")),
    "withdraw": (services.connection_withdraw, _("Your request is withdrawn.")),
    "remove": (services.connection_remove, _("The connection is removed.")),
}


@login_required
@require_POST
def connection_action(request, pk: int, action: str):
    if action not in ACTIONS:
        raise Http404
    from django.db.models import Q

    connection = get_object_or_404(
        Connection.objects.filter(Q(sender=request.user) | Q(recipient=request.user)), pk=pk
    )
    service, done = ACTIONS[action]
    try:
        service(connection=connection, by=request.user)
    except services.ConnectError as e:
        messages.error(request, str(e))
    else:
        messages.success(request, str(done))
    return redirect("connect:connections")


# --- Messages ------------------------------------------------------------------------------------


@login_required
def conversations(request):
    return render(
        request,
        "connect/conversations.html",
        {"rows": selectors.conversations_for(viewer=request.user)},
    )


@login_required
def conversation(request, pk: int):
    conv = selectors.conversation_for(viewer=request.user, pk=pk)
    if conv is None:
        raise Http404(_("No such conversation."))
    other = conv.user_b if conv.user_a_id == request.user.pk else conv.user_a
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.message_send(
                conversation=conv, sender=request.user, body=form.cleaned_data["body"]
            )
        except services.ConnectError as e:
            form.add_error("body", str(e))
        else:
            if _is_htmx(request):
                form = MessageForm()
            else:
                return redirect(reverse("connect:conversation", kwargs={"pk": pk}) + "#latest")
    read_before = conv.read_at_for(request.user)
    services.conversation_mark_read(conversation=conv, user=request.user)
    context = {
        "conversation": conv,
        "other": other,
        "other_profile": getattr(other, "profile", None),
        "thread": selectors.conversation_messages(conv),
        "read_before": read_before,
        "other_read_at": conv.read_at_for(other),
        "form": form,
    }
    if _is_htmx(request):
        return render(request, "connect/includes/thread.html", context)
    return render(request, "connect/conversation.html", context)


# --- Notifications -------------------------------------------------------------------------------


@login_required
def notifications(request):
    if request.method == "POST":
        services.notifications_mark_read(user=request.user)
        messages.success(request, _("All notifications are marked as read."))
        return redirect("connect:notifications")
    page_obj = selectors.notifications_page(viewer=request.user, page=request.GET.get("page", 1))
    items = [(n, notification_text(n)) for n in page_obj.object_list]
    return render(request, "connect/notifications.html", {"page_obj": page_obj, "items": items})


@login_required
@require_POST
def notification_open(request, pk: int):
    n = get_object_or_404(Notification, pk=pk, user=request.user)
    services.notifications_mark_read(user=request.user, ids=[n.pk])
    if n.url and url_has_allowed_host_and_scheme(n.url, allowed_hosts={request.get_host()}):
        return redirect(n.url)
    return redirect("connect:notifications")


@login_required
def notification_settings(request):
    current = preferences_for(request.user)
    member_settings = MemberSettings.objects.filter(user=request.user).first()
    form = NotificationSettingsForm(request.POST or None, current=current)
    contact = MemberSettingsForm(
        request.POST or None,
        initial={
            "messages_from_anyone": bool(member_settings and member_settings.messages_from_anyone)
        },
    )
    if request.method == "POST" and form.is_valid() and contact.is_valid():
        preferences_set(user=request.user, choices=form.cleaned_data)
        services.member_settings_update(
            user=request.user, messages_from_anyone=contact.cleaned_data["messages_from_anyone"]
        )
        messages.success(request, _("Your choices are saved."))
        return redirect("connect:notification_settings")
    return render(request, "connect/notification_settings.html", {"form": form, "contact": contact})
