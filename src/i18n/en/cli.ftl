# Diagnostics in general, and the command line.

verbatim = { $text }
diagnostic-in-file = in { $place }
downgraded = { $message } ({ $why })
diagnostics-summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
did-you-mean = did you mean `{ $best }`?
suggest-none-yet = there is nothing { $what } could name yet
suggest-one-of = { $what } must be one of: { $names }
suggest-one-of-many = { $what } must be one of { $count } names, such as { $names }

# What a "did you mean" chooses among.
what-field = a field
what-anchor = the anchor
what-case = the case
what-file-name = the file name
what-key = the key
what-language-code = the language code
what-language = the language
what-slug = the slug
what-practice = the practice
what-theme = the theme

in-draft = in a draft; fix it before the draft is published

# The command line.
cli-internal-error = internal error: { $message }
    This is a bug in casebook, not in your files; nothing was written. Please report it with the message above.
cli-no-browser = could not open a browser; open { $url } yourself
cli-io-error = error: { $detail }
cli-build-failed = build failed: { $out } left unchanged
cli-out-is-file = cannot build into { $out }: it is an existing file, which the build would replace. Give --out the name of a new folder, such as --out public
cli-out-holds-site = cannot build into { $out }: the site folder is inside it, and the build would replace your files with it. Give --out a new folder inside the site, such as --out public
cli-out-in-sources = cannot build into { $out }: it is inside content/ or themes/, where the built pages would mix with your files. Give --out a folder outside them, such as --out public
cli-out-not-a-site = cannot build into { $out }: it holds other files and is not a site casebook built, so the build would replace them. Give --out a new or empty folder, such as --out public
cli-photos = photos: { $processed } processed, { $cached } from the cache
cli-built = built { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    } into { $files } files ({ $mb } MB) in { $seconds } s → { $out }
cli-packed = packed { $files } files into { $zip } ({ $mb } MB): unzip it and open index.html
io-at = { $path }: { $detail }
io-not-found = it does not exist
io-permission-denied = permission denied: the system does not let casebook read or write it (is it open in another program, or in a folder you cannot write to?)
io-already-exists = it exists already
io-storage-full = the disk is full
io-read-only = the disk or folder is read-only
io-busy = another program is using it
io-is-a-directory = it is a folder, not a file
io-not-a-directory = part of the path is a file, not a folder
io-invalid-filename = the system does not allow this name
io-other = { $detail }
cli-cannot-write = error: cannot write { $path }: { $detail }
cli-no-problems = no problems
cli-watching = watching { $root } for changes (Ctrl-C to stop)
cli-new-exists = error: a { $kind ->
        [case] case
       *[course] course
    } called `{ $slug }` already exists: choose another slug, or edit its file
cli-new-translation-exists = error: { $path } already exists: edit it instead
cli-error = error: { $message }
cli-new-translation-needs-lang = say which language to translate into: `casebook new translation <slug> <language code>`
cli-new-nothing-to-translate = there is no case or course `{ $slug }` to translate: its content/cases/{ $slug }/index.md or content/courses/{ $slug }.md must exist first
cli-created = created { $path }
cli-needs-site = error: content/site.yaml must be valid first
cli-schema-written = wrote the JSON Schemas of cases, courses, pages and site settings into { $folder }
cli-schema-not-written = warning: cannot write the JSON Schemas for editors: { $detail } (run `casebook schema` later)
cli-serve-exposed = warning: serving on { $bind }: anyone who can reach this machine can see the preview, drafts included
cli-serving = serving on { $url } (Ctrl-C to stop)

# The preview.
serve-built = built { $files } files in { $seconds } s
serve-what-settings = the site settings or theme
serve-rebuilt = rebuilt after a change to { $what } in { $ms } ms
serve-rebuilt-with-errors = rebuilt after a change to { $what } in { $ms } ms with { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }; serving the last good site
serve-overlay-heading = casebook: the last change has { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } — showing the last good version underneath
serve-unshown-title = The { $kind } “{ $slug }” has no page yet
serve-unshown-why = { $count ->
        [one] The problem below, in its files, keeps the preview from making its page.
       *[other] The { $count } problems below, in its files, keep the preview from making its page.
    } Fix it and save: this page then shows it.
serve-port-in-use = port { $port } is already in use, perhaps by another preview: stop that one, or choose another port with `--port { $next }`
serve-internal-error = internal error: casebook failed while rebuilding after a change to { $what }: { $message }
    This is a bug in casebook, not in your files; please report it with the file named here. The preview keeps serving the last good site; save again to retry.

# The words before a diagnostic's lines.
level-error = error
level-warning = warning
level-note = note
level-help = help

