//! `casebook schema`: the JSON Schemas of front matter and site.yaml, written for editors'
//! tools (completion and errors while typing), from the site's own settings.

use super::*;

use casebook::config::Config;
use casebook::schema::{self, Site};

/// Arguments of `casebook schema`.
#[derive(clap::Args)]
pub struct Args {
    /// The site folder, holding content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Where to write them, instead of .casebook/schema/ in the site folder (the place the
    /// files `new` writes point at).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> ExitCode {
    let locale = ui.locale(&args.root);
    let (sources, config) = match site(&args.root, ui, locale) {
        Ok(s) => s,
        Err(code) => return code,
    };
    match write_schemas(&sources, &config, locale, args.out.as_deref()) {
        Ok(folder) => {
            let folder = folder.display().to_string();
            say(locale, t!("cli-schema-written", folder = folder));
            ExitCode::SUCCESS
        }
        Err(e) => io_error(&e, locale),
    }
}

/// The site's sources and settings, or the exit code after saying why there are none.
pub(super) fn site(
    root: &std::path::Path,
    ui: &Ui,
    locale: Locale,
) -> Result<(casebook::load::Sources, Config), ExitCode> {
    let mut diags = casebook::diagnostics::Diagnostics::new();
    let sources = casebook::load::load(root).map_err(|e| io_error(&e, locale))?;
    match sources
        .site
        .as_ref()
        .and_then(|s| Config::parse(s, &mut diags))
    {
        Some(config) => Ok((sources, config)),
        None => {
            eprintln!("{}", diags.render_human(ui.color, locale));
            say(locale, t!("cli-needs-site"));
            Err(ExitCode::from(1))
        }
    }
}

/// Writes the schemas of the site into its schema folder.
pub(super) fn write_schemas(
    sources: &casebook::load::Sources,
    config: &Config,
    locale: Locale,
    out: Option<&std::path::Path>,
) -> std::io::Result<PathBuf> {
    let cases = casebook::content::case_slugs(sources, config);
    let site = Site {
        config,
        cases: &cases,
        locale,
    };
    let folder = out.map_or_else(|| sources.root.join(schema::FOLDER), PathBuf::from);
    std::fs::create_dir_all(&folder)?;
    for (name, text) in schema::files(&site) {
        std::fs::write(folder.join(name), text)?;
    }
    Ok(folder)
}
