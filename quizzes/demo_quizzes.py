"""Demo assessment items, written from ../shared/content/quiz-bank.md and clinical-facts.md."""

from __future__ import annotations

from typing import Any, TypedDict


class CourseQuizzes(TypedDict):
    pretest: list[dict[str, Any]]  # question blocks, raw StreamField form
    modules: dict[str, list[dict[str, Any]]]  # module slug -> question blocks


Block = dict[str, Any]


def _choices(choices: list[tuple[str, bool]]) -> list[dict[str, Any]]:
    return [{"text": text, "correct": correct} for text, correct in choices]


def single(prompt: str, choices: list[tuple[str, bool]], explanation: str, reference: str) -> Block:
    """A single-choice question: 3 to 5 options, exactly one correct."""
    if not 3 <= len(choices) <= 5 or sum(correct for _, correct in choices) != 1:
        raise ValueError(f"single_choice needs 3-5 options with exactly one correct: {prompt!r}")
    return {
        "type": "single_choice",
        "value": {"prompt": prompt, "choices": _choices(choices), "explanation": explanation, "reference": reference},
    }


def multiple(prompt: str, choices: list[tuple[str, bool]], explanation: str, reference: str) -> Block:
    """A select-all-that-apply question (all or nothing): at least two correct and one incorrect option."""
    correct = sum(correct for _, correct in choices)
    if correct < 2 or correct == len(choices):
        raise ValueError(f"multiple_choice needs 2+ correct and 1+ incorrect options: {prompt!r}")
    return {
        "type": "multiple_choice",
        "value": {"prompt": prompt, "choices": _choices(choices), "explanation": explanation, "reference": reference},
    }


def true_false(prompt: str, answer: bool, explanation: str, reference: str) -> Block:
    """A statement the learner judges true or false."""
    return {
        "type": "true_false",
        "value": {
            "prompt": prompt,
            "answer": "true" if answer else "false",
            "explanation": explanation,
            "reference": reference,
        },
    }


# Source citations, as given in clinical-facts.md and quiz-bank.md.
DOWELL = "Dowell et al., MMWR Recomm Rep 2022;71(3)"


def cdc(part: str) -> str:
    """Cite a part of the CDC 2022 guideline, e.g. cdc("Rec 8")."""
    return f"CDC 2022 guideline, {part} ({DOWELL})"


CDC_REC8 = f"{cdc('Rec 8')}; CDC, Assess risks of opioid use"
MME_TABLE = cdc("MME conversion factor table")
XYLAZINE = "DEA/FDA/ONDCP 2023 (xylazine in the fentanyl supply)"
SSP = "CDC, Syringe services programs: summary of the evidence"
MAT_ACT = "Consolidated Appropriations Act, 2023, §1262; DEA Buprenorphine Q&A"
MATE_FAQ = "DEA Diversion Control Division, MATE Act FAQ; Consolidated Appropriations Act, 2023, §1263"
ASAM_2020 = "ASAM National Practice Guideline for the Treatment of OUD, 2020 Focused Update"
ASAM_2023 = "ASAM Clinical Considerations for high-potency synthetic opioids (J Addict Med 2023)"
DONOFRIO = "D'Onofrio et al., JAMA Netw Open 2023;6(3):e236108"
FDA_BUP_DOSE = "FDA Federal Register notice, Dec 2024 (89 FR 105613); Suboxone and Zubsolv labels, May 2025"
VIVITROL = "Vivitrol (naltrexone extended-release) prescribing information"
BRIXADI = "Brixadi prescribing information; FDA approval 23 May 2023"
NARCAN_OTC = "FDA, Narcan 4 mg nasal spray approved for nonprescription use, 29 Mar 2023"
FDA_PRODUCTS = "FDA approvals 2021-2024: RiVive (OTC Jul 2023), Kloxxado, Zimhi, Opvee, Zurnai"
NALOXONE_PI = "Naloxone hydrochloride injection 0.4 mg/mL prescribing information"
COFFIN = "Coffin et al., Ann Intern Med 2016;165:245-52"
SOUMERAI = "Soumerai & Avorn, JAMA 1990;263(4):549-56; NaRCAD"
NARCAD = "NaRCAD Introductory Guide to Academic Detailing, 2017"
BEHAR = "Behar et al. 2017 (PMID 28218937)"
BOUNTHAVONG = "Bounthavong et al., Health Serv Res 2019;54(5)"


# ---------------------------------------------------------------------------------------------------
# Course 1: Overdose prevention in opioid prescribing
# ---------------------------------------------------------------------------------------------------

