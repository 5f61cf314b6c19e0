# Diagnostics in general, and the command line.

untranslated = { $text }
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
