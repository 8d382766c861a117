"""The page a beacon reports, signed into the page's HTML: the beacon trusts the
id without a database query and ignores ids nobody rendered."""

from django.core import signing

_signer = signing.Signer(salt="ttdn.analytics.page")


def page_token(page_id: int) -> str:
    return _signer.sign(str(int(page_id)))


def page_from_token(token: str) -> int | None:
    if not token:
        return None
    try:
        return int(_signer.unsign(token))
    except (signing.BadSignature, ValueError):
        return None
