from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "openinclusie.accounts"
    label = "accounts"
