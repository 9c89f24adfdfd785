"""Kopuro's demo content, used by `manage.py seed_demo` and by the benchmark generator.

- people.py: who each demo member is (seeded personas, pure Python)
- members.py: personas as rows, via the factories; `bulk_insert_members(n, seed, batch)`
- photos.py: profile pictures drawn with Pillow
- accounts.py: the two fixed demo logins
- site.py: branding, and the home page in English with Russian and Kyrgyz translations
"""
