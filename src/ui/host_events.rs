//! Events the widget sends to its host page: `CustomEvent`s that bubble from the mount
//! element, so a host listens on the element it mounted into (or any ancestor).

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CustomEvent, CustomEventInit, Element};

/// A recruiter asked for something the host does (the widget cannot).
pub const ACTION_EVENT: &str = "contact-history:action";
/// A page of emails arrived and is shown.
pub const LOADED_EVENT: &str = "contact-history:loaded";

/// What a recruiter can ask the host to do about an email.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    UpdateEmail,
    Resend,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::UpdateEmail => "update-email",
            Action::Resend => "resend",
        }
    }
}

/// The host's mount element: the parent of the widget's `.ch-root`.
fn mount_element(inside: &Element) -> Option<Element> {
    inside.closest(".ch-root").ok().flatten()?.parent_element()
}

fn detail(fields: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in fields {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object
}

fn dispatch(inside: &Element, name: &str, detail: &Object) {
    let Some(target) = mount_element(inside) else {
        return;
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Sends `contact-history:action` with `{ action, candidateId, emailId, recipient }`.
pub fn send_action(
    from: &web_sys::EventTarget,
    action: Action,
    candidate_id: &str,
    email_id: &str,
    recipient: &str,
) {
    let Some(element) = from.dyn_ref::<Element>() else {
        return;
    };
    let fields = [
        ("action", action.as_str().into()),
        ("candidateId", candidate_id.into()),
        ("emailId", email_id.into()),
        ("recipient", recipient.into()),
    ];
    dispatch(element, ACTION_EVENT, &detail(&fields));
}

/// Sends `contact-history:loaded` with `{ candidateId, count }`.
pub fn send_loaded(root: &Element, candidate_id: &str, count: usize) {
    let fields = [
        ("candidateId", candidate_id.into()),
        ("count", JsValue::from_f64(count as f64)),
    ];
    dispatch(root, LOADED_EVENT, &detail(&fields));
}
