"""Teaching content for the three demo continuing-education courses on opioid safety.

The text is written in our own words from the checked facts in ../shared/content/clinical-facts.md
(with ../shared/content/quiz-bank.md and ../shared/content/accreditation-facts.md). Every module ends
with a references block listing the sources it used. Facts marked "Not verified" there are either left
out or flagged as unverified in the text. Quizzes are defined elsewhere.

Module bodies are Wagtail StreamField raw data for courses.blocks.ModuleBodyBlock.
"""

from __future__ import annotations

from typing import Any, TypedDict


class FacultySpec(TypedDict):
    name: str
    credentials: str
    role: str
    disclosure: str


class CreditSpec(TypedDict):
    credit_type: str  # "ama_pra_1", "ancc_contact_hours" or "participation"
    max_credits: str  # Decimal string in 0.25 steps


class ModuleSpec(TypedDict):
    slug: str
    title: str
    summary: str
    estimated_minutes: int
    body: list[dict[str, Any]]  # Wagtail StreamField raw data


class CourseSpec(TypedDict):
    slug: str
    title: str
    topic: str
    summary: str
    learning_objectives: list[str]
    target_audience: str
    estimated_minutes: int  # equals the sum of the modules' estimated_minutes
    mate_eligible: bool
    release_date: str
    last_review_date: str
    expiration_date: str  # release date + 3 years
    faculty: list[FacultySpec]
    commercial_support_statement: str
    credit_designations: list[CreditSpec]  # estimated_minutes / 60, rounded down to 0.25
    modules: list[ModuleSpec]


# Source addresses given in the facts files (other references have no URL there).
CDC_GUIDELINE_URL = "https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm"
CDC_ASSESS_RISKS_URL = "https://www.cdc.gov/overdose-prevention/hcp/clinical-care/assess-risks-of-opioid-use.html"
DEA_MATE_FAQ_URL = "https://www.deadiversion.usdoj.gov/faq/MATE_Act_faq.html"