OVERDOSE_PREVENTION: CourseQuizzes = {
    "pretest": [
        single(
            (
                "A 54-year-old woman with chronic low-back pain has been stable for years on immediate-release "
                "oxycodone 10 mg every 6 hours. Another clinician prescribes her alprazolam 1 mg twice daily. "
                "What is her daily MME, and what is the best step today?"
            ),
            [
                ("40 MME/day; she is below every risk threshold, so no change is needed", False),
                ("90 MME/day; cut the oxycodone dose in half this week", False),
                (
                    "60 MME/day; offer naloxone and start a shared discussion of the benzodiazepine risk and any "
                    "plan to reduce",
                    True,
                ),
                ("60 MME/day; stop both the oxycodone and the alprazolam today", False),
            ],
            (
                "Her oxycodone totals 40 mg a day, and 40 × 1.5 = 60 MME/day. A dose of 50 MME/day or more and a "
                "co-prescribed benzodiazepine are both Rec 8 reasons to offer naloxone, and Rec 11 asks for "
                "particular care with the combination. Stopping both drugs or halving the opioid abruptly would "
                "conflict with Rec 5."
            ),
            cdc("Recs 5, 8 and 11"),
        ),
        single(
            "With the CDC 2022 conversion factors, what is the daily MME of a 25 mcg/h fentanyl transdermal patch?",
            [("180", False), ("25", False), ("75", False), ("60", True)],
            (
                "The 2022 factor for a fentanyl patch is 2.4 per mcg/h, so 25 × 2.4 = 60 MME/day. The answer 180 "
                "comes from wrongly applying 7.2, a factor meant only for CDC's days-supply analytic file."
            ),
            MME_TABLE,
        ),
        single(
            "A patient takes hydromorphone 4 mg by mouth every 6 hours. What is the daily MME with the 2022 factors?",
            [("16", False), ("80", True), ("64", False), ("120", False)],
            (
                "The daily dose is 16 mg and the 2022 hydromorphone factor is 5, giving 80 MME/day. The figure 64 "
                "comes from the older factor of 4 that some tools still use."
            ),
            MME_TABLE,
        ),
        single(
            "What is the daily MME of tramadol 50 mg taken four times a day, using the CDC 2022 factors?",
            [("40", True), ("20", False), ("10", False), ("200", False)],
            (
                "The daily dose is 200 mg, and 200 × 0.2 = 40 MME/day. Older files used a tramadol factor of 0.1, "
                "which gives 20 and halves the apparent exposure."
            ),
            MME_TABLE,
        ),
        single(
            (
                "A 32-year-old man sprained his ankle yesterday. There is no fracture and nothing rules out an "
                "NSAID. What does the CDC 2022 guideline point to as the first-line treatment?"
            ),
            [
                ("Hydrocodone with acetaminophen for 7 days", False),
                ("Extended-release oxycodone at bedtime so that he can sleep", False),
                ("An oral or topical NSAID with rest, ice, compression and elevation", True),
                ("A few days of tramadol", False),
            ],
            (
                "Rec 1 puts nonopioid treatment first for acute pain, and for many kinds of acute pain it works at "
                "least as well as an opioid. Extended-release or long-acting opioids should not be used for acute "
                "pain at all (Rec 3)."
            ),
            cdc("Recs 1 and 3"),
        ),
        single(
            (
                "A 61-year-old man has taken 120 MME/day for six years. He is functioning well and shows no signs "
                "of misuse. A new clinic policy says patients should be below 90 MME/day. What is the best approach?"
            ),
            [
                ("Discharge him from the practice so that the clinic complies with the policy", False),
                (
                    "Review benefits and risks with him; if you both agree to taper, individualize it at about 10% a "
                    "month or slower, and offer naloxone",
                    True,
                ),
                ("Stop his opioids now", False),
                ("Cut the dose by 50% each week until he is below 90 MME/day", False),
            ],
            (
                "Rec 5 asks for a shared weighing of benefit and risk and warns against abrupt stops or rapid "
                "reductions; after long-term use, reductions of about 10% a month or less are better tolerated. He "
                "is above 50 MME/day and a taper lowers tolerance, so naloxone should be offered (Rec 8)."
            ),
            cdc("Recs 5 and 8"),
        ),
        single(
            (
                "A routine urine drug test for a man prescribed hydrocodone is positive for fentanyl, which you did "
                "not prescribe. What should you do?"
            ),
            [
                ("Stop his hydrocodone today", False),
                ("Leave the result unmentioned to protect the relationship", False),
                ("Discharge him from the practice", False),
                (
                    "Talk it through without judgment, assess for opioid use disorder, offer naloxone, and offer or "
                    "arrange MOUD if he has OUD",
                    True,
                ),
            ],
            (
                "An unexpected toxicology result is the start of a conversation, not a verdict (Rec 10), and a "
                "patient with OUD should be offered or linked to MOUD (Rec 12). Dismissing him or stopping his "
                "opioid abruptly would remove the care that lowers his risk."
            ),
            cdc("Recs 10 and 12"),
        ),
        single(
            (
                "You find a man unresponsive, with slow and shallow breathing, in an area where fentanyl mixed with "
                "xylazine is circulating. What is the first thing to do?"
            ),
            [
                ("Hold the naloxone, because it does not reverse xylazine", False),
                ("Wait a few minutes to see whether his breathing improves", False),
                ("Give naloxone, call 911 and support his breathing", True),
                ("Cool him with ice packs while you wait for help", False),
            ],
            (
                "Xylazine is not an opioid and naloxone does not reverse it, but it is found mixed with fentanyl, "
                "and naloxone reverses the opioid part of the overdose. The response is unchanged: naloxone, a 911 "
                "call and support for breathing."
            ),
            XYLAZINE,
        ),
        multiple(
            (
                "According to CDC's summary of the evidence on syringe services programs (SSPs), which statements "
                "are accurate? Select all that apply."
            ),
            [
                ("New SSP participants are about 5 times as likely to enter treatment", True),
                ("SSPs increase crime in the surrounding area", False),
                ("New SSP participants are about 3 times as likely to stop using drugs", True),
                ("SSPs are associated with about a 50% fall in new HIV and hepatitis C infections", True),
                ("SSPs increase drug use", False),
            ],
            (
                "CDC reports that new SSP participants are about five times as likely to enter treatment and about "
                "three times as likely to stop using, and that new HIV and HCV infections fall by about half. CDC "
                "found no increase in drug use or crime."
            ),
            SSP,
        ),
        true_false(
            "The CDC 2022 guideline sets a single MME ceiling that every patient's daily dose must stay below.",
            False,
            (
                "None of the 12 recommendations is a universal dose ceiling. Rec 4 asks for the lowest effective "
                "dose and caution about increases with diminishing returns, and Rec 5 asks clinicians to weigh "
                "benefit and risk, without abrupt stops, for patients already on higher doses."
            ),
            cdc("Recs 4 and 5"),
        ),
    ],
    "modules": {
        "overdose-crisis-and-cdc-2022-guideline": [
            single(
                "Which patient falls outside the scope of the CDC 2022 opioid prescribing guideline?",
                [
                    ("An adult outpatient with eight months of knee osteoarthritis pain", False),
                    ("An adult receiving palliative care", True),
                    ("An adult outpatient with an acute ankle sprain", False),
                    ("An adult outpatient with subacute low-back pain", False),
                ],
                (
                    "The guideline is written for adult outpatients with acute, subacute or chronic pain. It does not "
                    "cover pain care for people with sickle cell disease or cancer, or those receiving palliative "
                    "care."
                ),
                cdc("scope"),
            ),
            true_false(
                (
                    "When opioids are started, the CDC 2022 guideline favors extended-release or long-acting products "
                    "over immediate-release ones."
                ),
                False,
                (
                    "Rec 3 calls for immediate-release rather than extended-release or long-acting (ER/LA) opioids "
                    "when starting, and ER/LA opioids should not be used for acute pain."
                ),
                cdc("Rec 3"),
            ),
            single(
                (
                    "After agreeing goals and an exit plan, you start a patient on a trial of opioids for chronic knee "
                    "pain. Under the CDC 2022 guideline, when should you re-evaluate benefits and harms with her?"
                ),
                [
                    ("At 6 months", False),
                    ("Only if she asks for a dose change", False),
                    ("Within 1 to 4 weeks", True),
                    ("Within 3 months", False),
                ],
                (
                    "Rec 7 asks clinicians to re-evaluate benefits and harms with the patient within 1 to 4 weeks. An "
                    "early review checks the goals agreed under Rec 2 against any harms before therapy continues."
                ),
                cdc("Recs 2 and 7"),
            ),
        ],
        "morphine-milligram-equivalents": [
            single(
                (
                    "A 59-year-old woman uses a 25 mcg/h fentanyl patch and may take oxycodone 5 mg up to four times "
                    "a day for flares. What is her total daily MME at the prescribed maximum?"
                ),
                [("90", True), ("60", False), ("180", False), ("210", False)],
                (
                    "The patch gives 25 × 2.4 = 60, and oxycodone at the maximum gives 20 mg × 1.5 = 30, for a total "
                    "of 90 MME/day. A total of 210 comes from wrongly using 7.2 for the patch, and 60 leaves out the "
                    "as-needed oxycodone."
                ),
                MME_TABLE,
            ),
            multiple(
                "Which of these conversion factors appear in the CDC 2022 MME table? Select all that apply.",
                [
                    ("Hydromorphone 4", False),
                    ("Methadone 4.7", True),
                    ("Tramadol 0.1", False),
                    ("Oxycodone 1.5", True),
                    ("Hydromorphone 5", True),
                ],
                (
                    "The 2022 table uses 5 for hydromorphone, 4.7 for methadone (with extra caution) and 1.5 for "
                    "oxycodone. Hydromorphone 4 and tramadol 0.1 come from older CDC and CMS files; the 2022 tramadol "
                    "factor is 0.2."
                ),
                MME_TABLE,
            ),
            true_false(
                "Buprenorphine has no conversion factor in the CDC 2022 table, so it should not be expressed in MME.",
                True,
                (
                    "The 2022 table gives no factor for buprenorphine. Methadone does have a factor (4.7), but CDC "
                    "flags it for extra caution."
                ),
                MME_TABLE,
            ),
        ],
        "naloxone-benzodiazepines-tapering": [
            multiple(
                (
                    "Under CDC 2022 Rec 8, which of these should prompt you to offer naloxone alongside an opioid "
                    "prescription? Select all that apply."
                ),
                [
                    ("A history of overdose", True),
                    ("Age between 30 and 40 years", False),
                    ("A total of 50 MME/day or more", True),
                    ("Lower tolerance during or after a taper", True),
                    ("Being prescribed an immediate-release rather than an extended-release opioid", False),
                    ("A benzodiazepine taken alongside the opioid", True),
                ],
                (
                    "CDC singles out prior overdose or substance use disorder, sleep-disordered breathing, 50 MME/day "
                    "or more, a co-prescribed benzodiazepine, and lost tolerance such as during a taper or after "
                    "recent release from prison. Age and the choice of an immediate-release product are not on the "
                    "list."
                ),
                CDC_REC8,
            ),
            single(
                (
                    "A patient who has taken opioids for many years agrees with you to taper. Which pace does the CDC "
                    "2022 guideline describe as better tolerated after long-term use?"
                ),
                [
                    ("50% of the dose each week", False),
                    ("Stopping at once and treating the withdrawal symptoms", False),
                    ("25% of the dose each week", False),
                    ("About 10% a month or less, adjusted to the patient", True),
                ],
                (
                    "Rec 5 warns against abrupt discontinuation and rapid dose reduction. After long-term use, "
                    "reductions of about 10% a month or less are better tolerated, and some patients need a slower "
                    "pace."
                ),
                cdc("Rec 5"),
            ),
            true_false(
                (
                    "A patient whose opioid dose is being tapered should be offered naloxone, because falling "
                    "tolerance is itself a Rec 8 trigger."
                ),
                True,
                (
                    "Lost tolerance, including during or after a taper, is one of the Rec 8 triggers. A taper "
                    "therefore makes a naloxone offer more important, not less."
                ),
                cdc("Recs 5 and 8"),
            ),
        ],
        "xylazine-and-harm-reduction": [
            single(
                "Which statement about xylazine is accurate?",
                [
                    ("It is an opioid that naloxone reliably reverses", False),
                    (
                        "It is not an opioid and naloxone does not reverse it, but naloxone should still be given "
                        "for a suspected overdose",
                        True,
                    ),
                    ("DEA found it in counterfeit pills but not in fentanyl powder", False),
                    ("Suspecting xylazine is a reason to withhold naloxone", False),
                ],
                (
                    "Xylazine is not an opioid, so naloxone does not reverse it, but it is mixed with fentanyl, which "
                    "naloxone does reverse. DEA found xylazine in 23% of fentanyl powder and 7% of pills seized in "
                    "2022."
                ),
                XYLAZINE,
            ),
            single(
                (
                    "Since Kansas passed its law in May 2024, which is the only US state without a Good Samaritan "
                    "overdose law?"
                ),
                [("Kansas", False), ("Ohio", False), ("Vermont", False), ("Wyoming", True)],
                (
                    "Kansas's law in May 2024 left Wyoming as the only state without one. Whatever the state law, the "
                    "message for patients and families at an overdose is to call 911."
                ),
                "WyoFile 2024 (state Good Samaritan overdose laws)",
            ),
            true_false(
                (
                    "Because CDC OD2A and SAMHSA SOR grant funds may be used to buy fentanyl test strips, the strips "
                    "are legal in every state."
                ),
                False,
                (
                    "Federal grant funds have been allowed to buy test strips since 7 April 2021, but legality "
                    "depends on state drug paraphernalia law, and in LAPPA's review about half of states still banned "
                    "them. Check your own state's current law before advising patients."
                ),
                "CDC/SAMHSA federal grant guidance, 7 Apr 2021; LAPPA review of state paraphernalia laws",
            ),
        ],
    },
}


