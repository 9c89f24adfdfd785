"""Members proposed for a request for expertise, each with the reasons in plain words.

Only members who opted in (ContributeSettings.expertise_requests) are ever proposed, never
one held by moderation. A signal counts only where the member lets members see that part of
their profile (the requester is a member; connect.suggestions.SHOWN is the same rule), and at
display time a reason whose group has since been hidden is dropped, as Connect's suggestions do.

| reason | points |
|---|---|
| works in a field the request needs | 3 each |
| interested in a field the request needs | 1 each |
| offers knowledge transfer or mentoring | 2 |
| speaks a language the request needs | 1 each |
| lives in the request's country | 1 |

A member needs at least one field (work or interest) to be proposed.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from kopuro.accounts.models import Profile, Term
from kopuro.accounts.selectors import visible_groups
from kopuro.connect.models import ProfileHold
from kopuro.connect.suggestions import SHOWN
from kopuro.contribute.models import ContributeSettings, ExpertiseMatch, ExpertiseRequest

POINTS = {"works_in": 3, "interested_in": 1, "offers_help": 2, "speaks": 1, "lives_in": 1}
GROUP_OF = {
    "works_in": "expertise",
    "interested_in": "expertise",
    "offers_help": "offers",
    "speaks": "languages",
    "lives_in": "residence",
}
HELP_TERMS = ("skills-transfer", "mentoring")


def candidates():
    """Profiles that may be proposed: opted in, live account, not held by moderation."""
    return Profile.objects.filter(
        user__is_active=True,
        user_id__in=ContributeSettings.objects.filter(expertise_requests=True).values("user_id"),
    ).exclude(Exists(ProfileHold.objects.filter(user_id=OuterRef("user_id"))))


def compute(request: ExpertiseRequest, *, limit: int | None = None) -> list[tuple[int, int, list]]:
    """[(user id, score, reasons)] best first."""
    limit = limit or settings.KOPURO_EXPERTISE_MATCHES
    needed = set(request.expertise.values_list("pk", flat=True))
    languages = set(request.languages.values_list("pk", flat=True))
    if not needed:
        return []
    pool = candidates()
    reasons: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for field, code in (("expertise", "works_in"), ("interests", "interested_in")):
        through = getattr(Profile, field).through
        rows = through.objects.filter(
            term_id__in=needed,
            profile__in=pool,
            profile__expertise_visibility__in=SHOWN,
        ).values_list("profile_id", "term_id")
        for pid, tid in rows:
            reasons[pid][code].append(tid)
    if not reasons:
        return []
    ids = list(reasons)
    help_terms = list(
        Term.objects.filter(vocabulary=Term.Vocabulary.CONTRIBUTION, slug__in=HELP_TERMS)
    )
    for pid, tid in Profile.offers.through.objects.filter(
        profile_id__in=ids, term__in=help_terms, profile__offers_visibility__in=SHOWN
    ).values_list("profile_id", "term_id"):
        if tid not in reasons[pid]["offers_help"]:
            reasons[pid]["offers_help"].append(tid)
    if languages:
        for pid, tid in Profile.languages.through.objects.filter(
            profile_id__in=ids, term_id__in=languages, profile__languages_visibility__in=SHOWN
        ).values_list("profile_id", "term_id"):
            reasons[pid]["speaks"].append(tid)
    if request.country:
        for pid in Profile.objects.filter(
            pk__in=ids, residence_country=request.country, residence_visibility__in=SHOWN
        ).values_list("pk", flat=True):
            reasons[pid]["lives_in"] = [str(request.country)]
    users = dict(Profile.objects.filter(pk__in=ids).values_list("pk", "user_id"))
    result = []
    for pid, r in reasons.items():
        items = []
        for code, values in r.items():
            points = POINTS[code] * (1 if code in ("offers_help", "lives_in") else len(values))
            items.append({"code": code, "values": values, "points": points})
        items.sort(key=lambda i: -i["points"])
        result.append((users[pid], sum(i["points"] for i in items), items))
    result.sort(key=lambda t: (-t[1], t[0]))
    return result[:limit]


@transaction.atomic
def matches_recompute(*, request: ExpertiseRequest) -> int:
    """Replace the proposals nobody has acted on; invited, accepted and declined rows stay."""
    ExpertiseMatch.objects.filter(request=request, status=ExpertiseMatch.Status.PROPOSED).delete()
    kept = set(ExpertiseMatch.objects.filter(request=request).values_list("user_id", flat=True))
    excluded = kept | ({request.requested_by_id} if request.requested_by_id else set())
    rows = [
        ExpertiseMatch(request=request, user_id=uid, score=min(score, 32767), reasons=reasons)
        for uid, score, reasons in compute(request)
        if uid not in excluded
    ]
    ExpertiseMatch.objects.bulk_create(rows)
    return len(rows)


def reasons_for_display(
    reasons: list[dict], *, profile: Profile, viewer, terms: dict
) -> list[dict]:
    """[{"text", "points"}] in the reader's language, only from groups `viewer` may see now."""
    from django_countries import countries

    visible = visible_groups(profile, viewer)
    out = []
    for r in reasons:
        code, values = r.get("code"), r.get("values") or []
        if GROUP_OF.get(code) not in visible or not values:
            continue
        labels = ", ".join(terms[v].label for v in values if v in terms)
        if code == "works_in" and labels:
            text = _("Works in %(terms)s, which this request needs") % {"terms": labels}
        elif code == "interested_in" and labels:
            text = _("Interested in %(terms)s") % {"terms": labels}
        elif code == "offers_help" and labels:
            text = _("Offers %(terms)s") % {"terms": labels}
        elif code == "speaks" and labels:
            text = _("Speaks %(languages)s") % {"languages": labels}
        elif code == "lives_in":
            text = _("Lives in %(country)s") % {"country": countries.name(values[0])}
        else:
            continue
        out.append({"text": text, "points": int(r.get("points", 0))})
    return out
