"""Connect's demo content, called from `seed_demo` (idempotent).

- the directory's search index for every member (bulk-inserted members send no signals);
- for the demo member aida@demo.kopuro.org: suggestions, two connections, a request waiting
  for her, one she sent, and a conversation with a message she has not read yet.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from kopuro.accounts.models import Profile, User
from kopuro.connect import services
from kopuro.connect.index import directory_reindex
from kopuro.connect.models import Connection
from kopuro.connect.suggestions import suggestions_recompute
from kopuro.core.demo.accounts import MEMBER_EMAIL

CONVERSATION = [
    (
        "them",
        "Hello Aida! I saw you work on seismic design. We are planning a small school extension "
        "in Osh and would value a second opinion on the foundations.",
    ),
    ("aida", "Hello! Happy to help. Could you send me the drawings and the soil report?"),
    ("them", "Thank you! I will send them this week. Are you in Bishkek in the summer?"),
]


@transaction.atomic
def seed_connect() -> str:
    done = []
    if indexed := directory_reindex(only_missing=True):
        done.append(f"{indexed} directory entries")
    aida = User.objects.filter(email=MEMBER_EMAIL).first()
    if aida is None or not hasattr(aida, "profile"):
        return ", ".join(done)
    suggestions_recompute(user_id=aida.pk)
    if not Connection.objects.filter(Q(sender=aida) | Q(recipient=aida)).exists():
        others = list(
            Profile.objects.filter(in_directory=True, user__is_active=True)
            .exclude(user=aida)
            .select_related("user")
            .order_by("pk")[:4]
        )
        if len(others) == 4:
            friend, colleague, asker, asked = (p.user for p in others)
            for other in (friend, colleague):
                c = Connection.objects.create(sender=other, recipient=aida, note="")
                services.connection_accept(connection=c, by=aida)
            services.connection_request(
                sender=asker,
                recipient=aida,
                note="Hello Aida, we are both engineers from Kyrgyzstan. Shall we connect?",
            )
            services.connection_request(sender=aida, recipient=asked, note="")
            conversation = services.conversation_open(sender=friend, recipient=aida)
            for who, text in CONVERSATION:
                services.message_send(
                    conversation=conversation, sender=friend if who == "them" else aida, body=text
                )
            done.append("Aida's connections and messages")
    return ", ".join(done)
