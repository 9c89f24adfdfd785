"""People like you: a transparent score, each point backed by a reason in plain words.

| reason | points |
|---|---|
| each field of expertise you share | 3 |
| each interest you share | 2 |
| their expertise is one of your interests (or yours theirs) | 2 each |
| they offer what you seek (or seek what you offer) | 4 each |
| from the same region or city of origin / only the same country | 3 / 1 |
| live in the same city / only the same country | 3 / 1 |
| each language in common besides the one everybody shares | 1 (at most 2) |

Only groups the other member lets members see take part, and a reason is dropped at display
time when that group has been hidden since (the stored score is then recounted). The member's
own fields count whatever their visibility: they are the reader's own.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.utils.translation import gettext as _

from kopuro.accounts.models import Profile, Visibility
from kopuro.connect.models import Dismissal, ProfileHold, Suggestion

SHOWN = [Visibility.PUBLIC, Visibility.MEMBERS]
KEEP = 30  # suggestions stored per member
POINTS = {
    "shared_expertise": 3,
    "shared_interest": 2,
    "expertise_interest": 2,
    "interest_expertise": 2,
    "offers_you_seek": 4,
    "seeks_you_offer": 4,
    "same_origin_region": 3,
    "same_origin_country": 1,
    "same_city": 3,
    "same_country": 1,
    "languages": 1,
}


def _m2m_rows(name: str, term_ids, visibility_field: str):
    """(profile id, term id) of listed members holding any of `term_ids` in field `name`,
    where they let members see that group."""
    if not term_ids:
        return []
    through = getattr(Profile, name).through
    return through.objects.filter(
        term_id__in=term_ids,
        profile__in_directory=True,
        profile__user__is_active=True,
        **{f"profile__{visibility_field}__in": SHOWN},
    ).values_list("profile_id", "term_id")


def compute_for(profile: Profile) -> list[tuple[int, int, list[dict]]]:
    """[(user id, score, reasons)] of the best candidates for `profile`, best first."""
    mine = {
        name: set(getattr(profile, name).values_list("id", flat=True))
        for name in ("expertise", "interests", "offers", "seeks", "languages")
    }
    reasons: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))

    signals = [
        ("expertise", mine["expertise"], "expertise_visibility", "shared_expertise"),
        ("interests", mine["interests"], "expertise_visibility", "shared_interest"),
        ("expertise", mine["interests"], "expertise_visibility", "expertise_interest"),
        ("interests", mine["expertise"], "expertise_visibility", "interest_expertise"),
        ("offers", mine["seeks"], "offers_visibility", "offers_you_seek"),
        ("seeks", mine["offers"], "offers_visibility", "seeks_you_offer"),
    ]
    for field, terms, vis, code in signals:
        for pid, tid in _m2m_rows(field, terms, vis):
            reasons[pid][code].append(tid)

    candidate_ids = set(reasons)
    # Places and languages only add to members who share something else, or live in the
    # same city: a whole country of strangers is not "like you".
    if profile.residence_city and profile.residence_country:
        candidate_ids |= set(
            Profile.objects.filter(
                in_directory=True,
                user__is_active=True,
                residence_country=profile.residence_country,
                residence_city__iexact=profile.residence_city,
                residence_visibility__in=SHOWN,
            ).values_list("pk", flat=True)[:2000]
        )
    candidate_ids.discard(profile.pk)
    if not candidate_ids:
        return []

    # Keep the most promising few hundred before reading their places and languages.
    def partial(pid):
        return sum(POINTS[c] * len(v) for c, v in reasons[pid].items())

    shortlist = sorted(candidate_ids, key=lambda pid: (-partial(pid), pid))[:400]
    place_rows = Profile.objects.filter(pk__in=shortlist).values(
        "pk",
        "user_id",
        "origin_country",
        "origin_region",
        "origin_visibility",
        "residence_country",
        "residence_city",
        "residence_visibility",
        "languages_visibility",
    )
    languages = defaultdict(set)
    if mine["languages"]:
        through = Profile.languages.through
        for pid, tid in through.objects.filter(
            profile_id__in=shortlist, term_id__in=mine["languages"]
        ).values_list("profile_id", "term_id"):
            languages[pid].add(tid)
    common_language = _most_common_language(languages)
    result = []
    for row in place_rows:
        pid = row["pk"]
        r = reasons[pid]
        if row["origin_visibility"] in SHOWN and profile.origin_country:
            if row["origin_country"] == profile.origin_country:
                region = (row["origin_region"] or "").strip()
                if region and region.lower() == (profile.origin_region or "").strip().lower():
                    r["same_origin_region"] = [region]
                else:
                    r["same_origin_country"] = [str(row["origin_country"])]
        if row["residence_visibility"] in SHOWN and profile.residence_country:
            if row["residence_country"] == profile.residence_country:
                city = (row["residence_city"] or "").strip()
                if city and city.lower() == (profile.residence_city or "").strip().lower():
                    r["same_city"] = [city]
                else:
                    r["same_country"] = [str(row["residence_country"])]
        if row["languages_visibility"] in SHOWN:
            shared = sorted(languages[pid] - {common_language})[:2]
            if shared:
                r["languages"] = shared
        if not r:
            continue
        items = [
            {"code": code, "values": values, "points": POINTS[code] * len(values)}
            for code, values in r.items()
        ]
        items.sort(key=lambda i: -i["points"])
        score = sum(i["points"] for i in items)
        result.append((row["user_id"], score, items))
    result.sort(key=lambda t: (-t[1], t[0]))
    return result


def _most_common_language(languages: dict) -> int | None:
    # The language nearly everyone shares (Kyrgyz or Russian here) says little about a person.
    counts: dict[int, int] = defaultdict(int)
    for tids in languages.values():
        for t in tids:
            counts[t] += 1
    if not counts:
        return None
    best = max(counts, key=counts.get)
    return best if counts[best] > len(languages) / 2 else None


@transaction.atomic
def suggestions_recompute(*, user_id: int) -> int:
    """Replace the member's stored suggestions; returns how many were kept."""
    profile = Profile.objects.filter(user_id=user_id).first()
    Suggestion.objects.filter(user_id=user_id).delete()
    if profile is None:
        return 0
    dismissed = set(
        Dismissal.objects.filter(user_id=user_id).values_list("dismissed_id", flat=True)
    )
    held = set(ProfileHold.objects.values_list("user_id", flat=True))
    rows = []
    for uid, score, reasons in compute_for(profile):
        if uid in dismissed or uid in held:
            continue
        rows.append(
            Suggestion(user_id=user_id, suggested_id=uid, score=min(score, 32767), reasons=reasons)
        )
        if len(rows) >= KEEP:
            break
    Suggestion.objects.bulk_create(rows)
    return len(rows)


