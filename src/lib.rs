//! Contact History: the email-delivery timeline of one candidate.
//!
//! Layers, with data flowing one way (API -> model -> view):
//! - [`model`]: pure domain types, badge derivation and ordering (no browser types);
//! - [`api`]: the request, its errors and tolerant decoding of the JSON contract;
//! - [`text`]: every word a recruiter reads;
//! - [`ui`]: the Leptos components;
//! - [`embed`]: mounting into a host page.

pub mod api;
pub mod embed;
pub mod model;
pub mod text;
pub mod ui;
