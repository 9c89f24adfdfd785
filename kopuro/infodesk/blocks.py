"""The section block guides and topics are made of: short, with an icon, reviewed, sourced.

wagtail-localize translates the heading, body and source titles; the kind and the review date
are choice and date blocks, which it keeps as the source page has them (the same in every
language), so the kind doubles as the section's stable address (#work-permits) and as the key
reach figures are counted under.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

# (value, label, icon) — the value is the anchor and the reach key; never rename one.
SECTION_KINDS = [
    ("before-you-leave", _("Before you leave"), "suitcase"),
    ("entry-and-registration", _("Entry and registration"), "passport"),
    ("work-permits", _("Work permits"), "badge"),
    ("work-and-rest", _("Work and rest rights"), "clock"),
    ("health", _("Health"), "health"),
    ("money", _("Money and remittances"), "money"),
    ("emergencies", _("Emergencies"), "siren"),
    ("coming-home", _("Coming home"), "home"),
    ("signs", _("Signs to look out for"), "eye"),
    ("risks", _("Risks"), "warning"),
    ("protect-yourself", _("How to protect yourself"), "shield"),
    ("checklist", _("Checklist"), "check"),
    ("rights", _("Your rights"), "scales"),
    ("get-help", _("Where to get help"), "phone"),
]
SECTION_ICONS = {value: icon for value, _label, icon in SECTION_KINDS}
SECTION_LABELS = {value: label for value, label, _icon in SECTION_KINDS}
GUIDE_SECTION_ORDER = [value for value, _l, _i in SECTION_KINDS[:8]]


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    url = blocks.URLBlock(label=_("address"), required=False)

    class Meta:
        icon = "link"
        label = _("source")


class SectionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[(v, label) for v, label, _i in SECTION_KINDS],
        label=_("kind"),
        help_text=_("Gives the section its icon and its address; use each kind once per page."),
    )
    heading = blocks.CharBlock(label=_("heading"), max_length=120)
    body = blocks.RichTextBlock(
        label=_("text"),
        features=["bold", "ul", "ol", "link"],
        help_text=_("Plain language, short sentences: a few lines or a short list."),
    )
    last_reviewed = blocks.DateBlock(
        label=_("last reviewed"), help_text=_("When someone last checked this against sources.")
    )
    sources = blocks.ListBlock(SourceBlock(), label=_("sources"), min_num=0)

    class Meta:
        icon = "doc-full"
        label = _("section")
        template = "infodesk/includes/section_block.html"


class SectionsBlock(blocks.StreamBlock):
    section = SectionBlock()
