"""A small TCP proxy on loopback that the fault tests put between the app and PostgreSQL.

Toxiproxy is not available here, so this stands in for the network cable:

- ``pass``: bytes flow both ways.
- ``blackhole``: nothing flows and nothing is answered; connections stay open and new
  ones are accepted but never reach the server. Held bytes (and a held close) are
  delivered if the proxy passes again, as TCP would retransmit them after a real
  outage, so the protocol stream is never corrupted. Note what this simulates: a
  peer whose kernel still acknowledges packets (a hung server or middlebox), so TCP
  keepalives do *not* notice it -- only an application-level heartbeat or reply
  timeout does.
- ``mute``: client to server flows, server to client is held (a lost reply).
- ``reset``: every open connection is cut with a TCP RST (both sides) and new ones are
  reset as soon as they arrive.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import struct
import threading
from types import TracebackType

MODES = ("pass", "blackhole", "mute", "reset")


def _reset(sock: socket.socket) -> None:
    """Close with SO_LINGER 0, which sends RST instead of FIN."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()


class _Link:
    """One client connection and its upstream connection, pumped by one thread."""

    def __init__(self, proxy: TcpProxy, client: socket.socket) -> None:
        self.proxy = proxy
        self.client = client
        self.upstream: socket.socket | None = None
        self.closed = threading.Event()

    def run(self) -> None:
        try:
            self._run()
        except OSError:
            pass
        finally:
            self.close()

    def _connect_upstream(self) -> bool:
        # A black-holed SYN would get no answer: wait for the mode to change.
        while self.proxy.mode == "blackhole" and not self.closed.is_set():
            with self.proxy.changed:
                self.proxy.changed.wait(0.05)
        if self.closed.is_set() or self.proxy.mode == "reset":
            return False
        self.upstream = socket.create_connection(self.proxy.target, timeout=5)
        self.upstream.settimeout(None)
        return True

    def _run(self) -> None:
        if not self._connect_upstream():
            return
        assert self.upstream is not None
        client, upstream = self.client, self.upstream
        peers = {client: upstream, upstream: client}
        sel = selectors.DefaultSelector()
        sel.register(client, selectors.EVENT_READ)
        sel.register(upstream, selectors.EVENT_READ)
        held: dict[socket.socket, bytearray] = {client: bytearray(), upstream: bytearray()}
        ended: set[socket.socket] = set()  # sides that closed; their FIN is held too
        try:
            while not self.closed.is_set():
                mode = self.proxy.mode
                if mode == "reset":
                    return
                holding = {"blackhole": (client, upstream), "mute": (upstream,)}.get(mode, ())
                for src in (client, upstream):
                    if src in holding:
                        continue
                    if held[src]:
                        peers[src].sendall(bytes(held[src]))
                        held[src].clear()
                    if src in ended:
                        return
                # Keep reading while holding, so no sender is stopped by a full window.
                for key, _ in sel.select(0.05):
                    src = key.fileobj
                    assert isinstance(src, socket.socket)
                    data = src.recv(65536)
                    if not data:
                        ended.add(src)
                        sel.unregister(src)
                    elif src in holding:
                        held[src] += data
                    else:
                        peers[src].sendall(data)
        finally:
            sel.close()

    def close(self, *, reset: bool = False) -> None:
        self.closed.set()
        for sock in (self.client, self.upstream):
            if sock is None:
                continue
            if reset:
                _reset(sock)
            else:
                with contextlib.suppress(OSError):
                    sock.close()
        self.proxy._forget(self)


class TcpProxy:
    """``TcpProxy(("127.0.0.1", 5432))`` listens on a free loopback port (``.port``)."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.mode = "pass"
        self.changed = threading.Condition()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port: int = self._listener.getsockname()[1]
        self._links: set[_Link] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._acceptor = threading.Thread(target=self._accept_loop, daemon=True)
        self._acceptor.start()

    @property
    def host(self) -> str:
        return "127.0.0.1"

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
        with self.changed:
            self.mode = mode
            self.changed.notify_all()
        if mode == "reset":
            with self._lock:
                links = list(self._links)
            for link in links:
                link.close(reset=True)

    def connection_count(self) -> int:
        with self._lock:
            return len(self._links)

    def _forget(self, link: _Link) -> None:
        with self._lock:
            self._links.discard(link)

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _addr = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self.mode == "reset":
                _reset(client)
                continue
            client.settimeout(None)
            link = _Link(self, client)
            with self._lock:
                self._links.add(link)
            threading.Thread(target=link.run, daemon=True).start()

    def close(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            links = list(self._links)
        for link in links:
            link.close(reset=True)
        self._acceptor.join(2)

    def __enter__(self) -> TcpProxy:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
