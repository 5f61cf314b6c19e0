# The content stage.

# src/content/doc.rs

doc-field-empty = `{ $field }` is empty
doc-field-empty-hint = write it after `{ $field }:` on this line
doc-field-missing = `{ $field }` is missing
doc-field-missing-hint = add `{ $field }: …` to the front matter; every file of this kind needs it

# src/content/case.rs

case-province-missing = `place.province` is missing
case-province-missing-hint = add `province: <key>` to `place`, with a key from `vocabularies.provinces`
case-updated-not-date = `{ $value }` is not a date
case-updated-not-date-hint = write the date as YYYY-MM-DD, for example 2022-09-06
case-updated-missing = `updated` is missing
case-updated-missing-hint = add `updated: YYYY-MM-DD`, the date of the latest source or revision; it orders the feed
case-since-implausible = `{ $year }` is not a plausible year
case-since-implausible-hint = write the year the pilot started, such as 2017
case-vocab-field-missing = `{ $field }` is missing
case-vocab-field-missing-hint = add `{ $field }: <key>` with a key from `vocabularies` in content/site.yaml
case-field-differs = `{ $field }` differs from the default-language file
case-field-differs-hint = a translation inherits `{ $field }` from index.md: remove it here, or make it the same

# src/content/case_text.rs

case-place-missing = `place` is missing
case-place-missing-hint = add `place: {"{"}village: …, province: <key>{"}"}`
case-village-missing = `place.village` is missing
case-village-missing-hint = add `village:` to `place`: the name of the village or community
case-methods-missing = `methods` is missing
case-methods-missing-hint = add `methods:` with a line per method the case used, for example `co-decision: …`
case-method-not-in-default = method `{ $key }` is not in the default-language file
case-method-not-in-default-hint = a translation translates the methods of index.md; add it there first
case-methods-empty = `methods` is empty
case-methods-empty-hint = say what the case did under at least one of the methods
case-practices-count = { $count ->
        [one] 1 practice
       *[other] { $count } practices
    } here, { $base } in the default-language file
case-practices-count-hint = a translation lists as many practices as index.md, each saying which one it translates with `translates:`
case-practice-method-differs = practice is filed under another method than in the default-language file
case-practice-method-differs-hint = a translated practice is filed under the same method as the practice it translates
case-practice-unnamed = practice has no name
case-practice-unnamed-hint = give the practice a short name
case-practice-name-twice = line { $line } already has a practice named “{ $name }”
case-practice-name-twice-hint = give each practice a name of its own: translations find the practice they translate by its name
case-practice-translated-twice-hint = translate each practice once: change this `translates:` to another practice's name
case-practice-translated-twice = the practice “{ $name }” is already translated on line { $line }
case-practice-translates-unknown = index.md has no practice named “{ $name }”
case-practice-translates-missing-any = add a line `translates:` with the `name` of a practice in index.md: { $names }
case-practice-translates-missing-hint = add the line `translates: { $name }` to it (the `name` of that practice in index.md, copied as it is)
case-practice-translates-missing = this practice of a translation does not say which practice of index.md it translates
case-figures-count = { $count ->
        [one] 1 figure
       *[other] { $count } figures
    } here, { $base } in the default-language file
case-figures-count-hint = a translation lists the same figures in the same order; it may give only `label`
case-figure-no-number = figure has no number
case-figure-no-number-hint = give `value`, or both `before` and `after`
case-source-not-url = `{ $url }` is not a web address
case-source-not-url-hint = write the full address, starting with https://
case-source-url-fix-hint = write it `{ $url }`: no quotes around an address, and its colon and slashes in English punctuation
case-tag-empty = empty tag
case-tag-empty-hint = remove the empty entry from `tags`

# src/content/photos.rs

photo-pairs-count = { $count ->
        [one] 1 photo pair
       *[other] { $count } photo pairs
    } here, { $base } in the default-language file
photo-pairs-count-hint = a translation lists the same photo pairs in the same order; it may give only captions and alt texts
photo-file-differs = `{ $which }` differs from the default-language file
photo-file-differs-hint = photos are the same in every language: leave the file out here, or make it the same
photo-not-in-folder = photo `{ $file }` is not in the case folder
photo-not-in-folder-label = missing file
photo-not-in-folder-hint = put the photo beside index.md and write its file name exactly (names are case-sensitive); paths may not leave the case folder
photo-file-missing = photo pair { $pair } has no `{ $which }` file
photo-file-missing-hint = add `{ $which }: <file name>` to the pair
photo-alt-missing = photo pair { $pair } has no `alt_{ $which }` text
photo-alt-missing-hint = add `alt_{ $which }: …` describing what the photo shows, for readers who cannot see it