_GROUP_OF = {
    "shared_expertise": "expertise",
    "shared_interest": "expertise",
    "expertise_interest": "expertise",
    "interest_expertise": "expertise",
    "offers_you_seek": "offers",
    "seeks_you_offer": "offers",
    "same_origin_region": "origin",
    "same_origin_country": "origin",
    "same_city": "residence",
    "same_country": "residence",
    "languages": "languages",
}


def _terms_text(values, terms) -> str:
    labels = [terms[v].label for v in values if v in terms]
    return ", ".join(labels)


def reasons_for_display(
    reasons: list[dict], *, profile, visible: set[str], terms: dict
) -> list[dict]:
    """[{"text", "points"}] in the reader's language, only from groups still visible."""
    from django_countries import countries

    name = profile.display_name
    out = []
    for r in reasons:
        code, values = r.get("code"), r.get("values") or []
        if _GROUP_OF.get(code) not in visible or not values:
            continue
        t = _terms_text(values, terms)
        if code == "shared_expertise":
            text = _("You both work in %(terms)s") % {"terms": t}
        elif code == "shared_interest":
            text = _("You are both interested in %(terms)s") % {"terms": t}
        elif code == "expertise_interest":
            text = _("%(name)s works in %(terms)s, which interests you") % {
                "name": name,
                "terms": t,
            }
        elif code == "interest_expertise":
            text = _("%(name)s is interested in %(terms)s, your field") % {"name": name, "terms": t}
        elif code == "offers_you_seek":
            text = _("%(name)s offers %(terms)s, which you seek") % {"name": name, "terms": t}
        elif code == "seeks_you_offer":
            text = _("%(name)s seeks %(terms)s, which you offer") % {"name": name, "terms": t}
        elif code == "same_origin_region":
            text = _("Also from %(place)s") % {"place": values[0]}
        elif code == "same_origin_country":
            text = _("Also from %(place)s") % {"place": countries.name(values[0])}
        elif code == "same_city":
            text = _("Lives in your city, %(city)s") % {"city": values[0]}
        elif code == "same_country":
            text = _("Also lives in %(country)s") % {"country": countries.name(values[0])}
        elif code == "languages":
            text = _("You both speak %(languages)s") % {"languages": t}
        else:
            continue
        if (
            code
            in (
                "shared_expertise",
                "shared_interest",
                "expertise_interest",
                "interest_expertise",
                "offers_you_seek",
                "seeks_you_offer",
                "languages",
            )
            and not t
        ):
            continue
        out.append({"text": text, "points": int(r.get("points", 0))})
    return out
