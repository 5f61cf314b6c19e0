//! Small index types: a case by its place in the library, a term by its place in its
//! vocabulary. A bare `usize` could be either (or a page number); these cannot be mixed up.

use std::ops::Index;

use crate::config::Term;
use crate::model::Case;

/// Defines an index type over a list of `$item`, indexing `Vec<$item>` and `[$item]` only.
macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident => $item:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[serde(transparent)]
        pub struct $name(usize);

        impl $name {
            /// Its place in the list.
            pub const fn index(self) -> usize {
                self.0
            }

            /// The id of the item at place `i`.
            pub const fn at(i: usize) -> Self {
                $name(i)
            }

            /// The ids of a list of `len` items, in order.
            pub fn all(len: usize) -> impl DoubleEndedIterator<Item = $name> + ExactSizeIterator {
                (0..len).map($name)
            }
        }

        impl Index<$name> for [$item] {
            type Output = $item;
            fn index(&self, id: $name) -> &$item {
                &self[id.0]
            }
        }

        impl Index<$name> for Vec<$item> {
            type Output = $item;
            fn index(&self, id: $name) -> &$item {
                &self[id.0]
            }
        }
    };
}

index_type!(
    /// A case: its place in [`crate::model::Library::cases`], which is sorted by slug.
    CaseId => std::sync::Arc<Case>
);

index_type!(
    /// A term of a vocabulary: its place in [`crate::config::Vocabulary::terms`], the order
    /// site.yaml declares them in.
    TermId => Term
);
