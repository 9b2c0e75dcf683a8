"""A minimal Streamlit client over the app's own websocket (`/_stcore/stream`), for load benchmarks.

It speaks the protocol the browser speaks (the BackMsg/ForwardMsg protobuf classes shipped in
`streamlit.proto`), the way Streamlit's frontend does it:

- the first `rerun_script` carries the URL's path as `page_name`, its query string and a
  `context_info` (locale, time zone, URL); later ones carry the current `page_script_hash`;
- every rerun sends the value of every widget the client has set (`widget_states`); a button
  press is a `trigger_value` sent once;
- a widget inside an `st.form` (`form_id`) runs nothing when it changes: its value waits for the
  form's submit button (`change()` holds it, as the browser does);
- the query string follows `page_info_changed`, the page follows `navigation`;
- a widget drawn inside an `st.fragment` reruns only that fragment (`fragment_id`);
- `auto_rerun` messages (from `@st.fragment(run_every=…)`) are replayed as fragment reruns
  (`fragment_id`, `is_auto_rerun`) at their interval by `auto_reruns()`.

One request at a time per client: `rerun()` returns once the server says the run (or the
chain of runs after `st.rerun()` / `st.switch_page()`) finished.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect

DONE = {
    ForwardMsg.FINISHED_SUCCESSFULLY,
    ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
    ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
}
WIDGETS = {
    "button",
    "radio",
    "checkbox",
    "button_group",
    "selectbox",
    "text_input",
    "multiselect",
    "download_button",
}


def process_cpu(pid: int | None) -> float:
    """User + system CPU seconds of process `pid` (all its threads, the finished ones too); 0 if unknown.

    /proc counts in clock ticks (10 ms): one request's figure is coarse, a mean over many is not.
    """
    if pid is None:
        return 0.0
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class AppError(Exception):
    """The app showed an exception, or the run did not finish in time."""


class FragmentGone(Exception):
    """A timed fragment rerun was due, but the full run before it no longer drew that fragment: the
    browser sends nothing then (the server would drop the request without an answer)."""


@dataclass
class Widget:
    kind: str
    id: str
    key: str
    proto: object
    fragment_id: str = ""  # the `st.fragment` it was drawn in: pressing it reruns only that fragment

    @property
    def disabled(self) -> bool:
        return bool(getattr(self.proto, "disabled", False))

    @property
    def form_id(self) -> str:
        """The `st.form` it is drawn in ("" if none): its value is sent with that form's submit button."""
        return str(getattr(self.proto, "form_id", "") or "")


@dataclass
class RunResult:
    seconds: float
    runs: int  # script runs in the chain (2 or more after st.rerun / st.switch_page)
    exceptions: list[str] = field(default_factory=list)
    bytes_in: int = 0
    server_cpu: float = 0.0  # CPU seconds the server process spent meanwhile (when its pid is known)