# The files `casebook new` writes.
new-invalid-slug = `{ $slug }` is not a valid slug: use lower-case ASCII letters, digits and `-` (it becomes the page's address), for example `baishui-village`
new-not-a-translation = `{ $lang }` is not a translation language of this site; its translation languages are: { $codes }
new-empty-fields = A field left empty ("") counts as not written yet. Fill them in the preview, which updates on every save.
new-case-title = The case's name: the village or community.
new-case-summary = One paragraph: what the place did and what changed.
new-case-place = Place names; province is one of: { $keys }
new-case-kind = kind is one of: { $keys }
new-case-role = role is one of: { $keys }
new-case-since = Year the pilot started (optional).
new-case-updated = Date of the latest source or revision, YYYY-MM-DD.
new-case-challenges = Problems it solved, any of: { $keys }
new-case-changes = Changes it shows, any of: { $keys }
new-case-methods = What was done under each method it used; methods are: { $keys }
new-case-practices = The replicable practices, each filed under one method.
new-case-figures = Measured numbers (optional): {"{"}label, value{"}"} or {"{"}label, before, after, year_before, year_after{"}"}.
new-case-sources = Where the facts come from: each source's title and web address.
new-case-photos = Before/after photos: put the files in this folder, beside index.md, and name them here.
new-case-tags = Free tags.
new-draft = A draft shows in `casebook serve` and with `build --drafts` only; its problems are warnings. Delete this line to publish it.
new-case-heading-background = Background
new-case-background = What the place was like and which problems it faced.
new-case-heading-done = What was done
new-case-heading-results = Results
new-course-audience = Who the course is for, and how long it takes (optional).
new-course-sessions = The cases in teaching order: `case` is a case's folder name under content/cases/.
new-course-questions = Closing discussion questions.
new-course-notes = Notes for the trainer: how to use this pack.
new-translation = The { $name } version. Whatever is left out or left empty here is taken from the default-language file and shown with a "not yet translated" note.
new-translation-case = To translate methods, practices and figures, copy them from index.md and translate their text; give each practice a line `translates:` with its name in index.md.
new-translation-course = To translate sessions, copy them from the default-language file: the same cases in the same order.

# `casebook list` and the preview's dashboard.
list-draft = draft
list-failed = not built: fix its errors
list-published = published
list-state = { $state }, { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }{ $photos ->
        [0] {""}
        [one] , 1 photo without a description
       *[other] , { $photos } photos without a description
    }
list-translation-complete = { $lang }: translated
list-translation-missing = { $lang }: no file yet
list-translation-inherits = { $lang }: inherits { $fields }
dashboard-title = casebook: the library's state
dashboard-summary = { $documents } cases, courses and pages; { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } and { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } in all. Updated after every save.
dashboard-column-kind = Kind
dashboard-column-page = Page
dashboard-column-state = State
dashboard-column-translations = Translations

load-no-content = { $root } has no content/ folder: pass the site's folder (the one holding content/) with --root
load-cannot-read = cannot read { $path }: { $detail }
output-thread-panicked = a thread rendering pages stopped unexpectedly (a bug in casebook: please report it)
output-written-twice = { $path } is written twice (a bug in casebook: please report it)
output-outside = refusing to write outside the output folder: { $path }

# The command line's help (cmd/help.rs).
help-about = Build a searchable library of community pilot case studies
help-usage = Usage:
help-commands = Commands
help-arguments = Arguments
help-options = Options
help-help = Print help
help-version = Print version
usage-unknown-command = error: casebook has no command `{ $command }`
usage-unknown-option = error: `{ $option }` is not an option of this command
usage-did-you-mean = did you mean `{ $suggestion }`?
usage-missing = error: { $what } is missing: type it after the command, as in `{ $usage }`
usage-invalid-value = error: `{ $value }` is not something `{ $option }` takes; it takes one of: { $valid }
usage-bad-value = error: `{ $value }` is not something `{ $option }` takes
help-see = run `casebook --help` for how to use it (for example `casebook serve --help`)
help-build = Build the whole site into the output folder (all or nothing)
help-check = Run every stage and report problems, writing nothing
help-serve = Preview the site: build into memory, serve it, rebuild on save and reload the browser
help-list = List every case, course and page with its state: draft or published, translations, problems
help-new = Start a new case or course from a template (a draft), or a translation of one
help-schema = Write JSON Schemas of front matter and site.yaml into .casebook/schema/, for completion and errors while typing
help-lang = Language of messages: zh or en (default: from LC_ALL, LC_MESSAGES or LANG, else the site's default language)
help-root = The site folder, holding content/ (default: the current folder)
help-serve-port = Port to listen on (default 1111; 0 picks a free one)
help-serve-bind = Address to listen on (default 127.0.0.1); anything but a loopback address exposes the preview to the network
help-serve-drafts = Show drafts, marked (the preview's default; accepted for the same flag as `build`)
help-serve-no-drafts = Hide drafts, to see the site as `build` publishes it
help-serve-open = Open the preview in the default browser
help-poll = Poll for changes instead of relying on OS notifications (network and container folders)
help-build-out = Output folder (default: <root>/public)
help-build-drafts = Publish drafts too
help-strict = Treat warnings as errors: nothing left unfinished is published
help-build-base-url = Absolute URL the site is published at (canonical, feed and sitemap URLs)
help-build-zip = Also pack the built site into this zip, to unzip and open offline from file://
help-check-format = Output format: human (the default) or json
help-check-drafts = Check drafts too
help-check-watch = Keep watching and print fresh diagnostics after each save
help-list-drafts = Only drafts
help-list-untranslated = Only what is not yet (fully) translated into this language, such as `en`
help-new-what = What to create: case, course, or translation (of an existing case or course)
help-new-slug = Its slug: lower-case letters, digits and `-` (for a translation, the case's or course's slug)
help-new-into = For a translation: the language code to translate into, such as `en`
help-schema-out = Write them here instead of .casebook/schema/ in the site folder (where the files `new` writes point)