# src/content/course.rs

course-sessions-count = { $count ->
        [one] 1 session
       *[other] { $count } sessions
    } here, { $base } in the default-language file
course-sessions-count-hint = a translation lists the same sessions in the same order
course-session-case-differs = session names another case than the default-language file
course-session-case-differs-hint = keep the sessions in the same order as the default-language file
course-session-draft = case `{ $case }` is a draft
course-session-draft-hint = publish the case (remove `draft: true`) or take it out of the course
course-session-no-case = no case `{ $case }`
course-no-sessions = course has no sessions
course-no-sessions-hint = add `sessions:` with at least one `- case: <slug>`
course-sessions-missing = `sessions` is missing
course-sessions-missing-hint = add `sessions:`, the cases of the course in teaching order

# src/content/links.rs

# The kind of page a link points to, as { $kind } in the messages below.
section-case = case
section-method = method
section-course = course
section-page = page
link-to-draft = link to the draft { $kind } `{ $slug }`
link-to-draft-label = not published
link-to-draft-hint = publish it first, or remove the link
link-broken = link to a { $kind } `{ $slug }` that does not exist
link-broken-label = broken link
link-anchor-missing = no heading `#{ $fragment }` on the { $kind } `{ $slug }`
link-anchor-missing-label = broken anchor
link-image-missing = image `{ $file }` is not in the case folder
link-image-missing-label = missing file
link-image-missing-hint = put the file beside index.md and write its file name exactly (names are case-sensitive)

# src/markdown.rs

markdown-script-link-removed = link to `{ $scheme }` removed
markdown-script-link-removed-hint = scripts in links are not allowed on a public site; link to a page or an http(s) address
markdown-not-site-link = `{ $dest }` is not a link to a page of this site
markdown-not-site-link-hint = write `@/cases/<slug>`, `@/methods/<key>`, `@/courses/<slug>` or `@/pages/<slug>`, optionally followed by `#heading-id`
markdown-link-to-md-file = link to the file `{ $dest }` will not exist on the site
markdown-link-to-md-file-hint = link to pages with `@/cases/<slug>`, `@/methods/<key>`, `@/courses/<slug>` or `@/pages/<slug>`
markdown-image-external = image `{ $dest }` is not a file beside this page
markdown-image-external-hint = put the image in the case folder and name it by its file name, so the site works offline and asks no other host
markdown-image-outside-case = images can only be placed in case texts
markdown-image-outside-case-hint = put the photo in a case folder and show it there
markdown-image-no-alt = image `{ $dest }` has no description
markdown-image-no-alt-hint = describe what the photo shows between the brackets: ![村口的新垃圾分类点](photo.jpg)

markdown-link-to-preview = link to `{ $dest }` points at the preview on this computer
markdown-link-to-preview-hint = link to the page with `{ $instead }`: addresses with localhost or 127.0.0.1 work only on the computer running the preview
markdown-relative-link = link `{ $dest }` is relative to this page: course packs that show this narrative are elsewhere, and it breaks there
markdown-relative-link-hint = write `{ $instead }`: casebook makes it right on every page that shows the narrative
markdown-link-from-root = link `{ $dest }` starts at the site's root
markdown-link-from-root-hint = write `{ $instead }`: a link that starts with `/` breaks in the offline copy and when the site is published under a sub-folder

case-too-long = `{ $field }` is { $length } characters long; it is usually under { $usual }
case-title-too-long-hint = keep the title to the place's name, and put the longer text in `summary`
case-summary-too-long-hint = keep the summary to one paragraph, and put the details in the text below the front matter

case-source-empty = a source with no title and only `{ $url }` as its address is left out
case-source-empty-hint = write the source's title and its full address, or delete the entry
case-source-url-placeholder = `{ $url }` is only the start of an address: the source is shown without a link
case-source-url-placeholder-hint = write the full address, or remove `url`

uncertain-twice = `{ $text }` is listed twice under `uncertain`
uncertain-twice-hint = remove one of the two entries
uncertain-why-missing = `{ $text }` is marked uncertain but does not say why
uncertain-why-missing-hint = add a line `why:` under it saying why, for example: back-translated from the English; the original wording has not been seen
uncertain-not-found = `{ $text }` is marked uncertain, but this file's text never says it
uncertain-not-found-hint = copy the phrase exactly as the text writes it (the same characters and punctuation); if the text no longer has it, remove the entry
