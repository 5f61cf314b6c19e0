# Site settings, YAML, themes, photos and files.

## content/mod.rs

files-site-yaml-missing = content/site.yaml is missing
files-site-yaml-missing-hint = every site needs content/site.yaml with its title, languages and vocabularies; `casebook new` sites come with one
files-translation-alone = translation has no default-language file beside it
files-translation-alone-hint = add the { $language } version first; a translation inherits from it
files-method-no-page = method `{ $key }` has no page text
files-method-no-page-hint = add content/methods/{ $key }.md saying what the method means and how to run it
files-not-a-method = `{ $key }` is not a method of this site
files-page-reserved = a page cannot be called `{ $slug }`: that address is used by the site
files-page-reserved-hint = rename the file
files-photo-not-shown = photo is not shown by its case
files-photo-not-shown-hint = add it to `photos:` in index.md, or show it in the text with ![description](file name), or remove it
files-not-published = file is not part of any page and is not published
files-not-published-hint = photos and documents belong in a case folder, beside its index.md
files-hidden-txt = `{ $name }` ends in `.txt`, so casebook does not read it
files-hidden-txt-hint = rename it to `{ $meant }`: Windows hides the `.txt` ending, so File Explorer shows `{ $meant }` (View › Show › File name extensions shows it)

## content/files.rs

