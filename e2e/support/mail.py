"""The server's outbox: Django's file e-mail backend writes each message to a file in a folder;
a journey reads the message a person would receive, and the link in it."""

from __future__ import annotations

import email
import email.policy
import re
import time
from email.message import EmailMessage
from pathlib import Path

# Django's file backend ends every message with a line of 79 dashes.
_SEPARATOR = re.compile(rb"^-{79}$", re.MULTILINE)
_LINK = re.compile(r"https?://[^\s<>\"']+")


class Mailbox:
    def __init__(self, folder: Path):
        self.folder = folder

    def messages(self) -> list[EmailMessage]:
        found = []
        for path in sorted(self.folder.glob("*.log"), key=lambda p: p.stat().st_mtime):
            for chunk in _SEPARATOR.split(path.read_bytes()):
                if chunk.strip():
                    found.append(
                        email.message_from_bytes(chunk.lstrip(), policy=email.policy.default)
                    )
        return found

    def latest(self, *, to: str, subject: str = "", timeout: float = 10) -> EmailMessage:
        """The newest message sent to `to` (and whose subject contains `subject`), waiting for it."""
        deadline = time.monotonic() + timeout
        while True:
            matching = [
                m
                for m in self.messages()
                if to.lower() in str(m["To"]).lower()
                and subject.lower() in str(m["Subject"]).lower()
            ]
            if matching:
                return matching[-1]
            if time.monotonic() > deadline:
                raise AssertionError(f"No e-mail to {to} with {subject!r} in the subject")
            time.sleep(0.2)

    @staticmethod
    def text(message: EmailMessage) -> str:
        part = message.get_body(preferencelist=("plain", "html"))
        return part.get_content() if part is not None else ""

    def link(self, *, to: str, containing: str, subject: str = "") -> str:
        """The first link in the newest message to `to` whose URL contains `containing`."""
        body = self.text(self.latest(to=to, subject=subject))
        for url in _LINK.findall(body):
            if containing in url:
                return url
        raise AssertionError(f"No link with {containing!r} in the e-mail to {to}:\n{body}")
