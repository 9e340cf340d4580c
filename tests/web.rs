//! Components in a real browser (headless Chromium via wasm-bindgen-test).
//! Each test mounts into an element of its own: rewriting `document.body` would wipe
//! the test runner's page.
#![cfg(target_arch = "wasm32")]

use contact_history::api::ApiError;
use contact_history::model::{
    Badge, BounceType, Email, EmailKind, Entry, Event, EventType, History, Page, Timestamp,
};
use contact_history::ui::badge::StatusBadge;
use contact_history::ui::entry::EmailEntry;
use contact_history::ui::help::HelpPanel;
use contact_history::ui::timeline::{Load, TimelineState, TimelineView};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element attached to the document, removed when dropped.
struct Host(HtmlElement);

impl Host {
    fn new() -> Host {
        let document = web_sys::window().unwrap().document().unwrap();
        let element: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&element).unwrap();
        Host(element)
    }
    fn find(&self, selector: &str) -> Element {
        self.0
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }
    fn count(&self, selector: &str) -> u32 {
        self.0.query_selector_all(selector).unwrap().length()
    }
    fn text(&self, selector: &str) -> String {
        self.find(selector).text_content().unwrap_or_default()
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.0.remove();
    }
}

fn mount<V: IntoView + 'static>(host: &Host, view: impl FnOnce() -> V + 'static) {
    leptos::mount::mount_to(host.0.clone(), view).forget();
}

fn email(id: &str, subject: Option<&str>, events: Vec<Event>) -> Email {
    Email {
        id: id.into(),
        kind: EmailKind::InterviewInvitation,
        recipient: "ada@example.com".into(),
        subject: subject.map(Into::into),
        sent_at: Timestamp::from_unix_seconds(1_796_047_500).unwrap(),
        status: None,
        events,
    }
}

fn dispatch(target: &web_sys::EventTarget, name: &str) {
    target
        .dispatch_event(&web_sys::Event::new(name).unwrap())
        .unwrap();
}

/// Lets reactive updates reach the DOM (Leptos applies them asynchronously).
async fn settle() {
    leptos::task::tick().await;
}

