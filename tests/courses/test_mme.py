"""MME arithmetic with the CDC 2022 factors: every opioid in the table and the threshold edge."""

from __future__ import annotations

from decimal import Decimal

import pytest

from courses.mme import NALOXONE_OFFER_THRESHOLD_MME, OPIOIDS, MMEInputError, mme_for, mme_total

# (opioid, daily dose, expected MME/day): the CDC 2022 table, including the factors that
# are most often quoted wrong (hydromorphone 5 not 4, methadone 4.7, tramadol 0.2, patch 2.4).
CDC_2022_CASES = [
    ("codeine", Decimal(200), Decimal("30.00")),
    ("fentanyl_patch", Decimal(25), Decimal("60.00")),
    ("hydrocodone", Decimal(40), Decimal("40.00")),
    ("hydromorphone", Decimal(16), Decimal("80.00")),
    ("methadone", Decimal(10), Decimal("47.00")),
    ("morphine", Decimal(60), Decimal("60.00")),
    ("oxycodone", Decimal(40), Decimal("60.00")),
    ("oxymorphone", Decimal(20), Decimal("60.00")),
    ("tapentadol", Decimal(200), Decimal("80.00")),
    ("tramadol", Decimal(200), Decimal("40.00")),
]


@pytest.mark.parametrize(("opioid", "dose", "expected"), CDC_2022_CASES)
def test_it_converts_each_opioid_with_the_cdc_2022_factor(opioid: str, dose: Decimal, expected: Decimal) -> None:
    assert mme_for(opioid, dose) == expected


def test_the_table_covers_exactly_the_cdc_2022_opioids() -> None:
    assert set(OPIOIDS) == {case[0] for case in CDC_2022_CASES}


def test_the_quiz_bank_cases_come_out_right() -> None:
    # Oxycodone 10 mg q6h = 40 mg/day -> 60 MME; hydromorphone 4 mg q6h -> 80; tramadol 50 mg QID -> 40.
    assert mme_for("oxycodone", Decimal(40)) == 60
    assert mme_for("hydromorphone", Decimal(16)) == 80
    assert mme_for("tramadol", Decimal(200)) == 40


def test_it_adds_several_opioids_and_offers_naloxone_at_50() -> None:
    result = mme_total([("oxycodone", Decimal(20)), ("tramadol", Decimal(100))])
    assert result.total == Decimal("50.00")
    assert result.offer_naloxone is True


def test_just_below_the_threshold_does_not_trigger_the_offer() -> None:
    result = mme_total([("morphine", Decimal("49.99"))])
    assert result.total == Decimal("49.99")
    assert result.total < NALOXONE_OFFER_THRESHOLD_MME
    assert result.offer_naloxone is False


def test_methadone_carries_a_caution() -> None:
    result = mme_total([("methadone", Decimal(20)), ("morphine", Decimal(10))])
    assert result.total == Decimal("104.00")
    assert len(result.cautions) == 1
    assert "Methadone" in result.cautions[0]


@pytest.mark.parametrize(
    ("opioid", "dose", "field"),
    [
        ("heroin", Decimal(10), "opioid"),
        ("buprenorphine", Decimal(16), "opioid"),
        ("morphine", Decimal(0), "dose"),
        ("morphine", Decimal(-5), "dose"),
        ("morphine", Decimal("NaN"), "dose"),
        ("morphine", Decimal("Infinity"), "dose"),
        ("morphine", Decimal(50_000), "dose"),
        ("fentanyl_patch", Decimal(5_000), "dose"),
    ],
)
def test_it_refuses_unknown_drugs_and_impossible_doses(opioid: str, dose: Decimal, field: str) -> None:
    with pytest.raises(MMEInputError) as caught:
        mme_for(opioid, dose)
    assert caught.value.field == field
    assert caught.value.message


def test_buprenorphine_is_explained_not_counted() -> None:
    with pytest.raises(MMEInputError, match="no MME conversion factor"):
        mme_for("buprenorphine", Decimal(16))


def test_an_empty_list_is_refused() -> None:
    with pytest.raises(MMEInputError):
        mme_total([])
