# Descriptions an editor's tools show on hover and in completion: each field of the JSON
# Schemas (`casebook schema`).

schema-title-case = Front matter of a casebook case file (content/cases/<slug>/index.md and its translations)
schema-title-course = Front matter of a casebook course pack (content/courses/<slug>.md)
schema-title-page = Front matter of a casebook page or method page (content/pages/, content/methods/)
schema-title-site = casebook site settings (content/site.yaml)

schema-case-title = The case's name: the village or community, in about 30 characters.
schema-case-summary = One paragraph: what the place did and what changed, in about 300 characters. Shown on the case's card and in search results.
schema-case-place = Where it is: village (community), town (street), county (district), city and province.
schema-case-kind = Its kind: one key of `kinds` in the site settings.
schema-case-role = Its role: one key of `roles` in the site settings.
schema-case-since = The year the pilot began, as a number such as 2019 (leave out when the source does not say).
schema-case-updated = The date of the newest source or revision, as year-month-day, such as 2022-09-06.
schema-case-challenges = Problems it solved: keys of `challenges` in the site settings, one or more.
schema-case-changes = Changes it brought: keys of `changes` in the site settings, one or more.
schema-case-methods = What was done under each method used: each key is a method of the site settings, each value a paragraph.
schema-case-practices = Practices others can copy, each filed under one method.
schema-case-figures = Figures: one value, or a value before and after with their years.
schema-case-sources = Where the facts come from: each source's title and web address.
schema-case-tags = Free tags, for search and grouping.
schema-case-photos = Before-and-after photos: the files sit in the same folder as index.md; write their file names here.
schema-case-featured = `true` shows the case on the home page.
schema-case-draft = `true` makes it a draft: shown only in the preview and by `build --drafts`, and its problems are only warnings.

schema-photo-before = File name of the photo before (in the same folder as index.md).
schema-photo-after = File name of the photo after (in the same folder as index.md).
schema-photo-caption = The caption, shown below the photos.
schema-photo-alt-before = Alternative text of the photo before: what it shows, for readers who cannot see it.
schema-photo-alt-after = Alternative text of the photo after: what it shows, for readers who cannot see it.
schema-photo-year-before = The year the photo before was taken.
schema-photo-year-after = The year the photo after was taken.
schema-photo-credit = Photographer and licence, such as "Jane Doe / CC BY 4.0".

schema-place-village = The village or community.
schema-place-town = The town or street (jiedao).
schema-place-county = The county, county-level city or district.
schema-place-city = The prefecture-level city.
schema-place-province = The province: a key of `provinces` in the site settings.

schema-practice-name = The practice's name, short, such as "Villagers' council".
schema-practice-method = The method it is filed under: a key of `methods` in the site settings.
schema-practice-translates = In a translation only: which practice of the default-language file this one translates; copy that practice's `name`.
schema-practice-summary = A paragraph on the practice.
schema-practice-steps = Its steps, in order.
schema-practice-conditions = What a place needs to do it too.

schema-figure-label = What the figure is, such as "village collective income".
schema-figure-value = One value, with its unit, such as "120,000 yuan".
schema-figure-before = The value before.
schema-figure-after = The value after.
schema-figure-year-before = The year of the value before.
schema-figure-year-after = The year of the value after.

schema-source-title = The source's title, such as a report's headline and its publisher.
schema-source-url = Its web address, starting with https:// or http://; leave out when there is none.

schema-page-title = The page's title.
schema-page-summary = One sentence, shown at the top of the page and in link previews.
schema-page-draft = `true` makes it a draft: shown only in the preview and by `build --drafts`.

schema-course-title = The course's name.
schema-course-summary = What the course teaches, and why.
schema-course-audience = Who it is for, such as "village and community cadres".
schema-course-duration = How long it takes, such as "about 3 hours".
schema-course-sessions = Its sessions in teaching order, each on one case.
schema-course-questions = Questions for the closing discussion.
schema-course-draft = `true` makes it a draft: shown only in the preview and by `build --drafts`.

schema-session-case = The case of this session: its folder name under content/cases/.
schema-session-focus = What this session is about.
schema-session-questions = Questions for this session.

schema-site-title = The site's name, one per language, such as zh: …, en: …
schema-site-description = What the site is, one per language.
schema-site-base-url = Where the site is published, such as https://example.org/; links in feeds and open data use it.
schema-site-default-language = The default language's code: one key of `languages`.
schema-site-languages = The languages the site is published in: each key is a language code (used in file names such as index.en.md), each value its name and locale.
schema-site-theme = The theme: a folder under themes/.
schema-site-allow-html = `true` lets texts contain HTML.
schema-site-feed-limit = How many cases the feeds list at most.
schema-site-page-size = How many cases each page of the library lists.
schema-site-photos = How photos are processed: widths, quality and where they are cached.
schema-site-vocabularies = The site's vocabularies: each key with its name in every language.

schema-site-photos-widths = The widths made of each photo, in pixels, such as [480, 960, 1600].
schema-site-photos-quality = The compression quality of photos, 1 to 100.
schema-site-photos-max-megapixels = The largest photo accepted, in megapixels; larger ones are refused.
schema-site-photos-cache = The folder of processed photos, relative to the site root.

schema-language-name = The language's name, written in that language, such as "中文", "English".
schema-language-locale = Its language and region code (BCP 47), such as zh-CN, en.

schema-vocabulary-methods = The methods (co-decision, co-construction, …): each key with its name in every language.
schema-vocabulary-challenges = Problems cases solve: each key with its name in every language.
schema-vocabulary-kinds = Kinds of case (rural, urban community, …): each key with its name in every language.
schema-vocabulary-roles = Roles of a case (pilot, …): each key with its name in every language.
schema-vocabulary-provinces = Provinces: each key with its name in every language.
schema-vocabulary-changes = Changes cases bring: each key with its name in every language.

schema-case-illustrative-photos = `true` when the photos only illustrate (stand-ins, not of this place before and after): they are shown as illustrative photos, without before/after labels or the comparison slider.
schema-photo-illustrative = `true` when this pair only illustrates: shown as illustrative photos, without before/after labels or the comparison slider.
schema-uncertain = Names and phrases this file's text gives that are uncertain or reconstructed: each is marked for readers wherever the page shows it, with the reason.
schema-uncertain-text = The phrase, exactly as the text writes it.
schema-uncertain-why = Why it is uncertain, for readers: what the source says and what was inferred.
schema-site-search = How the site's search reads queries.
schema-site-search-synonyms = Words that mean the same, by language code: each group is a list, such as en: [[rubbish, garbage, waste]]; a search for one word of a group finds the others too.
