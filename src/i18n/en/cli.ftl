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
what-theme = the theme

in-draft = in a draft, which is not published

# The command line.
cli-internal-error = internal error: { $message }
    This is a bug in casebook, not in your files; nothing was written. Please report it with the message above.
cli-no-browser = could not open a browser; open { $url } yourself
cli-io-error = error: { $detail }
cli-build-failed = build failed: { $out } left unchanged
cli-photos = photos: { $processed } processed, { $cached } from the cache
cli-built = built { $cases ->
        [one] 1 case
       *[other] { $cases } cases
    } into { $files } files ({ $mb } MB) in { $seconds } s → { $out }
cli-packed = packed { $files } files into { $zip } ({ $mb } MB): unzip it and open index.html
cli-cannot-write = error: cannot write { $path }: { $detail }
cli-no-problems = no problems
cli-watching = watching { $root } for changes (Ctrl-C to stop)
cli-new-needs-site = error: content/site.yaml must be valid before new files can be made from it
cli-new-exists = error: a { $kind ->
        [case] case
       *[course] course
    } called `{ $slug }` already exists: choose another slug, or edit its file
cli-created = created { $path }
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
serve-internal-error = internal error: casebook failed while rebuilding after a change to { $what }: { $message }
    This is a bug in casebook, not in your files; please report it with the file named here. The preview keeps serving the last good site; save again to retry.

# The words before a diagnostic's lines.
level-error = error
level-warning = warning
level-note = note
level-help = help
