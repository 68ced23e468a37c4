from __future__ import annotations

from typing import Any

from rest_framework import serializers

from kansrijk.accounts.models import Membership, Organisation, User
from kansrijk.accounts.selectors import ApiTokenState, user_roles


class OrganisationSerializer(serializers.ModelSerializer[Organisation]):
    stadsdelen: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="code"
    )

    class Meta:
        model = Organisation
        fields = (
            "id",
            "name",
            "kind",
            "whole_city",
            "stadsdelen",
            "contact_email",
            "contact_phone",
            "website",
            "is_demo",
        )


class MembershipSerializer(serializers.ModelSerializer[Membership]):
    organisation = OrganisationSerializer(read_only=True)

    class Meta:
        model = Membership
        fields = ("organisation", "function")


class MeSerializer(serializers.ModelSerializer[User]):
    roles = serializers.SerializerMethodField()
    memberships = MembershipSerializer(many=True, read_only=True)

    class Meta:
        model = User
        fields = ("id", "email", "full_name", "job_title", "roles", "memberships")

    def get_roles(self, obj: User) -> list[str]:
        return [role.value for role in user_roles(user=obj)]

    def to_representation(self, instance: User) -> dict[str, Any]:
        return super().to_representation(instance)


class ApiTokenSerializer(serializers.Serializer[Any]):
    """One of the person's API tokens: never the key, nor anything derived from it."""

    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    created = serializers.DateTimeField(read_only=True)
    last_used = serializers.DateTimeField(read_only=True)
    expires = serializers.DateTimeField(read_only=True, allow_null=True)
    state = serializers.ChoiceField(choices=[state.value for state in ApiTokenState], read_only=True)


class ApiTokensEndedSerializer(serializers.Serializer[Any]):
    ended = serializers.IntegerField(read_only=True)
