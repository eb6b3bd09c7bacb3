"""The OpenAPI schema and a documentation page generated from it. The page
is plain HTML from our own templates: no Swagger UI or anything else loaded
from another host."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny

from openinclusie.accounts.access import public


class Schema(SpectacularAPIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]


schema = public(Schema.as_view())

METHODS = ("get", "post", "put", "patch", "delete")


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for path, item in sorted(spec.get("paths", {}).items()):
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            found.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": p.get("name"),
                            "where": p.get("in"),
                            "required": p.get("required", False),
                            "description": p.get("description", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "responses": [
                        {"status": status, "description": response.get("description", "")}
                        for status, response in sorted(operation.get("responses", {}).items())
                    ],
                }
            )
    return found


@public
def documentation(request: HttpRequest) -> HttpResponse:
    spec = SchemaGenerator().get_schema(request=None, public=True)
    return render(
        request,
        "figures/api_docs.html",
        {"info": spec.get("info", {}), "operations": _operations(spec), "components": spec.get("components", {})},
    )