files-markdown-unknown = Markdown file is not part of any page
files-markdown-unknown-hint = cases go in content/cases/<slug>/index.md, methods in content/methods/<key>.md, courses in content/courses/<slug>.md and free pages in content/pages/<slug>.md
files-default-language-code = `{ $code }` is the site's default language, whose file names have no language code
files-default-language-code-hint = rename `{ $file }` to `{ $name }.md`
files-unknown-language-code = `{ $code }` in the file name is not a translation language of this site
files-case-other-markdown = Markdown file in a case folder that is not the case text
files-case-other-markdown-hint = a case's text is index.md (and index.<lang>.md for translations)
files-invalid-slug = `{ $slug }` is not a valid slug
files-invalid-slug-hint = slugs are lower-case ASCII letters, digits and `-` (they become the page's address): rename the file or folder
files-empty = this file is empty
files-empty-hint = write its front matter between two `---` lines, then its text; `casebook new case <slug>` writes a case with every field listed
files-no-front-matter = file does not start with front matter
files-no-front-matter-hint = start the file with a line `---`, the YAML fields, and another `---` line
files-front-matter-unclosed = front matter is not closed
files-front-matter-unclosed-hint = end the YAML fields with a line that holds only `---`
files-front-matter-dashes = the line that ends the front matter is written `{ $dashes }`
files-front-matter-dashes-hint = the end line is exactly three hyphens `---`: a Chinese input method types dashes instead, so switch it to English to type them

## load.rs

files-cannot-read = cannot read file: { $detail }
files-utf16 = file is saved as UTF-16, not UTF-8
files-gbk = file is saved as GBK (the older Chinese Windows encoding), not UTF-8
files-not-utf8 = file is not valid UTF-8 text
files-save-as-utf8-hint = save it as UTF-8: in Notepad, File › Save As, Encoding: UTF-8; in WPS or Word, Save As › Plain Text › Unicode (UTF-8); in VS Code, click the encoding in the status bar › Save with Encoding › UTF-8

## yaml/mod.rs

yaml-tab-indent = a tab indents this line
yaml-tab-indent-label = tab
yaml-tab-indent-hint = YAML indents with spaces only: replace the tab with two spaces (tabs often come with text pasted from Word or WPS)
# $detail: the YAML parser's own message, in English.
yaml-invalid = invalid YAML: { $detail }
yaml-not-boolean = only true or false can be written here
yaml-not-boolean-label = yes or no, written in English
yaml-not-boolean-hint = write true for yes and false for no (lower case, no quotes), as in `draft: true`
yaml-unknown-field = unknown field `{ $field }`
yaml-unknown-field-label = not a field of this file
yaml-missing-field = missing field `{ $field }`
yaml-missing-field-hint = add `{ $field }:` here; every entry of this kind needs it
yaml-wrong-shape = this needs { $expected }
yaml-wrong-shape-label = a list starts here (`[` or `- `), or a group of fields (`{"{"}`)
yaml-shape-value = one value (text, a number, true or false), not a list or a group of fields
yaml-shape-list = a list
yaml-shape-mapping = fields written `key: value`
yaml-invalid-type-hint = check the value's shape: a list is written `[a, b]` or as `- ` lines, a map as `key: value` lines; quote text that starts with a special character
yaml-invalid-hint = check indentation and quoting near this line; text containing `: ` or starting with `[`, `{"{"}`, `*` or `&` needs quotes
yaml-duplicate-key = `{ $key }` is given twice
yaml-duplicate-key-label = given again here
yaml-duplicate-key-first-hint = `{ $key }:` is first given on line { $line }; keep one of the two
yaml-duplicate-key-hint = keep one `{ $key }:` in this part of the file

## yaml/mistakes.rs

yaml-full-width-colon = `{ $key }` is followed by a full-width colon `：`
yaml-full-width-colon-label = full-width colon
yaml-full-width-colon-hint = type an ASCII colon and a space: `{ $key }: …` (switch the input method to English punctuation for YAML keys)
yaml-chinese-quote = `{ $mark }` is a Chinese quotation mark, which YAML does not read as a quote
yaml-chinese-quote-label = Chinese quotation mark
# $line: the editor's line with ASCII quotes in place of the Chinese ones.
yaml-chinese-quote-hint = quote the text with ASCII quotes: `{ $line }` (switch the input method to English punctuation to type them)
yaml-full-width-dash = this list item starts with `{ $dash }`, which YAML does not read as a list's hyphen
yaml-full-width-dash-label = not an ASCII hyphen
yaml-full-width-dash-hint = type an ASCII hyphen and a space (switch the input method to English punctuation): `- { $item }`
yaml-colon-in-value = the `: ` inside the value of `{ $key }` starts another field
yaml-colon-in-value-label = a colon and a space
yaml-colon-in-value-hint = put the whole value in quotes: `{ $line }`, or type the Chinese colon `：` in Chinese text
yaml-stray-indent = `{ $key }` is indented, but the line above opens nothing to nest it in
yaml-stray-indent-label = spaces at the start of the line
yaml-stray-indent-hint = start the line at its first column, like the fields around it: `{ $key }: …`
yaml-quote-closed-chinese = this quote is closed with a Chinese quotation mark `”`, which YAML does not read as its end
yaml-quote-closed-chinese-hint = type an ASCII `"` to end it: `{ $line }`
yaml-full-width-space = `{ $field }` is preceded by a full-width space `　`, which YAML reads as part of the field's name
yaml-full-width-space-label = a full-width space
yaml-full-width-space-hint = delete the space before `{ $field }`: a field starts at the first column, and indentation is typed with ASCII spaces
yaml-no-colon = `{ $key }` has no colon after it
yaml-no-colon-label = a field's name is followed by `: `
yaml-no-colon-hint = type a colon and a space after the name: `{ $key }: { $value }`
yaml-wrapped-line = this line is read as a new field, not as more of the text above
yaml-wrapped-line-label = starts at the first column
yaml-wrapped-line-hint = put the text on the line above, or begin the value with `>` and indent each of its lines by two spaces
yaml-reserved-start = the value of `{ $key }` starts with `{ $mark }`, which YAML reads as a sign, not as text
yaml-reserved-start-label = read as a sign
yaml-reserved-start-hint = put the value in quotes: `{ $line }`
yaml-stray-item = a list item here, but `{ $key }` above has its value already
yaml-stray-item-label = a list item
yaml-stray-item-hint = to give `{ $key }` a list, write it as `{ $key }: [{ $item }]`, or `{ $key }:` alone on its line with the items under it, each indented by two spaces
yaml-unclosed-bracket = this `{ $open }` is not closed on its line
yaml-unclosed-bracket-label = opens here
yaml-unclosed-bracket-hint = end it with `{ $close }` on the same line: `{ $line }`
yaml-unclosed-quote = this quote is not closed on its line
yaml-unclosed-quote-label = opens here
yaml-unclosed-quote-hint = end the text with `"` on the same line; a `"` inside the text is written `\"`
yaml-number-with-unit = `{ $value }` is not a number
yaml-number-with-unit-label = number expected
yaml-number-with-unit-hint = write the number alone, without 年, units or spaces: `{ $number }`

## config/mod.rs

# What config-label-missing says has no text in a language.
config-what-title = title
config-what-description = description
config-not-a-language = `{ $code }` is not a language of this site
config-label-missing = { $what } has no `{ $code }` text
config-label-missing-hint = add `{ $code }: …` so pages in that language have a label
config-default-language-unlisted = default language `{ $code }` is not listed under `languages`
config-language-code-invalid = language code `{ $code }` is not a lower-case ASCII code
config-language-code-invalid-hint = use a short code such as `zh` or `en`; it appears in file names and URLs
config-page-size-range = page_size { $size } is out of range
config-page-size-range-hint = use a number from 1 to 1000; 60 is the default
config-photo-widths = photo widths must be between 16 and 8192 pixels
config-photo-widths-hint = for example `widths: [480, 960, 1600]`
config-photo-quality = photo quality must be from 1 to 100
config-photo-quality-hint = 80 is a good balance of size and quality

## config/vocab.rs

# $vocab: the vocabulary's singular (method, challenge, kind, role, province, change).
vocab-unknown-key = unknown { $vocab } key `{ $key }`
# $vocabulary: the vocabulary's plural, as under `vocabularies:` (methods, provinces, …).
vocab-unknown-key-label = not declared under `vocabularies.{ $vocabulary }` in content/site.yaml
vocab-keys-joined-hint = separate keys with an ASCII comma and a space: `[{ $keys }]` (`，` and `、` are Chinese punctuation, which YAML reads as part of the text)
vocab-key-invalid = vocabulary key `{ $key }` is not a valid key
vocab-key-invalid-hint = keys are lower-case ASCII letters, digits and `-` (`co-decision`); they appear in URLs
# A vocabulary key, as config-label-missing names it.
vocab-what-term = `{ $key }`

## theme/mod.rs

theme-not-found = theme `{ $name }` not found
theme-not-found-label = no folder themes/ of this name
theme-not-found-hint = { $suggestion } (a theme is a folder under themes/; leave `theme:` out for the built-in one)

## theme/compile.rs

# $detail: the template engine's own message, in English.
theme-template-error = template error: { $detail }
theme-template-error-hint = fix the template; see the Tera 2 documentation for its syntax
theme-template-error-detail-hint = { $detail }
theme-template-not-utf8 = template is not valid UTF-8
theme-template-missing = theme `{ $theme }` has no template `{ $template }`
theme-template-missing-hint = copy it from the default theme
theme-strings-missing = theme `{ $theme }` has no UI strings for `{ $code }`
theme-strings-missing-hint = add i18n/<code>.yaml to the theme, translated from another language's file
theme-string-missing = UI string `{ $key }` is missing; the default language's text is shown
theme-string-missing-hint = add `{ $key }: …` translated from "{ $text }"

## photos.rs

photos-this-photo-label = this photo
photos-cannot-read = cannot read photo { $name }: { $detail }
photos-cannot-read-hint = put the photo in the case folder and write its file name exactly (names are case-sensitive)
photos-empty = photo { $name } is an empty file
photos-empty-hint = copy the photo again; the file has no data
photos-cache-write = cannot write the processed photo to the cache { $cache }: { $detail }
photos-cache-write-hint = check that the cache folder is writable, or set another with `photos: {"{"}cache: …{"}"}` in site.yaml
photos-cannot-resize = cannot resize photo { $name }: { $detail }
photos-save-again-hint = try saving the photo again as JPEG
photos-cannot-encode = cannot encode photo { $name } as JPEG: { $detail }
photos-cache-damaged = the photo cache entry for { $name } was damaged and has been removed
photos-cache-damaged-hint = build again
photos-unsupported = photo { $name } is not a JPEG, PNG or WebP image
photos-unsupported-hint = save the photo as JPEG (or PNG/WebP) and name it with that extension
photos-truncated = photo { $name } is truncated
photos-truncated-hint = the file was only partly copied: copy it again from the camera or phone
photos-unreadable = photo { $name } cannot be read: { $detail }
photos-unreadable-hint = the file may be damaged or only partly copied: copy it again
photos-too-large = photo { $name } is { $width }×{ $height } pixels ({ $megapixels } megapixels), more than the { $allowed } allowed
photos-too-large-hint = make the photo smaller before adding it (a few thousand pixels wide is plenty), or raise `photos: {"{"}max_megapixels: …{"}"}` in site.yaml
photos-limits-hint = make the photo smaller before adding it
photos-damaged = photo { $name } is damaged or truncated: { $detail }
photos-damaged-hint = the file may be only partly copied: copy it again from the camera or phone

config-synonyms-one-word = a group of synonyms needs at least two words
config-synonyms-one-word-hint = list the words that mean the same in one group, such as [rubbish, garbage, waste], or remove the group
