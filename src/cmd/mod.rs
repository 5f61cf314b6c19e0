//! One file per command of the command line; `main.rs` parses the arguments and dispatches.

pub mod build;
pub mod check;
pub mod help;
pub mod list;
pub mod new;
pub mod schema;
pub mod serve;

use super::*;