COURSES: list[CourseSpec] = [
    {
        "slug": "overdose-prevention-in-opioid-prescribing",
        "title": "Overdose prevention in opioid prescribing",
        "topic": "Safer prescribing",
        "summary": (
            "A practical walk through the CDC 2022 opioid prescribing guideline and its 12 recommendations, "
            "with morphine milligram equivalents calculated using the 2022 factors. Covers naloxone, "
            "benzodiazepines, safe tapering, xylazine and the harm-reduction services patients can use."
        ),
        "learning_objectives": [
            (
                "Apply the 12 recommendations of the CDC 2022 opioid prescribing guideline to decisions "
                "about acute, subacute and chronic pain in adult outpatients."
            ),
            "Calculate total daily morphine milligram equivalents using the CDC 2022 conversion factors.",
            (
                "Identify patients who should be offered naloxone under Recommendation 8, including those "
                "taking benzodiazepines or tapering."
            ),
            (
                "Plan an individualized taper of about 10% a month or less when tapering long-term opioid "
                "therapy is agreed, avoiding abrupt discontinuation."
            ),
            (
                "Advise patients on overdose response where xylazine circulates and refer them to syringe "
                "services programs and other harm-reduction resources."
            ),
        ],
        "target_audience": (
            "Physicians, physician assistants, nurse practitioners, nurses and pharmacists who prescribe, "
            "dispense or monitor opioids or care for people with opioid use disorder."
        ),
        "estimated_minutes": 75,
        "mate_eligible": True,
        "release_date": "2026-09-01",
        "last_review_date": "2026-09-01",
        "expiration_date": "2029-09-01",
        "faculty": [
            {
                "name": "Miriam Castellanos",
                "credentials": "MD, MPH",
                "role": "Course director",
                "disclosure": "No relevant financial relationships with ineligible companies.",
            },
            {
                "name": "Theo Lindqvist",
                "credentials": "PharmD, BCPS",
                "role": "Faculty author (pharmacy)",
                "disclosure": "No relevant financial relationships with ineligible companies.",
            },
            {
                "name": "Renata Solis",
                "credentials": "DNP, RN",
                "role": "Nurse planner and content reviewer",
                "disclosure": "No relevant financial relationships with ineligible companies.",
            },
        ],
        "commercial_support_statement": "This activity received no commercial support.",
        "credit_designations": [
            {"credit_type": "ama_pra_1", "max_credits": "1.25"},
            {"credit_type": "ancc_contact_hours", "max_credits": "1.25"},
            {"credit_type": "participation", "max_credits": "1.25"},
        ],
        "modules": [
            {
                "slug": "overdose-crisis-and-cdc-2022-guideline",
                "title": "The overdose crisis and the CDC 2022 guideline",
                "summary": (
                    "Where US overdose deaths stand today and what the CDC 2022 opioid prescribing guideline "
                    "covers. A tour of all 12 recommendations and how they fit together in everyday "
                    "prescribing."
                ),
                "estimated_minutes": 20,
                "body": [
                    {
                        "type": "rich_text",
                        "value": (
                            "<p>Every opioid prescription is written for one patient, but it is written into "
                            "a national picture that has changed quickly. Final counts from the National "
                            "Center for Health Statistics (NCHS data briefs 457, 491 and 522) recorded "
                            "<strong>106,699</strong> drug overdose deaths in the United States in 2021 and "
                            "<strong>105,007</strong> in 2023. The 2022 total was of the same size, about "
                            "107,941, although that single count has not been checked against the primary "
                            "data brief in preparing this course.</p><p>The newest figures point in a better "
                            "direction. Provisional CDC data released in May 2025 predicted "
                            "<strong>80,391</strong> overdose deaths for 2024, roughly <strong>27% "
                            "fewer</strong> than in 2023. Read that number with two cautions. Provisional "
                            "counts are estimates and tend to run higher than the final counts that later "
                            "replace them, so the figure will move. And for this course the 2024 figure was "
                            "seen only in secondary reports of the CDC release, not in a final NCHS data "
                            "brief. Even after the fall, drug overdose remains the leading cause of death "
                            "for Americans aged 18 to 44.</p><p>Prescribers touch this picture at several "
                            "points: when they decide whether to start an opioid, how they choose and review "
                            "the dose, how they continue or stop long-term therapy, whether the patient "
                            "leaves with naloxone, and whether opioid use disorder (OUD) is recognized and "
                            "treated. The CDC 2022 guideline speaks to each of those decisions.</p><h3>What "
                            "the 2022 guideline covers</h3><p>CDC published its clinical practice guideline "
                            "for prescribing opioids for pain on <strong>4 November 2022</strong> (Dowell "
                            "and colleagues, <em>MMWR Recommendations and Reports</em>, volume 71, number "
                            "3). It is written for clinicians caring for <strong>adult outpatients</strong> "
                            "with acute, subacute or chronic pain. It does not address pain care for people "
                            "with sickle cell disease, cancer, or those receiving palliative care; for those "
                            "groups, look to guidance written for them.</p><p>The twelve recommendations are "
                            "easiest to hold in mind as four clusters: deciding whether to start opioids at "
                            "all; choosing the opioid and the dose; deciding how long to prescribe and when "
                            "to follow up; and assessing and reducing risk. The summary below is in our own "
                            "words.</p>"
                        ),
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>The 12 recommendations at a glance</h3><p><strong>Deciding whether to "
                            "start</strong></p><ul><li><strong>Rec 1, acute pain:</strong> use nonopioid "
                            "treatments first. For many kinds of acute pain they work at least as well as "
                            "opioids.</li><li><strong>Rec 2, subacute and chronic pain:</strong> nonopioid "
                            "treatments are preferred. If opioids are considered, agree with the patient on "
                            "realistic treatment goals and on an exit plan (what happens if benefits do not "
                            "outweigh risks) before the first prescription.</li></ul><p><strong>Choosing the "
                            "opioid and the dose</strong></p><ul><li><strong>Rec 3:</strong> when starting "
                            "opioids, use immediate-release rather than extended-release or long-acting "
                            "(ER/LA) products. ER/LA opioids should not be used for acute "
                            "pain.</li><li><strong>Rec 4:</strong> use the lowest effective dose, and avoid "
                            "dose increases once further increases bring diminishing returns relative to "
                            "risk.</li><li><strong>Rec 5 (paraphrased):</strong> for patients already taking "
                            "opioids, weigh benefits and risks carefully with the patient before changing "
                            "the dose, and avoid abrupt discontinuation. When tapering after long-term use, "
                            "reductions of about 10% a month or less are better "
                            "tolerated.</li></ul><p><strong>Duration and "
                            "follow-up</strong></p><ul><li><strong>Rec 6, acute pain:</strong> prescribe no "
                            "greater quantity than needed for the expected duration of "
                            "pain.</li><li><strong>Rec 7:</strong> re-evaluate benefits and harms with the "
                            "patient within 1 to 4 weeks.</li></ul><p><strong>Assessing and reducing "
                            "risk</strong></p><ul><li><strong>Rec 8:</strong> assess the risk of "
                            "opioid-related harm and offer naloxone (module 3 covers who should be offered "
                            "it).</li><li><strong>Rec 9:</strong> check the prescription drug monitoring "
                            "program (PDMP).</li><li><strong>Rec 10 (paraphrased):</strong> consider "
                            "toxicology testing.</li><li><strong>Rec 11 (paraphrased):</strong> take "
                            "particular care when prescribing opioids and benzodiazepines "
                            "together.</li><li><strong>Rec 12 (paraphrased):</strong> offer or arrange "
                            "medication treatment for opioid use disorder (MOUD) for patients with "
                            "OUD.</li></ul>"
                        ),
                    },
                    {
                        "type": "callout",
                        "value": {
                            "kind": "info",
                            "heading": "Summaries, not quotations",
                            "text": (
                                "<p>Every recommendation above is summarized in our words. For "
                                "<strong>Recommendations 5, 10, 11 and 12</strong> the source wording "
                                "available to us when writing this course was itself a paraphrase, so check "
                                "the full MMWR text before quoting them in a policy, protocol or teaching "
                                "slide.</p>"
                            ),
                        },
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>Reading the guideline as a whole</h3><p>Two threads run through all twelve "
                            "recommendations. The first is that decisions are shared and revisited. Goals "
                            "and an exit plan are agreed before opioids start (Rec 2), benefits and harms "
                            "are reviewed early (Rec 7), and for patients already on opioids any change is "
                            "weighed with the patient rather than imposed (Rec 5).</p><p>The second thread "
                            "is that risk is managed actively, not merely noted. Naloxone is offered (Rec "
                            "8), the PDMP is checked (Rec 9), toxicology testing is considered (Rec 10), "
                            "benzodiazepine co-prescribing gets extra care (Rec 11), and a patient found to "
                            "have OUD is offered treatment (Rec 12) rather than being left without "
                            "care.</p><p>Notice too what is missing from the list: none of the twelve is a "
                            "single dose ceiling to be applied to every patient. Rec 4 asks for the lowest "
                            "effective dose and caution about increases; Rec 5 asks clinicians to weigh "
                            "benefit and risk for patients already on higher doses and to avoid abrupt "
                            "stops. Local policies that set fixed MME limits need to be applied with that in "
                            "mind, a point module 3 returns to.</p>"
                        ),
                    },
                    {
                        "type": "key_message",
                        "value": {
                            "heading": "Key message",
                            "text": (
                                "Start with nonopioid treatment; if opioids are used, choose "
                                "immediate-release products at the lowest effective dose for no longer than "
                                "needed, and reassess within 1 to 4 weeks. Manage risk actively with "
                                "naloxone, PDMP checks, care with benzodiazepines and access to MOUD."
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "An ankle sprain and a request for 'something strong'",
                            "presentation": (
                                "A 32-year-old man comes to urgent care the day after rolling his ankle on a "
                                "run. The ankle is swollen and tender but he can bear weight, and imaging "
                                "shows no fracture. He has no kidney disease, no history of peptic ulcer and "
                                "no other reason to avoid an NSAID. He asks for 'something strong, like "
                                "hydrocodone' so that he can sleep."
                            ),
                            "question": (
                                "Which recommendations shape your first-line plan, and if you did judge an "
                                "opioid necessary, how would you limit it?"
                            ),
                            "discussion": (
                                "<p>Start with <strong>Rec 1</strong>. For acute musculoskeletal pain like "
                                "this, a nonopioid plan (an oral or topical NSAID with rest, ice, "
                                "compression and elevation) is the right first line, and for many types of "
                                "acute pain nonopioid treatment works at least as well as an opioid. Explain "
                                "that choice to him as a treatment decision, not a refusal.</p><p>If you "
                                "judged that his pain needed a short opioid course, the guideline shapes it: "
                                "an immediate-release product and never an ER/LA opioid for acute pain "
                                "(<strong>Rec 3</strong>); the lowest effective dose (<strong>Rec "
                                "4</strong>); no more than the expected duration of pain needs (<strong>Rec "
                                "6</strong>); and a PDMP check first (<strong>Rec 9</strong>).</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "Considering an opioid trial for chronic knee pain",
                            "presentation": (
                                "A 47-year-old woman with knee osteoarthritis has had pain for eight months. "
                                "Physical therapy helped partly; she uses acetaminophen and a topical NSAID. "
                                "Her job keeps her on her feet and she asks whether 'a low dose of "
                                "oxycodone' might help her get through her shifts."
                            ),
                            "question": (
                                "If you consider an opioid trial, what must be in place before the first "
                                "prescription, and when will you see her again?"
                            ),
                            "discussion": (
                                "<p><strong>Rec 2</strong> prefers nonopioid treatment for chronic pain, and "
                                "she is already using several options; make sure they have been optimized. "
                                "If an opioid trial still seems reasonable, agree on goals first, framed in "
                                "terms she cares about (for example, finishing her shifts with tolerable "
                                "pain), and agree on an exit plan: what you will both do if the goals are "
                                "not met or harms appear.</p><p>Choose an immediate-release product "
                                "(<strong>Rec 3</strong>) at the lowest effective dose (<strong>Rec "
                                "4</strong>), check the PDMP (<strong>Rec 9</strong>), and ask about the "
                                "<strong>Rec 8</strong> risk factors, such as sleep-disordered breathing, a "
                                "benzodiazepine prescription or a history of substance use disorder, so that "
                                "you can offer naloxone where they apply. Book a review within 1 to 4 weeks "
                                "(<strong>Rec 7</strong>) to check the goals against the harms.</p>"
                            ),
                        },
                    },
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "items": [
                                {
                                    "citation": (
                                        "Dowell et al. CDC clinical practice guideline for prescribing "
                                        "opioids for pain, United States, 2022. MMWR Recomm Rep 2022;71(3). "
                                        "Published 4 Nov 2022."
                                    ),
                                    "url": CDC_GUIDELINE_URL,
                                },
                                {
                                    "citation": (
                                        "Medscape. Summary of the CDC 2022 opioid prescribing guideline (2022)."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "NCHS Data Briefs 457, 491 and 522: final drug overdose deaths in "
                                        "the United States, 2021–2023."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "CDC/NCHS. Provisional drug overdose death counts for 2024 (release "
                                        "of May 2025)."
                                    ),
                                    "url": "",
                                },
                            ],
                        },
                    },
                ],
            },
            {
                "slug": "morphine-milligram-equivalents",
                "title": "Morphine milligram equivalents with the 2022 conversion factors",
                "summary": (
                    "How to calculate total daily morphine milligram equivalents (MME) with the CDC 2022 "
                    "factors, which factors changed in 2022, and how to avoid the common errors."
                ),
                "estimated_minutes": 20,
                "body": [
                    {
                        "type": "rich_text",
                        "value": (
                            "<p>Morphine milligram equivalents (MME) put different opioids on a common "
                            "scale, so that a patient's total daily opioid exposure can be described as a "
                            "single number. The arithmetic is simple: for each opioid, multiply the total "
                            "daily dose by that opioid's conversion factor, then add the "
                            "results.</p><p><strong>Total daily MME = the sum, across all opioids, of (total "
                            "daily dose × conversion factor)</strong></p><p>In the CDC 2022 guideline the "
                            "number matters in two practical ways. It helps you apply Rec 4 (use the lowest "
                            "effective dose, and be cautious about increases that bring diminishing "
                            "returns), and a total of <strong>50 MME/day or more</strong> is one of the Rec "
                            "8 triggers for offering naloxone. This course uses MME for exactly those "
                            "purposes: gauging overall exposure and recognizing risk. Switching a patient "
                            "from one opioid to another needs individual planning that goes beyond "
                            "multiplying by a factor, and is outside the scope of this module.</p><h3>Three "
                            "steps</h3><ol><li><strong>Find the total daily dose of each opioid.</strong> "
                            "Multiply the strength by the number of doses a day. For as-needed "
                            "prescriptions, decide whether you are describing the maximum prescribed or what "
                            "the patient actually takes, and say which; for a risk decision such as offering "
                            "naloxone, the prescribed maximum is the cautious "
                            "choice.</li><li><strong>Multiply by the 2022 conversion factor</strong> in the "
                            "table below. For a fentanyl patch, multiply the patch strength in mcg/h by "
                            "2.4.</li><li><strong>Add the results</strong> for every opioid the patient "
                            "takes, including those prescribed by other clinicians. The PDMP (Rec 9) is the "
                            "quickest way to find them.</li></ol>"
                        ),
                    },
                    {
                        "type": "table",
                        "value": {
                            "caption": (
                                "CDC 2022 MME conversion factors: multiply each opioid's total daily dose by its factor"
                            ),
                            "table": {
                                "data": [
                                    ["Opioid", "Conversion factor"],
                                    ["Codeine", "0.15"],
                                    ["Fentanyl transdermal patch", "2.4 per mcg/h of patch strength"],
                                    ["Hydrocodone", "1"],
                                    ["Hydromorphone", "5"],
                                    ["Methadone", "4.7 (use extra caution)"],
                                    ["Morphine", "1"],
                                    ["Oxycodone", "1.5"],
                                    ["Oxymorphone", "3"],
                                    ["Tapentadol", "0.4"],
                                    ["Tramadol", "0.2"],
                                    ["Buprenorphine", "No conversion factor (not expressed as MME)"],
                                ],
                                "first_row_is_table_header": True,
                                "first_col_is_header": False,
                            },
                        },
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>What changed in 2022</h3><p>Several of these factors differ from older CDC "
                            "and CMS files, and older values may still appear in electronic health record "
                            "tools, pharmacy printouts and pocket cards. Check which set a tool uses before "
                            "you rely on its total.</p><ul><li><strong>Hydromorphone: 5.</strong> The factor "
                            "of 4 that is still often quoted comes from the older "
                            "files.</li><li><strong>Methadone: 4.7.</strong> A single factor now replaces "
                            "the older dose-tiered factors, and CDC flags methadone for extra caution. Treat "
                            "a methadone MME as a rough indicator of exposure.</li><li><strong>Tramadol: "
                            "0.2.</strong> Older files used 0.1, which halves the apparent exposure from the "
                            "same dose.</li><li><strong>Fentanyl patch: 2.4 per mcg/h.</strong> You may meet "
                            "a factor of 7.2. That figure belongs only to CDC's analytic file, where it is "
                            "paired with a days-supply formula; applied to a patch strength at the bedside, "
                            "it triples the result.</li><li><strong>Buprenorphine has no factor.</strong> Do "
                            "not try to express it as MME.</li></ul><h3>Worked "
                            "examples</h3><ul><li>Oxycodone 10 mg every 6 hours: 40 mg/day × 1.5 = "
                            "<strong>60 MME/day</strong>.</li><li>Fentanyl patch 25 mcg/h: 25 × 2.4 = "
                            "<strong>60 MME/day</strong> (not 180, the result of wrongly using "
                            "7.2).</li><li>Hydromorphone 4 mg every 6 hours: 16 mg/day × 5 = <strong>80 "
                            "MME/day</strong> (the old factor of 4 gives 64).</li><li>Tramadol 50 mg four "
                            "times daily: 200 mg/day × 0.2 = <strong>40 MME/day</strong> (the old factor of "
                            "0.1 gives 20).</li><li>Codeine 60 mg four times daily: 240 mg/day × 0.15 = "
                            "<strong>36 MME/day</strong>.</li><li>Morphine 15 mg twice daily plus oxycodone "
                            "5 mg up to three times daily: (30 × 1) + (15 × 1.5) = 30 + 22.5 = <strong>52.5 "
                            "MME/day</strong> at the prescribed maximum, which is at or above the Rec 8 "
                            "naloxone trigger of 50.</li></ul>"
                        ),
                    },
                    {
                        "type": "mme_calculator",
                        "value": {
                            "heading": "Calculate total daily MME",
                            "intro": (
                                "Enter each opioid with its total daily dose (in mg per day, or the patch "
                                "strength in mcg/h for a fentanyl patch). The calculator applies the CDC "
                                "2022 factors in the table above. Check the worked examples first, then try "
                                "a regimen from your own practice and note whether the total reaches 50 "
                                "MME/day."
                            ),
                        },
                    },
                    {
                        "type": "callout",
                        "value": {
                            "kind": "warning",
                            "heading": "Methadone and buprenorphine need separate thinking",
                            "text": (
                                "<p>Methadone's factor of 4.7 carries an explicit caution in the CDC 2022 "
                                "table, so a calculated methadone MME is a rough guide to exposure, not a "
                                "basis for changing or converting doses. Buprenorphine has no factor at all. "
                                "When a patient takes either medicine, involve a clinician experienced with "
                                "it before making dose changes.</p>"
                            ),
                        },
                    },
                    {
                        "type": "key_message",
                        "value": {
                            "heading": "Key message",
                            "text": (
                                "Total daily MME is the sum of each opioid's daily dose multiplied by its "
                                "2022 factor. Use hydromorphone 5, methadone 4.7 (with extra caution), "
                                "tramadol 0.2 and fentanyl patch 2.4 per mcg/h; buprenorphine has no factor, "
                                "and 50 MME/day or more is a reason to offer naloxone."
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "The pharmacy printout says 64 MME",
                            "presentation": (
                                "A 66-year-old man with chronic low-back pain takes hydromorphone 4 mg every "
                                "6 hours, a dose unchanged for two years. A pharmacy profile lists his "
                                "exposure as 64 MME/day. He has obstructive sleep apnea and uses his CPAP "
                                "machine only some nights."
                            ),
                            "question": "What is his MME with the 2022 factors, and what follows from it?",
                            "discussion": (
                                "<p>His total daily dose is 16 mg, and 16 × 5 = <strong>80 MME/day</strong>. "
                                "The 64 on the printout comes from the older hydromorphone factor of "
                                "4.</p><p>On either figure he is above 50 MME/day, and sleep-disordered "
                                "breathing is a separate Rec 8 trigger, so naloxone should be offered. Recs "
                                "4 and 5 suggest a conversation about whether the current dose still serves "
                                "his goals; any change should be agreed with him and gradual, not abrupt. It "
                                "is worth telling the pharmacy that its tool uses an outdated factor.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "A patch plus tablets: checking a colleague's total",
                            "presentation": (
                                "A 59-year-old woman with chronic pain uses a fentanyl 25 mcg/h patch and "
                                "may take oxycodone 5 mg up to four times a day for flares. A colleague's "
                                "note records her total as 210 MME/day."
                            ),
                            "question": (
                                "Recalculate her total daily MME at the prescribed maximum. Where did the "
                                "colleague go wrong?"
                            ),
                            "discussion": (
                                "<p>Patch: 25 × 2.4 = 60. Oxycodone at the prescribed maximum: 20 mg × 1.5 = "
                                "30. Total: <strong>90 MME/day</strong>.</p><p>The colleague used the factor "
                                "7.2 for the patch (25 × 7.2 = 180, plus 30 = 210). That factor belongs to "
                                "CDC's days-supply analytic file and should not be used for a patient's "
                                "daily total. Either way she is above 50 MME/day, so offer naloxone (Rec 8) "
                                "and review whether the regimen still meets her goals (Rec 4).</p>"
                            ),
                        },
                    },
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "items": [
                                {
                                    "citation": (
                                        "Dowell et al. CDC clinical practice guideline for prescribing "
                                        "opioids for pain, United States, 2022. MMWR Recomm Rep 2022;71(3). "
                                        "Published 4 Nov 2022."
                                    ),
                                    "url": CDC_GUIDELINE_URL,
                                },
                                {
                                    "citation": (
                                        "CDC 2022 guideline, table of MME conversion factors (as reproduced "
                                        "by globalrph.com)."
                                    ),
                                    "url": "",
                                },
                            ],
                        },
                    },
                ],
            },
            {
                "slug": "naloxone-benzodiazepines-tapering",
                "title": "Naloxone, benzodiazepines, tapering and monitoring",
                "summary": (
                    "Putting Recommendations 5 and 8 to 12 into practice: who should be offered naloxone, "
                    "caution with benzodiazepines, PDMP checks and toxicology testing, safe tapering, and "
                    "treating opioid use disorder."
                ),
                "estimated_minutes": 20,
                "body": [
                    {
                        "type": "rich_text",
                        "value": (
                            "<p>The last five recommendations of the CDC 2022 guideline (Recs 8 to 12), "
                            "together with Rec 5 on patients already taking opioids, turn risk assessment "
                            "into action. This module takes them in the order they tend to come up in "
                            "clinic.</p><h3>Rec 8: assess risk and offer naloxone</h3><p>Rec 8 asks "
                            "clinicians to assess the risk of opioid-related harm with their patients and to "
                            "offer naloxone when prescribing opioids. CDC grades it <strong>category A, "
                            "evidence type 4</strong>. CDC's clinical-care guidance singles out patients "
                            "with:</p><ul><li>a history of overdose, or a substance use "
                            "disorder</li><li>sleep-disordered breathing</li><li>a dose of <strong>50 "
                            "MME/day or more</strong></li><li>a <strong>benzodiazepine</strong> taken "
                            "alongside the opioid</li><li>lost tolerance, for example during or after a "
                            "taper, or after recent release from prison</li></ul><p>Offering naloxone is not "
                            "a judgment about how a patient uses their medicine: most of these triggers "
                            "concern the dose, other medicines, breathing and tolerance. The offer is "
                            "easiest to make when it is routine and universal: 'I offer naloxone to everyone "
                            "on this dose, the same way we talk about seat belts.' Course 3 covers naloxone "
                            "products and these conversations in depth.</p><h3>Rec 9 and Rec 10: the PDMP "
                            "and toxicology testing</h3><p>Rec 9 asks clinicians to check the PDMP. The PDMP "
                            "shows controlled-substance prescriptions from other prescribers and pharmacies, "
                            "including other opioids that change the MME total and benzodiazepines that are "
                            "themselves a naloxone trigger.</p><p>Rec 10 (paraphrased) asks clinicians to "
                            "consider toxicology testing. Testing helps most when its purpose is explained "
                            "in advance and an unexpected result is treated as the start of a conversation "
                            "rather than a verdict. A result showing fentanyl in a patient prescribed "
                            "hydrocodone, for example, calls for a nonjudgmental discussion, an assessment "
                            "for opioid use disorder, an offer of naloxone and, if OUD is present, an offer "
                            "of MOUD (Recs 10 and 12). Dismissing the patient removes access to all of "
                            "these.</p><h3>Rec 11: benzodiazepines</h3><p>Rec 11 (paraphrased) asks for "
                            "particular care when opioids and benzodiazepines are prescribed together, and "
                            "the combination is itself a Rec 8 trigger. In practice: review whether both "
                            "medicines are still needed, discuss the risk openly, offer naloxone, and plan "
                            "any reduction together with the patient. Stopping both medicines on the spot is "
                            "not the answer.</p>"
                        ),
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>Rec 5: patients already on opioids, and tapering</h3><p>Rec 5 (paraphrased) "
                            "concerns patients already receiving opioids, often for years. Its message is to "
                            "weigh benefits and risks carefully with the patient before changing the dose, "
                            "and to avoid abrupt discontinuation or rapid dose reduction. When a taper is "
                            "chosen after long-term use, reductions of <strong>about 10% a month or "
                            "less</strong> are better tolerated. Tapers should be individualized, and some "
                            "patients will need a slower pace.</p><p>Two further points matter for safety. A "
                            "taper lowers tolerance, which is itself a Rec 8 trigger, so a patient who is "
                            "tapering should have naloxone. And a dose threshold in a clinic or payer policy "
                            "is not, on its own, a reason to stop opioids quickly in a patient who is "
                            "functioning well without signs of misuse; it is a reason for a careful, shared "
                            "review.</p><h3>Rec 12: treat opioid use disorder</h3><p>Rec 12 (paraphrased) "
                            "asks clinicians to offer or arrange evidence-based medication treatment for "
                            "patients with OUD. Since the X-waiver ended on 29 December 2022, any clinician "
                            "whose DEA registration includes Schedule III authority may prescribe "
                            "buprenorphine for OUD, with no patient caps. Course 2 covers how to start it. "
                            "Arranging treatment can also mean a referral, for example to an opioid "
                            "treatment program.</p>"
                        ),
                    },
                    {
                        "type": "callout",
                        "value": {
                            "kind": "warning",
                            "heading": "Avoid abrupt discontinuation",
                            "text": (
                                "<p>For patients on long-term opioids, do not stop abruptly or cut the dose "
                                "rapidly. If tapering is agreed, plan reductions of about <strong>10% a "
                                "month or less</strong>, individualize the pace, and make sure the patient "
                                "has naloxone because tolerance falls as the dose falls.</p>"
                            ),
                        },
                    },
                    {
                        "type": "key_message",
                        "value": {
                            "heading": "Key message",
                            "text": (
                                "Offer naloxone whenever a Rec 8 trigger is present, including 50 MME/day or "
                                "more, a co-prescribed benzodiazepine and lost tolerance during a taper. For "
                                "long-term users, avoid abrupt stops; if tapering, reduce by about 10% a "
                                "month or less."
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "Oxycodone and alprazolam",
                            "presentation": (
                                "A 54-year-old woman with chronic low-back pain has taken immediate-release "
                                "oxycodone 10 mg every 6 hours for several years, with stable function. "
                                "Another clinician prescribes alprazolam 1 mg twice daily for anxiety. The "
                                "PDMP confirms both prescriptions and no others."
                            ),
                            "question": "What is her MME, and what do you do today?",
                            "discussion": (
                                "<p>Her oxycodone totals 40 mg/day, and 40 × 1.5 = <strong>60 "
                                "MME/day</strong>. Two Rec 8 triggers apply: 50 MME/day or more, and a "
                                "co-prescribed benzodiazepine. Offer naloxone today and explain "
                                "why.</p><p>Then open the Rec 11 conversation: does she still need both "
                                "medicines, and what would she want to change first? Coordinate with the "
                                "prescriber of the alprazolam and plan any reduction together. Stopping "
                                "either medicine abruptly, or halving the opioid this week, would ignore Rec "
                                "5.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "120 MME for six years, and a new clinic policy",
                            "presentation": (
                                "A 61-year-old man has taken 120 MME/day for six years for chronic pain "
                                "after spinal surgery. He works part-time, his function is stable, and there "
                                "are no signs of misuse. Your clinic has adopted a policy stating that "
                                "patients should be below 90 MME/day."
                            ),
                            "question": "How do you respond to the policy for this patient?",
                            "discussion": (
                                "<p>Start with a shared review of benefits and risks (<strong>Rec "
                                "5</strong>), not with the number. If you and he agree to taper, "
                                "individualize it at about <strong>10% a month or slower</strong>, and "
                                "review function and withdrawal symptoms as you go. Stopping now, cutting by "
                                "50% a week or discharging him would all conflict with Rec 5.</p><p>Offer "
                                "naloxone whatever you decide: he is above 50 MME/day, and any taper will "
                                "lower his tolerance (<strong>Rec 8</strong>). Document the reasoning so "
                                "that the policy and the patient's plan can be reconciled.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "An unexpected fentanyl result",
                            "presentation": (
                                "A 42-year-old man on hydrocodone for chronic pain has a routine urine drug "
                                "test that is positive for fentanyl, which you have not prescribed. He looks "
                                "uncomfortable when you raise it."
                            ),
                            "question": "What are your next steps?",
                            "discussion": (
                                "<p>Have a nonjudgmental conversation about the result and about his use "
                                "(<strong>Rec 10</strong>). Assess for opioid use disorder. Offer naloxone "
                                "now. If he has OUD, offer or arrange MOUD such as buprenorphine "
                                "(<strong>Rec 12</strong>).</p><p>Dismissing him from the practice, stopping "
                                "his opioid abruptly or ignoring the result would each leave him at greater "
                                "risk and with less access to care.</p>"
                            ),
                        },
                    },
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "items": [
                                {
                                    "citation": (
                                        "Dowell et al. CDC clinical practice guideline for prescribing "
                                        "opioids for pain, United States, 2022. MMWR Recomm Rep 2022;71(3). "
                                        "Published 4 Nov 2022."
                                    ),
                                    "url": CDC_GUIDELINE_URL,
                                },
                                {
                                    "citation": (
                                        "CDC. Assess risks of opioid use (Recommendation 8: offering "
                                        "naloxone). Clinical care for health care providers."
                                    ),
                                    "url": CDC_ASSESS_RISKS_URL,
                                },
                                {
                                    "citation": (
                                        "Medscape. Summary of the CDC 2022 opioid prescribing guideline (2022)."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "Consolidated Appropriations Act, 2023, §1262 (MAT Act: removal of "
                                        "the DATA-waiver) and §1263 (MATE Act: training requirement). Signed "
                                        "29 Dec 2022."
                                    ),
                                    "url": "",
                                },
                                {"citation": "DEA Diversion Control Division. Buprenorphine Q&A.", "url": ""},
                            ],
                        },
                    },
                ],
            },
            {
                "slug": "xylazine-and-harm-reduction",
                "title": "Xylazine and harm reduction",
                "summary": (
                    "What xylazine in the fentanyl supply means for overdose response and wound care, and "
                    "how fentanyl test strips, syringe services programs and Good Samaritan laws fit into a "
                    "prescriber's advice."
                ),
                "estimated_minutes": 15,
                "body": [
                    {
                        "type": "rich_text",
                        "value": (
                            "<p>Overdose risk does not come only from prescribed opioids. This module covers "
                            "two practical topics for prescribers: xylazine in the illicit fentanyl supply, "
                            "and the harm-reduction services and protections that patients and families can "
                            "be pointed to.</p><h3>Xylazine</h3><p>DEA found xylazine in <strong>23% of "
                            "fentanyl powder</strong> and <strong>7% of fentanyl pills</strong> seized in "
                            "2022. On <strong>12 April 2023</strong> the White House Office of National Drug "
                            "Control Policy (ONDCP) declared fentanyl combined with xylazine an 'emerging "
                            "threat', the first time it had made such a declaration.</p><p>Three facts "
                            "matter at the bedside:</p><ul><li>Xylazine is <strong>not an opioid</strong>, "
                            "and naloxone does not reverse its effects.</li><li>That is <strong>not a reason "
                            "to withhold naloxone</strong>. Xylazine is found mixed with fentanyl, and "
                            "naloxone reverses the opioid part of the overdose. The response is unchanged: "
                            "give naloxone, call 911 and support breathing.</li><li>Xylazine causes "
                            "<strong>necrotic wounds</strong>. Ask patients who use drugs about wounds, look "
                            "at them, and arrange wound care.</li></ul>"
                        ),
                    },
                    {
                        "type": "callout",
                        "value": {
                            "kind": "warning",
                            "heading": "Suspected xylazine does not change the first steps",
                            "text": (
                                "<p>If someone is unresponsive or breathing poorly, give naloxone, call 911 "
                                "and support breathing, even where fentanyl mixed with xylazine is known to "
                                "be circulating.</p>"
                            ),
                        },
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>Fentanyl test strips</h3><p>Fentanyl test strips let people check a drug "
                            "sample for fentanyl before use. Since <strong>7 April 2021</strong>, federal "
                            "grant funds from CDC's Overdose Data to Action (OD2A) program and SAMHSA's "
                            "State Opioid Response (SOR) grants may be used to buy them. Whether the strips "
                            "are legal is a matter of state law, because they can fall under drug "
                            "paraphernalia statutes: in LAPPA's review, about half of states still banned "
                            "them. The current state-by-state position has not been verified for this "
                            "course, so check your own state's law before advising patients.</p><h3>Syringe "
                            "services programs</h3><p>CDC's summary of the evidence on syringe services "
                            "programs (SSPs) is worth knowing well enough to quote:</p><ul><li>new SSP "
                            "participants are about <strong>5 times as likely to enter treatment</strong> "
                            "and about <strong>3 times as likely to stop using drugs</strong> as people who "
                            "do not use an SSP;</li><li>SSPs are associated with about a <strong>50% "
                            "reduction</strong> in new HIV and hepatitis C infections;</li><li>they do "
                            "<strong>not increase drug use or crime</strong>.</li></ul><p>Knowing where your "
                            "local SSP is, and what it offers, lets you make a concrete referral rather than "
                            "a general suggestion.</p><h3>Good Samaritan laws</h3><p>Good Samaritan overdose "
                            "laws offer some legal protection to people who call for help at an overdose. "
                            "With Kansas's law in May 2024, <strong>Wyoming</strong> became the only state "
                            "without one (WyoFile, 2024). Whatever the details of a given state's law, the "
                            "core message for patients and families is simple: at an overdose, call 911.</p>"
                        ),
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>Bringing harm reduction into the consultation</h3><p>Harm-reduction advice "
                            "fits naturally alongside the risk mitigation in Recs 8 to 12. When a patient "
                            "discloses use of nonprescribed opioids, or a toxicology result shows "
                            "it:</p><ol><li>offer naloxone and show how to use it, for the patient and for "
                            "the people they live with;</li><li>explain that xylazine may be present, that "
                            "naloxone should still be given, and that wounds need attention;</li><li>tell "
                            "them where the nearest syringe services program is, and what it "
                            "offers;</li><li>answer questions about fentanyl test strips in line with your "
                            "state's law;</li><li>remind them to call 911 at an overdose;</li><li>offer or "
                            "arrange treatment for opioid use disorder (Rec 12), without making "
                            "harm-reduction help conditional on accepting it.</li></ol>"
                        ),
                    },
                    {
                        "type": "key_message",
                        "value": {
                            "heading": "Key message",
                            "text": (
                                "Xylazine is not an opioid and naloxone will not reverse it, but naloxone "
                                "should still be given for any suspected opioid overdose. Point patients to "
                                "syringe services programs and, where state law allows, fentanyl test "
                                "strips, and remind them to call 911."
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "An unresponsive man in a xylazine area",
                            "presentation": (
                                "A clinic receptionist calls you to the parking lot, where a man in his "
                                "thirties is slumped in a car, unresponsive, with slow, shallow breathing. "
                                "Local public health alerts report fentanyl mixed with xylazine in the "
                                "community."
                            ),
                            "question": "What is your first action?",
                            "discussion": (
                                "<p>Give naloxone, call 911 and support his breathing. Xylazine is not an "
                                "opioid and naloxone will not reverse it, but the fentanyl that it is mixed "
                                "with will respond, and there is no reason to wait or to try something else "
                                "first.</p><p>Once he is stable, the encounter is a chance to offer naloxone "
                                "to take away, ask about wounds, and discuss treatment and harm-reduction "
                                "services.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "A patient asks about test strips",
                            "presentation": (
                                "A 26-year-old woman being treated for an abscess tells you she sometimes "
                                "buys pills from friends. She asks whether fentanyl test strips are legal "
                                "and where she could get them."
                            ),
                            "question": "How do you answer?",
                            "discussion": (
                                "<p>Explain that federal grant programs (CDC OD2A and SAMHSA SOR) have been "
                                "allowed to fund fentanyl test strips since 7 April 2021, but that legality "
                                "depends on state paraphernalia law, which varies; know your own state's "
                                "current position before answering. A local syringe services program can "
                                "often help, and it is also a route into treatment.</p><p>Offer naloxone, "
                                "describe how to respond to an overdose (give naloxone, call 911, support "
                                "breathing), and mention that every state except Wyoming now has a Good "
                                "Samaritan law.</p>"
                            ),
                        },
                    },
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "items": [
                                {
                                    "citation": (
                                        "DEA. Xylazine in fentanyl powder and pills seized in 2022 "
                                        "(DEA/FDA/ONDCP 2023)."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "ONDCP. Designation of fentanyl combined with xylazine as an "
                                        "emerging threat to the United States, 12 Apr 2023."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "CDC and SAMHSA. Federal grant funds (CDC OD2A, SAMHSA SOR) may be "
                                        "used to buy fentanyl test strips, 7 Apr 2021."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "LAPPA. Review of state drug paraphernalia laws and fentanyl test strips."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": "CDC. Syringe services programs: summary of the evidence.",
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "WyoFile (2024). Wyoming's lack of a Good Samaritan overdose law "
                                        "after Kansas (May 2024)."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "CDC. Assess risks of opioid use (Recommendation 8: offering "
                                        "naloxone). Clinical care for health care providers."
                                    ),
                                    "url": CDC_ASSESS_RISKS_URL,
                                },
                                {
                                    "citation": (
                                        "Dowell et al. CDC clinical practice guideline for prescribing "
                                        "opioids for pain, United States, 2022. MMWR Recomm Rep 2022;71(3). "
                                        "Published 4 Nov 2022."
                                    ),
                                    "url": CDC_GUIDELINE_URL,
                                },
                            ],
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "buprenorphine-and-medications-for-oud",
        "title": "Buprenorphine and medications for opioid use disorder",
        "topic": "Addiction treatment",
        "summary": (
            "What any DEA registrant with Schedule III authority needs to know to prescribe buprenorphine "
            "now that the X-waiver has ended, and how the one-time MATE Act training requirement works. "
            "Covers starting buprenorphine in the fentanyl era, dosing above 24 mg, long-acting injections "
            "and extended-release naltrexone."
        ),
        "learning_objectives": [
            (
                "Explain who may prescribe buprenorphine for opioid use disorder since 29 December 2022 and "
                "how to meet the one-time MATE Act training requirement."
            ),
            (
                "Apply standard, home, high-dose and low-dose approaches to starting buprenorphine for "
                "people who use fentanyl."
            ),
            (
                "Adjust buprenorphine dosing above 24 mg a day when clinically appropriate, or choose an "
                "alternative such as extended-release buprenorphine or referral for methadone."
            ),
            (
                "Compare Brixadi, Sublocade and extended-release naltrexone, including how each is started "
                "and the overdose risk after a missed naltrexone dose."
            ),
        ],
        "target_audience": (
            "Physicians, physician assistants, nurse practitioners, nurses and pharmacists who prescribe, "
            "dispense or monitor opioids or care for people with opioid use disorder."
        ),
        "estimated_minutes": 60,
        "mate_eligible": True,
        "release_date": "2026-09-01",
        "last_review_date": "2026-09-01",
        "expiration_date": "2029-09-01",
        "faculty": [
            {
                "name": "Samuel Achterberg",
                "credentials": "MD, FASAM",
                "role": "Course director",
                "disclosure": "No relevant financial relationships with ineligible companies.",
            },
            {
                "name": "Meera Venkataraman",
                "credentials": "PharmD",
                "role": "Faculty author and pharmacist reviewer",
                "disclosure": "No relevant financial relationships with ineligible companies.",
            },
            {
                "name": "Colleen Marsh",
                "credentials": "MSN, APRN",
                "role": "Nurse planner",
                "disclosure": "No relevant financial relationships with ineligible companies.",
            },
        ],
        "commercial_support_statement": "This activity received no commercial support.",
        "credit_designations": [
            {"credit_type": "ama_pra_1", "max_credits": "1.00"},
            {"credit_type": "ancc_contact_hours", "max_credits": "1.00"},
            {"credit_type": "participation", "max_credits": "1.00"},
        ],
        "modules": [
            {
                "slug": "after-the-x-waiver-and-the-mate-act",
                "title": "Prescribing buprenorphine after the X-waiver, and the MATE Act",
                "summary": (
                    "What changed when the X-waiver ended on 29 December 2022, who may now prescribe "
                    "buprenorphine for opioid use disorder, and how the one-time 8-hour MATE Act training "
                    "requirement works."
                ),
                "estimated_minutes": 15,
                "body": [
                    {
                        "type": "rich_text",
                        "value": (
                            "<p>Until the end of 2022, prescribing buprenorphine for opioid use disorder "
                            "(OUD) outside an opioid treatment program required a separate federal "
                            "DATA-waiver, the 'X-waiver', and patient caps applied. Section 1262 of the "
                            "Consolidated Appropriations Act, 2023 (the MAT Act) removed both.</p><p>The "
                            "X-waiver ended when the law was signed, on <strong>29 December 2022</strong>. "
                            "DEA's letter to registrants explaining the change followed on 12 January 2023, "
                            "which is why some sources give a January date; the legal change dates from the "
                            "signature.</p><h3>Who may prescribe buprenorphine for OUD now</h3><p>Any "
                            "clinician with a DEA registration that includes <strong>Schedule III</strong> "
                            "authority may prescribe buprenorphine for OUD, within the scope of their state "
                            "authority, and there are <strong>no federal patient caps</strong> (DEA "
                            "Buprenorphine Q&amp;A). No waiver application and no separate federal "
                            "certificate are needed to write the prescription.</p><h3>The MATE Act: a "
                            "one-time 8-hour training attestation</h3><p>Section 1263 of the same law, the "
                            "MATE Act, added a training requirement that is separate from buprenorphine "
                            "prescribing. It applies to <strong>all DEA registrants except "
                            "veterinarians</strong>, whether or not they ever prescribe buprenorphine. Each "
                            "registrant attests, once, to having completed 8 hours of training on treating "
                            "and managing patients with opioid or other substance use disorders. The "
                            "attestation is made at the first DEA registration or renewal on or after "
                            "<strong>27 June 2023</strong>.</p><p>There are three ways to meet the "
                            "requirement:</p><ul><li>board certification in addiction medicine or addiction "
                            "psychiatry (ABMS, ABAM or AOA);</li><li>graduation within the last 5 years from "
                            "a US medical (MD or DO), dental, physician assistant or advanced practice "
                            "nursing (APRN) school whose curriculum included at least 8 hours on substance "
                            "use disorders;</li><li><strong>8 cumulative hours of accredited "
                            "training</strong>. Hours add up across formats, providers and earlier years, so "
                            "training completed before the law still counts.</li></ul><p>No documents are "
                            "filed with DEA, but keep your certificates in case you are asked for them. "
                            "Accredited training on substance use disorders, including this course, counts "
                            "toward the 8 hours.</p>"
                        ),
                    },
                    {
                        "type": "callout",
                        "value": {
                            "kind": "info",
                            "heading": "Three dates that are often misquoted",
                            "text": (
                                "<ul><li>The X-waiver ended on <strong>29 December 2022</strong>, when the "
                                "law was signed, not in January 2023.</li><li>MATE attestation applies from "
                                "registrations and renewals on or after <strong>27 June 2023</strong>, not "
                                "21 June.</li><li>MATE is a <strong>one-time</strong> requirement. It does "
                                "not recur every 3 years.</li></ul>"
                            ),
                        },
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>Methadone remains with opioid treatment programs</h3><p>The changes above "
                            "apply to buprenorphine only. <strong>Methadone for OUD is available only "
                            "through certified opioid treatment programs (OTPs)</strong> (ASAM 2020), apart "
                            "from limited acute-care exceptions. A primary care clinician cannot prescribe "
                            "methadone for OUD to be filled at a community pharmacy; the right step is a "
                            "referral. The 42 CFR Part 8 final rule of February 2024 made permanent the "
                            "flexibility for OTPs to provide take-home doses of up to 28 days.</p>"
                        ),
                    },
                    {
                        "type": "callout",
                        "value": {
                            "kind": "warning",
                            "heading": "Telemedicine rules: check the current position",
                            "text": (
                                "<p>In January 2025 DEA published a rule on telemedicine prescribing of "
                                "buprenorphine under which an initial 6-month supply could be prescribed "
                                "after a PDMP check. Its effective date was delayed to 31 December 2025, and "
                                "we have not verified its status since then. Check DEA's current guidance "
                                "before relying on any telemedicine pathway.</p>"
                            ),
                        },
                    },
                    {
                        "type": "key_message",
                        "value": {
                            "heading": "Key message",
                            "text": (
                                "Since 29 December 2022, any clinician with Schedule III DEA authority may "
                                "prescribe buprenorphine for OUD without a waiver or patient cap. "
                                "Separately, every DEA registrant except veterinarians makes a one-time "
                                "attestation of 8 hours of SUD training, at the first registration or "
                                "renewal on or after 27 June 2023."
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "A family physician ready to start",
                            "presentation": (
                                "Dr. Alvarez is a family physician whose DEA registration covers Schedules "
                                "II to V, and her state license places no special limits on buprenorphine. "
                                "In 2025 a patient with OUD asks her to prescribe sublingual buprenorphine. "
                                "She remembers older colleagues applying for a waiver and wonders what she "
                                "needs to do first."
                            ),
                            "question": (
                                "What does she need, beyond her current DEA registration and state "
                                "authority, to write the prescription?"
                            ),
                            "discussion": (
                                "<p>Nothing further. Section 1262 removed the waiver and the patient caps, "
                                "and any registrant with Schedule III authority may prescribe buprenorphine "
                                "for OUD (DEA Buprenorphine Q&amp;A). No OTP license and no addiction board "
                                "certification are required.</p><p>Her MATE attestation is a separate, "
                                "one-time step made at her first DEA registration or renewal on or after 27 "
                                "June 2023. She may still want clinical training on starting buprenorphine, "
                                "which the next module covers.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "'I don't prescribe buprenorphine, so MATE doesn't apply to me'",
                            "presentation": (
                                "A dermatologist colleague who finished training 15 years ago is renewing "
                                "his DEA registration. He says the MATE training question cannot apply to "
                                "him because he never prescribes buprenorphine and has no board "
                                "certification in addiction medicine."
                            ),
                            "question": "Is he right, and how could he meet the requirement?",
                            "discussion": (
                                "<p>No. MATE applies to <strong>all DEA registrants except "
                                "veterinarians</strong>, regardless of what they prescribe. Board "
                                "certification and the recent-graduate route do not fit him, so the route "
                                "open to him is 8 cumulative hours of accredited training on substance use "
                                "disorders. Hours from different formats, providers and earlier years all "
                                "count, so he may already have some. He attests once and should keep his "
                                "certificates.</p>"
                            ),
                        },
                    },
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "items": [
                                {
                                    "citation": (
                                        "Consolidated Appropriations Act, 2023, §1262 (MAT Act: removal of "
                                        "the DATA-waiver) and §1263 (MATE Act: training requirement). Signed "
                                        "29 Dec 2022."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "DEA. Letter to registrants on the elimination of the DATA-waiver, 12 Jan 2023."
                                    ),
                                    "url": "",
                                },
                                {"citation": "DEA Diversion Control Division. Buprenorphine Q&A.", "url": ""},
                                {
                                    "citation": "DEA Diversion Control Division. MATE Act FAQ.",
                                    "url": DEA_MATE_FAQ_URL,
                                },
                                {"citation": "ACCME. Learn more about the MATE Act.", "url": ""},
                                {
                                    "citation": (
                                        "ASAM National Practice Guideline for the Treatment of Opioid Use "
                                        "Disorder: 2020 Focused Update."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": ("42 CFR Part 8 final rule (opioid treatment programs), Feb 2024."),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "DEA. Final rule on telemedicine prescribing of buprenorphine, Jan "
                                        "2025 (effective date delayed to 31 Dec 2025; later status not "
                                        "verified)."
                                    ),
                                    "url": "",
                                },
                            ],
                        },
                    },
                ],
            },
            {
                "slug": "starting-buprenorphine",
                "title": "Starting buprenorphine, including for people who use fentanyl",
                "summary": (
                    "The standard start, home starts, and the high-dose and low-dose approaches described "
                    "for people using fentanyl, with what the evidence says about how often precipitated "
                    "withdrawal happens."
                ),
                "estimated_minutes": 20,
                "body": [
                    {
                        "type": "rich_text",
                        "value": (
                            "<p>Questions about starting buprenorphine often come down to one concern: "
                            "<em>precipitated withdrawal</em>, an abrupt worsening of withdrawal after "
                            "buprenorphine is taken. This module covers the standard start, starting at "
                            "home, the additional options described for people who use fentanyl and other "
                            "high-potency synthetic opioids, and how often precipitated withdrawal actually "
                            "occurs.</p><h3>The standard start</h3><p>The standard approach is to wait until "
                            "the patient has <strong>objective signs of opioid withdrawal</strong>, then "
                            "give a first dose of <strong>4 to 8 mg</strong>. Further dosing then follows "
                            "the patient's symptoms under your protocol; typical maintenance doses are "
                            "covered in the next module.</p><p>Many protocols use a Clinical Opiate "
                            "Withdrawal Scale (COWS) score of <strong>8 or more</strong> as the point at "
                            "which to give the first dose. Treat that as a common protocol convention rather "
                            "than a guideline standard: in preparing this course we found the threshold only "
                            "in secondary sources, not in a primary guideline.</p><h3>Starting at "
                            "home</h3><p>ASAM's 2020 focused update of its national practice guideline "
                            "judged <strong>home-based initiation safe and effective</strong>. A home start "
                            "asks more of the patient, so prepare them: written instructions on recognizing "
                            "withdrawal and when to take the first dose, what to do if symptoms get worse, a "
                            "way to reach the team, and a planned follow-up contact.</p>"
                        ),
                    },
                    {
                        "type": "callout",
                        "value": {
                            "kind": "warning",
                            "heading": "The COWS threshold is a convention",
                            "text": (
                                "<p>'Protocols commonly use COWS 8 or more' is an accurate statement; 'the "
                                "guideline requires COWS 8' is not one we could verify. Follow your local "
                                "written protocol and document the score and the signs you observed.</p>"
                            ),
                        },
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>When the patient uses fentanyl</h3><p>ASAM's 2023 Clinical Considerations "
                            "on buprenorphine treatment for people using high-potency synthetic opioids "
                            "(<em>Journal of Addiction Medicine</em>) describe two options in addition to "
                            "the standard start:</p><ul><li><strong>High-dose initiation:</strong> starting "
                            "with larger initial buprenorphine doses than the standard "
                            "approach.</li><li><strong>Low-dose initiation:</strong> starting small doses of "
                            "buprenorphine while the patient continues their current opioid, increasing "
                            "buprenorphine gradually before the other opioid is stopped. This avoids the "
                            "need to wait for withdrawal.</li></ul><p>The specific dose schedules are set "
                            "out in the ASAM document and in local protocols. Choose an approach with the "
                            "patient, based on their preference, how long they can tolerate waiting for "
                            "withdrawal and how closely you can follow them, and work from a written "
                            "protocol.</p><h3>How often does precipitated withdrawal happen?</h3><p>Rarely, "
                            "in a recent emergency department study. D'Onofrio and colleagues (<em>JAMA "
                            "Network Open</em>, 2023) reported on about 1,200 emergency department patients "
                            "started on buprenorphine in a setting where fentanyl use was common. "
                            "Precipitated withdrawal occurred in <strong>fewer than 1%</strong>. It is real "
                            "and worth preparing patients for, but it should not stop you from offering "
                            "buprenorphine to people who use fentanyl.</p><h3>Naloxone at every "
                            "start</h3><p>A substance use disorder is one of the CDC 2022 Rec 8 triggers for "
                            "offering naloxone. Offer it when you start buprenorphine, and make sure the "
                            "patient and the people around them know how to use it.</p>"
                        ),
                    },
                    {
                        "type": "table",
                        "value": {
                            "caption": "Approaches to starting buprenorphine and their sources",
                            "table": {
                                "data": [
                                    ["Approach", "What it involves", "Source"],
                                    [
                                        "Standard start",
                                        (
                                            "Wait for objective withdrawal (protocols commonly use COWS 8 or "
                                            "more), then 4 to 8 mg"
                                        ),
                                        ("Common protocol practice; threshold not verified in a primary guideline"),
                                    ],
                                    [
                                        "Home start",
                                        (
                                            "The same start taken at home, with written instructions and "
                                            "planned follow-up"
                                        ),
                                        "ASAM 2020 focused update: safe and effective",
                                    ],
                                    [
                                        "High-dose initiation",
                                        (
                                            "Larger initial buprenorphine doses than the standard start, "
                                            "under a protocol"
                                        ),
                                        "ASAM 2023 Clinical Considerations (high-potency synthetic opioids)",
                                    ],
                                    [
                                        "Low-dose initiation",
                                        (
                                            "Small buprenorphine doses while the current opioid continues; "
                                            "no wait for withdrawal"
                                        ),
                                        "ASAM 2023 Clinical Considerations (high-potency synthetic opioids)",
                                    ],
                                ],
                                "first_row_is_table_header": True,
                                "first_col_is_header": False,
                            },
                        },
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>Talking through the start with the patient</h3><p>The conversation before "
                            "the first dose matters as much as the protocol. Ask when the patient last used, "
                            "what they used and how, and what they have heard about starting buprenorphine; "
                            "some patients have had a difficult start before and will want to know what will "
                            "be different this time. Lay out the options that fit their situation, including "
                            "the choice between waiting for withdrawal and a low-dose start, and let them "
                            "choose.</p><p>Agree in advance what happens if things do not go to plan: who "
                            "they contact, and when you will next be in touch. Knowing that there is a plan "
                            "for uncomfortable symptoms can make the first days less daunting.</p><h3>What "
                            "to record</h3><ul><li>time of last opioid use, and the opioid used;</li><li>the "
                            "approach chosen and why, and the withdrawal signs and score observed if the "
                            "standard start was used;</li><li>doses given or supplied, and the instructions "
                            "provided for a home start;</li><li>naloxone offered or supplied;</li><li>the "
                            "follow-up plan.</li></ul>"
                        ),
                    },
                    {
                        "type": "key_message",
                        "value": {
                            "heading": "Key message",
                            "text": (
                                "Start buprenorphine once objective withdrawal is present (protocols "
                                "commonly use COWS 8 or more) with 4 to 8 mg, at home if appropriate. For "
                                "people using fentanyl, high-dose and low-dose initiation are further "
                                "options, and precipitated withdrawal occurred in fewer than 1% of ED starts "
                                "in a fentanyl-era study."
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "Fentanyl 14 hours ago, COWS 6",
                            "presentation": (
                                "A 28-year-old man who smokes fentanyl daily wants to start buprenorphine "
                                "today. His last use was 14 hours ago. He is uncomfortable, but his COWS "
                                "score is 6 and he has few objective signs of withdrawal."
                            ),
                            "question": "What do you offer him today?",
                            "discussion": (
                                "<p>Two reasonable paths. He can <strong>wait for objective "
                                "withdrawal</strong> (protocols commonly use COWS 8 or more) and then take 4 "
                                "to 8 mg, either in clinic later or at home with clear instructions and "
                                "follow-up. Or you can offer a <strong>low-dose initiation</strong>, "
                                "starting small buprenorphine doses while he continues his current opioid "
                                "(ASAM 2023).</p><p>Giving 16 mg right now, before objective withdrawal, is "
                                "not the standard approach. Extended-release naltrexone is not an option "
                                "today, as it needs 7 to 10 opioid-free days. And buprenorphine is "
                                "<em>not</em> contraindicated because he uses fentanyl. Offer naloxone "
                                "whichever path he chooses.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "A home start",
                            "presentation": (
                                "A 35-year-old woman with OUD from prescription opioids that progressed to "
                                "heroin and fentanyl wants to start buprenorphine. She has stable housing, a "
                                "reliable phone and a partner at home, and she would rather not spend a day "
                                "in withdrawal at the clinic."
                            ),
                            "question": ("Is a home start appropriate, and what does she need to go home with?"),
                            "discussion": (
                                "<p>Yes. ASAM's 2020 focused update judged home-based initiation safe and "
                                "effective. She needs written instructions on when to take the first dose "
                                "(once she has objective withdrawal) and what to do if symptoms get worse, a "
                                "way to reach the team, a planned follow-up contact, and naloxone, with her "
                                "partner shown how to use it.</p>"
                            ),
                        },
                    },
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "items": [
                                {
                                    "citation": (
                                        "ASAM National Practice Guideline for the Treatment of Opioid Use "
                                        "Disorder: 2020 Focused Update."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "ASAM. Clinical Considerations: buprenorphine treatment for people "
                                        "using high-potency synthetic opioids. J Addict Med 2023."
                                    ),
                                    "url": "",
                                },
                                {"citation": "D'Onofrio et al. JAMA Netw Open 2023;6:e236108.", "url": ""},
                                {
                                    "citation": (
                                        "Dowell et al. CDC clinical practice guideline for prescribing "
                                        "opioids for pain, United States, 2022. MMWR Recomm Rep 2022;71(3). "
                                        "Published 4 Nov 2022."
                                    ),
                                    "url": CDC_GUIDELINE_URL,
                                },
                                {
                                    "citation": (
                                        "CDC. Assess risks of opioid use (Recommendation 8: offering "
                                        "naloxone). Clinical care for health care providers."
                                    ),
                                    "url": CDC_ASSESS_RISKS_URL,
                                },
                                {
                                    "citation": (
                                        "Vivitrol (naltrexone for extended-release injectable suspension) "
                                        "prescribing information."
                                    ),
                                    "url": "",
                                },
                            ],
                        },
                    },
                ],
            },
            {
                "slug": "buprenorphine-dosing",
                "title": "Buprenorphine dosing: 16 to 24 mg is typical, not a cap",
                "summary": (
                    "What FDA's December 2024 notice and the May 2025 label changes mean for buprenorphine "
                    "dosing, and what to do when a patient still struggles on 24 mg a day."
                ),
                "estimated_minutes": 10,
                "body": [
                    {
                        "type": "rich_text",
                        "value": (
                            "<p>Maintenance doses of <strong>16 to 24 mg a day</strong> are typical. They "
                            "are not a ceiling. In December 2024 FDA published a Federal Register notice on "
                            "buprenorphine dosing (89 FR 105613), and in May 2025 the Suboxone and Zubsolv "
                            "labels were updated. The updated labels removed the older wording about a "
                            "'target' dose of 16 mg and state that doses <strong>above 24 mg a day can be "
                            "appropriate</strong> for some patients.</p><p>The practical consequence is that "
                            "a patient with ongoing cravings or continued opioid use on 24 mg should not be "
                            "told they have reached a maximum. The options include:</p><ul><li>increasing "
                            "the dose <strong>above 24 mg</strong>;</li><li>switching to an "
                            "<strong>extended-release buprenorphine</strong> injection (module "
                            "4);</li><li>referral to an <strong>opioid treatment program for "
                            "methadone</strong>, which for OUD is available only through OTPs (ASAM "
                            "2020).</li></ul><p>Continued use is a reason to adjust treatment, not to taper "
                            "or discharge. Throughout, make sure the patient has naloxone.</p>"
                        ),
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>Before changing the dose</h3><p>When a patient is struggling on 24 mg, "
                            "review the whole picture with them before deciding: how strong and how frequent "
                            "the cravings are, whether withdrawal symptoms return before the next dose, how "
                            "often and what they are still using, how they are actually taking the medicine, "
                            "other substances, and what they want from treatment. The answers point toward a "
                            "higher dose, a different formulation, or a different medication.</p><p>Explain "
                            "the reasoning to the patient: the aim is a dose that controls cravings and "
                            "withdrawal well enough to make continued use less likely, and there is no fixed "
                            "number that every patient must fit. Review the effect of any change at the next "
                            "visit and record the reasons for the dose chosen, citing the current labeling "
                            "if a pharmacy or payer queries it.</p>"
                        ),
                    },
                    {
                        "type": "callout",
                        "value": {
                            "kind": "info",
                            "heading": "Old wording in old references",
                            "text": (
                                "<p>Pocket guides, protocols and electronic order sets written before the "
                                "2024 to 2025 changes may still describe 16 mg as a target or 24 mg as a "
                                "maximum. Update local documents to match the current labels.</p>"
                            ),
                        },
                    },
                    {
                        "type": "key_message",
                        "value": {
                            "heading": "Key message",
                            "text": (
                                "Buprenorphine doses of 16 to 24 mg a day are typical, not a cap: since "
                                "FDA's December 2024 notice and the May 2025 labels, doses above 24 mg can "
                                "be appropriate for patients who still crave or use."
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "Still using on 24 mg",
                            "presentation": (
                                "A 40-year-old man has taken sublingual buprenorphine 24 mg a day for three "
                                "months. He attends every visit but reports daily cravings, and his urine "
                                "tests show continued fentanyl use."
                            ),
                            "question": "What is your next step?",
                            "discussion": (
                                "<p>Consider a dose <strong>above 24 mg</strong>, which FDA's December 2024 "
                                "notice and the May 2025 labels recognize can be appropriate. Alternatives "
                                "are a switch to extended-release buprenorphine or a referral to an OTP for "
                                "methadone. Treating 24 mg as a maximum and discharging him, adding a "
                                "full-agonist opioid, or tapering him off would all leave him at greater "
                                "risk. Check that he has naloxone.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "A pharmacist queries a 32 mg prescription",
                            "presentation": (
                                "A community pharmacist receives a prescription for buprenorphine-naloxone "
                                "at 32 mg a day for a patient with OUD. The pharmacy's reference card says "
                                "the maximum is 24 mg, and she calls the prescriber before filling it."
                            ),
                            "question": "What should the prescriber and the pharmacist each know?",
                            "discussion": (
                                "<p>The reference card is out of date. FDA's December 2024 notice and the "
                                "May 2025 Suboxone and Zubsolv labels removed the 16 mg 'target' wording and "
                                "state that doses above 24 mg can be appropriate. The prescriber can explain "
                                "the clinical reasons for the dose (for example, continued cravings and use "
                                "at 24 mg) and note them in the record; the pharmacist can fill the "
                                "prescription and update the card. Both can make sure the patient has "
                                "naloxone.</p>"
                            ),
                        },
                    },
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "items": [
                                {
                                    "citation": (
                                        "FDA. Federal Register notice on buprenorphine dosing, Dec 2024 (89 "
                                        "FR 105613); Suboxone and Zubsolv labeling, May 2025."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "ASAM National Practice Guideline for the Treatment of Opioid Use "
                                        "Disorder: 2020 Focused Update."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "CDC. Assess risks of opioid use (Recommendation 8: offering "
                                        "naloxone). Clinical care for health care providers."
                                    ),
                                    "url": CDC_ASSESS_RISKS_URL,
                                },
                            ],
                        },
                    },
                ],
            },
            {
                "slug": "long-acting-buprenorphine-and-xr-naltrexone",
                "title": "Long-acting buprenorphine and extended-release naltrexone",
                "summary": (
                    "How the extended-release buprenorphine injections Brixadi and Sublocade are started and "
                    "scheduled, how extended-release naltrexone differs, and the overdose risk after a "
                    "missed naltrexone dose."
                ),
                "estimated_minutes": 15,
                "body": [
                    {
                        "type": "rich_text",
                        "value": (
                            "<p>Long-acting injectable medications remove the need for daily doses and can "
                            "suit patients who prefer them. Two extended-release buprenorphine products are "
                            "available, and one extended-release formulation of naltrexone, which works "
                            "differently.</p><h3>Brixadi (extended-release buprenorphine)</h3><p>FDA "
                            "approved Brixadi on <strong>23 May 2023</strong>. It is given as a subcutaneous "
                            "injection either <strong>weekly (8, 16, 24 or 32 mg)</strong> or "
                            "<strong>monthly (64, 96 or 128 mg)</strong>, which allows a flexible schedule. "
                            "Treatment can start after a single transmucosal buprenorphine dose. Brixadi is "
                            "supplied under a REMS program, and its label advises that patients have access "
                            "to an opioid reversal agent.</p><h3>Sublocade (extended-release "
                            "buprenorphine)</h3><p>Sublocade is given <strong>monthly</strong>. Its label "
                            "now allows treatment to start after a single test dose of buprenorphine. Follow "
                            "the current label for the dosing sequence.</p><h3>Extended-release naltrexone "
                            "(Vivitrol)</h3><p>Naltrexone is not a form of buprenorphine, and starting it "
                            "works differently. Vivitrol is given as <strong>380 mg intramuscularly every 4 "
                            "weeks</strong>. Before the first injection, patients need <strong>7 to 10 "
                            "opioid-free days</strong>; where opioid-free status is unclear, the label "
                            "describes a naloxone challenge. People coming off buprenorphine or methadone "
                            "may remain at risk of precipitated withdrawal for up to 2 weeks.</p><p>The most "
                            "important counseling point concerns <strong>missed doses</strong>. After a "
                            "missed or late injection, tolerance to opioids is lost, and a return to opioid "
                            "use carries a higher risk of overdose. Patients on Vivitrol, and their "
                            "families, should have naloxone and know why.</p>"
                        ),
                    },
                    {
                        "type": "table",
                        "value": {
                            "caption": "Long-acting injectable medications for opioid use disorder",
                            "table": {
                                "data": [
                                    ["Product", "Medication", "Schedule", "Before the first injection"],
                                    [
                                        "Brixadi (approved 23 May 2023)",
                                        "Extended-release buprenorphine, subcutaneous",
                                        "Weekly 8–32 mg or monthly 64–128 mg",
                                        "A single transmucosal buprenorphine dose; REMS applies",
                                    ],
                                    [
                                        "Sublocade",
                                        "Extended-release buprenorphine",
                                        "Monthly",
                                        "A single buprenorphine test dose (current label)",
                                    ],
                                    [
                                        "Vivitrol",
                                        "Extended-release naltrexone 380 mg, intramuscular",
                                        "Every 4 weeks",
                                        "7 to 10 opioid-free days",
                                    ],
                                ],
                                "first_row_is_table_header": True,
                                "first_col_is_header": False,
                            },
                        },
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>Choosing with the patient</h3><p>The choice among daily sublingual "
                            "buprenorphine, an extended-release buprenorphine injection and extended-release "
                            "naltrexone is a shared one. Points worth raising:</p><ul><li><strong>How soon "
                            "treatment can start.</strong> Both buprenorphine injections can begin after a "
                            "single buprenorphine dose; naltrexone needs 7 to 10 opioid-free days first, and "
                            "longer caution after buprenorphine or methadone.</li><li><strong>How often the "
                            "patient wants to attend.</strong> Brixadi offers weekly or monthly dosing, "
                            "Sublocade monthly, Vivitrol every 4 weeks.</li><li><strong>What happens if a "
                            "dose is missed.</strong> With naltrexone, a missed dose leaves the patient "
                            "without tolerance, so the overdose risk on return to use is "
                            "higher.</li><li><strong>Practical requirements.</strong> Brixadi is supplied "
                            "under a REMS program; check what your clinic or pharmacy needs in place before "
                            "the first injection.</li></ul><p>Whatever the choice, the labels of both "
                            "Brixadi and Vivitrol advise that patients have access to an opioid reversal "
                            "agent, so naloxone belongs in every treatment plan.</p>"
                        ),
                    },
                    {
                        "type": "key_message",
                        "value": {
                            "heading": "Key message",
                            "text": (
                                "Brixadi (weekly or monthly) and Sublocade (monthly) can start after a "
                                "single buprenorphine dose. Vivitrol needs 7 to 10 opioid-free days first, "
                                "and a missed dose means lost tolerance and a higher overdose risk, so every "
                                "patient should have naloxone."
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "Oxycodone three days ago, Vivitrol today?",
                            "presentation": (
                                "A 33-year-old woman with OUD last used oxycodone 3 days ago. She has read "
                                "about monthly naltrexone injections and asks for Vivitrol today because she "
                                "starts a new job next week."
                            ),
                            "question": "What do you advise?",
                            "discussion": (
                                "<p>Vivitrol needs <strong>7 to 10 opioid-free days</strong>, and she is at "
                                "day 3, so an injection today risks precipitated withdrawal. A smaller dose "
                                "does not solve that problem. Options: wait until she reaches the "
                                "opioid-free window (with a naloxone challenge if her status is unclear), or "
                                "offer buprenorphine now, including one of the long-acting injections, if "
                                "she is open to it. Offer naloxone either way.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "A missed injection",
                            "presentation": (
                                "A 45-year-old man on Vivitrol missed his last monthly injection while "
                                "traveling and is now two weeks late. He feels well and says he is no longer "
                                "worried about opioids."
                            ),
                            "question": "What is the key counseling point?",
                            "discussion": (
                                "<p>His tolerance to opioids has fallen, so if he uses, his <strong>risk of "
                                "overdose is higher</strong> than before treatment. Make sure he has "
                                "naloxone and that someone close to him knows how to use it, then plan how "
                                "to resume treatment safely. Doubling the next dose is not a solution.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "Starting Brixadi: is naloxone still needed?",
                            "presentation": (
                                "A 29-year-old man who has been taking sublingual buprenorphine for two "
                                "months chooses to switch to weekly Brixadi injections. He asks whether he "
                                "still needs the naloxone you gave him at the start, since he is 'on "
                                "treatment now'."
                            ),
                            "question": "What do you tell him?",
                            "discussion": (
                                "<p>Yes. The Brixadi label advises that patients have access to an opioid "
                                "reversal agent, and a substance use disorder is a CDC 2022 Rec 8 trigger "
                                "for offering naloxone. Check that his naloxone has not expired and is "
                                "within reach, and that the people around him know how to use it. Offer it "
                                "again at renewals.</p>"
                            ),
                        },
                    },
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "items": [
                                {
                                    "citation": (
                                        "Brixadi (buprenorphine extended-release injection) prescribing "
                                        "information; FDA approval 23 May 2023."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "Sublocade (buprenorphine extended-release injection) prescribing information."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "Vivitrol (naltrexone for extended-release injectable suspension) "
                                        "prescribing information."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "CDC. Assess risks of opioid use (Recommendation 8: offering "
                                        "naloxone). Clinical care for health care providers."
                                    ),
                                    "url": CDC_ASSESS_RISKS_URL,
                                },
                            ],
                        },
                    },
                ],
            },
        ],
    },
    {
        "slug": "naloxone-co-prescribing-and-academic-detailing",
        "title": "Naloxone co-prescribing and academic detailing",
        "topic": "Naloxone and outreach",
        "summary": (
            "Who should be offered naloxone, which naloxone and nalmefene products are available and how "
            "they are dosed, and what co-prescribing achieves. Then how academic detailing works, the "
            "evidence that it increases naloxone prescribing, and how to run a visit and handle objections."
        ),
        "learning_objectives": [
            "Identify patients who should be offered naloxone using the CDC 2022 Recommendation 8 triggers.",
            (
                "Select an appropriate naloxone or nalmefene product, including over-the-counter options, "
                "and state the dosing of generic injectable naloxone."
            ),
            "Describe academic detailing and summarize the evidence that it increases naloxone prescribing.",
            (
                "Apply the NaRCAD visit structure to a naloxone detailing visit, including evidence-based "
                "responses to common objections."
            ),
        ],
        "target_audience": (
            "Physicians, physician assistants, nurse practitioners, nurses and pharmacists who prescribe, "
            "dispense or monitor opioids or care for people with opioid use disorder."
        ),
        "estimated_minutes": 60,
        "mate_eligible": True,
        "release_date": "2026-09-01",
        "last_review_date": "2026-09-01",
        "expiration_date": "2029-09-01",
        "faculty": [
            {
                "name": "Jonah Feld",
                "credentials": "PharmD, MPH",
                "role": "Course director and academic detailer",
                "disclosure": "No relevant financial relationships with ineligible companies.",
            },
            {
                "name": "Aisha Rahman-Cole",
                "credentials": "MD",
                "role": "Physician reviewer",
                "disclosure": "No relevant financial relationships with ineligible companies.",
            },
            {
                "name": "Grace Oduya",
                "credentials": "BSN, RN",
                "role": "Nurse planner",
                "disclosure": "No relevant financial relationships with ineligible companies.",
            },
        ],
        "commercial_support_statement": "This activity received no commercial support.",
        "credit_designations": [
            {"credit_type": "ama_pra_1", "max_credits": "1.00"},
            {"credit_type": "ancc_contact_hours", "max_credits": "1.00"},
            {"credit_type": "participation", "max_credits": "1.00"},
        ],
        "modules": [
            {
                "slug": "who-to-offer-naloxone",
                "title": "Who should be offered naloxone, and what co-prescribing achieves",
                "summary": (
                    "The CDC 2022 Recommendation 8 triggers for offering naloxone, the patients on addiction "
                    "treatment who also need it, and the evidence from co-prescribing in primary care."
                ),
                "estimated_minutes": 15,
                "body": [
                    {
                        "type": "rich_text",
                        "value": (
                            "<p>Naloxone works only if it is in the room when an overdose happens. "
                            "Co-prescribing, offering naloxone alongside an opioid prescription or addiction "
                            "treatment, is how prescribers put it there.</p><h3>The Rec 8 "
                            "triggers</h3><p>Recommendation 8 of the CDC 2022 guideline (category A, "
                            "evidence type 4) asks clinicians to assess the risk of opioid-related harm and "
                            "to offer naloxone when prescribing opioids. CDC's clinical-care guidance "
                            "highlights patients with:</p><ul><li>a <strong>prior overdose</strong> or a "
                            "<strong>substance use disorder</strong>;</li><li><strong>sleep-disordered "
                            "breathing</strong>;</li><li>a dose of <strong>50 MME/day or "
                            "more</strong>;</li><li>a <strong>benzodiazepine</strong> taken alongside the "
                            "opioid;</li><li><strong>lost tolerance</strong>, for example during or after a "
                            "taper, or after recent release from prison.</li></ul><p>Age is not on the list, "
                            "and neither is a judgment about whether the patient 'takes it as prescribed'. "
                            "Several triggers (dose, a benzodiazepine, sleep apnea) apply to patients who "
                            "use their medicines exactly as directed, which is an argument for a routine, "
                            "universal offer rather than trying to guess who is at risk.</p><h3>Patients on "
                            "addiction treatment</h3><p>A substance use disorder is itself a Rec 8 trigger, "
                            "and the labels of both Brixadi (extended-release buprenorphine) and Vivitrol "
                            "(extended-release naltrexone) advise that patients have access to an opioid "
                            "reversal agent. Offer naloxone at the start of treatment and at renewals. For "
                            "patients on Vivitrol, a missed dose means lost tolerance and a higher overdose "
                            "risk, which makes naloxone especially important.</p><p>The presence of xylazine "
                            "in the drug supply does not change this. Xylazine is not an opioid and naloxone "
                            "does not reverse it, but naloxone still reverses the fentanyl it is mixed "
                            "with.</p>"
                        ),
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>What co-prescribing achieved in primary care</h3><p>Coffin and colleagues "
                            "(<em>Annals of Internal Medicine</em>, 2016) studied <strong>1,985</strong> "
                            "patients receiving long-term opioid therapy in San Francisco primary care; "
                            "<strong>38%</strong> were prescribed naloxone. Compared with patients who were "
                            "not, those prescribed naloxone had:</p><ul><li><strong>47% fewer opioid-related "
                            "emergency department visits per month</strong> at 6 months (incidence rate "
                            "ratio 0.53);</li><li><strong>63% fewer</strong> such visits at 1 "
                            "year;</li><li><strong>no net change in opioid dose</strong>.</li></ul><p>The "
                            "last finding answers a worry often raised about naloxone, that having it will "
                            "encourage patients to take more. In this study it did not. This was one city's "
                            "primary care clinics, so treat the exact percentages as that setting's result; "
                            "the direction of the finding is what to carry into practice.</p>"
                        ),
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>Making the offer routine</h3><p>Co-prescribing depends less on any single "
                            "conversation than on a reliable routine. Practical steps "
                            "include:</p><ul><li>building the Rec 8 triggers into the moments when opioids "
                            "are prescribed or renewed, so that the question 'does this patient have "
                            "naloxone?' is asked every time;</li><li>using the PDMP and the medication list "
                            "to spot the triggers that are easy to miss, such as a benzodiazepine from "
                            "another prescriber or a total above 50 MME/day across several "
                            "opioids;</li><li>agreeing who in the team explains and demonstrates the "
                            "product, whether the prescriber, a nurse or a pharmacist;</li><li>recording the "
                            "offer, and the patient's answer, so that it can be revisited at the next "
                            "visit.</li></ul><p>A patient may decline. Record it, leave the door open, and "
                            "offer again when circumstances change, for example when a taper starts or a "
                            "benzodiazepine is added.</p>"
                        ),
                    },
                    {
                        "type": "key_message",
                        "value": {
                            "heading": "Key message",
                            "text": (
                                "Offer naloxone to every patient with a Rec 8 trigger: prior overdose or "
                                "SUD, sleep-disordered breathing, 50 MME/day or more, a benzodiazepine, or "
                                "lost tolerance. In San Francisco primary care, co-prescribing was followed "
                                "by 47% fewer opioid-related ED visits at 6 months with no net change in "
                                "opioid dose."
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "A modest dose and sleep apnea",
                            "presentation": (
                                "A 58-year-old man takes hydrocodone 10 mg three times a day (30 MME/day) "
                                "for hip pain while awaiting surgery. He has moderate obstructive sleep "
                                "apnea. He takes no other sedating medicines and has no history of substance "
                                "use disorder."
                            ),
                            "question": "He is below 50 MME/day. Should he be offered naloxone?",
                            "discussion": (
                                "<p>Yes. Sleep-disordered breathing is a Rec 8 trigger in its own right; the "
                                "50 MME/day threshold is only one of several. Frame the offer as routine "
                                "safety equipment, like a smoke alarm, and make sure someone at home knows "
                                "where it is kept and how to use it.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "Release from prison",
                            "presentation": (
                                "A 38-year-old woman was released from prison last week after an 18-month "
                                "sentence. She had OUD before her sentence and is now asking to restart "
                                "buprenorphine."
                            ),
                            "question": "Which Rec 8 triggers apply, and what do you do about naloxone?",
                            "discussion": (
                                "<p>Two triggers apply: a substance use disorder, and <strong>lost tolerance "
                                "after recent release from prison</strong>. Offer naloxone at this visit, "
                                "alongside starting buprenorphine, and suggest that the people she lives "
                                "with know how to use it.</p>"
                            ),
                        },
                    },
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "items": [
                                {
                                    "citation": (
                                        "CDC. Assess risks of opioid use (Recommendation 8: offering "
                                        "naloxone). Clinical care for health care providers."
                                    ),
                                    "url": CDC_ASSESS_RISKS_URL,
                                },
                                {
                                    "citation": (
                                        "Dowell et al. CDC clinical practice guideline for prescribing "
                                        "opioids for pain, United States, 2022. MMWR Recomm Rep 2022;71(3). "
                                        "Published 4 Nov 2022."
                                    ),
                                    "url": CDC_GUIDELINE_URL,
                                },
                                {"citation": "Coffin et al. Ann Intern Med 2016;165:245–52.", "url": ""},
                                {
                                    "citation": (
                                        "Brixadi (buprenorphine extended-release injection) prescribing "
                                        "information; FDA approval 23 May 2023."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "Vivitrol (naltrexone for extended-release injectable suspension) "
                                        "prescribing information."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "DEA. Xylazine in fentanyl powder and pills seized in 2022 "
                                        "(DEA/FDA/ONDCP 2023)."
                                    ),
                                    "url": "",
                                },
                            ],
                        },
                    },
                ],
            },
            {
                "slug": "naloxone-and-nalmefene-products",
                "title": "Naloxone and nalmefene products and dosing",
                "summary": (
                    "The naloxone and nalmefene products available in the US, which are sold over the "
                    "counter, how generic injectable naloxone is dosed, and what to teach patients and "
                    "families."
                ),
                "estimated_minutes": 15,
                "body": [
                    {
                        "type": "rich_text",
                        "value": (
                            "<p>Prescribers and pharmacists are now asked about a wider range of reversal "
                            "products than a few years ago. The table summarizes the main US products, their "
                            "doses and routes, and their FDA status.</p>"
                        ),
                    },
                    {
                        "type": "table",
                        "value": {
                            "caption": ("Naloxone and nalmefene products in the US: dose, route and FDA status"),
                            "table": {
                                "data": [
                                    ["Product", "Dose and route", "FDA status"],
                                    [
                                        "Narcan (naloxone)",
                                        "4 mg nasal spray",
                                        "Over the counter since 29 Mar 2023",
                                    ],
                                    [
                                        "RiVive (naloxone)",
                                        "3 mg nasal spray",
                                        "Over the counter since 28 Jul 2023",
                                    ],
                                    ["Kloxxado (naloxone)", "8 mg nasal spray", "Approved Apr 2021"],
                                    ["Zimhi (naloxone)", "5 mg IM or SC injection", "Approved Oct 2021"],
                                    [
                                        "Generic naloxone injection",
                                        "0.4 mg/mL; 0.4 to 2 mg, repeated every 2 to 3 minutes if needed",
                                        "Prescription label",
                                    ],
                                    [
                                        "Opvee (nalmefene)",
                                        "2.7 mg nasal spray",
                                        "Approved May 2023; prescription only; age 12 and over",
                                    ],
                                    ["Zurnai (nalmefene)", "1.5 mg autoinjector", "Approved Aug 2024"],
                                ],
                                "first_row_is_table_header": True,
                                "first_col_is_header": False,
                            },
                        },
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>Over-the-counter naloxone</h3><p>Narcan 4 mg nasal spray became available "
                            "<strong>over the counter on 29 March 2023</strong>, and RiVive 3 mg nasal spray "
                            "followed on <strong>28 July 2023</strong>. Patients no longer need a "
                            "prescription to buy these products. That widens access, but it does not replace "
                            "the prescriber's role: a patient still has to know that naloxone is meant for "
                            "them, and a clinician's recommendation, with an explanation of why, is one of "
                            "the clearest ways to tell them.</p><h3>Generic injectable "
                            "naloxone</h3><p>Generic naloxone injection comes as <strong>0.4 mg/mL</strong>. "
                            "The labeled dose is <strong>0.4 to 2 mg</strong>, repeated every <strong>2 to 3 "
                            "minutes</strong> if there is no response. With a 0.4 mg/mL vial kit, the "
                            "initial intramuscular dose is 0.4 mg (1 mL), and it can be repeated at the same "
                            "interval. Kits used by clinic staff or by people trained through community "
                            "programs should come with clear instructions.</p><h3>Nalmefene</h3><p>Nalmefene "
                            "is a second opioid reversal agent. Opvee, a 2.7 mg nasal spray approved in May "
                            "2023, is <strong>prescription only</strong> and approved for people "
                            "<strong>aged 12 and over</strong>. Zurnai, a 1.5 mg autoinjector, was approved "
                            "in August 2024.</p><h3>What to teach</h3><p>Whatever the product, the message "
                            "to patients and families is the same: if someone cannot be woken or is "
                            "breathing poorly, <strong>give the reversal agent, call 911 and support "
                            "breathing</strong>, and follow the product's instructions for a repeat dose. "
                            "Show the device, agree where it will be kept, and make sure more than one "
                            "person in the household knows.</p>"
                        ),
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>Choosing a product with the patient</h3><p>There is no single right "
                            "product; the best one is the one the patient and the people around them will "
                            "keep within reach and feel able to use. Questions that "
                            "help:</p><ul><li><strong>Who is most likely to give it?</strong> Choose a "
                            "device that person is comfortable with, and show them how it "
                            "works.</li><li><strong>How will the patient get it?</strong> Narcan and RiVive "
                            "can be bought over the counter. Opvee and generic injectable naloxone carry "
                            "prescription labels; for the other products, check current status before "
                            "advising.</li><li><strong>Is the person who may need it under 18?</strong> "
                            "Opvee is approved from age 12; check the labeling of any product for younger "
                            "patients.</li><li><strong>Will more than one device be available?</strong> "
                            "Agree where it will be kept, and that it travels with the patient.</li></ul>"
                        ),
                    },
                    {
                        "type": "callout",
                        "value": {
                            "kind": "info",
                            "heading": "A claim this course does not make",
                            "text": (
                                "<p>You may see statements about how long withdrawal lasts after nalmefene "
                                "compared with naloxone. The only source we found for such a claim was a "
                                "newspaper report, so this course makes no statement about it. Check the "
                                "product labeling if the question arises.</p>"
                            ),
                        },
                    },
                    {
                        "type": "key_message",
                        "value": {
                            "heading": "Key message",
                            "text": (
                                "Narcan 4 mg (since 29 March 2023) and RiVive 3 mg (since 28 July 2023) "
                                "nasal sprays are sold over the counter. Generic injectable naloxone is 0.4 "
                                "mg/mL, dosed 0.4 to 2 mg and repeated every 2 to 3 minutes if there is no "
                                "response."
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "'Do I need a prescription for Narcan?'",
                            "presentation": (
                                "A 50-year-old woman whose adult son takes opioids for chronic pain asks you "
                                "whether she needs a prescription to buy Narcan or whether she should ask "
                                "for a standing order."
                            ),
                            "question": "How do you answer?",
                            "discussion": (
                                "<p>No prescription is needed: Narcan 4 mg nasal spray has been sold "
                                "<strong>over the counter since 29 March 2023</strong>, so no standing order "
                                "is needed either. RiVive 3 mg is also over the counter. Use the moment to "
                                "teach: give it, call 911, support breathing. Ask whether her son's "
                                "prescriber has discussed the Rec 8 triggers with him.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "Matching products to doses",
                            "presentation": (
                                "A pharmacy student preparing a wall chart for your clinic has listed: "
                                "'RiVive 3 mg nasal, OTC; Kloxxado 4 mg nasal; Zimhi 0.4 mg injection; Opvee "
                                "8 mg nasal.'"
                            ),
                            "question": "Which entries are correct, and how should the others read?",
                            "discussion": (
                                "<p>Only <strong>RiVive 3 mg nasal, over the counter</strong> is correct. "
                                "Kloxxado is an <strong>8 mg</strong> naloxone nasal spray; Zimhi is "
                                "<strong>5 mg</strong> naloxone by IM or SC injection; and Opvee is "
                                "<strong>nalmefene 2.7 mg</strong> nasal spray, prescription only, for age "
                                "12 and over.</p>"
                            ),
                        },
                    },
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "items": [
                                {
                                    "citation": (
                                        "FDA. Approval of Narcan 4 mg naloxone nasal spray for "
                                        "nonprescription (OTC) use, 29 Mar 2023."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "FDA. Approval of RiVive 3 mg naloxone nasal spray for "
                                        "nonprescription (OTC) use, 28 Jul 2023."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "FDA approvals: Kloxxado naloxone 8 mg nasal (Apr 2021); Zimhi "
                                        "naloxone 5 mg IM/SC (Oct 2021); Opvee nalmefene 2.7 mg nasal (May "
                                        "2023); Zurnai nalmefene 1.5 mg autoinjector (Aug 2024)."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": ("Naloxone hydrochloride injection 0.4 mg/mL prescribing information."),
                                    "url": "",
                                },
                            ],
                        },
                    },
                ],
            },
            {
                "slug": "academic-detailing-method-and-evidence",
                "title": "Academic detailing: the method and the evidence",
                "summary": (
                    "What academic detailing is, where it comes from, and what studies in San Francisco "
                    "primary care and the VA found when it was used to increase naloxone prescribing."
                ),
                "estimated_minutes": 15,
                "body": [
                    {
                        "type": "rich_text",
                        "value": (
                            "<p>A guideline published as a document does not by itself change what happens "
                            "in the exam room. Academic detailing is one way of closing that "
                            "gap.</p><h3>What academic detailing is</h3><p>Academic detailing is "
                            "<strong>noncommercial, evidence-based, one-to-one outreach</strong> to "
                            "clinicians, delivered in their own practice. Soumerai and Avorn described the "
                            "approach in <em>JAMA</em> in 1990. It shares the format of a pharmaceutical "
                            "sales visit, a short personal conversation in the clinician's workplace, but "
                            "its content is independent of industry and built from the "
                            "evidence.</p><p>NaRCAD, the National Resource Center for Academic Detailing, is "
                            "funded by AHRQ and based at Brigham and Women's Hospital. It publishes "
                            "practical resources for detailers, including the 2017 Introductory Guide whose "
                            "visit structure is used in the next module.</p><p>What academic detailing is "
                            "<em>not</em>: it is not a grand-rounds lecture, which is one-to-many; not an "
                            "audit letter, which has no conversation; and not a drug representative's visit, "
                            "which is commercial.</p><h3>Evidence: naloxone in San Francisco primary "
                            "care</h3><p>Behar and colleagues (2017; PMID 28218937) offered academic "
                            "detailing on naloxone to <strong>40</strong> San Francisco primary care "
                            "clinicians. <strong>83%</strong> accepted, and visits averaged <strong>28 "
                            "minutes</strong>. Naloxone prescribing rose far more among detailed clinicians "
                            "than among those not detailed: incidence rate ratio <strong>11.0</strong> (95% "
                            "confidence interval 1.8 to 67.8). The wide interval reflects a small study; the "
                            "direction and size of the effect are what stand out.</p><h3>Evidence: the "
                            "Veterans Health Administration</h3><p>The VA combined academic detailing with "
                            "its naloxone distribution program. Bounthavong and colleagues (<em>Health "
                            "Services Research</em>, 2019) found that at VA stations where "
                            "<strong>all</strong> providers had been detailed, the naloxone prescribing rate "
                            "was <strong>5.52 times</strong> that of the study's comparison stations. A VA "
                            "Health Services Research and Development summary from 2019 reported that "
                            "detailed providers averaged <strong>14.4</strong> naloxone prescriptions, "
                            "against <strong>2.6</strong> for providers who were not detailed.</p>"
                        ),
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>What makes detailing work</h3><p>The features in the definition each do a "
                            "job. <strong>One-to-one</strong> means the conversation can follow the "
                            "clinician's own practice and doubts rather than a general script. <strong>In "
                            "the practice</strong> means it fits around clinical work, and the detailer can "
                            "see the real barriers. <strong>Evidence-based and noncommercial</strong> means "
                            "the messages can be trusted and checked: every claim should come with its "
                            "source, as in the reference lists of these modules.</p><p>Preparation is what "
                            "makes a short visit productive. Before a naloxone visit, a detailer should know "
                            "the Rec 8 triggers, the products and their status, and the Coffin, Behar and VA "
                            "findings well enough to quote them, and should bring a brief printed summary "
                            "that the clinician can keep. Where local data are available, such as the number "
                            "of the clinician's patients at 50 MME/day or more, they make the needs "
                            "assessment concrete.</p>"
                        ),
                    },
                    {
                        "type": "callout",
                        "value": {
                            "kind": "info",
                            "heading": "A note on the Behar citation",
                            "text": (
                                "<p>The Behar study is cited here by its PubMed identifier (PMID 28218937). "
                                "Its journal is probably <em>Family Medicine</em> (2017), but we have "
                                "verified only the PMID.</p>"
                            ),
                        },
                    },
                    {
                        "type": "key_message",
                        "value": {
                            "heading": "Key message",
                            "text": (
                                "Academic detailing is noncommercial, evidence-based, one-to-one outreach in "
                                "the clinician's practice. For naloxone, it was followed by an 11-fold "
                                "relative increase in prescribing in San Francisco primary care and a "
                                "5.52-fold prescribing rate at fully detailed VA stations."
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "Email or visit?",
                            "presentation": (
                                "The medical director of a 12-clinician primary care group wants more "
                                "patients on long-term opioids to have naloxone. Her plan is to email "
                                "everyone the CDC's Rec 8 page and a reminder. A colleague suggests academic "
                                "detailing instead."
                            ),
                            "question": "What would you tell her about the two approaches?",
                            "discussion": (
                                "<p>An email is a one-way message without conversation, closer to an audit "
                                "letter than to detailing. Academic detailing brings a noncommercial, "
                                "evidence-based, one-to-one conversation into each clinician's practice, "
                                "addressing their own barriers. For naloxone, detailing was followed by "
                                "large increases in prescribing in San Francisco (Behar 2017: IRR 11.0) and "
                                "in the VA (Bounthavong 2019: 5.52 times the rate at fully detailed "
                                "stations). Visits in Behar's study averaged 28 minutes, so the time cost "
                                "for each clinician is modest.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "Reading the Behar result",
                            "presentation": (
                                "A colleague reviewing the Behar study says: 'An incidence rate ratio of "
                                "11.0 with a 95% confidence interval of 1.8 to 67.8? That interval is so "
                                "wide the result means nothing.'"
                            ),
                            "question": "How would you interpret the result?",
                            "discussion": (
                                "<p>The interval is wide because the study was small (40 clinicians), so the "
                                "true size of the effect is uncertain. But the whole interval lies above 1, "
                                "so the increase in naloxone prescribing among detailed clinicians is "
                                "unlikely to be chance alone. The VA experience (Bounthavong 2019: 5.52 "
                                "times the prescribing rate at fully detailed stations; 14.4 against 2.6 "
                                "prescriptions per provider in the HSR&amp;D summary) points in the same "
                                "direction.</p>"
                            ),
                        },
                    },
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "items": [
                                {"citation": "Soumerai & Avorn. JAMA 1990;263(4):549–56.", "url": ""},
                                {
                                    "citation": (
                                        "NaRCAD (National Resource Center for Academic Detailing; "
                                        "AHRQ-funded, Brigham and Women's Hospital). Introductory Guide to "
                                        "Academic Detailing, 2017."
                                    ),
                                    "url": "",
                                },
                                {"citation": "Behar et al. 2017. PMID 28218937.", "url": ""},
                                {"citation": "Bounthavong et al. Health Serv Res 2019;54(5).", "url": ""},
                                {
                                    "citation": (
                                        "VA HSR&D (2019). Academic detailing and naloxone prescribing in the VA."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "CDC. Assess risks of opioid use (Recommendation 8: offering "
                                        "naloxone). Clinical care for health care providers."
                                    ),
                                    "url": CDC_ASSESS_RISKS_URL,
                                },
                            ],
                        },
                    },
                ],
            },
            {
                "slug": "naloxone-detailing-visit-and-objections",
                "title": "Running a naloxone detailing visit and handling objections",
                "summary": (
                    "The NaRCAD structure of a detailing visit applied to naloxone co-prescribing, with "
                    "evidence-based responses to the objections clinicians most often raise and a close that "
                    "asks for a commitment."
                ),
                "estimated_minutes": 15,
                "body": [
                    {
                        "type": "rich_text",
                        "value": (
                            "<p>NaRCAD's 2017 Introductory Guide describes a detailing visit as a sequence "
                            "of steps. Each has a job to do, and the early steps prepare the ground for the "
                            "later ones.</p><ol><li><strong>Introduction:</strong> who you are, why you are "
                            "there, and how long you will take.</li><li><strong>Needs assessment:</strong> "
                            "open questions about the clinician's current practice, for example 'How do you "
                            "decide who gets naloxone now?'</li><li><strong>Key messages:</strong> a small "
                            "number of clear, evidence-based points.</li><li><strong>Features and "
                            "benefits:</strong> what the recommended practice offers this clinician and "
                            "their patients.</li><li><strong>Barriers and enablers:</strong> what gets in "
                            "the way, and what would make it easier.</li><li><strong>Handling "
                            "objections:</strong> acknowledging concerns and answering them with "
                            "evidence.</li><li><strong>Summary and close:</strong> restating the key "
                            "messages and asking for a specific commitment.</li></ol><h3>Key messages for a "
                            "naloxone visit</h3><p>Drawn from the earlier modules, three messages cover most "
                            "of what a clinician needs:</p><ol><li>Offer naloxone to every patient with a "
                            "CDC 2022 Rec 8 trigger: prior overdose or substance use disorder, "
                            "sleep-disordered breathing, 50 MME/day or more, a benzodiazepine, or lost "
                            "tolerance.</li><li>Getting naloxone is easier than it was: Narcan 4 mg and "
                            "RiVive 3 mg nasal sprays are sold over the counter.</li><li>Co-prescribing in "
                            "primary care was followed by 47% fewer opioid-related ED visits at 6 months, "
                            "with no net change in opioid dose (Coffin 2016).</li></ol>"
                        ),
                    },
                    {
                        "type": "rich_text",
                        "value": (
                            "<h3>Handling common objections</h3><p>Acknowledge the concern first, then "
                            "answer it with evidence. Objections you may hear "
                            "include:</p><ul><li><strong>'Naloxone will just make patients take "
                            "more.'</strong> In Coffin's study, patients prescribed naloxone had no net "
                            "change in opioid dose and fewer opioid-related ED visits.</li><li><strong>'My "
                            "patients take their medicines as prescribed; they aren't at risk.'</strong> "
                            "Several Rec 8 triggers, such as 50 MME/day or more, a co-prescribed "
                            "benzodiazepine and sleep apnea, apply to patients who use their medicines "
                            "exactly as directed.</li><li><strong>'Patients will be offended.'</strong> A "
                            "routine, universal offer ('I offer this to everyone on this dose') avoids "
                            "singling anyone out.</li><li><strong>'It's over the counter now, so it isn't my "
                            "job.'</strong> Over-the-counter sale removes a barrier, but a patient still has "
                            "to know that naloxone is meant for them, and a prescriber's recommendation is a "
                            "direct way to tell them.</li><li><strong>'With xylazine around, naloxone won't "
                            "work.'</strong> Naloxone does not reverse xylazine, but it still reverses the "
                            "opioid it is mixed with, and it should still be given.</li></ul><h3>Closing the "
                            "visit</h3><p>End by summarizing the key messages and asking for a specific, "
                            "achievable commitment, for example: 'Will you offer naloxone to every patient "
                            "on 50 MME/day or more whom you see this month?' A specific commitment, ideally "
                            "stated in the clinician's own words, also gives the follow-up visit a starting "
                            "point.</p>"
                        ),
                    },
                    {
                        "type": "callout",
                        "value": {
                            "kind": "success",
                            "heading": "Good practice: ask before you tell",
                            "text": (
                                "<p>Start with the needs assessment. What the clinician already does, and "
                                "what worries them, tells you which key messages to stress and which "
                                "objections to expect.</p>"
                            ),
                        },
                    },
                    {
                        "type": "key_message",
                        "value": {
                            "heading": "Key message",
                            "text": (
                                "Follow the NaRCAD sequence: introduction, needs assessment, key messages, "
                                "features and benefits, barriers and enablers, handling objections, then "
                                "summary and close with a specific commitment."
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "'It will just make them take more'",
                            "presentation": (
                                "You are detailing Dr. Kim, a busy internist with many patients on long-term "
                                "opioids. After your key messages she says: 'Honestly, I worry that handing "
                                "out naloxone tells patients it's fine to take more. I'd rather not send "
                                "that message.'"
                            ),
                            "question": "Which part of the visit is this, and how do you respond?",
                            "discussion": (
                                "<p>This is <strong>handling objections</strong>. Acknowledge the concern as "
                                "a reasonable one, then answer with evidence: in Coffin and colleagues' 2016 "
                                "study of 1,985 primary care patients on long-term opioid therapy, those "
                                "prescribed naloxone had <strong>no net change in opioid dose</strong> and "
                                "47% fewer opioid-related ED visits per month at 6 months.</p><p>Then move "
                                "toward the close: suggest a universal approach that sends a safety message "
                                "rather than a permission, and ask whether she would try offering naloxone "
                                "to her patients at 50 MME/day or more over the next month.</p>"
                            ),
                        },
                    },
                    {
                        "type": "case_vignette",
                        "value": {
                            "title": "Opening the conversation",
                            "presentation": (
                                "You begin a visit with a family physician by asking: 'How do you decide who "
                                "gets naloxone now?' He describes offering it only to patients he suspects "
                                "of misusing their opioids."
                            ),
                            "question": ("Which part of the visit is your question, and what have you learned?"),
                            "discussion": (
                                "<p>Your question is the <strong>needs assessment</strong>. His answer tells "
                                "you that the key message about the Rec 8 triggers, several of which have "
                                "nothing to do with misuse, is the one to lead with, and that the objection "
                                "about offending patients may come up.</p>"
                            ),
                        },
                    },
                    {
                        "type": "references",
                        "value": {
                            "heading": "References",
                            "items": [
                                {
                                    "citation": (
                                        "NaRCAD (National Resource Center for Academic Detailing; "
                                        "AHRQ-funded, Brigham and Women's Hospital). Introductory Guide to "
                                        "Academic Detailing, 2017."
                                    ),
                                    "url": "",
                                },
                                {"citation": "Coffin et al. Ann Intern Med 2016;165:245–52.", "url": ""},
                                {
                                    "citation": (
                                        "CDC. Assess risks of opioid use (Recommendation 8: offering "
                                        "naloxone). Clinical care for health care providers."
                                    ),
                                    "url": CDC_ASSESS_RISKS_URL,
                                },
                                {
                                    "citation": (
                                        "FDA. Approval of Narcan 4 mg naloxone nasal spray for "
                                        "nonprescription (OTC) use, 29 Mar 2023."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "FDA. Approval of RiVive 3 mg naloxone nasal spray for "
                                        "nonprescription (OTC) use, 28 Jul 2023."
                                    ),
                                    "url": "",
                                },
                                {
                                    "citation": (
                                        "DEA. Xylazine in fentanyl powder and pills seized in 2022 "
                                        "(DEA/FDA/ONDCP 2023)."
                                    ),
                                    "url": "",
                                },
                            ],
                        },
                    },
                ],
            },
        ],
    },
]
