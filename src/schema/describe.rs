//! What each field of front matter and site.yaml is for, in words for editors: the
//! descriptions a schema shows on hover and beside each completion. A field without one fails
//! `schema::tests`.

use super::Form;
use crate::i18n::Text;
use crate::t;

/// What a schema as a whole describes.
pub(super) fn title(form: Form) -> Text {
    match form {
        Form::Case => t!("schema-title-case"),
        Form::Course => t!("schema-title-course"),
        Form::Page => t!("schema-title-page"),
        Form::Site => t!("schema-title-site"),
    }
}

/// The description of `field` of the type named `def`.
pub(super) fn field(def: &str, field: &str) -> Option<Text> {
    match def {
        "CaseFront" => case(field),
        "PhotoFront" => photo(field),
        "PlaceFront" => place(field),
        "PracticeFront" => practice(field),
        "FigureFront" => figure(field),
        "SourceFront" => source(field),
        "DocFront" => page(field),
        "CourseFront" => course(field),
        "SessionFront" => session(field),
        "UncertainFront" => uncertain(field),
        "SiteFile" => site(field),
        "PhotosFile" => site_photos(field),
        "SearchFile" => site_search(field),
        "LanguageFile" => language(field),
        "VocabulariesFile" => vocabularies(field),
        _ => None,
    }
}

fn case(field: &str) -> Option<Text> {
    Some(match field {
        "title" => t!("schema-case-title"),
        "summary" => t!("schema-case-summary"),
        "place" => t!("schema-case-place"),
        "kind" => t!("schema-case-kind"),
        "role" => t!("schema-case-role"),
        "since" => t!("schema-case-since"),
        "updated" => t!("schema-case-updated"),
        "challenges" => t!("schema-case-challenges"),
        "changes" => t!("schema-case-changes"),
        "methods" => t!("schema-case-methods"),
        "practices" => t!("schema-case-practices"),
        "figures" => t!("schema-case-figures"),
        "sources" => t!("schema-case-sources"),
        "tags" => t!("schema-case-tags"),
        "photos" => t!("schema-case-photos"),
        "illustrative_photos" => t!("schema-case-illustrative-photos"),
        "uncertain" => t!("schema-uncertain"),
        "featured" => t!("schema-case-featured"),
        "draft" => t!("schema-case-draft"),
        _ => return None,
    })
}

fn photo(field: &str) -> Option<Text> {
    Some(match field {
        "before" => t!("schema-photo-before"),
        "after" => t!("schema-photo-after"),
        "caption" => t!("schema-photo-caption"),
        "alt_before" => t!("schema-photo-alt-before"),
        "alt_after" => t!("schema-photo-alt-after"),
        "year_before" => t!("schema-photo-year-before"),
        "year_after" => t!("schema-photo-year-after"),
        "credit" => t!("schema-photo-credit"),
        "illustrative" => t!("schema-photo-illustrative"),
        _ => return None,
    })
}

fn place(field: &str) -> Option<Text> {
    Some(match field {
        "village" => t!("schema-place-village"),
        "town" => t!("schema-place-town"),
        "county" => t!("schema-place-county"),
        "city" => t!("schema-place-city"),
        "province" => t!("schema-place-province"),
        _ => return None,
    })
}

fn practice(field: &str) -> Option<Text> {
    Some(match field {
        "name" => t!("schema-practice-name"),
        "method" => t!("schema-practice-method"),
        "translates" => t!("schema-practice-translates"),
        "summary" => t!("schema-practice-summary"),
        "steps" => t!("schema-practice-steps"),
        "conditions" => t!("schema-practice-conditions"),
        _ => return None,
    })
}

fn figure(field: &str) -> Option<Text> {
    Some(match field {
        "label" => t!("schema-figure-label"),
        "value" => t!("schema-figure-value"),
        "before" => t!("schema-figure-before"),
        "after" => t!("schema-figure-after"),
        "year_before" => t!("schema-figure-year-before"),
        "year_after" => t!("schema-figure-year-after"),
        _ => return None,
    })
}

fn source(field: &str) -> Option<Text> {
    Some(match field {
        "title" => t!("schema-source-title"),
        "url" => t!("schema-source-url"),
        _ => return None,
    })
}

fn page(field: &str) -> Option<Text> {
    Some(match field {
        "title" => t!("schema-page-title"),
        "summary" => t!("schema-page-summary"),
        "uncertain" => t!("schema-uncertain"),
        "draft" => t!("schema-page-draft"),
        _ => return None,
    })
}

fn course(field: &str) -> Option<Text> {
    Some(match field {
        "title" => t!("schema-course-title"),
        "summary" => t!("schema-course-summary"),
        "audience" => t!("schema-course-audience"),
        "duration" => t!("schema-course-duration"),
        "sessions" => t!("schema-course-sessions"),
        "questions" => t!("schema-course-questions"),
        "uncertain" => t!("schema-uncertain"),
        "draft" => t!("schema-course-draft"),
        _ => return None,
    })
}

fn session(field: &str) -> Option<Text> {
    Some(match field {
        "case" => t!("schema-session-case"),
        "focus" => t!("schema-session-focus"),
        "questions" => t!("schema-session-questions"),
        _ => return None,
    })
}

fn site(field: &str) -> Option<Text> {
    Some(match field {
        "title" => t!("schema-site-title"),
        "description" => t!("schema-site-description"),
        "base_url" => t!("schema-site-base-url"),
        "default_language" => t!("schema-site-default-language"),
        "languages" => t!("schema-site-languages"),
        "theme" => t!("schema-site-theme"),
        "allow_html" => t!("schema-site-allow-html"),
        "feed_limit" => t!("schema-site-feed-limit"),
        "page_size" => t!("schema-site-page-size"),
        "photos" => t!("schema-site-photos"),
        "search" => t!("schema-site-search"),
        "vocabularies" => t!("schema-site-vocabularies"),
        _ => return None,
    })
}

fn site_photos(field: &str) -> Option<Text> {
    Some(match field {
        "widths" => t!("schema-site-photos-widths"),
        "quality" => t!("schema-site-photos-quality"),
        "max_megapixels" => t!("schema-site-photos-max-megapixels"),
        "cache" => t!("schema-site-photos-cache"),
        _ => return None,
    })
}

fn site_search(field: &str) -> Option<Text> {
    Some(match field {
        "synonyms" => t!("schema-site-search-synonyms"),
        _ => return None,
    })
}

fn language(field: &str) -> Option<Text> {
    Some(match field {
        "name" => t!("schema-language-name"),
        "locale" => t!("schema-language-locale"),
        _ => return None,
    })
}

fn vocabularies(field: &str) -> Option<Text> {
    Some(match field {
        "methods" => t!("schema-vocabulary-methods"),
        "challenges" => t!("schema-vocabulary-challenges"),
        "kinds" => t!("schema-vocabulary-kinds"),
        "roles" => t!("schema-vocabulary-roles"),
        "provinces" => t!("schema-vocabulary-provinces"),
        "changes" => t!("schema-vocabulary-changes"),
        _ => return None,
    })
}

fn uncertain(field: &str) -> Option<Text> {
    Some(match field {
        "text" => t!("schema-uncertain-text"),
        "why" => t!("schema-uncertain-why"),
        _ => return None,
    })
}