# ---------------------------------------------------------------------------------------------------
# Course 2: Buprenorphine and medications for opioid use disorder
# ---------------------------------------------------------------------------------------------------

BUPRENORPHINE_MOUD: CourseQuizzes = {
    "pretest": [
        single(
            (
                "In 2025 a family physician whose DEA registration includes Schedule III, and whose state sets no "
                "special limits, wants to prescribe sublingual buprenorphine for opioid use disorder. What else does "
                "she need?"
            ),
            [
                ("Nothing further: her Schedule III registration and state authority are enough", True),
                ("An X-waiver, with a cap of 30 patients", False),
                ("Certification as an opioid treatment program", False),
                ("Board certification in addiction medicine", False),
            ],
            (
                "Section 1262 of the Consolidated Appropriations Act, 2023 ended the X-waiver and its patient caps, "
                "so any DEA registrant with Schedule III authority may prescribe buprenorphine for OUD. The MATE "
                "training attestation is a separate, one-time step made at DEA registration or renewal."
            ),
            MAT_ACT,
        ),
        single(
            "Which of these does NOT meet the MATE Act 8-hour training requirement?",
            [
                ("Board certification in addiction medicine or addiction psychiatry (ABMS, ABAM or AOA)", False),
                (
                    "Graduating in the last 5 years from a US MD, DO, dental, PA or APRN school whose curriculum "
                    "included at least 8 hours on substance use disorders",
                    False,
                ),
                ("Declaring yourself exempt because you never prescribe buprenorphine", True),
                ("8 cumulative hours of accredited SUD training, including training from earlier years", False),
            ],
            (
                "MATE applies to every DEA registrant except veterinarians, whether or not they prescribe "
                "buprenorphine, so not prescribing it is no exemption. The other three options are the recognized "
                "ways to meet the requirement."
            ),
            MATE_FAQ,
        ),
        single(
            (
                "A 28-year-old man who smokes fentanyl daily last used 14 hours ago. He wants to start buprenorphine "
                "today, but his COWS score is 6 and he has few objective signs of withdrawal. What is the best plan?"
            ),
            [
                ("Give 16 mg of buprenorphine now", False),
                (
                    "Wait for objective withdrawal and then give 4 to 8 mg, or offer a low-dose start while he "
                    "continues his current opioid",
                    True,
                ),
                ("Give extended-release naltrexone today instead", False),
                ("Explain that buprenorphine cannot be used by people who use fentanyl", False),
            ],
            (
                "The standard start waits for objective withdrawal before a first dose of 4 to 8 mg, and ASAM's 2023 "
                "guidance also describes low-dose initiation, which needs no wait, for people using fentanyl. "
                "Extended-release naltrexone needs 7 to 10 opioid-free days, and fentanyl use does not rule out "
                "buprenorphine."
            ),
            ASAM_2023,
        ),
        single(
            (
                "In D'Onofrio and colleagues' study of about 1,200 emergency department patients started on "
                "buprenorphine where fentanyl use was common, how often did precipitated withdrawal occur?"
            ),
            [
                ("In about 1 patient in 4", False),
                ("In about 1 patient in 10", False),
                ("In about half of patients", False),
                ("In fewer than 1% of patients", True),
            ],
            (
                "Precipitated withdrawal occurred in fewer than 1% of patients. It is worth preparing patients for, "
                "but it is not a reason to withhold buprenorphine from people who use fentanyl."
            ),
            DONOFRIO,
        ),
        single(
            (
                "A man has taken buprenorphine 24 mg a day for three months but still has daily cravings and "
                "continued fentanyl use. What is the best next step?"
            ),
            [
                ("Discharge him, because 24 mg is the FDA maximum", False),
                ("Add oxycodone to control the cravings", False),
                (
                    "Consider a dose above 24 mg, or a switch to extended-release buprenorphine or to methadone "
                    "through an OTP",
                    True,
                ),
                ("Taper him off buprenorphine", False),
            ],
            (
                "FDA's December 2024 notice and the May 2025 Suboxone and Zubsolv labels recognize that doses above "
                "24 mg can be appropriate; 16 to 24 mg is typical, not a cap. Continued use is a reason to adjust "
                "treatment, not to discharge or taper."
            ),
            FDA_BUP_DOSE,
        ),
        single(
            (
                "A patient with opioid use disorder asks his primary care clinician for a methadone prescription "
                "for OUD that he can fill at a community pharmacy. What is correct?"
            ),
            [
                ("Methadone for OUD is provided only through opioid treatment programs, so refer him to an OTP", True),
                ("Prescribe it as you would any other Schedule II medicine", False),
                ("Apply for an X-waiver first", False),
                ("Prescribe it by telehealth instead", False),
            ],
            (
                "Methadone for OUD is available only through opioid treatment programs, so the right step is a "
                "referral. Neither a waiver (which ended on 29 December 2022) nor telehealth changes that."
            ),
            f"{ASAM_2020}; 42 CFR Part 8",
        ),
        single(
            (
                "A woman with opioid use disorder last used oxycodone 3 days ago and asks for an extended-release "
                "naltrexone (Vivitrol) injection today. What do you advise?"
            ),
            [
                ("Give the full 380 mg injection today", False),
                ("Give half the usual dose today to limit withdrawal", False),
                (
                    "Wait until she has been opioid-free for 7 to 10 days (with a naloxone challenge if unclear), "
                    "and offer buprenorphine meanwhile",
                    True,
                ),
                ("Inject today, since 3 days is long enough after a short-acting opioid", False),
            ],
            (
                "Vivitrol needs 7 to 10 opioid-free days before the first injection, so injecting at day 3 risks "
                "precipitated withdrawal, and a smaller dose does not remove that risk. Buprenorphine can be offered "
                "now if she wants to start treatment."
            ),
            VIVITROL,
        ),
        single(
            (
                "Which extended-release buprenorphine product can be given as either a weekly or a monthly "
                "subcutaneous injection and can be started after a single transmucosal buprenorphine dose?"
            ),
            [("Sublocade", False), ("Brixadi", True), ("Vivitrol", False), ("Zubsolv", False)],
            (
                "Brixadi, approved on 23 May 2023, is given weekly (8 to 32 mg) or monthly (64 to 128 mg) under a "
                "REMS and can start after a single transmucosal dose. Sublocade is monthly only, and Vivitrol is "
                "naltrexone, not buprenorphine."
            ),
            BRIXADI,
        ),
        true_false(
            "The 8-hour MATE Act training must be repeated and re-attested every 3 years.",
            False,
            (
                "MATE is a one-time attestation, made at the first DEA registration or renewal on or after 27 June "
                "2023. Claims that it recurs every 3 years are wrong."
            ),
            MATE_FAQ,
        ),
        multiple(
            (
                "A man on extended-release naltrexone (Vivitrol) has missed his monthly injection. Which counseling "
                "points are accurate? Select all that apply."
            ),
            [
                ("His tolerance to opioids has fallen", True),
                ("His tolerance is unchanged, so no special precautions are needed", False),
                ("If he returns to opioid use, his risk of overdose is higher", True),
                ("Doubling the next injection will make up for the missed dose", False),
                ("He should have naloxone, and the people close to him should know how to use it", True),
            ],
            (
                "After a missed Vivitrol dose, tolerance is lost, so a return to opioid use carries a higher overdose "
                "risk, and access to naloxone matters. Doubling the next dose does not solve the problem."
            ),
            f"{VIVITROL} (sections 5.1 and 2.2)",
        ),
    ],
    "modules": {
        "after-the-x-waiver-and-the-mate-act": [
            single(
                "On what date did the X-waiver requirement for prescribing buprenorphine end?",
                [
                    ("12 January 2023", False),
                    ("27 June 2023", False),
                    ("29 December 2022", True),
                    ("21 June 2023", False),
                ],
                (
                    "The waiver ended when the Consolidated Appropriations Act, 2023 was signed on 29 December 2022. "
                    "12 January 2023 is the date of DEA's letter to registrants, and 27 June 2023 is when MATE "
                    "attestations began."
                ),
                f"{MAT_ACT}; DEA letter to registrants, 12 Jan 2023",
            ),
            multiple(
                (
                    "Each of these clinicians holds a DEA registration. Who must make the one-time MATE training "
                    "attestation? Select all that apply."
                ),
                [
                    ("A dermatologist who never prescribes buprenorphine", True),
                    ("A veterinarian", False),
                    ("A nurse practitioner", True),
                    ("A dentist", True),
                ],
                (
                    "MATE applies to all DEA registrants except veterinarians, regardless of what they prescribe. A "
                    "dermatologist who trained long ago can meet it with 8 cumulative hours of accredited training."
                ),
                MATE_FAQ,
            ),
            true_false(
                (
                    "The 42 CFR Part 8 final rule of February 2024 made permanent the option for opioid treatment "
                    "programs to provide take-home doses of up to 28 days."
                ),
                True,
                (
                    "The February 2024 final rule made take-homes of up to 28 days permanent. Methadone for OUD is "
                    "still provided only through opioid treatment programs."
                ),
                f"42 CFR Part 8 final rule, Feb 2024; {ASAM_2020}",
            ),
        ],
        "starting-buprenorphine": [
            single(
                (
                    "A 35-year-old woman with OUD has stable housing, a reliable phone and a partner at home, and "
                    "would rather start buprenorphine at home. What does ASAM's 2020 focused update support?"
                ),
                [
                    ("Home starts are unsafe, so she must start in the office", False),
                    ("She must start in an opioid treatment program", False),
                    (
                        "A home start is safe and effective when she has written instructions, a way to reach the "
                        "team and planned follow-up",
                        True,
                    ),
                    ("She needs a hospital admission for the first dose", False),
                ],
                (
                    "ASAM's 2020 focused update judged home-based initiation safe and effective. Prepare her with "
                    "instructions on when to take the first dose and what to do if symptoms worsen, a contact, "
                    "follow-up and naloxone."
                ),
                ASAM_2020,
            ),
            single(
                (
                    "In ASAM's 2023 Clinical Considerations for people who use high-potency synthetic opioids, what "
                    "does low-dose initiation of buprenorphine involve?"
                ),
                [
                    (
                        "Starting small buprenorphine doses while the current opioid continues, without waiting for "
                        "withdrawal",
                        True,
                    ),
                    ("Starting with larger buprenorphine doses than the standard approach", False),
                    ("Waiting 7 to 10 opioid-free days before the first dose", False),
                    ("Giving a single 4 mg dose and then stopping", False),
                ],
                (
                    "Low-dose initiation starts small buprenorphine doses while the patient continues their current "
                    "opioid, so there is no need to wait for withdrawal. Larger initial doses describe high-dose "
                    "initiation, and the 7 to 10 day opioid-free wait applies to extended-release naltrexone."
                ),
                ASAM_2023,
            ),
            true_false(
                (
                    "Because precipitated withdrawal is common, buprenorphine should generally be avoided in people "
                    "who use fentanyl."
                ),
                False,
                (
                    "In an emergency department study of about 1,200 patients where fentanyl use was common, "
                    "precipitated withdrawal occurred in fewer than 1%. ASAM's 2023 guidance adds high-dose and "
                    "low-dose initiation as options for people using fentanyl."
                ),
                f"{DONOFRIO}; {ASAM_2023}",
            ),
        ],
        "buprenorphine-dosing": [
            single(
                "Which daily buprenorphine maintenance dose range is typical, though not a cap?",
                [
                    ("2 to 4 mg", False),
                    ("4 to 8 mg", False),
                    ("32 to 48 mg", False),
                    ("16 to 24 mg", True),
                ],
                (
                    "Maintenance doses of 16 to 24 mg a day are typical, and doses above 24 mg can be appropriate for "
                    "some patients. 4 to 8 mg describes the first dose of a standard start."
                ),
                FDA_BUP_DOSE,
            ),
            single(
                (
                    "A community pharmacist receives a prescription for buprenorphine-naloxone 32 mg a day for a "
                    "patient with OUD. Her reference card lists 24 mg as the maximum. What is accurate?"
                ),
                [
                    ("Doses above 24 mg may be dispensed only by an opioid treatment program", False),
                    (
                        "The card is out of date: FDA's December 2024 notice and the May 2025 labels say doses above "
                        "24 mg can be appropriate",
                        True,
                    ),
                    ("The prescription must be cut to 24 mg before it can be filled", False),
                    ("The prescriber needs an X-waiver to go above 24 mg", False),
                ],
                (
                    "The May 2025 Suboxone and Zubsolv labels removed the 16 mg target wording and state that doses "
                    "above 24 mg can be appropriate. The prescriber can record the clinical reasons, and the "
                    "pharmacist can fill the prescription and update the card."
                ),
                FDA_BUP_DOSE,
            ),
            true_false(
                "Current Suboxone and Zubsolv labeling names 16 mg a day as the target maintenance dose.",
                False,
                (
                    "The May 2025 label updates removed the older 16 mg target wording, following FDA's December 2024 "
                    "Federal Register notice. Older pocket guides and order sets may still show it."
                ),
                FDA_BUP_DOSE,
            ),
        ],
        "long-acting-buprenorphine-and-xr-naltrexone": [
            single(
                "How is extended-release naltrexone (Vivitrol) given?",
                [
                    ("380 mg subcutaneously every week", False),
                    ("380 mg intramuscularly every 4 weeks", True),
                    ("190 mg intramuscularly every 2 weeks", False),
                    ("64 mg subcutaneously every month", False),
                ],
                (
                    "Vivitrol is 380 mg by intramuscular injection every 4 weeks, after 7 to 10 opioid-free days. A "
                    "64 mg monthly injection is one of the Brixadi (extended-release buprenorphine) doses."
                ),
                VIVITROL,
            ),
            single(
                (
                    "A patient stable on methadone wants to switch to extended-release naltrexone. What does the "
                    "Vivitrol label warn about people coming off methadone or buprenorphine?"
                ),
                [
                    ("Their risk of precipitated withdrawal ends 24 hours after the last dose", False),
                    ("They can safely be injected the day after their last dose", False),
                    ("They have no extra risk, because they are already in treatment", False),
                    ("They may remain at risk of precipitated withdrawal for up to 2 weeks", True),
                ],
                (
                    "People coming off buprenorphine or methadone may be at risk of precipitated withdrawal for up to "
                    "2 weeks, so plan the switch with that in mind. Everyone starting naltrexone needs 7 to 10 "
                    "opioid-free days first."
                ),
                VIVITROL,
            ),
            true_false(
                (
                    "Sublocade is given monthly, and its current label allows treatment to start after a single "
                    "buprenorphine test dose."
                ),
                True,
                (
                    "Sublocade is a monthly extended-release buprenorphine injection whose label now permits starting "
                    "after a single test dose. Unlike Brixadi, it has no weekly option."
                ),
                "Sublocade (buprenorphine extended-release injection) prescribing information",
            ),
        ],
    },
}


