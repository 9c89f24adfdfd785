"""Learn and Contribute demo content: one idempotent call from `seed_demo`.

- the library (kopuro.learn.demo);
- 26 organisations (diaspora associations in the cities where most members live, NGOs,
  government bodies, companies), most verified, each with a demo member as administrator;
- 40+ opportunities of every kind, a few already closed by their deadline;
- members who offer mentoring or skills transfer opt in to requests for expertise; 5 requests
  with their proposals, some invited, one accepted;
- for aida@demo.kopuro.org: expressions of interest at every stage, an opportunity she posted
  with responses, an invitation waiting for her, her organisation.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from kopuro.accounts.models import Profile, Term, User
from kopuro.contribute.matching import matches_recompute
from kopuro.contribute.models import (
    ContributeSettings,
    ExpertiseMatch,
    ExpertiseRequest,
    Interest,
    Membership,
    Opportunity,
    Organisation,
)
from kopuro.core.demo.accounts import EDITOR_EMAIL, MEMBER_EMAIL

SEED = 7

# (name, kind, country, city, sectors, countries of operation, description)
ORGANISATIONS = [
    (
        "Kyrgyz Community of Moscow",
        "diaspora",
        "RU",
        "Moscow",
        ["social-work", "law"],
        ["RU"],
        "Legal advice evenings, a Kyrgyz language school for children and help for newly arrived workers.",
    ),
    (
        "Ala-Too Association in Saint Petersburg",
        "diaspora",
        "RU",
        "Saint Petersburg",
        ["culture", "education"],
        ["RU"],
        "Nowruz and Independence Day celebrations, a choir and Saturday classes in Kyrgyz.",
    ),
    (
        "Kyrgyz Entrepreneurs in Yekaterinburg",
        "diaspora",
        "RU",
        "Yekaterinburg",
        ["business", "trade"],
        ["RU", "KG"],
        "Members run cafés, workshops and logistics firms; we connect them with suppliers at home.",
    ),
    (
        "Manas Society of Almaty",
        "diaspora",
        "KZ",
        "Almaty",
        ["education", "engineering"],
        ["KZ", "KG"],
        "Engineers, doctors and teachers from Kyrgyzstan living in Almaty who mentor students at home.",
    ),
    (
        "Kyrgyz Diaspora Council in Astana",
        "diaspora",
        "KZ",
        "Astana",
        ["public-administration"],
        ["KZ"],
        "Speaks for Kyrgyz citizens in Astana and works with the consulate on documents and registration.",
    ),
    (
        "Kyrgyz Workers' Association of Korea",
        "diaspora",
        "KR",
        "Seoul",
        ["law", "health"],
        ["KR"],
        "Helps workers under the employment permit system: contracts, clinics, translation and returning home.",
    ),
    (
        "Ansan Central Asian Centre",
        "ngo",
        "KR",
        "Ansan",
        ["social-work", "languages-translation"],
        ["KR"],
        "Korean classes, a legal clinic and a weekend market for families from Central Asia.",
    ),
    (
        "Kyrgyz-American Association of New York",
        "diaspora",
        "US",
        "New York",
        ["business", "culture"],
        ["US", "KG"],
        "Professionals and students in New York; we run a scholarship fund for rural students.",
    ),
    (
        "Central Asian Professionals in Washington",
        "diaspora",
        "US",
        "Washington, DC",
        ["public-administration", "finance"],
        ["US"],
        "Policy, finance and development professionals who share their experience with public servants at home.",
    ),
    (
        "Turkish-Kyrgyz Friendship Society",
        "diaspora",
        "TR",
        "Istanbul",
        ["trade", "tourism"],
        ["TR", "KG"],
        "Brings traders, students and families together; runs a help desk for new arrivals in Istanbul.",
    ),
    (
        "Kyrgyz Students in Germany",
        "diaspora",
        "DE",
        "Berlin",
        ["education", "it"],
        ["DE"],
        "Students and graduates who help the next ones with applications, visas and first jobs.",
    ),
    (
        "Kyrgyz Association in the United Kingdom",
        "diaspora",
        "GB",
        "London",
        ["culture", "finance"],
        ["GB"],
        "Cultural evenings and a network of finance and law professionals in London.",
    ),
    (
        "Naryn Development Fund",
        "ngo",
        "KG",
        "Naryn",
        ["agriculture", "renewable-energy"],
        ["KG"],
        "Solar heating for schools, greenhouses and small loans for farming families in Naryn Region.",
    ),
    (
        "Osh Women's Resource Centre",
        "ngo",
        "KG",
        "Osh",
        ["social-work", "law"],
        ["KG"],
        "Legal aid, shelters and job training for women, including returning migrants and their families.",
    ),
    (
        "Safe Migration Hotline",
        "ngo",
        "KG",
        "Bishkek",
        ["migration", "law"],
        ["KG", "RU", "KZ"],
        "A free hotline and chat for people planning to work abroad: contracts, documents, trafficking risks.",
    ),
    (
        "Issyk-Kul Eco Tourism Network",
        "ngo",
        "KG",
        "Karakol",
        ["tourism", "environment"],
        ["KG"],
        "Guest houses and guides around the lake who want to grow responsible tourism.",
    ),
    (
        "Talas Agricultural Cooperative",
        "company",
        "KG",
        "Talas",
        ["agriculture", "trade"],
        ["KG", "KZ"],
        "Beans and honey from Talas; looking for buyers and investors abroad.",
    ),
    (
        "State Migration Service",
        "government",
        "KG",
        "Bishkek",
        ["migration", "public-administration"],
        ["KG"],
        "The government body responsible for migration, diaspora relations and the information terminals.",
    ),
    (
        "Ministry of Health, Department of Medical Education",
        "government",
        "KG",
        "Bishkek",
        ["health", "education"],
        ["KG"],
        "Looks for doctors abroad who can teach, supervise residents or advise on clinical guidelines.",
    ),
    (
        "Bishkek City Hall, Investment Office",
        "government",
        "KG",
        "Bishkek",
        ["business", "finance"],
        ["KG"],
        "Helps diaspora investors find projects and partners in Bishkek.",
    ),
    (
        "Jalal-Abad Regional Administration",
        "government",
        "KG",
        "Jalal-Abad",
        ["public-administration", "agriculture"],
        ["KG"],
        "Invites diaspora professionals to help plan irrigation, schools and clinics in the region.",
    ),
    (
        "Tunduk IT Park",
        "company",
        "KG",
        "Bishkek",
        ["it", "education"],
        ["KG"],
        "A technology park for start-ups; runs bootcamps taught by engineers from the diaspora.",
    ),
    (
        "Silk Road Logistics",
        "company",
        "KZ",
        "Almaty",
        ["logistics", "trade"],
        ["KZ", "KG", "CN"],
        "Freight between China, Kazakhstan and Kyrgyzstan; hires drivers and dispatchers from home.",
    ),
    (
        "Central Asia Remittance Lab",
        "academic",
        "KG",
        "Bishkek",
        ["finance", "migration"],
        ["KG", "RU", "KZ"],
        "Research on remittances and financial literacy for migrant families.",
    ),
    (
        "American University of Central Asia, Tian Shan Policy Center",
        "academic",
        "KG",
        "Bishkek",
        ["education", "migration"],
        ["KG"],
        "Research and public talks on migration, youth and public policy.",
    ),
    (
        "UN Migration Agency, Bishkek office",
        "international",
        "KG",
        "Bishkek",
        ["migration", "health"],
        ["KG", "KZ", "TJ", "UZ"],
        "Runs the diaspora engagement programme and the information service with the government.",
    ),
]

# (kind, title, description, sectors, countries, mode, skills)
OPPORTUNITIES = [
    (
        "mentoring",
        "Mentor a young engineer from Naryn",
        "Monthly video calls for a year with a civil engineering graduate starting work.",
        ["engineering"],
        ["KG"],
        "remote",
        "Structural design, site management",
    ),
    (
        "mentoring",
        "Career mentoring for IT students",
        "Help third-year students plan their first job: CVs, interviews, portfolios.",
        ["it", "education"],
        ["KG"],
        "remote",
        "Software engineering, hiring",
    ),
    (
        "mentoring",
        "Mentor women starting a business in Osh",
        "Six sessions with a woman entrepreneur on pricing, bookkeeping and selling online.",
        ["business"],
        ["KG"],
        "either",
        "Small business, marketing",
    ),
    (
        "mentoring",
        "Medical residents need clinical mentors",
        "Doctors abroad review cases online with residents in regional hospitals.",
        ["health", "education"],
        ["KG"],
        "remote",
        "Internal medicine, paediatrics",
    ),
    (
        "volunteering",
        "Translate legal leaflets into Kyrgyz",
        "Help translate leaflets on workers' rights from Russian and Korean into Kyrgyz.",
        ["languages-translation", "law"],
        ["RU", "KR"],
        "remote",
        "Translation",
    ),
    (
        "volunteering",
        "Answer the safe-migration chat on weekends",
        "Two-hour shifts answering questions from people planning to work abroad.",
        ["migration"],
        ["KG"],
        "remote",
        "Good Kyrgyz or Russian, patience",
    ),
    (
        "volunteering",
        "Teach Kyrgyz to children on Saturdays",
        "Volunteer teachers for the Saturday school in Moscow.",
        ["education", "culture"],
        ["RU"],
        "on-site",
        "Teaching, Kyrgyz language",
    ),
    (
        "volunteering",
        "Help at the Nowruz festival in Istanbul",
        "Set up stalls, welcome guests and run children's games.",
        ["culture"],
        ["TR"],
        "on-site",
        "",
    ),
    (
        "volunteering",
        "Legal clinic volunteers in Ansan",
        "Law graduates who speak Korean help workers read their contracts.",
        ["law", "languages-translation"],
        ["KR"],
        "on-site",
        "Korean, labour law",
    ),
    (
        "investment",
        "Co-invest in a solar greenhouse cooperative",
        "A Naryn cooperative seeks investors for year-round greenhouses heated by the sun.",
        ["agriculture", "renewable-energy"],
        ["KG"],
        "either",
        "",
    ),
    (
        "investment",
        "Guest house expansion near Karakol",
        "Family guest house seeks a partner to add six rooms and a sauna.",
        ["tourism"],
        ["KG"],
        "either",
        "",
    ),
    (
        "investment",
        "Food processing line for Talas beans",
        "Invest in sorting and packing equipment for export.",
        ["agriculture", "trade"],
        ["KG"],
        "either",
        "",
    ),
    (
        "investment",
        "Seed round for an agritech start-up",
        "An app that helps farmers sell directly to shops.",
        ["it", "agriculture"],
        ["KG", "KZ"],
        "remote",
        "",
    ),
    (
        "skills",
        "Run a bootcamp week on cloud engineering",
        "Teach a week-long bootcamp at the IT park, in person or online.",
        ["it", "education"],
        ["KG"],
        "either",
        "Cloud, DevOps",
    ),
    (
        "skills",
        "Share hospital management experience",
        "Advise a regional hospital on patient flow and procurement.",
        ["health", "public-administration"],
        ["KG"],
        "either",
        "Hospital management",
    ),
    (
        "skills",
        "Teach seismic design to municipal engineers",
        "A two-day course for city engineers in Jalal-Abad.",
        ["engineering"],
        ["KG"],
        "on-site",
        "Seismic design",
    ),
    (
        "skills",
        "Bookkeeping workshop for cooperatives",
        "Show farmers' cooperatives how to keep simple accounts.",
        ["finance", "agriculture"],
        ["KG"],
        "on-site",
        "Accounting",
    ),
    (
        "skills",
        "Help draft a diaspora investment guide",
        "Review a guide for diaspora investors before it is published.",
        ["finance", "law"],
        ["KG"],
        "remote",
        "Investment law",
    ),
    (
        "job",
        "Dispatcher (Kyrgyz and Russian) in Almaty",
        "Full-time dispatcher for a freight company.",
        ["logistics"],
        ["KZ"],
        "on-site",
        "Logistics, Russian, Kyrgyz",
    ),
    (
        "job",
        "Software developer, remote, part-time",
        "Python developer for a civic-tech project.",
        ["it"],
        ["KG"],
        "remote",
        "Python, Django",
    ),
    (
        "job",
        "Nurse for a clinic in Seoul",
        "Registered nurse with Korean for a clinic serving migrant workers.",
        ["health"],
        ["KR"],
        "on-site",
        "Nursing, Korean",
    ),
    (
        "job",
        "Project assistant, migration programme",
        "Support a team running information campaigns in the regions.",
        ["migration"],
        ["KG"],
        "on-site",
        "Project coordination",
    ),
    (
        "job",
        "English teacher for a village school",
        "One-year contract with housing provided.",
        ["education"],
        ["KG"],
        "on-site",
        "English teaching",
    ),
    (
        "partnership",
        "Partner schools for a student exchange",
        "Schools in Germany and Kyrgyzstan for a summer exchange.",
        ["education"],
        ["DE", "KG"],
        "either",
        "",
    ),
    (
        "partnership",
        "Joint research on remittances",
        "Researchers abroad to co-design a survey of migrant families.",
        ["finance", "migration"],
        ["KG", "RU"],
        "remote",
        "Survey methods",
    ),
    (
        "partnership",
        "Tourism fair stand sharing",
        "Share a stand at the Berlin tourism fair with guest houses from home.",
        ["tourism"],
        ["DE"],
        "on-site",
        "",
    ),
    (
        "partnership",
        "City twinning: Osh and a city abroad",
        "Help set up a twinning between Osh and the city you live in.",
        ["public-administration"],
        ["KG"],
        "either",
        "",
    ),
    (
        "donation",
        "Winter coats for children in At-Bashy",
        "Collect money for 300 winter coats before November.",
        ["social-work"],
        ["KG"],
        "remote",
        "",
    ),
    (
        "donation",
        "Crowdfund a library for a village school",
        "Books in Kyrgyz, Russian and English for a school of 400 pupils.",
        ["education"],
        ["KG"],
        "remote",
        "",
    ),
    (
        "donation",
        "Repatriation fund for workers in need",
        "Helps families bring home the bodies of workers who died abroad.",
        ["social-work"],
        ["RU", "KZ", "KR"],
        "remote",
        "",
    ),
    (
        "donation",
        "Ambulance for Kochkor district",
        "Co-fund an equipped ambulance with the district hospital.",
        ["health"],
        ["KG"],
        "remote",
        "",
    ),
    (
        "event",
        "Diaspora investment forum in Bishkek",
        "Two days of project presentations and meetings with investors.",
        ["business", "finance"],
        ["KG"],
        "on-site",
        "",
    ),
    (
        "event",
        "Online evening: working legally in Korea",
        "Lawyers answer questions about the employment permit system.",
        ["law", "migration"],
        ["KR"],
        "remote",
        "",
    ),
    (
        "event",
        "Engineers' meet-up in Almaty",
        "Talks and networking for engineers from Kyrgyzstan in Almaty.",
        ["engineering"],
        ["KZ"],
        "on-site",
        "",
    ),
    (
        "event",
        "Kyrgyz film night in New York",
        "A screening followed by a talk with the director.",
        ["culture"],
        ["US"],
        "on-site",
        "",
    ),
    (
        "event",
        "Careers day for returning migrants",
        "Employers and training centres meet people who came home.",
        ["migration", "business"],
        ["KG"],
        "on-site",
        "",
    ),
    (
        "volunteering",
        "Read to children in hospital",
        "Volunteers read and play with children in the Bishkek children's hospital.",
        ["health", "social-work"],
        ["KG"],
        "on-site",
        "",
    ),
    (
        "skills",
        "Teach online marketing to craftswomen",
        "Help felt makers sell online: photos, prices and shipping.",
        ["business", "culture"],
        ["KG"],
        "remote",
        "E-commerce",
    ),
    (
        "mentoring",
        "Mentor a returning migrant starting a workshop",
        "A returning worker is opening a car repair shop in Osh.",
        ["business"],
        ["KG"],
        "either",
        "Small business",
    ),
    (
        "partnership",
        "Clean energy pilot for mountain villages",
        "Partners for micro-hydro and solar pilots in Naryn.",
        ["renewable-energy", "environment"],
        ["KG"],
        "either",
        "",
    ),
    (
        "job",
        "Data analyst for a remittance study",
        "Six-month contract to clean and analyse survey data.",
        ["finance", "it"],
        ["KG"],
        "remote",
        "Statistics, Python or R",
    ),
    (
        "event",
        "Webinar: sending money home safely",
        "Compare ways to send money home and avoid fraud.",
        ["finance"],
        ["RU", "KZ"],
        "remote",
        "",
    ),
]

# (title, description, expertise, languages, duration, place, country, remote, organisation index)
REQUESTS = [
    (
        "Seismic assessment of rural schools",
        "The ministry needs engineers to review seismic assessments of 40 rural schools and advise on priorities.",
        ["engineering"],
        ["ky", "ru"],
        "Three weeks, October",
        "Naryn and Jalal-Abad",
        "KG",
        True,
        20,
    ),
    (
        "Clinical guidelines for maternal health",
        "Doctors abroad to review national guidelines on pregnancy care.",
        ["health"],
        ["ru"],
        "Two months, part-time",
        "",
        "KG",
        True,
        18,
    ),
    (
        "Designing a diaspora investment fund",
        "Finance professionals to advise on the rules of a matching fund for diaspora investment.",
        ["finance", "business"],
        ["en", "ru"],
        "Four meetings over two months",
        "Bishkek",
        "KG",
        True,
        19,
    ),
    (
        "Digital services for migrants",
        "IT specialists to review the plan for online consular and migration services.",
        ["it", "public-administration"],
        ["ru"],
        "One month",
        "",
        "KG",
        True,
        17,
    ),
    (
        "Solar heating for public buildings",
        "Renewable energy experts to help select pilot sites and technology.",
        ["renewable-energy", "engineering"],
        ["ky", "ru", "en"],
        "Two weeks on site",
        "Naryn",
        "KG",
        False,
        12,
    ),
]


def _terms(vocabulary):
    return {t.slug: t for t in Term.objects.filter(vocabulary=vocabulary)}


@transaction.atomic
def seed_contribute() -> str:
    if Organisation.objects.filter(slug="kyrgyz-community-of-moscow").exists():
        return ""
    from kopuro.connect.cities import locate

    rng = random.Random(SEED)
    now = timezone.now()
    sectors = _terms(Term.Vocabulary.EXPERTISE)
    languages = _terms(Term.Vocabulary.LANGUAGE)
    aida = User.objects.filter(email=MEMBER_EMAIL).first()
    editor = User.objects.filter(email=EDITOR_EMAIL).first()
    members = list(
        User.objects.filter(is_active=True, is_staff=False, profile__isnull=False)
        .exclude(email=MEMBER_EMAIL)
        .order_by("pk")[:120]
    )
    if not members:
        return ""

    orgs = []
    from django.utils.text import slugify

    for i, (name, kind, country, city, secs, ops, description) in enumerate(ORGANISATIONS):
        place = locate(country, city)
        org = Organisation.objects.create(
            name=name,
            slug=slugify(name)[:80],
            kind=kind,
            description=description,
            country=country,
            city=city,
            countries=ops,
            latitude=place[1] if place else None,
            longitude=place[2] if place else None,
            website=f"https://{slugify(name)[:30]}.example.org/",
            email=f"info@{slugify(name)[:30]}.example.org",
            verified_at=now - timedelta(days=30) if i % 5 != 4 else None,
            created_by=members[i % len(members)],
        )
        org.sectors.set([sectors[s] for s in secs if s in sectors])
        admin = members[i % len(members)]
        Membership.objects.create(
            organisation=org,
            user=admin,
            role=Membership.Role.ADMIN,
            title="Chair" if kind == "diaspora" else "Coordinator",
            verified_at=org.verified_at,
        )
        for m in rng.sample(members, 4):
            if m != admin:
                Membership.objects.get_or_create(organisation=org, user=m)
        orgs.append(org)
    if aida is not None:
        Membership.objects.create(
            organisation=orgs[3],
            user=aida,
            role=Membership.Role.ADMIN,
            title="Mentoring lead",
            verified_at=now - timedelta(days=20),
        )

    opps = []
    for i, (kind, title, description, secs, countries, mode, skills) in enumerate(OPPORTUNITIES):
        org = orgs[rng.randrange(len(orgs))] if i % 4 else None
        poster = (
            Membership.objects.filter(organisation=org, role=Membership.Role.ADMIN).first().user
            if org
            else members[(i * 7) % len(members)]
        )
        closed = i % 9 == 8
        opp = Opportunity.objects.create(
            title=title,
            kind=kind,
            description=description
            + " Write a few words about yourself and what you can offer; we answer everyone.",
            posted_by=poster,
            organisation=org,
            countries=countries,
            region=rng.choice(["", "Naryn Region", "Osh", "Chüy Region", ""]),
            mode=mode,
            skills=skills,
            deadline=(now - timedelta(days=rng.randrange(2, 40)))
            if closed
            else (now + timedelta(days=rng.randrange(5, 90)) if i % 3 else None),
        )
        Opportunity.objects.filter(pk=opp.pk).update(
            created_at=now - timedelta(days=rng.randrange(1, 60), hours=i)
        )
        opp.sectors.set([sectors[s] for s in secs if s in sectors])
        opps.append(opp)
    # Responses from other members.
    for opp in opps:
        for m in rng.sample(members, rng.randrange(0, 4)):
            if m.pk != opp.posted_by_id:
                Interest.objects.get_or_create(
                    opportunity=opp,
                    user=m,
                    defaults={
                        "message": "I would be glad to help. I have done similar work before "
                        "and can start next month.",
                        "status": rng.choice(
                            ["sent", "sent", "shortlisted", "accepted", "declined"]
                        ),
                    },
                )
    if aida is not None:
        statuses = ["sent", "shortlisted", "accepted", "declined"]
        for opp, status in zip([opps[0], opps[15], opps[33], opps[9]], statuses, strict=True):
            if opp.posted_by_id != aida.pk:
                Interest.objects.update_or_create(
                    opportunity=opp,
                    user=aida,
                    defaults={
                        "message": "I am a civil engineer in Almaty and mentor young engineers. "
                        "I can help online every month and visit in the summer.",
                        "status": status,
                        "answered_at": None if status == "sent" else now - timedelta(days=2),
                    },
                )
        own = Opportunity.objects.create(
            title="Volunteers for a school energy audit in Naryn",
            kind="volunteering",
            description="Help me measure heat loss in three village schools this summer, before "
            "we install solar collectors. No experience needed: we train you on the first day.",
            posted_by=aida,
            organisation=orgs[3],
            countries=["KG"],
            region="Naryn Region",
            mode="on-site",
            skills="Careful measurements, a driving licence helps",
            deadline=now + timedelta(days=45),
        )
        own.sectors.set([sectors["renewable-energy"], sectors["education"]])
        for m in members[:3]:
            Interest.objects.get_or_create(
                opportunity=own,
                user=m,
                defaults={"message": "I will be in Naryn in July and would like to help."},
            )

    # Opt-ins: members who offer mentoring or skills transfer, and Aida.
    helpers = Profile.objects.filter(
        offers__slug__in=["mentoring", "skills-transfer"], user__is_active=True
    ).values_list("user_id", flat=True)
    ids = set(helpers) | ({aida.pk} if aida else set())
    ContributeSettings.objects.bulk_create(
        [ContributeSettings(user_id=uid, expertise_requests=True) for uid in ids],
        ignore_conflicts=True,
    )

    for title, description, exp, langs, duration, place, country, remote, org_i in REQUESTS:
        org = orgs[org_i]
        requester = Membership.objects.filter(organisation=org, role=Membership.Role.ADMIN).first()
        req = ExpertiseRequest.objects.create(
            title=title,
            description=description,
            duration=duration,
            place=place,
            country=country,
            remote=remote,
            organisation=org,
            requested_by=requester.user if requester else editor,
        )
        req.expertise.set([sectors[s] for s in exp if s in sectors])
        req.languages.set([languages[s] for s in langs if s in languages])
        matches_recompute(request=req)
        for j, m in enumerate(ExpertiseMatch.objects.filter(request=req).order_by("-score")[:4]):
            m.status = ["invited", "accepted", "invited", "declined"][j]
            m.invited_at = now - timedelta(days=3)
            m.answered_at = now - timedelta(days=1) if m.status != "invited" else None
            m.save()
        if aida is not None and title in (REQUESTS[0][0], REQUESTS[4][0]):
            status = "invited" if title == REQUESTS[0][0] else "accepted"
            ExpertiseMatch.objects.update_or_create(
                request=req,
                user=aida,
                defaults={
                    "status": status,
                    "score": 10,
                    "reasons": [
                        {"code": "works_in", "values": [sectors["engineering"].pk], "points": 3}
                    ],
                    "invited_at": now - timedelta(days=2),
                    "answered_at": now if status == "accepted" else None,
                },
            )
    return f"{len(orgs)} organisations, {Opportunity.objects.count()} opportunities, {len(REQUESTS)} requests for expertise"


def seed_learn_and_contribute() -> str:
    """The one call `seed_demo` makes."""
    from kopuro.learn.demo import seed_learn

    done = []
    if n := seed_learn():
        done.append(f"{n} resources")
    if contribute := seed_contribute():
        done.append(contribute)
    return ", ".join(done)
