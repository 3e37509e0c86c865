"""Forms for login, registration and the clinician profile. They validate; services write."""

from __future__ import annotations

import calendar
from typing import Any, cast

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm

from .models import PROFILE_FIELDS, ClinicianProfile, Degree, LicenceState, Profession, User
from .selectors import email_is_registered
from .validators import birth_month_day_is_valid, days_in_month, validate_npi

EMAIL_TAKEN_MESSAGE = "An account already uses this email address. Log in, or reset your password if you forgot it."
DAY_RANGE_MESSAGE = "Enter the day as a number from 1 to 31."
PARS_CONSENT_LABEL = "I consent to Antidote reporting my completions to my licensing board(s) through ACCME's PARS"
REQUIRED_UNLESS_OTHER = {
    "licence_state": "Choose the state or territory that issued your license (not needed if your profession is Other).",
    "licence_number": "Enter your license number (not needed if your profession is Other).",
}
REQUIRED_FOR_PHARMACISTS = {
    "nabp_eprofile_id": "Pharmacists: enter your NABP e-Profile ID (CPE Monitor needs it).",
    "birth_month": "Pharmacists: choose your birth month (CPE Monitor needs it).",
    "birth_day": "Pharmacists: enter your birth day (CPE Monitor needs it).",
}
MONTH_CHOICES = [("", "- Select -")] + [(str(n), calendar.month_name[n]) for n in range(1, 13)]


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form, labelled for an email login.

    The field keeps the name "username": django-axes reads it to count failures per account.
    """

    username = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )

    def clean_username(self) -> str:
        # Lower-cased here so that "Jane@Clinic.org" and "jane@clinic.org" log in to, and are
        # locked out of, the same account.
        return str(self.cleaned_data["username"]).lower()


class RegistrationForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="You will log in with it; we send a link to confirm it.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    first_name = forms.CharField(
        label="First name", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label="Last name", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    password1 = forms.CharField(
        label="Password",
        strip=False,
        help_text="At least 10 characters, not a commonly used password, and not all digits.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label="Confirm password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        email = str(self.cleaned_data["email"]).strip().lower()
        if email_is_registered(email=email):
            raise forms.ValidationError(EMAIL_TAKEN_MESSAGE, code="email_taken")
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "The two passwords do not match.")
        if password1:
            # Checked against the would-be user, so "similar to your name or email" works.
            candidate = User(
                email=cleaned.get("email", ""),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ClinicianProfileForm(forms.ModelForm):
    npi = forms.CharField(
        label="NPI",
        required=False,
        # Room for "1234 567 893" or "1234-567-893": separators are stripped before the check.
        max_length=16,
        help_text="Your 10-digit National Provider Identifier, if you have one. We check its final digit.",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    birth_month = forms.TypedChoiceField(
        label="Birth month",
        choices=MONTH_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Choose a month from the list."},
    )
    birth_day = forms.IntegerField(
        label="Birth day",
        required=False,
        min_value=1,
        max_value=31,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": "2", "pattern": "[0-9]*"}),
        error_messages={
            "invalid": DAY_RANGE_MESSAGE,
            "min_value": DAY_RANGE_MESSAGE,
            "max_value": DAY_RANGE_MESSAGE,
        },
    )

    class Meta:
        model = ClinicianProfile
        fields = list(PROFILE_FIELDS)
        labels = {"pars_consent": PARS_CONSENT_LABEL}
        help_texts = {
            "licence_state": "The state or territory that issued your license.",
            "licence_number": "As printed on your license.",
            "nabp_eprofile_id": "Pharmacists: up to 7 digits, from your NABP e-Profile. CPE Monitor needs it.",
            "pars_consent": (
                "Optional. Some boards accept these reports in place of the certificates you would otherwise send. "
                "You can withdraw consent here at any time."
            ),
        }
        widgets = {
            "full_name_for_certificate": forms.TextInput(attrs={"autocomplete": "name"}),
            "licence_number": forms.TextInput(attrs={"autocomplete": "off"}),
            "nabp_eprofile_id": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        }
        error_messages = {
            "licence_state": {"invalid_choice": "Choose a US state or territory from the list."},
            "degree": {"invalid_choice": "Choose a degree from the list."},
            "profession": {"invalid_choice": "Choose a profession from the list."},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Model choice fields start with "---------"; say what to do instead.
        for name, choices in (
            ("profession", Profession.choices),
            ("degree", Degree.choices),
            ("licence_state", LicenceState.choices),
        ):
            cast(forms.ChoiceField, self.fields[name]).choices = [("", "- Select -"), *choices]
        # Which fields are required follows the profession (posted, else saved), so that the labels
        # say "(optional)" only where it is true and a missing value is named beside its field.
        profession = self._profession()
        for name, message in REQUIRED_UNLESS_OTHER.items():
            self.fields[name].required = profession != Profession.OTHER
            self.fields[name].error_messages["required"] = message
        for name, message in REQUIRED_FOR_PHARMACISTS.items():
            self.fields[name].required = profession == Profession.PHARMACIST
            self.fields[name].error_messages["required"] = message

    def _profession(self) -> str:
        if self.is_bound:
            return str(self.data.get(self.add_prefix("profession"), ""))
        return str(self.instance.profession or "")

    def clean_npi(self) -> str:
        npi = "".join(str(self.cleaned_data.get("npi") or "").replace("-", "").split())
        if npi:
            validate_npi(npi)
        return npi

    def clean_licence_number(self) -> str:
        return str(self.cleaned_data.get("licence_number") or "").strip()

    def clean_nabp_eprofile_id(self) -> str:
        return str(self.cleaned_data.get("nabp_eprofile_id") or "").strip()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        month, day = cleaned.get("birth_month"), cleaned.get("birth_day")
        if "birth_month" not in self.errors and "birth_day" not in self.errors:
            if month is not None and day is None:
                self.add_error("birth_day", "Enter the day of your birth date as well as the month.")
            elif day is not None and month is None:
                self.add_error("birth_month", "Choose the month of your birth date as well as the day.")
            elif month is not None and day is not None and not birth_month_day_is_valid(month, day):
                self.add_error("birth_day", f"{calendar.month_name[month]} has only {days_in_month(month)} days.")
        return cleaned
