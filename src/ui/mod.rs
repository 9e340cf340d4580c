//! The view: small components, each fed by the model. Nothing here decodes or derives.

pub mod alert;
pub mod badge;
pub mod entry;
pub mod filters;
pub mod format;
/// Designer-only: in debug builds (`trunk serve`) and with the `gallery` feature, never
/// in the release bundle hosts embed.
#[cfg(any(debug_assertions, feature = "gallery"))]
pub mod gallery;
pub mod help;
pub mod host_events;
pub mod timeline;
pub mod widget;

use std::sync::atomic::{AtomicU64, Ordering};

/// An id unique on the page, so several widgets can share one document.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The text of the widget's language (provided as a `Lang` context; English otherwise).
pub fn catalog() -> &'static crate::text::Catalog {
    leptos::prelude::use_context::<crate::text::Lang>()
        .unwrap_or_default()
        .catalog()
}
