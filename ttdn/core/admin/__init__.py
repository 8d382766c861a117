"""The back-office kernel's admin side: one service-backed viewset base
(``ServiceModelViewSet``) and the scoped, service-backed views it is made of."""
