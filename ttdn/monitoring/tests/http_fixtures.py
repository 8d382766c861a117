"""A local HTTP server on 127.0.0.1 (a thread of the test) serving the feeds and
pages the fetcher must cope with. Nothing leaves the machine."""

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ttdn.monitoring.decoding import encode_cp1258

ARTICLE = """<!doctype html><html lang="vi"><head><meta charset="{charset}">
<title>{title}</title></head><body><nav><a href="/">Trang chủ</a></nav>
<article><h1>{title}</h1><p>{body}</p><p>{body2}</p></article>
<footer>Bản quyền thuộc về Báo Thử nghiệm.</footer></body></html>"""

BODY = (
    "Sáng nay, tại trụ sở UBND tỉnh Sơn La, lãnh đạo tỉnh đã tiếp đoàn đại biểu "
    "tỉnh Hủa Phăn, nước CHDCND Lào sang thăm và làm việc."
)
BODY2 = (
    "Hai bên thống nhất đẩy mạnh hợp tác về giáo dục, y tế, nông nghiệp và quản lý "
    "đường biên giới chung trong thời gian tới."
)


def article(title: str, *, charset: str = "utf-8", body: str = BODY) -> str:
    return ARTICLE.format(title=title, charset=charset, body=body, body2=BODY2)


def rss(base: str, entries: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>"
        f"<pubDate>Tue, 24 Nov 2026 08:00:00 +0700</pubDate>"
        f"<description>{title}</description></item>"
        for title, path in entries
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Báo Thử</title><link>{base}/</link>{items}</channel></rss>"
    )


class FixtureServer:
    """Routes: path → (status, headers, body bytes | callable(handler) → bytes)."""

    def __init__(self):
        self.routes: dict = {}
        self.hits: list[tuple[str, dict]] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path, body=b"", *, status=200, headers=None, content_type=None):
        if isinstance(body, str):
            body = body.encode("utf-8")
        headers = dict(headers or {})
        if content_type:
            headers["Content-Type"] = content_type
        self.routes[path] = (status, headers, body)

    def _handler(self):
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                outer.hits.append((self.path, dict(self.headers)))
                route = outer.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                status, headers, body = route
                if callable(body):
                    result = body(self)
                    if result is None:
                        return
                    status, headers, body = result
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers and status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                        self.wfile.write(body)

        return Handler


def slow(seconds: float, body: bytes = b"<rss></rss>"):
    def respond(handler):
        time.sleep(seconds)
        return 200, {"Content-Type": "application/rss+xml"}, body

    return respond


def conditional(etag: str, body: bytes):
    """200 with an ETag and Last-Modified, 304 when the client sends them back."""

    def respond(handler):
        if handler.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return (
            200,
            {
                "Content-Type": "application/rss+xml; charset=utf-8",
                "ETag": etag,
                "Last-Modified": "Tue, 24 Nov 2026 01:00:00 GMT",
            },
            body,
        )

    return respond


def huge(size: int):
    """A body streamed without Content-Length, larger than the limit."""

    def respond(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        chunk = b"<p>" + b"x" * 65536 + b"</p>"
        sent = 0
        try:
            while sent < size:
                handler.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        return None

    return respond


def cp1258_page(title: str, body: str) -> bytes:
    return encode_cp1258(article(title, charset="windows-1258", body=body))
