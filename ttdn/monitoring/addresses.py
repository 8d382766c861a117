"""Which network addresses the monitoring fetcher may reach (issue 11, SSRF).

A source is an address typed by a monitor; fetched as is, ``http://127.0.0.1:…``,
a private network, the cloud metadata service (169.254.169.254), their IPv6
equivalents, a host name resolving to one of them or a redirect to one would let
the server be used to read internal services. Only globally routable addresses
are fetched, checked twice:

* before each request (and each redirect hop), every address the host name
  resolves to (:func:`check_url`), so the monitor gets a clear message;
* when the connection is made, the address actually connected to
  (:class:`CheckedAdapter`), so a name that resolves differently the second
  time (DNS rebinding) is refused too.

Exceptions are named in ``settings.TTDN_MONITORING["ALLOWED_ADDRESSES"]``: host
names (``intranet.sonla.gov.vn``), addresses or networks (``10.20.0.0/16``).
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool


class ForbiddenAddress(Exception):
    """The address is not a public one; ``str()`` is the monitor's message."""


def _allowed_entries():
    names, networks = set(), []
    for entry in settings.TTDN_MONITORING.get("ALLOWED_ADDRESSES", ()):
        entry = entry.strip().lower()
        if not entry:
            continue
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            names.add(entry.rstrip("."))
    return names, networks


def _ip(value: str):
    address = ipaddress.ip_address(value.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address):
        # ::ffff:127.0.0.1 and 64:ff9b::/96, 6to4 and Teredo wrap IPv4 addresses.
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address.sixtofour is not None:
            return address.sixtofour
        if address.teredo is not None:
            return address.teredo[1]
    return address


def is_public(address: str, *, host: str = "") -> bool:
    """True for a globally routable address, or one allowed in the settings."""
    names, networks = _allowed_entries()
    if host and host.lower().rstrip(".") in names:
        return True
    ip = _ip(address)
    if any(ip in network for network in networks):
        return True
    return ip.is_global and not ip.is_multicast


def _refusal(url: str, address: str) -> ForbiddenAddress:
    return ForbiddenAddress(
        _(
            "%(url)s: the address leads to %(address)s, a local, private or "
            "reserved network address; only public addresses are fetched (an "
            "administrator can allow one in the settings)."
        )
        % {"url": url, "address": address}
    )


def resolve(host: str, port: int | None) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port or 80, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return []
    return sorted({info[4][0] for info in infos})


def check_url(url: str) -> None:
    """Refuse *url* when its host is, or resolves to, a non-public address.
    A name that does not resolve is left to the request (which fails)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:
        port = None
    for address in resolve(host, port):
        if not is_public(address, host=host):
            raise _refusal(url, address)


# --- the check at connection time --------------------------------------------
class _PeerCheck:
    def _new_conn(self):
        sock = super()._new_conn()
        address = sock.getpeername()[0]
        if not is_public(address, host=self.host):
            sock.close()
            raise _refusal(f"{self.host}", address)
        return sock


class CheckedHTTPConnection(_PeerCheck, HTTPConnection):
    pass


class CheckedHTTPSConnection(_PeerCheck, HTTPSConnection):
    pass


class CheckedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = CheckedHTTPConnection


class CheckedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = CheckedHTTPSConnection


class CheckedAdapter(HTTPAdapter):
    """A requests adapter whose connections refuse non-public peers."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": CheckedHTTPConnectionPool,
            "https": CheckedHTTPSConnectionPool,
        }


def literal_host_is_public(url: str) -> bool:
    """False when *url* names a non-public address literally (``127.0.0.1``,
    ``[::1]``, ``localhost``) and no exception allows it; names are resolved
    only when fetched (:func:`check_url`)."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    names, _networks = _allowed_entries()
    if host in names:
        return True
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return True
    return is_public(host, host=host)
