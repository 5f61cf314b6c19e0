//! `casebook serve`: the preview, started and announced.

use super::*;

/// Arguments of `casebook serve`.
#[derive(clap::Args)]
pub struct Args {
    /// The site folder, holding content/.
    #[arg(long, default_value = ".")]
    pub root: PathBuf,
    /// Port to listen on (0 picks a free one).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on. Anything but a loopback address exposes the preview to the network.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Show drafts, marked (the preview's default; accepted for the same flag as `build`).
    #[arg(long, overrides_with = "no_drafts")]
    pub drafts: bool,
    /// Hide drafts, to see the site as `build` publishes it.
    #[arg(long)]
    pub no_drafts: bool,
    /// Open the preview in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Poll for changes instead of relying on OS notifications (network and container folders).
    #[arg(long)]
    pub poll: bool,
}

/// Runs the command.
pub fn run(args: Args, ui: &Ui) -> ExitCode {
    let Args {
        root,
        port,
        bind,
        drafts: _,
        no_drafts,
        open,
        poll,
    } = args;
    let locale = ui.locale(&root);
    if !bind.is_loopback() {
        say(locale, t!("cli-serve-exposed", bind = bind.to_string()));
    }
    // The first preview of a freshly copied site writes the schemas its files point at.
    // Problems of site.yaml are the preview's to show, on its page.
    if !root.join(casebook::schema::FOLDER).exists()
        && let Ok(sources) = casebook::load::load(&root)
        && let Some(config) = sources.site.as_ref().and_then(|s| {
            casebook::config::Config::parse(s, &mut casebook::diagnostics::Diagnostics::new())
        })
        && let Err(e) = super::schema::write_schemas(&sources, &config, locale, None)
    {
        say(locale, t!("cli-schema-not-written", detail = e.to_string()));
    }
    let opts = casebook::serve::ServeOptions {
        locale,
        root,
        bind,
        port,
        drafts: !no_drafts,
        poll,
    };
    let result = casebook::serve::serve(opts, ui.color, |addr| {
        let url = format!("http://{addr}/");
        say(locale, t!("cli-serving", url = url.as_str()));
        if open {
            open_browser(&url, locale);
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => io_error(&e, locale),
    }
}
