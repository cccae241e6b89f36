from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    """Page-number pagination with a total `count`; clients may ask up to 100 per page."""

    page_size_query_param = "page_size"
    max_page_size = 100
