"""The certificates app's reports under Wagtail's Reports menu: completions, certificates, and the
ACCME PARS export (its file in certificates/pars.py). Their base, filters shared with the quiz
attempts report, exports and permission check are in lms/staff.py; the URLs and menu items are
registered in certificates/wagtail_hooks.py."""
