"""The class session of the current pupil or teacher view, and the address pupils join at."""

from __future__ import annotations

import base64
import functools
import html
import io

import segno
import streamlit as st

from course.classroom import join_address
from course.classroom.join_address import JoinAddress
from course.classroom.sessions import Classroom, ClassSession
from course.progress import Learner
from course.settings import settings
from course.ui import state
from course.ui.state import Visitor


@st.cache_resource(show_spinner=False)
def _classroom(url: str) -> Classroom:
    return Classroom(state.store())


_classroom_at = state.kept(_classroom)


def classroom() -> Classroom:
    from course.progress.engine import default_url

    return _classroom_at(default_url())


def session_of(learner: Learner | None) -> ClassSession | None:
    """The open class session a pupil belongs to (None at home, or once it has expired)."""
    if learner is None or learner.session_id is None:
        return None
    session = classroom().get(learner.session_id)
    return session if session and not session.expired else None


def own_base_url() -> str:
    """The address this browser used: for links the teacher opens on this same screen (its sign-in
    cookie belongs to this address)."""
    return join_address.base_of(st.context.url)


def joining() -> JoinAddress:
    """Where pupils and parents join, and why their devices could not reach it (join_address.choose)."""
    return join_address.choose(
        st.context.url,
        public_url=settings().public_url,
        listen_address=st.get_option("server.address"),
    )


def public_base_url() -> str:
    """COURSE_PUBLIC_URL behind a proxy, else the address this browser used if other devices can
    use it too, else this machine's network address (never localhost when there is one)."""
    return joining().base


def join_warning(who: Visitor) -> None:
    """On the projector: why pupils' devices cannot reach the join address, and what to do."""
    problem = joining().problem
    if problem:
        st.html(JOIN_WARNING_CSS)
        with st.container(key="join_warning"):
            st.warning(who.t(f"join_address.{problem}"), icon=":material/wifi_off:")


# Commands never break at their dashes; on a slide (large type) the warning stays small enough for
# the join code below it to fit a 720p projector.
JOIN_WARNING_CSS = """<style>
.st-key-join_warning code { white-space: nowrap; }
.st-key-slide .st-key-join_warning p { font-size: clamp(1rem, 1.5vw, 1.4rem) !important; line-height: 1.35; }
</style>"""


def join_url(session: ClassSession) -> str:
    return f"{public_base_url()}/join?class={session.join_code}"


@functools.lru_cache(maxsize=256)
def qr_png(url: str, scale: int = 10) -> bytes:
    """A QR code large enough to scan from the back of a classroom when projected."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def qr_image(url: str, alt: str, width: int = 260) -> None:
    """The QR code inline (a data URL): it survives the frequent reruns of live views, with its alt text.

    Made once per address, size and text: st.image would decode and re-encode the PNG on every rerun.
    """
    st.html(qr_img_tag(url, alt, width))


@functools.lru_cache(maxsize=256)
def qr_img_tag(url: str, alt: str, width: int) -> str:
    data = base64.b64encode(qr_png(url, scale=5 if width <= 160 else 10)).decode()
    return (
        f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" width="{width}" height="{width}" '
        'style="image-rendering:pixelated">'
    )


def big_code(code: str) -> None:
    """A join code readable from the back of the room (letters, digits and a dash: escaped anyway)."""
    st.html(
        '<div role="text" aria-label="code" style="font-size:clamp(3rem,8vw,7rem);font-weight:800;'
        f'letter-spacing:.12em;margin:0;font-family:monospace;line-height:1.1">{html.escape(code)}</div>'
    )
