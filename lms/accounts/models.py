"""The user model (the email address is the login; there is no username) and the clinician profile."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models.functions import Lower

from .validators import validate_npi


class EmailUserManager(UserManager["User"]):
    use_in_migrations = True

    def _create_user_with_email(self, email: str, password: str | None, **extra_fields: Any) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> User:
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user_with_email(email, password, **extra_fields)

    def create_superuser(  # type: ignore[override]
        self, email: str, password: str | None = None, **extra_fields: Any
    ) -> User:
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user_with_email(email, password, **extra_fields)

    def get_by_natural_key(self, username: str | None) -> User:
        # Emails are stored lower-cased (a check constraint holds it), so "Jane@Clinic.org" logs in
        # on the same unique index as "jane@clinic.org", from our form and from Wagtail's admin login.
        return self.get(email=(username or "").strip().lower())


class User(AbstractUser):
    username = None  # type: ignore[assignment]
    email = models.EmailField("email address", unique=True)
    email_confirmed_at = models.DateTimeField(
        "email confirmed at",
        null=True,
        blank=True,
        help_text="When the learner followed the link we emailed them. Enrollment needs it.",
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["first_name", "last_name"]

    objects: ClassVar[EmailUserManager] = EmailUserManager()

    class Meta:
        ordering = ["email"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email=Lower("email")),
                name="accounts_user_email_lowercase",
                violation_error_message="Email addresses are stored in lower case.",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self) -> None:
        super().clean()
        # Any form that saves a user (Wagtail's admin included) stores the address lower-cased.
        self.email = (self.email or "").strip().lower()

    @property
    def email_confirmed(self) -> bool:
        return self.email_confirmed_at is not None


class Degree(models.TextChoices):
    MD = "MD", "MD"
    DO = "DO", "DO"
    NP = "NP", "NP"
    PA = "PA", "PA"
    RN = "RN", "RN"
    PHARMD = "PharmD", "PharmD"
    OTHER = "other", "Other"


class Profession(models.TextChoices):
    PHYSICIAN = "physician", "Physician"
    NURSE_PRACTITIONER = "nurse_practitioner", "Nurse practitioner"
    PHYSICIAN_ASSISTANT = "physician_assistant", "Physician assistant"
    PHARMACIST = "pharmacist", "Pharmacist"
    NURSE = "nurse", "Nurse"
    OTHER = "other", "Other"


class LicenceState(models.TextChoices):
    """US states, the District of Columbia and the territories with licensing boards."""

    AL = "AL", "Alabama"
    AK = "AK", "Alaska"
    AS = "AS", "American Samoa"
    AZ = "AZ", "Arizona"
    AR = "AR", "Arkansas"
    CA = "CA", "California"
    CO = "CO", "Colorado"
    CT = "CT", "Connecticut"
    DE = "DE", "Delaware"
    DC = "DC", "District of Columbia"
    FL = "FL", "Florida"
    GA = "GA", "Georgia"
    GU = "GU", "Guam"
    HI = "HI", "Hawaii"
    ID = "ID", "Idaho"
    IL = "IL", "Illinois"
    IN = "IN", "Indiana"
    IA = "IA", "Iowa"
    KS = "KS", "Kansas"
    KY = "KY", "Kentucky"
    LA = "LA", "Louisiana"
    ME = "ME", "Maine"
    MD = "MD", "Maryland"
    MA = "MA", "Massachusetts"
    MI = "MI", "Michigan"
    MN = "MN", "Minnesota"
    MS = "MS", "Mississippi"
    MO = "MO", "Missouri"
    MT = "MT", "Montana"
    NE = "NE", "Nebraska"
    NV = "NV", "Nevada"
    NH = "NH", "New Hampshire"
    NJ = "NJ", "New Jersey"
    NM = "NM", "New Mexico"
    NY = "NY", "New York"
    NC = "NC", "North Carolina"
    ND = "ND", "North Dakota"
    MP = "MP", "Northern Mariana Islands"
    OH = "OH", "Ohio"
    OK = "OK", "Oklahoma"
    OR = "OR", "Oregon"
    PA = "PA", "Pennsylvania"
    PR = "PR", "Puerto Rico"
    RI = "RI", "Rhode Island"
    SC = "SC", "South Carolina"
    SD = "SD", "South Dakota"
    TN = "TN", "Tennessee"
    TX = "TX", "Texas"
    VI = "VI", "U.S. Virgin Islands"
    UT = "UT", "Utah"
    VT = "VT", "Vermont"
    VA = "VA", "Virginia"
    WA = "WA", "Washington"
    WV = "WV", "West Virginia"
    WI = "WI", "Wisconsin"
    WY = "WY", "Wyoming"


# What a learner fills in on their profile, in the order the form asks: the form, the service that
# saves it and the tests read this one list.
PROFILE_FIELDS = (
    "full_name_for_certificate",
    "profession",
    "degree",
    "npi",
    "licence_state",
    "licence_number",
    "nabp_eprofile_id",
    "birth_month",
    "birth_day",
    "pars_consent",
)


class ClinicianProfile(models.Model):
    """What certificates and credit reporting need to know about a learner.

    NPI, license number, NABP e-Profile ID and birth month/day are personal data: they are
    posted in form bodies only, never put in URLs, logs or cache keys.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="clinician_profile")
    full_name_for_certificate = models.CharField(
        "full name for certificates",
        max_length=200,
        help_text="As it must appear on your certificates, for example Jane Q. Doe.",
    )
    degree = models.CharField(max_length=10, choices=Degree.choices)
    profession = models.CharField(max_length=20, choices=Profession.choices)
    npi = models.CharField(
        "NPI",
        max_length=10,
        blank=True,
        validators=[validate_npi],
        help_text="Your 10-digit National Provider Identifier, if you have one.",
    )
    licence_state = models.CharField("license state", max_length=2, choices=LicenceState.choices, blank=True)
    licence_number = models.CharField(
        "license number",
        max_length=30,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9][A-Za-z0-9 .\-/]*$",
                "Enter the license number as printed: letters, digits, spaces, dots, hyphens or slashes.",
            )
        ],
    )
    nabp_eprofile_id = models.CharField(
        "NABP e-Profile ID",
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{1,7}$", "Enter your NABP e-Profile ID: up to 7 digits.")],
    )
    birth_month = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    birth_day = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    pars_consent = models.BooleanField(
        "PARS reporting consent",
        default=False,
        help_text="I consent to Antidote reporting my completions to my licensing board(s) through ACCME's PARS.",
    )
    pars_consent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(birth_month__isnull=True, birth_day__isnull=True)
                | models.Q(
                    # Spelled out: a CHECK passes when its condition is NULL, so a range test alone
                    # would let a month through without a day.
                    birth_month__isnull=False,
                    birth_day__isnull=False,
                    birth_month__gte=1,
                    birth_month__lte=12,
                    birth_day__gte=1,
                    birth_day__lte=31,
                ),
                name="accounts_profile_birth_month_day",
                violation_error_message="Enter both the birth month and day, or neither.",
            ),
            models.CheckConstraint(
                condition=~models.Q(profession="pharmacist")
                | (models.Q(birth_month__isnull=False) & ~models.Q(nabp_eprofile_id="")),
                name="accounts_profile_pharmacist_cpe_monitor_ids",
                violation_error_message="Pharmacists need an NABP e-Profile ID and birth month and day.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name_for_certificate} ({self.get_profession_display()})"

    @property
    def is_physician(self) -> bool:
        return self.profession == Profession.PHYSICIAN

    @property
    def is_pharmacist(self) -> bool:
        return self.profession == Profession.PHARMACIST

    @property
    def is_nurse(self) -> bool:
        """Registered nurses and nurse practitioners: both earn ANCC nursing contact hours."""
        return self.profession in (Profession.NURSE, Profession.NURSE_PRACTITIONER)

    @property
    def is_prescriber(self) -> bool:
        """Physicians, NPs and PAs: the DEA registrants the MATE Act training applies to."""
        return self.profession in (Profession.PHYSICIAN, Profession.NURSE_PRACTITIONER, Profession.PHYSICIAN_ASSISTANT)
