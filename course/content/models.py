"""The content schema: what a lesson, a quiz and the course-wide data files may contain.

Every model forbids unknown fields so that a typo in a YAML file is reported, not ignored. The
activity models are their types' own (course/activities/<type>.py, listed in UNITS): the union below
is built from that table. Rules that span several fields or files (both languages present, ids that
refer to each other…) live in `course.content.checks`, where they can point at the exact line of the
problem; an activity type's own rules (one correct option…) are its unit's `check`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Literal, TypeAlias

from pydantic import Field, field_validator

from course import bands
from course.activities import TYPES, AnyActivity
from course.bands import Audience
from course.content.base import Id, Strict, Text

SCHEMA_VERSION = 1

# The band types, built from the bands file (course/bands.py): a band, a learner band, a helpline group.
if TYPE_CHECKING:  # read from a file at run time: a type checker sees plain strings
    Band: TypeAlias = str
    LearnerBand: TypeAlias = str
    HelplineGroup: TypeAlias = str
else:
    Band = Literal[bands.ids()]
    LearnerBand = Literal[bands.learners()]
    HelplineGroup = Literal[bands.helpline_groups()]

YEAR_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _year_month(value: str) -> str:
    if not YEAR_MONTH.match(value):
        raise ValueError("must be a year and month written YYYY-MM, in quotes")
    return value


class Source(Strict):
    organisation: str = Field(description="Who published the guidance, e.g. 'NSPCC'.")
    title: str = Field(description="Title of the publication or page.")


# --- Activities: each type is a unit of course.activities ----------------------------------

Activity = Annotated[AnyActivity, Field(discriminator="type")]
ACTIVITY_TYPES = TYPES


# --- Lesson steps -----------------------------------------------------------------------------


class Picture(Strict):
    src: str = Field(description="Path relative to the lessons folder, e.g. images/keys.svg.")
    alt: Text = Field(description="What the picture shows, read by screen readers (not 'image of…').")


class StepBase(Strict):
    id: Id = Field(description="Stable id of the step, unique in the lesson.")
    notes: Text | None = Field(None, description="Speaker notes shown to the presenter only.")
    picture: Picture | None = Field(
        None, description="A picture shown above the step, one that carries the story (lessons/images/)."
    )


class TextStep(StepBase):
    type: Literal["text"] = Field(description="A paragraph or two of markdown.")
    body: Text = Field(description="Markdown text.")


class KeyMessageStep(StepBase):
    type: Literal["key_message"] = Field(description="The one thing to remember, shown as a callout.")
    body: Text = Field(description="The key message.")


class ImageStep(StepBase):
    type: Literal["image"] = Field(description="A picture or SVG shipped with the lesson.")
    src: str = Field(description="Path relative to the lessons folder, e.g. images/keys.svg.")
    alt: Text = Field(description="Alternative text read by screen readers.")
    caption: Text | None = Field(None, description="Optional caption.")


class ChatLine(Strict):
    sender: Literal["them", "me"] = Field(description="'them' for the other person, 'me' for the character.")
    name: Text | None = Field(None, description="Display name of a fictional sender.")
    text: Text = Field(description="The message.")


class ChatStep(StepBase):
    type: Literal["chat"] = Field(description="A simulated conversation shown as chat bubbles.")
    intro: Text | None = Field(None, description="Optional sentence before the chat.")
    messages: list[ChatLine] = Field(min_length=1, description="The conversation, in order.")


class DiscussionStep(StepBase):
    type: Literal["discussion"] = Field(description="A prompt for class discussion (a reflection at home).")
    prompt: Text = Field(description="The question to discuss.")


class ActivityStep(StepBase):
    type: Literal["activity"] = Field(description="An inline activity.")
    activity: Activity = Field(description="The activity itself.")


class HelpCardStep(StepBase):
    type: Literal["help_card"] = Field(description="Who to tell and the helplines for the chosen country.")
    intro: Text | None = Field(None, description="Optional sentence before the helplines.")


class SummaryStep(StepBase):
    type: Literal["summary"] = Field(description="'What I learnt': the points to take away.")
    points: list[Text] = Field(min_length=1, description="Short take-away sentences.")


Step = Annotated[
    TextStep
    | KeyMessageStep
    | ImageStep
    | ChatStep
    | DiscussionStep
    | ActivityStep
    | HelpCardStep
    | SummaryStep,
    Field(discriminator="type"),
]


class ContentFile(Strict):
    schema_version: Literal[1] = Field(description="Version of this schema; currently 1.")
    id: Id = Field(description="Equals the file name without .yaml.")
    topic: Id = Field(description="A topic id from course/data/topics.yaml.")
    audience: Audience = Field(description="Who it is for.")
    ages: Band = Field(description="Age band or adult strand; quote it in YAML, e.g. '7-10'.")
    title: Text = Field(description="Title.")
    reviewed: str = Field(description="Month of the last review against the sources, 'YYYY-MM'.")

    @field_validator("reviewed", mode="before")
    @classmethod
    def _reviewed_is_year_month(cls, value: object) -> object:
        return _year_month(value) if isinstance(value, str) else value


class Lesson(ContentFile):
    minutes: int = Field(ge=1, le=90, description="Estimated minutes.")
    summary: Text = Field(description="One or two sentences shown in lesson lists.")
    quiz: Id | None = Field(None, description="Id of the quiz that follows the lesson.")
    steps: list[Step] = Field(min_length=1, description="The lesson, step by step.")
    sources: list[Source] = Field(min_length=1, description="Guidance the lesson is based on.")


class Objective(Strict):
    id: Id = Field(description="Stable id, named by the questions that measure it.")
    text: Text = Field(description="What the learner can do, e.g. 'Recognise the grooming pattern'.")


class Quiz(ContentFile):
    pass_mark: int = Field(ge=0, le=100, description="Percentage needed to pass (mastery).")
    objectives: list[Objective] = Field(
        default_factory=list,
        max_length=6,
        description="What the quiz measures; every question names one (learner quizzes need 2 to 4).",
    )
    questions: list[Activity] = Field(min_length=1, description="The questions.")
    before_check: list[Activity] = Field(
        default_factory=list,
        max_length=4,
        description=(
            "Learner quizzes: 3 or 4 parallel questions (same objectives, other wording and options) "
            "asked when the lesson opens, with no feedback; the quiz is the after-check."
        ),
    )


# --- Course-wide data -------------------------------------------------------------------------


class TopicWording(Strict):
    """How a topic is named to some learner bands, in place of its general title."""

    bands: list[LearnerBand] = Field(min_length=1, description="The learner bands that read this wording.")
    title: Text = Field(description="The topic's name for these bands, e.g. for 7-10 without adult words.")


class Topic(Strict):
    id: Id = Field(description="Topic id, also the folder name under lessons/ and quizzes/.")
    title: Text = Field(description="Topic name (adults, and every band without its own wording).")
    band_wording: list[TopicWording] = Field(
        default_factory=list,
        description="Optional titles for learner bands (e.g. 7-10) where the general one has adult words.",
    )
    icon: str = Field(description="A single emoji shown beside the topic.")
    for_learners: bool = Field(
        True, description="Part of the learner curriculum: every learner band needs a lesson and a quiz."
    )
    crcn: list[str] = Field(
        default_factory=list, description="France's CRCN competences met, e.g. '4.2 Protéger les données…'."
    )
    emi: str | None = Field(None, description="The EMI (media and information literacy) theme it serves.")
    connected_world: list[str] = Field(
        default_factory=list, description="UK Education for a Connected World strands met."
    )

    def title_for(self, band: str | None) -> Text:
        """The title `band` reads: its own wording if it has one, else the general title."""
        wording = next((w for w in self.band_wording if band in w.bands), None)
        return wording.title if wording else self.title


class BandInfo(Strict):
    id: Band = Field(description="Band id.")
    audience: Audience = Field(description="Who the band is for.")
    label: Text = Field(description="How the band is named to users.")


class TopicsFile(Strict):
    schema_version: Literal[1] = Field(description="Version of this schema; currently 1.")
    topics: list[Topic] = Field(min_length=1, description="Every topic of the course.")
    bands: list[BandInfo] = Field(min_length=1, description="Age bands and adult strands.")


PHONE_NUMBER = re.compile(r"^\+?\d(?:[\d -]*\d)?$")


class Phone(Strict):
    """A number the help card offers to call or text with one tap (a tel: or sms: link)."""

    number: str = Field(
        description="As written in the guide and in `contact`, e.g. '3018', '0800 1111', '1-800-668-6868'."
    )
    call: bool = Field(True, description="It can be called: the card shows a tel: link.")
    text: bool = Field(False, description="It takes text messages: the card shows an sms: link.")

    @field_validator("number", mode="before")
    @classmethod
    def _number_is_dialable(cls, value: object) -> object:
        if isinstance(value, str) and not PHONE_NUMBER.match(value):
            raise ValueError("must be a phone number: digits, spaces and hyphens, with + in front if needed")
        return value

    @property
    def dial(self) -> str:
        """What a phone dials: the digits, with a leading + if any ('1-800-668-6868' -> '18006686868')."""
        return ("+" if self.number.startswith("+") else "") + re.sub(r"\D", "", self.number)


class HelplineWording(Strict):
    """How a helpline is described to some learner bands, in place of its general purpose and/or who."""

    bands: list[LearnerBand] = Field(min_length=1, description="The learner bands that read this wording.")
    purpose: Text | None = Field(None, description="What to contact it for, in these bands' words.")
    who: Text | None = Field(None, description="Who can contact it, in these bands' words.")


class Helpline(Strict):
    id: Id = Field(description="Stable id.")
    name: Text = Field(description="Service name.")
    purpose: Text = Field(description="What to contact it for (adults, and bands without their own wording).")
    contact: Text = Field(description="Number, text or web address, as written for users.")
    who: Text = Field(description="Who can contact it.")
    band_wording: list[HelplineWording] = Field(
        default_factory=list,
        description="Optional purpose/who for some learner bands (e.g. 7-10 reads child words, not adults').",
    )
    phones: list[Phone] = Field(
        default_factory=list, description="Numbers in `contact` to offer as tap-to-call or tap-to-text links."
    )
    url: str | None = Field(None, description="Web address, https://…")
    emergency: bool = Field(False, description="True for 'danger now' numbers.")
    for_ages: list[HelplineGroup] = Field(
        default_factory=lambda: list(bands.helpline_groups()),
        description="Who sees it: learner bands and/or adults (before a band is chosen: the 7-10 set).",
    )
    verified: str = Field(description="Month the details were last checked, 'YYYY-MM'.")
    unconfirmed: bool = Field(False, description="True if not confirmed: the app marks it (?).")

    @field_validator("verified", mode="before")
    @classmethod
    def _verified_is_year_month(cls, value: object) -> object:
        return _year_month(value) if isinstance(value, str) else value

    def wording(self, band: str | None) -> HelplineWording | None:
        return next((w for w in self.band_wording if band in w.bands), None)

    def purpose_for(self, band: str | None) -> Text:
        """What `band` reads as the line's purpose: its own wording if it has one, else the general one."""
        wording = self.wording(band)
        return wording.purpose if wording and wording.purpose else self.purpose

    def who_for(self, band: str | None) -> Text:
        wording = self.wording(band)
        return wording.who if wording and wording.who else self.who


class Country(Strict):
    code: str = Field(description="Country code, two capital letters: 'FR', 'UK'.")
    name: Text = Field(description="Country name.")
    helplines: list[Helpline] = Field(min_length=1, description="Country-specific services.")

    @field_validator("code", mode="before")
    @classmethod
    def _code_is_two_capitals(cls, value: object) -> object:
        if isinstance(value, str) and not re.fullmatch(r"[A-Z]{2}", value):
            raise ValueError("must be a country code: two capital letters, e.g. 'FR'")
        return value


class HelplinesFile(Strict):
    schema_version: Literal[1] = Field(description="Version of this schema; currently 1.")
    countries: list[Country] = Field(
        min_length=1, description="The countries offered, each with its lines; the first is the default."
    )
    everywhere: list[Helpline] = Field(default_factory=list, description="Services for every country.")
