from __future__ import annotations

from rest_framework import serializers

from kansrijk.geo.models import Gebied, Stadsdeel, Wijk


class WijkSerializer(serializers.ModelSerializer[Wijk]):
    class Meta:
        model = Wijk
        fields = ("code", "naam")


class GebiedSerializer(serializers.ModelSerializer[Gebied]):
    stadsdeel = serializers.SlugRelatedField[Stadsdeel](read_only=True, slug_field="code")
    wijken = WijkSerializer(many=True, read_only=True)

    class Meta:
        model = Gebied
        fields = ("code", "naam", "stadsdeel", "wijken")


class StadsdeelSerializer(serializers.ModelSerializer[Stadsdeel]):
    gebieden = serializers.SlugRelatedField[Gebied](many=True, read_only=True, slug_field="code")

    class Meta:
        model = Stadsdeel
        fields = ("code", "naam", "gebieden")


class PostcodeLookupSerializer(serializers.Serializer[object]):
    pc4 = serializers.CharField()
    stadsdeel_code = serializers.CharField()
    stadsdeel_naam = serializers.CharField()
    gebied_code = serializers.CharField(allow_null=True)
    gebied_naam = serializers.CharField(allow_null=True)
    straddles = serializers.BooleanField(help_text="The postcode also covers other gebieden; gebied is the main one.")
