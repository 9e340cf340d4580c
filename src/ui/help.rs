//! The help panel: FAQ, what each status means, what to do, tips. Native disclosure
//! widgets: closed by default, keyboard-operable and announced without extra ARIA.

use leptos::prelude::*;

use crate::model::Badge;
use crate::text::{self, HelpTopic};
use crate::ui::badge::BadgeChip;

#[component]
pub fn HelpPanel() -> impl IntoView {
    let topics = text::FAQ
        .iter()
        .map(|HelpTopic { question, answer }| {
            view! {
                <details class="ch-help__topic">
                    <summary>{*question}</summary>
                    {answer.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                </details>
            }
        })
        .collect_view();
    // Unknown is not a state a recruiter acts on; it is left out of the legend.
    let statuses = Badge::ALL
        .iter()
        .rev()
        .filter(|b| **b != Badge::Unknown)
        .map(|badge| {
            view! {
                <div class="ch-help__status">
                    <dt><BadgeChip badge=*badge/></dt>
                    <dd>{badge.description()}</dd>
                </div>
            }
        })
        .collect_view();
    let list = |items: &'static [&'static str]| {
        view! { <ul>{items.iter().map(|i| view! { <li>{*i}</li> }).collect_view()}</ul> }
    };

    view! {
        <details class="ch-help">
            <summary class="ch-help__summary">{text::HELP_TITLE}</summary>
            <div class="ch-help__body">
                <h3>{text::HELP_FAQ}</h3>
                {topics}
                <h3>{text::HELP_STATUSES}</h3>
                <dl class="ch-help__statuses">{statuses}</dl>
                <h3>{text::HELP_BOUNCES}</h3>
                {list(text::BOUNCE_ADVICE)}
                <h3>{text::HELP_TIPS}</h3>
                <h4>{text::TIPS_REDUCE_BOUNCES}</h4>
                {list(text::TIPS_REDUCE_BOUNCES_LIST)}
                <h4>{text::TIPS_OPEN_RATES}</h4>
                {list(text::TIPS_OPEN_RATES_LIST)}
            </div>
        </details>
    }
}