# ---------------------------------------------------------------------------------------------------
# Course 3: Naloxone co-prescribing and academic detailing
# ---------------------------------------------------------------------------------------------------

NALOXONE_DETAILING: CourseQuizzes = {
    "pretest": [
        single(
            "Which of these is NOT one of the risk factors CDC highlights under Rec 8 for offering naloxone?",
            [
                ("A prior overdose", False),
                ("Sleep-disordered breathing", False),
                ("Being aged 30 to 40", True),
                ("Recent release from prison", False),
            ],
            (
                "CDC highlights prior overdose or substance use disorder, sleep-disordered breathing, 50 MME/day or "
                "more, a co-prescribed benzodiazepine, and lost tolerance, including after release from prison. Age "
                "is not on the list."
            ),
            CDC_REC8,
        ),
        single(
            "A patient asks whether she needs a prescription to buy Narcan 4 mg nasal spray. What is the answer?",
            [
                ("Yes; it is a prescription-only product", False),
                ("Only through a pharmacy standing order", False),
                ("Only if she is 65 or older", False),
                ("No; it has been sold over the counter since 29 March 2023", True),
            ],
            (
                "FDA approved Narcan 4 mg nasal spray for nonprescription sale on 29 March 2023, so neither a "
                "prescription nor a standing order is needed. RiVive 3 mg followed on 28 July 2023."
            ),
            NARCAN_OTC,
        ),
        single(
            "Which product is paired with its correct dose and status?",
            [
                ("Kloxxado: naloxone 4 mg nasal spray", False),
                ("RiVive: naloxone 3 mg nasal spray, sold over the counter", True),
                ("Zimhi: naloxone 0.4 mg injection", False),
                ("Opvee: nalmefene 8 mg nasal spray", False),
            ],
            (
                "RiVive 3 mg nasal spray has been sold over the counter since 28 July 2023. Kloxxado is an 8 mg "
                "nasal spray, Zimhi is 5 mg by IM or SC injection, and Opvee is nalmefene 2.7 mg nasal spray."
            ),
            FDA_PRODUCTS,
        ),
        single(
            (
                "A clinic keeps a generic naloxone 0.4 mg/mL vial kit. What is the initial intramuscular dose, and "
                "when can it be repeated?"
            ),
            [
                ("0.04 mg, given once", False),
                ("4 mg, given once", False),
                ("0.4 mg (1 mL), repeated every 2 to 3 minutes if there is no response", True),
                ("2 mg, repeated every 30 minutes", False),
            ],
            (
                "Generic naloxone injection is 0.4 mg/mL, with a labeled dose of 0.4 to 2 mg repeated every 2 to 3 "
                "minutes if there is no response. With a 0.4 mg/mL vial kit, the first IM dose is 0.4 mg."
            ),
            NALOXONE_PI,
        ),
        single(
            (
                "In Coffin and colleagues' 2016 study of San Francisco primary care patients on long-term opioid "
                "therapy, what was seen among those prescribed naloxone?"
            ),
            [
                ("More opioid-related ED visits, suggesting riskier use", False),
                (
                    "47% fewer opioid-related ED visits per month at 6 months and 63% fewer at 1 year, with no net "
                    "change in opioid dose",
                    True,
                ),
                ("Higher opioid doses over time", False),
                ("No measurable difference in any outcome", False),
            ],
            (
                "Patients prescribed naloxone had 47% fewer opioid-related ED visits per month at 6 months (IRR 0.53) "
                "and 63% fewer at 1 year, with no net change in opioid dose. The study does not support the worry "
                "that naloxone leads patients to take more."
            ),
            COFFIN,
        ),
        single(
            "Which description best fits academic detailing?",
            [
                ("A visit from a pharmaceutical sales representative", False),
                ("A grand rounds lecture to the whole department", False),
                ("A letter reporting a clinician's prescribing data, with no follow-up conversation", False),
                (
                    "Noncommercial, evidence-based, one-to-one outreach by a trained educator in the clinician's "
                    "own practice",
                    True,
                ),
            ],
            (
                "Soumerai and Avorn described academic detailing as noncommercial, evidence-based, one-to-one "
                "outreach in the clinician's practice. It borrows the format of a sales visit but not its commercial "
                "content, and a lecture or an audit letter lacks the one-to-one conversation."
            ),
            SOUMERAI,
        ),
        single(
            (
                "A detailer opens the discussion by asking, 'How do you decide who gets naloxone now?' Which part of "
                "the NaRCAD visit structure is this?"
            ),
            [
                ("Needs assessment", True),
                ("Summary and close", False),
                ("Handling objections", False),
                ("Features and benefits", False),
            ],
            (
                "Open questions about the clinician's current practice make up the needs assessment, which follows "
                "the introduction. The answers tell the detailer which key messages to stress and which objections "
                "to expect."
            ),
            NARCAD,
        ),
        single(
            "What have studies found when academic detailing was used to increase naloxone prescribing?",
            [
                ("Naloxone prescribing fell among detailed clinicians", False),
                ("There was no effect on prescribing", False),
                (
                    "Prescriptions rose far more among detailed San Francisco clinicians (IRR 11.0), and fully "
                    "detailed VA stations had 5.52 times the prescribing rate",
                    True,
                ),
                ("An effect was seen only among pharmacists", False),
            ],
            (
                "Behar and colleagues found an incidence rate ratio of 11.0 for naloxone prescribing among detailed "
                "versus non-detailed primary care clinicians. In the VA, stations where all providers were detailed "
                "had 5.52 times the naloxone prescribing rate."
            ),
            f"{BEHAR}; {BOUNTHAVONG}",
        ),
        true_false(
            "Opvee, a 2.7 mg nalmefene nasal spray, can be bought over the counter in the same way as Narcan.",
            False,
            (
                "Opvee, approved in May 2023, is prescription only and approved for people aged 12 and over. The "
                "over-the-counter nasal sprays are Narcan 4 mg and RiVive 3 mg."
            ),
            "FDA approval of Opvee (nalmefene 2.7 mg nasal spray), May 2023",
        ),
        multiple(
            (
                "A man is starting Brixadi (extended-release buprenorphine) for opioid use disorder. Which statements "
                "about naloxone for him are accurate? Select all that apply."
            ),
            [
                ("The Brixadi label advises that patients have access to an opioid reversal agent", True),
                ("Naloxone is unnecessary once he is on buprenorphine treatment", False),
                ("A substance use disorder is itself a CDC 2022 Rec 8 reason to offer naloxone", True),
                ("Naloxone should be offered at the start of treatment and again at renewals", True),
                ("Naloxone needs to be offered only if he injects drugs", False),
            ],
            (
                "The Brixadi label advises access to a reversal agent, and a substance use disorder is a Rec 8 "
                "trigger, so naloxone belongs in his plan at initiation and at renewals. Being on treatment, or not "
                "injecting, does not remove the need."
            ),
            f"Brixadi prescribing information (section 2.2); {cdc('Rec 8')}",
        ),
    ],
    "modules": {
        "who-to-offer-naloxone": [
            single(
                (
                    "A 58-year-old man takes hydrocodone 10 mg three times a day (30 MME/day) and has moderate "
                    "obstructive sleep apnea. He has no history of substance use disorder and takes no other sedating "
                    "medicines. Should he be offered naloxone?"
                ),
                [
                    ("No; he is below 50 MME/day", False),
                    ("Yes; sleep-disordered breathing is a Rec 8 trigger in its own right", True),
                    ("Only if a benzodiazepine is added later", False),
                    ("Only if you suspect he is misusing his medicine", False),
                ],
                (
                    "Sleep-disordered breathing is a Rec 8 trigger on its own; 50 MME/day is only one of several "
                    "triggers. Several triggers apply to patients who take their medicines exactly as directed, "
                    "which argues for a routine offer rather than guessing who is at risk."
                ),
                CDC_REC8,
            ),
            multiple(
                (
                    "A 38-year-old woman with opioid use disorder was released from prison last week and wants to "
                    "restart buprenorphine. She takes no other opioid or benzodiazepine and has no sleep-disordered "
                    "breathing. Which Rec 8 triggers apply to her? Select all that apply."
                ),
                [
                    ("A dose of 50 MME/day or more", False),
                    ("A substance use disorder", True),
                    ("A co-prescribed benzodiazepine", False),
                    ("Lost tolerance after recent release from prison", True),
                ],
                (
                    "Her OUD is a substance use disorder, and release from prison means lost tolerance, so two "
                    "triggers apply and naloxone should be offered at this visit. The details given rule out the "
                    "dose and benzodiazepine triggers."
                ),
                CDC_REC8,
            ),
            true_false(
                (
                    "In Coffin's San Francisco primary care study, the drop in opioid-related ED visits among patients "
                    "prescribed naloxone had disappeared by 1 year."
                ),
                False,
                (
                    "Visits were 47% lower per month at 6 months and 63% lower at 1 year, so the benefit was still "
                    "present. Opioid doses showed no net change."
                ),
                COFFIN,
            ),
        ],
        "naloxone-and-nalmefene-products": [
            single(
                "Which product became available over the counter on 28 July 2023?",
                [
                    ("Kloxxado 8 mg naloxone nasal spray", False),
                    ("Opvee 2.7 mg nalmefene nasal spray", False),
                    ("RiVive 3 mg naloxone nasal spray", True),
                    ("Zurnai 1.5 mg nalmefene autoinjector", False),
                ],
                (
                    "RiVive 3 mg naloxone nasal spray went over the counter on 28 July 2023, after Narcan 4 mg on 29 "
                    "March 2023. Opvee is prescription only."
                ),
                FDA_PRODUCTS,
            ),
            single(
                "Which description of Zimhi is accurate?",
                [
                    ("Naloxone 8 mg nasal spray", False),
                    ("Nalmefene 1.5 mg autoinjector", False),
                    ("Naloxone 0.4 mg/mL vial for injection", False),
                    ("Naloxone 5 mg for intramuscular or subcutaneous injection, approved in October 2021", True),
                ],
                (
                    "Zimhi is a 5 mg naloxone injection given IM or SC, approved in October 2021. The 8 mg nasal spray "
                    "is Kloxxado, and the 1.5 mg nalmefene autoinjector is Zurnai."
                ),
                FDA_PRODUCTS,
            ),
            true_false(
                "Zurnai is a 1.5 mg nalmefene autoinjector that FDA approved in August 2024.",
                True,
                (
                    "Zurnai, approved in August 2024, delivers 1.5 mg of nalmefene by autoinjector. Opvee, the other "
                    "nalmefene product in this course, is a 2.7 mg nasal spray."
                ),
                FDA_PRODUCTS,
            ),
        ],
        "academic-detailing-method-and-evidence": [
            single(
                (
                    "Behar and colleagues offered academic detailing on naloxone to 40 San Francisco primary care "
                    "clinicians. What share accepted, and about how long did visits last?"
                ),
                [
                    ("83%; about 28 minutes", True),
                    ("38%; about 10 minutes", False),
                    ("100%; about 60 minutes", False),
                    ("50%; about 5 minutes", False),
                ],
                (
                    "83% of the 40 clinicians accepted, and visits averaged 28 minutes, a modest time cost per "
                    "clinician. The 38% figure is the share of patients prescribed naloxone in Coffin's 2016 study."
                ),
                BEHAR,
            ),
            single(
                (
                    "Behar's study reported an incidence rate ratio of 11.0 for naloxone prescribing among detailed "
                    "clinicians (95% CI 1.8 to 67.8). Which interpretation is most accurate?"
                ),
                [
                    ("The interval includes 1, so there was no real effect", False),
                    ("Detailed clinicians prescribed naloxone about 11% more often", False),
                    (
                        "The interval is wide because the study was small, but it lies wholly above 1, so the "
                        "increase is unlikely to be chance alone",
                        True,
                    ),
                    ("A wide interval means the result should be disregarded", False),
                ],
                (
                    "With only 40 clinicians the true size of the effect is uncertain, but the whole interval lies "
                    "above 1. An IRR of 11.0 means roughly an elevenfold relative increase, not 11%, and the VA "
                    "findings point the same way."
                ),
                f"{BEHAR}; {BOUNTHAVONG}",
            ),
            true_false(
                (
                    "A grand rounds lecture counts as academic detailing as long as its content is evidence-based and "
                    "free of commercial influence."
                ),
                False,
                (
                    "Academic detailing is one-to-one outreach in the clinician's own practice, whereas grand rounds "
                    "is one-to-many. Being evidence-based and noncommercial is necessary but not sufficient."
                ),
                SOUMERAI,
            ),
        ],
        "naloxone-detailing-visit-and-objections": [
            single(
                "Which sequence matches the NaRCAD 2017 structure for an academic detailing visit?",
                [
                    (
                        "Introduction, key messages, handling objections, needs assessment, summary and close",
                        False,
                    ),
                    (
                        "Needs assessment, introduction, features and benefits, summary and close, handling objections",
                        False,
                    ),
                    (
                        "Introduction, needs assessment, key messages, features and benefits, barriers and enablers, "
                        "handling objections, summary and close",
                        True,
                    ),
                    (
                        "Key messages, barriers and enablers, introduction, handling objections, needs assessment",
                        False,
                    ),
                ],
                (
                    "The visit runs from the introduction and needs assessment through key messages, features and "
                    "benefits, and barriers and enablers, to handling objections and a summary and close that asks "
                    "for a commitment. Asking before telling lets the needs assessment shape the rest of the visit."
                ),
                NARCAD,
            ),
            single(
                (
                    "During a visit an internist says, 'Handing out naloxone just tells patients it's fine to take "
                    "more.' Which response best fits the NaRCAD approach?"
                ),
                [
                    ("Agree, and move on to avoid conflict", False),
                    ("Tell her naloxone is meant only for patients who misuse their opioids", False),
                    ("Change the subject to a different key message", False),
                    (
                        "Acknowledge the concern, then cite Coffin 2016: patients prescribed naloxone had no net "
                        "change in opioid dose and fewer opioid-related ED visits",
                        True,
                    ),
                ],
                (
                    "This is handling objections: acknowledge the concern, then answer with evidence. In Coffin's "
                    "study, patients prescribed naloxone had no net change in opioid dose and 47% fewer opioid-related "
                    "ED visits per month at 6 months."
                ),
                f"{NARCAD}; {COFFIN}",
            ),
            multiple(
                (
                    "Which of these replies to common objections are supported by the evidence in this course? "
                    "Select all that apply."
                ),
                [
                    (
                        "'My patients take their medicines as prescribed.' Reply: several Rec 8 triggers, such as 50 "
                        "MME/day or more, a benzodiazepine or sleep apnea, apply to patients who take their medicines "
                        "exactly as directed.",
                        True,
                    ),
                    (
                        "'With xylazine around, naloxone won't work.' Reply: that is right, so skip the naloxone and "
                        "just call 911.",
                        False,
                    ),
                    (
                        "'It's over the counter now, so it isn't my job.' Reply: OTC sale removes a barrier, but "
                        "patients still need to know naloxone is meant for them, and a prescriber's recommendation "
                        "tells them.",
                        True,
                    ),
                    (
                        "'Patients will be offended.' Reply: offer it only to patients you suspect of misuse, so most "
                        "are never asked.",
                        False,
                    ),
                ],
                (
                    "Several Rec 8 triggers apply to patients who use their medicines as directed, and a prescriber's "
                    "recommendation still matters after OTC sale. Naloxone should still be given where xylazine may "
                    "be present because it reverses the opioid, and a routine, universal offer avoids singling anyone "
                    "out."
                ),
                f"{NARCAD}; {CDC_REC8}",
            ),
        ],
    },
}


QUIZZES: dict[str, CourseQuizzes] = {
    "overdose-prevention-in-opioid-prescribing": OVERDOSE_PREVENTION,
    "buprenorphine-and-medications-for-oud": BUPRENORPHINE_MOUD,
    "naloxone-co-prescribing-and-academic-detailing": NALOXONE_DETAILING,
}
