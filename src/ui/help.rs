//! The help panel: FAQ, what each status means, what to do, tips. Native disclosure
//! widgets: closed by default, keyboard-operable and announced without extra ARIA.

use leptos::prelude::*;

use crate::model::Badge;
use crate::text::HelpTopic;
use crate::ui::badge::BadgeChip;
use crate::ui::catalog;

#[component]
pub fn HelpPanel() -> impl IntoView {
    let t = catalog();
    let topics = t
        .faq
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
                    <dd>{t.badge_description(*badge)}</dd>
                </div>
            }
        })
        .collect_view();
    let list = |items: &'static [&'static str]| {
        view! { <ul>{items.iter().map(|i| view! { <li>{*i}</li> }).collect_view()}</ul> }
    };

    view! {
        <details class="ch-help">
            <summary class="ch-help__summary">{t.help_title}</summary>
            <div class="ch-help__body">
                <h3>{t.help_faq}</h3>
                {topics}
                <h3>{t.help_statuses}</h3>
                <dl class="ch-help__statuses">{statuses}</dl>
                <h3>{t.help_bounces}</h3>
                {list(t.bounce_advice)}
                <h3>{t.help_tips}</h3>
                <h4>{t.tips_reduce_bounces}</h4>
                {list(t.tips_reduce_bounces_list)}
                <h4>{t.tips_open_rates}</h4>
                {list(t.tips_open_rates_list)}
            </div>
        </details>
    }
}
