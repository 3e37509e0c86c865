"""Morphine milligram equivalents (MME), from the CDC 2022 clinical practice guideline.

A pure module: no Django models, no I/O. The conversion factors are the 2022 CDC table
(Dowell et al., MMWR Recomm Rep 2022;71(3)); they replace the older factors still quoted
in many places (hydromorphone 4, tramadol 0.1, tiered methadone).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

NALOXONE_OFFER_THRESHOLD_MME = Decimal(50)


@dataclass(frozen=True)
class Opioid:
    key: str
    name: str
    factor: Decimal
    unit: str  # what the learner enters: total mg per day, or mcg/h for the patch
    max_daily_dose: Decimal  # anything above is a typing error, not a prescription
    caution: str = ""


OPIOIDS: dict[str, Opioid] = {
    o.key: o
    for o in (
        Opioid("codeine", "Codeine", Decimal("0.15"), "mg/day", Decimal(2000)),
        Opioid("fentanyl_patch", "Fentanyl transdermal patch", Decimal("2.4"), "mcg/h", Decimal(1000)),
        Opioid("hydrocodone", "Hydrocodone", Decimal(1), "mg/day", Decimal(2000)),
        Opioid("hydromorphone", "Hydromorphone", Decimal(5), "mg/day", Decimal(1000)),
        Opioid(
            "methadone",
            "Methadone",
            Decimal("4.7"),
            "mg/day",
            Decimal(1000),
            caution="Methadone needs extra caution: its MME does not capture its long, variable half-life.",
        ),
        Opioid("morphine", "Morphine", Decimal(1), "mg/day", Decimal(5000)),
        Opioid("oxycodone", "Oxycodone", Decimal("1.5"), "mg/day", Decimal(3000)),
        Opioid("oxymorphone", "Oxymorphone", Decimal(3), "mg/day", Decimal(1000)),
        Opioid("tapentadol", "Tapentadol", Decimal("0.4"), "mg/day", Decimal(2000)),
        Opioid("tramadol", "Tramadol", Decimal("0.2"), "mg/day", Decimal(2000)),
    )
}

BUPRENORPHINE_NOTE = "Buprenorphine has no MME conversion factor in the CDC 2022 guideline and is not counted."


class MMEInputError(ValueError):
    """A line the calculator cannot use; ``field`` says which input is wrong."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class MMELine:
    opioid: Opioid
    daily_dose: Decimal
    mme: Decimal


@dataclass(frozen=True)
class MMEResult:
    lines: tuple[MMELine, ...]
    total: Decimal

    @property
    def offer_naloxone(self) -> bool:
        """CDC 2022 Rec 8: offer naloxone at 50 MME/day or more (among other triggers)."""
        return self.total >= NALOXONE_OFFER_THRESHOLD_MME

    @property
    def cautions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(line.opioid.caution for line in self.lines if line.opioid.caution))


def mme_for(opioid_key: str, daily_dose: Decimal) -> Decimal:
    """MME/day for one opioid at a total daily dose (mcg/h for the fentanyl patch)."""
    if opioid_key == "buprenorphine":
        raise MMEInputError("opioid", BUPRENORPHINE_NOTE)
    opioid = OPIOIDS.get(opioid_key)
    if opioid is None:
        raise MMEInputError("opioid", "Choose an opioid from the list.")
    if not daily_dose.is_finite() or daily_dose <= 0:
        raise MMEInputError("dose", "Enter a daily dose greater than zero.")
    if daily_dose > opioid.max_daily_dose:
        raise MMEInputError(
            "dose",
            f"{daily_dose.normalize():f} {opioid.unit} of {opioid.name.lower()} is not a plausible daily dose "
            f"(at most {opioid.max_daily_dose} {opioid.unit}). Check the number.",
        )
    return (daily_dose * opioid.factor).quantize(Decimal("0.01"))


def mme_total(lines: list[tuple[str, Decimal]]) -> MMEResult:
    """Total MME/day for (opioid key, daily dose) lines; raises MMEInputError on the first bad line."""
    if not lines:
        raise MMEInputError("opioid", "Add at least one opioid and its daily dose.")
    computed: list[MMELine] = []
    for key, dose in lines:
        mme = mme_for(key, dose)  # validates the key and the dose first
        computed.append(MMELine(OPIOIDS[key], dose, mme))
    return MMEResult(lines=tuple(computed), total=sum((line.mme for line in computed), Decimal(0)))