class StreamlitClient:
    def __init__(
        self,
        base_url: str,
        path: str = "",
        query: dict[str, str] | None = None,
        locale: str = "fr-FR",
        timeout: float = 30,
        pause: float = 0.0,
        server_pid: int | None = None,
        cookies: dict[str, str] | None = None,
    ):
        self.cookies = cookies or {}  # sent with the websocket handshake, as a browser does
        self.base_url = base_url.rstrip("/")
        self.first_page = path.strip("/")
        self.query_string = urlencode(query or {})
        self.locale = locale
        self.timeout = timeout
        self.pause = pause  # seconds of quiet before each request (not timed): a person's pace
        self.server_pid = server_pid
        self.page_hash = ""
        self.page_name = ""  # the current page's url_pathname
        self.pages: dict[str, str] = {}  # url_pathname -> page_script_hash
        self.widgets: dict[str, Widget] = {}  # user key -> widget on the page now
        self.values: dict[str, WidgetState] = {}  # widget id -> the value the client holds
        self.fragments: dict[str, float] = {}  # fragment id -> auto-rerun interval (s)
        self.exceptions: list[str] = []
        self.ws = None
        self._finished: asyncio.Queue = asyncio.Queue()
        self._reader: asyncio.Task | None = None
        self._lock = asyncio.Lock()
        self._bytes_in = 0
        self._runs = 0
        self._fragment_run = ""  # the fragment being rerun alone; "" for a full run

    # --- connection -------------------------------------------------------------------------

    async def open(self) -> RunResult:
        """Connect and load the first page (what a browser does when it opens the URL)."""
        ws_url = self.base_url.replace("http", "ws", 1) + "/_stcore/stream"
        self.ws = await connect(
            ws_url,
            subprotocols=["streamlit"],
            max_size=None,
            open_timeout=self.timeout,
            ping_interval=None,
            compression=None,
            additional_headers={"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
            if self.cookies
            else None,
        )
        self._reader = asyncio.create_task(self._read())
        self.page_name = self.first_page
        return await self.rerun(first=True)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader

    # --- sending ------------------------------------------------------------------------------

    def url(self) -> str:
        path = f"/{self.page_name}" if self.page_name else "/"
        return f"{self.base_url}{path}" + (f"?{self.query_string}" if self.query_string else "")

    def query(self) -> dict[str, str]:
        return dict(parse_qsl(self.query_string))

    async def rerun(
        self,
        trigger: str | None = None,
        first: bool = False,
        fragment_id: str = "",
        page: str | None = None,
        query: dict[str, str] | None = None,
        auto: bool = True,
    ) -> RunResult:
        """One rerun request and the runs it causes; `trigger` is the key of a button to press.

        `fragment_id` reruns only that fragment: on its own timer (`auto`), or for one of its widgets.
        """
        async with self._lock:
            if fragment_id and auto and fragment_id not in self.fragments:
                raise FragmentGone(fragment_id)  # a full run while this one waited for its turn
            if self.pause:
                await asyncio.sleep(self.pause)
            message = BackMsg()
            state = message.rerun_script
            if page is not None:  # a click on a link to another page of the app
                self.page_name = page
                self.page_hash = self.pages.get(page, "")
            if query is not None:
                self.query_string = urlencode(query)
            state.query_string = self.query_string
            if first or (page is not None and not self.page_hash):
                state.page_name = self.page_name
            else:
                state.page_script_hash = self.page_hash
            if fragment_id:
                state.fragment_id = fragment_id
                state.is_auto_rerun = auto
            state.context_info.CopyFrom(
                ContextInfo(
                    timezone="Europe/Paris",
                    timezone_offset=-60,
                    locale=self.locale,
                    url=self.url(),
                    is_embedded=False,
                    color_scheme="light",
                )
            )
            for value in self.values.values():
                state.widget_states.widgets.append(value)
            if trigger is not None:
                widget = self.widget(trigger)
                pressed = WidgetState(id=widget.id, trigger_value=True)
                state.widget_states.widgets.append(pressed)
            while not self._finished.empty():  # stray finishes (none expected): start clean
                self._finished.get_nowait()
            self.exceptions = []
            self._bytes_in = 0
            self._runs = 0
            self._fragment_run = fragment_id
            cpu_before = process_cpu(self.server_pid)
            start = time.perf_counter()
            await self.ws.send(message.SerializeToString())
            try:
                await asyncio.wait_for(self._finished.get(), self.timeout)
            except TimeoutError as error:
                raise AppError(f"no script_finished within {self.timeout} s") from error
            elapsed = time.perf_counter() - start
            cpu = process_cpu(self.server_pid) - cpu_before
            return RunResult(elapsed, self._runs, list(self.exceptions), self._bytes_in, cpu)

    async def click(self, key: str) -> RunResult:
        return await self.rerun(trigger=key, fragment_id=self.widget(key).fragment_id, auto=False)

    async def set_value(self, key: str, **value) -> RunResult:
        """Change a widget (e.g. bool_value=True, string_value="…") and rerun, as the browser does."""
        widget = self.widget(key)
        self.values[widget.id] = WidgetState(id=widget.id, **value)
        return await self.rerun(fragment_id=widget.fragment_id, auto=False)

    def hold_value(self, key: str, **value) -> None:
        """Change a widget without rerunning (a widget inside a form, or several ticks before "check")."""
        widget = self.widget(key)
        self.values[widget.id] = WidgetState(id=widget.id, **value)

    async def change(self, key: str, **value) -> RunResult | None:
        """Change a widget as the browser does: inside a form it is held until the form's button is
        pressed (no run: None); anywhere else it reruns."""
        if self.widget(key).form_id:
            self.hold_value(key, **value)
            return None
        return await self.set_value(key, **value)

    # --- reading ------------------------------------------------------------------------------

    def widget(self, key: str) -> Widget:
        try:
            return self.widgets[key]
        except KeyError:
            raise AppError(
                f"no widget {key!r} on /{self.page_name}; have {sorted(self.widgets)[:12]}…"
            ) from None

    def widget_keys(self, prefix: str = "") -> list[str]:
        return [key for key in self.widgets if key.startswith(prefix)]

    async def _read(self) -> None:
        async for raw in self.ws:
            self._bytes_in += len(raw)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                self._runs += 1
                if not self._fragment_run:  # a full run: the page is drawn anew
                    self.widgets = {}
                    self.fragments = {}
                else:  # the fragment is drawn anew, the rest of the page stays
                    self.widgets = {
                        k: w for k, w in self.widgets.items() if w.fragment_id != self._fragment_run
                    }
                if msg.new_session.page_script_hash and not self.pages:
                    self.page_hash = msg.new_session.page_script_hash
            elif kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
                if msg.navigation.page_script_hash:
                    self.page_hash = msg.navigation.page_script_hash
                    for name, page_hash in self.pages.items():
                        if page_hash == self.page_hash:
                            self.page_name = name
            elif kind == "page_info_changed":
                self.query_string = msg.page_info_changed.query_string
            elif kind == "delta":
                self._delta(msg)
            elif kind == "auto_rerun":
                self.fragments[msg.auto_rerun.fragment_id] = msg.auto_rerun.interval
            elif kind == "script_finished":
                if msg.script_finished in DONE:
                    self._finished.put_nowait(msg.script_finished)
                elif msg.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    self._fragment_run = ""  # the rerun that follows is a full one
            elif kind == "page_not_found":
                self.exceptions.append(f"page not found: {msg.page_not_found.page_name}")

    def _delta(self, msg: ForwardMsg) -> None:
        if msg.delta.WhichOneof("type") != "new_element":
            return
        element = msg.delta.new_element
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.exceptions.append(f"{element.exception.type}: {element.exception.message}")
        elif kind in WIDGETS:
            proto = getattr(element, kind)
            widget_id = proto.id
            key = widget_id.split("-", 2)[2] if widget_id.count("-") >= 2 else widget_id
            self.widgets[key] = Widget(kind, widget_id, key, proto, msg.delta.fragment_id)

    # --- live views ---------------------------------------------------------------------------

    async def auto_reruns(self, stop: asyncio.Event, on_result=None) -> None:
        """Replays `@st.fragment(run_every=…)` reruns at their interval until `stop` is set."""
        due: dict[str, float] = {}
        while not stop.is_set():
            now = time.monotonic()
            for fragment_id, interval in list(self.fragments.items()):
                due.setdefault(fragment_id, now + interval)
                if now >= due[fragment_id]:
                    due[fragment_id] = now + interval
                    try:
                        result = await self.rerun(fragment_id=fragment_id)
                    except FragmentGone:
                        continue
                    except Exception as error:  # noqa: BLE001 - reported by the caller
                        result = error
                    if on_result is not None:
                        on_result(fragment_id, result)
            for fragment_id in list(due):
                if fragment_id not in self.fragments:
                    del due[fragment_id]
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), 0.1)
