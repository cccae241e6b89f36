import re

from django.utils.translation import gettext
from rest_framework import pagination
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request


class PageNumberPagination(pagination.PageNumberPagination):
    """Page-number pagination with a total `count`; clients may ask up to 100 per page.

    An invalid `page_size` is a 400, not silently the default, so clients learn of their bug.
    """

    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request: Request) -> int | None:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is not None and (not re.fullmatch(r"[0-9]{1,6}", raw) or int(raw) < 1):
            raise ValidationError({self.page_size_query_param: [gettext("A whole number from 1 to 100.")]})
        return super().get_page_size(request)
