"""Exit 0 when every named service (postgres, redis) answers on 127.0.0.1."""

import socket
import sys

PORTS = {"postgres": 5432, "redis": 6379}


def reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


if __name__ == "__main__":
    names = sys.argv[1:] or list(PORTS)
    sys.exit(0 if all(reachable(PORTS[name]) for name in names) else 1)
