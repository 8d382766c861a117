"""Local development and `make run`: SQLite, database task worker, console e-mail."""

from .base import *  # noqa: F403
from .env import DEBUG as _DEBUG
from .env import SECRET_KEY as _SECRET_KEY
from .env import persistent_secret_key

DEBUG = _DEBUG
SECRET_KEY = _SECRET_KEY or persistent_secret_key()
