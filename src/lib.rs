//! casebook: a static site generator for libraries of community pilot case studies.
//!
//! The build is a sequence of stages (see [`pipeline`]): [`load`] reads `content/`,
//! [`content`] validates it into a [`model::Library`], [`render`] applies the theme's
//! templates, and [`output`] writes the site atomically. ARCHITECTURE.md has the map.

// Diagnostics are returned on the cold path only; boxing them would buy nothing measurable.
#![allow(clippy::result_large_err)]

pub mod bundle;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod fault;
pub mod frontmatter;
pub mod i18n;
pub mod id;
pub mod inventory;
pub mod load;
pub mod markdown;
pub mod minify;
pub mod model;
pub mod opendata;
pub mod output;
pub mod photos;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod search;
pub mod section;
pub mod serve;
pub mod theme;
pub mod uncertain;
pub mod urls;
pub mod views;
pub mod watch;
pub mod yaml;