fn press_escape() {
    let init = KeyboardEventInit::new();
    init.set_key("Escape");
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn badge_shows_icon_hidden_from_assistive_tech_and_the_word() {
    let host = Host::new();
    let delivery = email("a", None, vec![Event::new(EventType::Delivered)]).delivery();
    mount(&host, move || view! { <StatusBadge delivery=delivery/> });
    let badge = host.find(".ch-badge");
    assert_eq!(
        badge.get_attribute("data-status").as_deref(),
        Some("delivered")
    );
    assert_eq!(
        host.find(".ch-badge__icon")
            .get_attribute("aria-hidden")
            .as_deref(),
        Some("true")
    );
    assert_eq!(host.text(".ch-badge__label"), "Delivered");
}

#[wasm_bindgen_test]
async fn tooltip_is_referenced_by_the_badge_and_opens_on_focus_and_closes_on_escape_and_blur() {
    let host = Host::new();
    let delivery = email("a", None, vec![Event::new(EventType::Bounce)]).delivery();
    mount(&host, move || view! { <StatusBadge delivery=delivery/> });
    let badge = host.find(".ch-badge");
    let tooltip = host.find("[role=tooltip]");
    assert_eq!(badge.get_attribute("aria-describedby"), Some(tooltip.id()));
    assert!(tooltip.has_attribute("hidden"), "closed at first");
    assert!(tooltip
        .text_content()
        .unwrap()
        .contains(contact_history::text::english().badge_description(Badge::Bounced)));

    dispatch(&badge, "focus");

    settle().await;
    assert!(!tooltip.has_attribute("hidden"), "focus opens it");
    press_escape();
    settle().await;
    assert!(tooltip.has_attribute("hidden"), "Escape closes it");

    dispatch(&badge, "focus");

    settle().await;
    assert!(!tooltip.has_attribute("hidden"));
    dispatch(&badge, "blur");
    settle().await;
    assert!(tooltip.has_attribute("hidden"), "blur closes it");
}

#[wasm_bindgen_test]
async fn tooltip_opens_on_hover_and_stays_while_hovered() {
    let host = Host::new();
    let delivery = email("a", None, vec![]).delivery();
    mount(&host, move || view! { <StatusBadge delivery=delivery/> });
    let wrap = host.find(".ch-badge-wrap");
    let tooltip = host.find("[role=tooltip]");
    dispatch(&wrap, "mouseenter");
    settle().await;
    assert!(!tooltip.has_attribute("hidden"));
    // Moving onto the tooltip stays inside the wrapper: no mouseleave, still open.
    dispatch(&tooltip, "mouseover");
    settle().await;
    assert!(!tooltip.has_attribute("hidden"));
    dispatch(&wrap, "mouseleave");
    settle().await;
    assert!(tooltip.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn machine_only_open_tooltip_and_entry_carry_the_privacy_proxy_note() {
    let host = Host::new();
    let open = Event {
        machine_open: true,
        ..Event::new(EventType::Open)
    };
    let entry = std::sync::Arc::new(Entry::from(email("m", Some("Hi"), vec![open])));
    mount(&host, move || view! { <ul><EmailEntry entry=entry/></ul> });
    assert_eq!(
        host.find(".ch-badge")
            .get_attribute("data-status")
            .as_deref(),
        Some("delivered")
    );
    assert!(host.text("[role=tooltip]").contains("privacy proxy"));
    assert!(host.text(".ch-entry__note").contains("not proof"));
}

#[wasm_bindgen_test]
async fn entry_renders_hostile_subject_and_recipient_as_text() {
    let host = Host::new();
    let hostile = "<img src=x onerror=alert(1)>";
    let mut e = email("x", Some(hostile), vec![]);
    e.recipient = "<b>bold</b>@example.com".into();
    let entry = std::sync::Arc::new(Entry::from(e));
    mount(&host, move || view! { <ul><EmailEntry entry=entry/></ul> });
    assert_eq!(host.text(".ch-subject"), hostile);
    assert_eq!(host.text(".ch-recipient"), "<b>bold</b>@example.com");
    assert_eq!(host.count("img"), 0);
    assert_eq!(host.count("b"), 0);
}

#[wasm_bindgen_test]
async fn entry_has_hooks_kind_time_and_no_subject_placeholder() {
    let host = Host::new();
    let mut e = email("em_42", None, vec![]);
    e.kind = EmailKind::Other("offer_letter".into());
    let entry = std::sync::Arc::new(Entry::from(e));
    mount(&host, move || view! { <ul><EmailEntry entry=entry/></ul> });
    assert_eq!(
        host.find("li").get_attribute("data-email-id").as_deref(),
        Some("em_42")
    );
    let kind = host.find("[data-kind]");
    assert_eq!(
        kind.get_attribute("data-kind").as_deref(),
        Some("offer_letter")
    );
    assert_eq!(kind.text_content().unwrap(), "Email");
    assert_eq!(host.text(".ch-subject"), "(no subject)");
    let time = host.find("time");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-11-30T14:05:00Z")
    );
    assert!(
        time.text_content().unwrap().contains("2026"),
        "local date shown"
    );
}

#[wasm_bindgen_test]
async fn bounced_entry_explains_reason_and_what_to_do() {
    let host = Host::new();
    let bounce = Event {
        reason: Some("550 5.1.1 user unknown".into()),
        bounce_type: Some(BounceType::Temporary),
        bounce_classification: Some("Reputation".into()),
        ..Event::new(EventType::Bounce)
    };
    let entry = std::sync::Arc::new(Entry::from(email("b", Some("Hi"), vec![bounce])));
    mount(&host, move || view! { <ul><EmailEntry entry=entry/></ul> });
    assert_eq!(
        host.text(".ch-failure__kind"),
        "Temporary block · Reputation"
    );
    assert_eq!(
        host.text(".ch-failure__diagnostic"),
        "550 5.1.1 user unknown"
    );
    assert!(host
        .text(".ch-failure__guidance")
        .contains("Try sending again later"));
}

fn timeline(host: &Host, state: TimelineState) -> (RwSignal<u32>, RwSignal<u32>) {
    let retries = RwSignal::new(0);
    let older = RwSignal::new(0);
    mount(host, move || {
        view! {
            <TimelineView
                state=Signal::stored(state)
                on_retry=Callback::new(move |_| retries.update(|n| *n += 1))
                on_load_older=Callback::new(move |_| older.update(|n| *n += 1))
            />
        }
    });
    (retries, older)
}

#[wasm_bindgen_test]
async fn timeline_lists_entries_newest_first_under_its_accessible_name() {
    let host = Host::new();
    let mut old = email("old", Some("Old"), vec![]);
    old.sent_at = Timestamp::from_unix_seconds(1).unwrap();
    let history = History::from_first_page(Page {
        emails: vec![old, email("new", Some("New"), vec![])],
        next_cursor: None,
        skipped: 0,
    });
    timeline(
        &host,
        TimelineState {
            history: Some(history),
            ..TimelineState::default()
        },
    );
    let list = host.find("ul.ch-list");
    assert_eq!(
        list.get_attribute("aria-label").as_deref(),
        Some("Contact history")
    );
    let items = host.0.query_selector_all("li.ch-entry").unwrap();
    let id = |i| {
        items
            .item(i)
            .unwrap()
            .unchecked_into::<Element>()
            .get_attribute("data-email-id")
            .unwrap()
    };
    assert_eq!((id(0), id(1)), ("new".to_owned(), "old".to_owned()));
    assert_eq!(host.count(".ch-load-older"), 0, "no cursor, no button");
}

#[wasm_bindgen_test]
async fn timeline_empty_state_says_no_emails_yet() {
    let host = Host::new();
    timeline(
        &host,
        TimelineState {
            history: Some(History::default()),
            ..TimelineState::default()
        },
    );
    assert_eq!(
        host.text(".ch-empty"),
        "No emails have been sent to this candidate yet"
    );
    assert!(host.find("ul.ch-list").has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn timeline_loading_state_is_announced() {
    let host = Host::new();
    timeline(&host, TimelineState::loading());
    assert_eq!(
        host.find(".ch-status--loading")
            .get_attribute("role")
            .as_deref(),
        Some("status")
    );
    assert_eq!(host.count(".ch-empty"), 0);
}

#[wasm_bindgen_test]
async fn timeline_error_shows_the_message_and_retry_calls_back() {
    let host = Host::new();
    let (retries, _) = timeline(
        &host,
        TimelineState {
            first: Load::Failed(ApiError::NotFound),
            ..TimelineState::default()
        },
    );
    assert_eq!(
        host.find(".ch-error").get_attribute("role").as_deref(),
        Some("alert")
    );
    assert!(host
        .text(".ch-error__message")
        .starts_with("Candidate not found"));
    host.find(".ch-retry")
        .unchecked_into::<HtmlElement>()
        .click();
    assert_eq!(retries.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn timeline_offers_older_emails_and_keeps_the_list_when_they_fail() {
    let host = Host::new();
    let history = History::from_first_page(Page {
        emails: vec![email("a", None, vec![])],
        next_cursor: Some("p2".into()),
        skipped: 1,
    });
    let (_, older) = timeline(
        &host,
        TimelineState {
            history: Some(history.clone()),
            ..TimelineState::default()
        },
    );
    host.find(".ch-load-older")
        .unchecked_into::<HtmlElement>()
        .click();
    assert_eq!(older.get_untracked(), 1);
    assert!(host
        .text(".ch-skipped")
        .contains("1 email could not be read"));

    let failed = Host::new();
    timeline(
        &failed,
        TimelineState {
            history: Some(history),
            older: Load::Failed(ApiError::Network),
            ..TimelineState::default()
        },
    );
    assert_eq!(failed.count("li.ch-entry"), 1);
    assert!(failed
        .text(".ch-older .ch-error")
        .contains("Older emails could not be loaded"));
}

#[wasm_bindgen_test]
async fn help_panel_is_closed_by_default_and_holds_the_faq() {
    let host = Host::new();
    mount(&host, || view! { <HelpPanel/> });
    let details: web_sys::HtmlDetailsElement = host.find("details.ch-help").unchecked_into();
    assert!(!details.open());
    let text = details.text_content().unwrap();
    assert!(text.contains("Why Delivered but not Opened?"));
    assert!(text.contains("Can I resend a bounced email?"));
    assert!(text.contains("Reduce bounces") && text.contains("Improve open rates"));
}

/// Waits up to `ms` milliseconds until `done()` (chunks render in tasks of their own).
async fn wait_until(ms: u32, mut done: impl FnMut() -> bool) {
    for _ in 0..ms / 10 {
        if done() {
            return;
        }
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_long_history_renders_a_window_in_chunks_and_more_on_show_more_and_near_the_end() {
    let host = Host::new();
    let emails = (0..500)
        .map(|i| {
            let mut e = email(&format!("e{i:03}"), Some("s"), vec![]);
            e.sent_at = Timestamp::from_unix_seconds(1_796_000_000 - i).unwrap();
            e
        })
        .collect();
    let history = History::from_first_page(Page {
        emails,
        next_cursor: None,
        skipped: 0,
    });
    timeline(
        &host,
        TimelineState {
            history: Some(history),
            ..TimelineState::default()
        },
    );
    settle().await;
    let first = host.count("li.ch-entry");
    assert!(
        first < 50,
        "the first task renders a chunk, not the whole window ({first})"
    );
    // The window: the newest 50, then the list is no longer busy and offers the rest.
    wait_until(2_000, || host.count("ul.ch-list[aria-busy=\"false\"]") == 1).await;
    assert_eq!(host.count("li.ch-entry"), 50);
    assert_eq!(
        host.text("button.ch-show-more"),
        "Show more (450 not shown yet)"
    );
    // "Show more" renders the next 50 below them.
    host.find("button.ch-show-more")
        .unchecked_into::<HtmlElement>()
        .click();
    wait_until(2_000, || host.count("li.ch-entry") == 100).await;
    assert_eq!(host.count("li.ch-entry"), 100);
    settle().await;
    assert_eq!(
        host.text("button.ch-show-more"),
        "Show more (400 not shown yet)"
    );
    // Scrolling to the end of the list renders more, until every entry is shown.
    wait_until(20_000, || {
        host.find(".ch-list-end").scroll_into_view();
        host.count("li.ch-entry") == 500
    })
    .await;
    assert_eq!(host.count("li.ch-entry"), 500);
    assert_eq!(host.count("button.ch-show-more"), 0);
    let ids: Vec<String> = (0..500)
        .map(|i| {
            host.0
                .query_selector_all("li.ch-entry")
                .unwrap()
                .item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("data-email-id")
                .unwrap_or_default()
        })
        .collect();
    let expected: Vec<String> = (0..500).map(|i| format!("e{i:03}")).collect();
    assert_eq!(ids, expected, "newest first, each once");
}

#[wasm_bindgen_test]
fn case_mapping_in_the_browser_is_the_standard_librarys() {
    use contact_history::model::{lowercase, uppercase};
    let samples = [
        "",
        "Ada@Example.COM",
        "ÄÖÜ Straße",
        "ΟΔΥΣΣΕΥΣ Σ",
        "İstanbul ǅ ﬁ",
        "MEET.BÜCHER.EXAMPLE",
        "Привет, Мир 3 Stunden",
        "émoji 🎉 Ⓐ",
    ];
    for text in samples {
        assert_eq!(lowercase(text), text.to_lowercase(), "{text:?}");
        assert_eq!(uppercase(text), text.to_uppercase(), "{text:?}");
    }
}
