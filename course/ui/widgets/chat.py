"""A simulated chat that looks like a chat app: round avatars with the sender's initial, the other
person's bubbles on the left, the character's on the right, the name above the first bubble of each
run. Each message is Streamlit's chat message, so a screen reader hears "Chat message from <name>"."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from html import escape
from typing import Literal, Protocol

import streamlit as st

from course.content.base import Text
from course.ui.state import Visitor

# The keyed containers below carry the side ("me"/"them") and whether the message starts a run
# ("first"/"next") in their class (st-key-chat-<side>-<run>-…); the colours are see-through, so both
# themes keep their own text colour on them. Part of every page's styles (course/ui/page_kit.py).
STYLE = """
[class*="st-key-chat-"] [data-testid="stChatMessage"] { background: none; padding: .1rem 0; gap: .5rem;
  align-items: flex-end; justify-content: flex-start; }
[class*="st-key-chat-"] [data-testid="stChatMessageContent"] { flex: 0 1 auto; width: fit-content;
  max-width: min(80%, 32rem); margin: 0; flex-grow: 0; padding: .45rem .85rem;
  border-radius: 1.1rem 1.1rem 1.1rem .3rem;
  background: rgba(128, 128, 128, .16); }
[class*="st-key-chat-"] [data-testid="stChatMessageContent"] p { margin-bottom: 0; }
[class*="st-key-chat-"] [data-testid="stChatMessageContent"] [data-testid="stMarkdownContainer"] {
  margin-bottom: 0; }
[class*="st-key-chat-"] [data-testid="stChatMessageContent"] [data-testid="stVerticalBlock"] { gap: .1rem; }
[class*="st-key-chat-"] [data-testid="stChatMessage"] > div:first-child { border-radius: 50%;
  width: 2.1rem; height: 2.1rem; justify-content: center; align-items: center; font-weight: 700;
  background: #6b4fbb; color: #fff; }
[class*="st-key-chat-me-"] [data-testid="stChatMessage"] { flex-direction: row-reverse; }
[class*="st-key-chat-me-"] [data-testid="stChatMessageContent"] { background: rgba(59, 130, 214, .24);
  margin-left: auto;
  border-radius: 1.1rem 1.1rem .3rem 1.1rem; }
[class*="st-key-chat-me-"] [data-testid="stChatMessage"] > div:first-child { background: #1f6fc2; }
[class*="st-key-chat-"][class*="-next-"] [data-testid="stChatMessage"] > div:first-child {
  visibility: hidden; }
.chat-name { font-size: .8rem; font-weight: 600; opacity: .85; margin-bottom: .1rem; }
"""


@contextmanager
def message(side: Literal["them", "me"], name: str, first: bool, key: str) -> Iterator[None]:
    """One message from `name`; `first` when the sender changed, so the name and avatar show."""
    with st.container(key=f"chat-{side}-{'first' if first else 'next'}-{key}"), st.chat_message(name):
        if first:
            st.html(f'<p class="chat-name">{escape(name)}</p>')
        yield


class Line(Protocol):
    @property
    def sender(self) -> Literal["them", "me"]: ...

    @property
    def name(self) -> Text | None: ...


def senders(lines: Sequence[Line], who: Visitor) -> list[tuple[str, bool]]:
    """Each line's sender as the chat shows it (and a screen reader says it: their name, or "me" /
    "them"), and whether it starts a run of messages from that sender."""
    names = [line.name.get(who.lang) if line.name else who.t(f"lesson.chat_{line.sender}") for line in lines]
    return [(name, index == 0 or names[index - 1] != name) for index, name in enumerate(names)]
