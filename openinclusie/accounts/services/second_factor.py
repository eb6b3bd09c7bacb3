"""The second factor at login: TOTP enrolment and checks, and the keys of
demo accounts."""

import base64
import hashlib
import hmac

from django_otp.plugins.otp_totp.models import TOTPDevice

from openinclusie.accounts.models import User


def start_totp_enrolment(*, user: User) -> TOTPDevice:
    """An unconfirmed device the user confirms by entering its first code;
    a half-finished earlier enrolment is replaced."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def confirm_totp_device(*, device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


def confirmed_device(*, user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def demo_totp_key(email: str) -> str:
    """Hex TOTP key for a demo account, derived from its e-mail address so
    that the demo data is reproducible. Never used outside demo data."""
    digest = hmac.new(b"open-inclusie-demo", email.encode(), hashlib.sha1).digest()
    return digest.hex()


def base32_secret(device: TOTPDevice) -> str:
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def otpauth_uri(device: TOTPDevice) -> str:
    # django-otp's config_url names the issuer from OTP_TOTP_ISSUER.
    return str(device.config_url)


def current_totp_token(device: TOTPDevice) -> str:
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"
