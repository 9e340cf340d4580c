//! The domain model: pure Rust, no browser types. Statuses, kinds, the derivation of a
//! badge from raw evidence, and the order of the timeline. Data flows API -> model -> view.

mod badge;
mod case;
mod email;
mod event;
mod history;
mod insight;
mod kind;
pub mod time;

pub use badge::Badge;
pub use case::{lowercase, uppercase};
pub use email::{Delivery, Email, Failure};
pub use event::{link_host, BounceType, Event, EventType};
pub use history::{sort_newest_first, BadgeChange, Entry, History, Page};
pub use insight::{badge_counts, delivery_alert, kinds_present, DeliveryAlert, Filter};
pub use kind::EmailKind;
pub use time::Timestamp;
