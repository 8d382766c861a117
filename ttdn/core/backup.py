"""Backup and restore of the database and the uploaded files
(``manage.py backup`` / ``restore``, docs/security.md#backup-and-restore).

A backup is one ``.tar.gz``: ``data.json.gz`` (every record, content types
and permissions included, through Django's serialisers, so it restores into
SQLite or PostgreSQL whatever it came from), ``media/`` (every uploaded file)
and ``manifest.json``
(format, time, database engine, migration state, and the SHA-256 of each
member). Restoring checks the manifest, migrates the target database, loads
every record in one transaction (after emptying the tables a new installation's
migrations filled), then puts the files in place: an interrupted restore leaves
the database as it was.
"""

import datetime as dt
import gzip
import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "ttdn-backup-1"
# Transient: sessions, the task queue's results.
EXCLUDED = ["sessions", "django_tasks_database"]


class BackupError(Exception):
    """A backup that cannot be restored; ``str()`` says why (Vietnamese)."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _dump() -> bytes:
    buffer = io.StringIO()
    call_command(
        "dumpdata",
        exclude=EXCLUDED,
        indent=None,
        stdout=buffer,
    )
    return gzip.compress(buffer.getvalue().encode("utf-8"), mtime=0)


def _migrations() -> list[str]:
    recorder = MigrationRecorder(connection)
    return sorted(f"{app}.{name}" for app, name in recorder.applied_migrations())


def create(destination: Path) -> Path:
    """Write a backup archive to *destination* (a file or a folder); returns
    the archive's path."""
    now = timezone.localtime()
    destination = Path(destination)
    if destination.is_dir() or not destination.suffix:
        destination.mkdir(parents=True, exist_ok=True)
        destination = destination / f"ttdn-{now:%Y%m%d-%H%M%S}.tar.gz"
    data = _dump()
    media_root = Path(settings.MEDIA_ROOT)
    files = {}
    if media_root.exists():
        for path in sorted(p for p in media_root.rglob("*") if p.is_file()):
            files[f"media/{path.relative_to(media_root).as_posix()}"] = path
    manifest = {
        "format": FORMAT,
        "created_at": now.isoformat(),
        "engine": connection.vendor,
        "migrations": _migrations(),
        "members": {"data.json.gz": _sha256(data)},
    }
    for name, path in files.items():
        manifest["members"][name] = _sha256(path.read_bytes())
    partial = destination.with_name(destination.name + ".partial")
    with tarfile.open(partial, "w:gz") as archive:
        _add(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
        _add(archive, "data.json.gz", data)
        for name, path in files.items():
            archive.add(path, arcname=name, recursive=False)
    partial.replace(destination)
    destination.chmod(0o600)
    return destination


def _add(archive, name, data: bytes):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(dt.datetime.now(tz=dt.UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def read(path: Path) -> tuple[dict, bytes, Path]:
    """Check and unpack an archive into a temporary folder: (manifest, data,
    folder holding media/)."""
    folder = Path(tempfile.mkdtemp(prefix="ttdn-restore-"))
    try:
        with tarfile.open(path, "r:gz") as archive:
            archive.extractall(folder, filter="data")
    except (OSError, tarfile.TarError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise BackupError(f"Tệp sao lưu {path}: không đọc được ({error}).") from None
    manifest_path = folder / "manifest.json"
    if not manifest_path.exists():
        raise BackupError(f"Tệp sao lưu {path}: thiếu manifest.json.")
    manifest = json.loads(manifest_path.read_text())
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"Tệp sao lưu {path}: định dạng {manifest.get('format')!r} không hỗ trợ."
        )
    for name, digest in manifest["members"].items():
        member = folder / name
        if not member.exists() or _sha256(member.read_bytes()) != digest:
            raise BackupError(
                f"Tệp sao lưu {path}: {name} bị thiếu hoặc đã bị thay đổi "
                "(SHA-256 không khớp)."
            )
    return manifest, (folder / "data.json.gz").read_bytes(), folder


def _database_has_content() -> bool:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.exists()


def restore(path: Path, *, flush: bool = False) -> dict:
    """Restore an archive into this database and MEDIA_ROOT. The database must
    hold no account yet (a new installation) unless *flush* empties it first.
    Returns counts."""
    manifest, data, folder = read(Path(path))
    try:
        call_command("migrate", interactive=False, verbosity=0)
        missing = set(manifest["migrations"]) - set(_migrations())
        if missing:
            raise BackupError(
                "Cơ sở dữ liệu đích thiếu các bước chuyển đổi mà bản sao lưu "
                f"cần: {', '.join(sorted(missing)[:5])}… Hãy cập nhật mã nguồn."
            )
        if _database_has_content() and not flush:
            raise BackupError(
                "Cơ sở dữ liệu đích đã có dữ liệu (tài khoản người dùng). "
                "Khôi phục vào cơ sở dữ liệu trống, hoặc dùng --flush để xóa "
                "toàn bộ dữ liệu hiện có trước."
            )
        payload = gzip.decompress(data).decode("utf-8")
        objects = 0
        with transaction.atomic():
            # The rows a new installation's migrations made (root page, site,
            # content types, roles…) give way to the backup's own.
            call_command(
                "flush", interactive=False, verbosity=0, inhibit_post_migrate=True
            )
            ContentType.objects.clear_cache()
            loaded = list(
                serializers.deserialize("json", payload, handle_forward_references=True)
            )
            # Content types first: saving a page looks its type up (and would
            # create it under another id).
            loaded.sort(key=lambda o: not isinstance(o.object, ContentType))
            # Reading the data may have created a few content types again.
            ContentType.objects.all().delete()
            ContentType.objects.clear_cache()
            for obj in loaded:
                obj.save()
                objects += 1
            # The cache now holds the restored content types (their ids).
            ContentType.objects.clear_cache()
            ContentType.objects.get_for_models(
                *apps.get_models(), for_concrete_models=False
            )
        _reset_sequences()
        media_root = Path(settings.MEDIA_ROOT)
        source = folder / "media"
        files = 0
        if source.exists():
            for item in source.rglob("*"):
                if item.is_file():
                    target = media_root / item.relative_to(source)
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy2(item, target)
                    files += 1
        return {"objects": objects, "files": files}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _reset_sequences():
    if connection.vendor != "postgresql":
        return
    models = [m for m in apps.get_models() if m._meta.managed]
    statements = connection.ops.sequence_reset_sql(_NoStyle(), models)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


class _NoStyle:
    def __getattr__(self, name):
        return lambda text: text
