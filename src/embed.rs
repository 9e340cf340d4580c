//! The embedding surface: finds the host's mount points and starts a widget in each.
//!
//! A mount point is `<div data-contact-history data-candidate-id="…" data-api-base="…">`
//! with optional `data-auth-token`, `data-page-size` and `data-api-fixtures` (read static
//! fixture files, as the designer preview does). The page's query parameters
//! `?candidate=<id>&api=<base>` override them (`api` also turns fixtures off), and
//! `?view=gallery` shows the designer gallery instead.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, UrlSearchParams};

use crate::api::{ApiConfig, DEFAULT_PAGE_SIZE};
use crate::text;
use crate::ui::gallery::Gallery;
use crate::ui::widget::ContactHistory;

/// What one mount point asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct MountOptions {
    pub candidate_id: String,
    pub api: ApiConfig,
    pub gallery: bool,
}

/// Reads a mount point's attributes, then the page's query parameters over them.
fn options_for(element: &HtmlElement, query: &UrlSearchParams) -> MountOptions {
    let attr = |name: &str| element.get_attribute(name).filter(|v| !v.trim().is_empty());
    let mut api = ApiConfig::new(attr("data-api-base").unwrap_or_default());
    api.token = attr("data-auth-token");
    api.fixtures = element.has_attribute("data-api-fixtures");
    api.page_size = attr("data-page-size")
        .and_then(|v| v.trim().parse().ok())
        .filter(|n| *n > 0)
        .or(Some(DEFAULT_PAGE_SIZE));
    let mut candidate_id = attr("data-candidate-id").unwrap_or_default();

    if let Some(candidate) = query.get("candidate").filter(|v| !v.is_empty()) {
        candidate_id = candidate;
    }
    if let Some(base) = query.get("api").filter(|v| !v.is_empty()) {
        api.base = base;
        api.fixtures = false;
    }
    MountOptions {
        candidate_id,
        api,
        gallery: query.get("view").as_deref() == Some("gallery"),
    }
}

/// Mounts a widget into `element` for good.
pub fn mount_into(element: HtmlElement, options: MountOptions) {
    let MountOptions {
        candidate_id,
        api,
        gallery,
    } = options;
    leptos::mount::mount_to(element, move || {
        if gallery {
            view! { <Gallery/> }.into_any()
        } else if candidate_id.is_empty() || api.base.is_empty() {
            view! {
                <section class="ch-root">
                    <p class="ch-status ch-error" role="alert">{text::NO_CANDIDATE}</p>
                </section>
            }
            .into_any()
        } else {
            view! { <ContactHistory candidate_id=candidate_id config=api/> }.into_any()
        }
    })
    .forget();
}

/// Mounts a widget into every `[data-contact-history]` element on the page.
pub fn mount_all() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let Ok(query) = UrlSearchParams::new_with_str(&search) else {
        return;
    };
    let Ok(nodes) = document.query_selector_all("[data-contact-history]") else {
        return;
    };
    for i in 0..nodes.length() {
        if let Some(element) = nodes.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) {
            let options = options_for(&element, &query);
            mount_into(element, options);
        }
    }
}
