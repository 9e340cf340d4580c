//! English.

use super::{Catalog, HelpTopic};

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

pub const CATALOG: Catalog = Catalog {
    widget_title: "Contact history",
    list_label: "Contact history",
    loading: "Loading contact history…",
    loading_older: "Loading older emails…",
    empty: "No emails have been sent to this candidate yet",
    retry: "Retry",
    load_older: "Load older emails",
    show_more: |n| format!("Show more ({n} not shown yet)"),
    retry_older: "Retry loading older emails",
    older_failed: "Older emails could not be loaded.",
    no_candidate: "No candidate was given, so there is no contact history to show.",
    showing_count: |n| plural(n, "email", "emails"),
    skipped_notice: |n| match n {
        1 => "1 email could not be read and is not shown.".to_owned(),
        n => format!("{n} emails could not be read and are not shown."),
    },

    no_subject: "(no subject)",
    to: "To",
    sent: "Sent",
    reason: "Reason",
    what_to_do: "What to do",
    status_prefix: "Status",
    machine_open_note: "Opened automatically by a mail privacy proxy (such as Apple Mail Privacy Protection). This is not proof that a person read it.",
    action_update_email: "Update email address",
    action_resend: "Send again",
    action_label: |action, kind, recipient| format!("{action}: {kind} to {recipient}"),

    badge_labels: ["Unknown", "Sending", "Delayed", "Delivered", "Opened", "Bounced", "Dropped"],
    badge_count_words: ["unknown", "sending", "delayed", "delivered", "opened", "bounced", "dropped"],
    badge_descriptions: [
        "The delivery service reported a status this page does not recognise. Check again later.",
        "The email has been handed to the delivery service and is on its way. This usually takes seconds to a few minutes.",
        "The recipient's mail server has not accepted the email yet. The delivery service keeps retrying, for up to 72 hours.",
        "The recipient's mail server accepted the email. Delivered but not Opened does not mean unread: many mail apps block the images used to detect opens, and privacy proxies can open mail automatically.",
        "The email was opened or a link in it was clicked. Opens are detected with an image, so they are a good sign but not a guarantee that it was read.",
        "The recipient's mail server rejected the email, so it never reached the inbox.",
        "The delivery service did not send the email, usually because this address bounced before, unsubscribed or marked an email as spam.",
    ],
    bounce_permanent: "Permanent bounce",
    bounce_temporary: "Temporary block",
    guidance_permanent: "Verify the email address with the candidate or update it, then send again. Until then, contact the candidate another way, such as by phone.",
    guidance_temporary: "This was a temporary block: the address may be fine. Try sending again later; if it keeps happening, contact the candidate another way.",
    guidance_dropped: "Verify or update the email address. If the candidate unsubscribed or reported spam, contact them another way, such as by phone.",

    kind_labels: [
        "Interview invitation",
        "Email blast",
        "Interview reminder",
        "Resume upload request",
        "Deadline reminder",
        "Email",
    ],

    refresh_failed: "Couldn't refresh, retrying.",
    retrying: "Retrying automatically.",
    offline: "You're offline. The history will refresh as soon as you're back online.",
    badge_change: |kind, recipient, badge| format!("{kind} to {recipient}: {badge}"),
    error_unauthorized: "You are not signed in, or you do not have access to this candidate. Sign in again or ask an administrator for access.",
    error_not_found: "Candidate not found. They may have been removed or merged with another profile.",
    error_server: "The server had a problem loading the contact history. Try again in a moment.",
    error_network: "Couldn't reach the server. Check your connection and try again.",
    error_timeout: "The server took too long to answer. Try again in a moment.",
    error_unreadable: "The server sent a response the widget could not read. Try again; if it keeps happening, contact support.",
    error_refused: "The server refused the request. Try again; if it keeps happening, contact support.",
    error_rate_limited: |seconds| match seconds {
        Some(1) => "Too many requests right now. Try again in 1 second.".to_owned(),
        Some(s) => format!("Too many requests right now. Try again in {s} seconds."),
        None => "Too many requests right now. Try again in a moment.".to_owned(),
    },

    trail_show: |n| format!("Show delivery details ({})", plural(n, "event", "events")),
    trail_hide: "Hide delivery details",
    trail_label: "Delivery events, oldest first",
    event_processed: "Accepted by the delivery service",
    event_deferred: "Delayed: the receiving server asked to try again later",
    event_delivered: "Delivered to the recipient's mail server",
    event_open: "Opened",
    event_machine_open: "Automatic open (privacy proxy), not necessarily a person",
    event_click: "Link clicked",
    event_bounce_permanent: "Bounced: the address was rejected",
    event_bounce_temporary: "Blocked for now: the receiving server refused it temporarily",
    event_dropped: "Dropped: the delivery service did not send it",
    event_spamreport: "Reported as spam by the recipient",
    event_unsubscribe: "The recipient unsubscribed",
    event_group_unsubscribe: "The recipient unsubscribed from this type of email",
    event_group_resubscribe: "The recipient subscribed again to this type of email",
    event_other: |raw| format!("Other event: {raw}"),
    event_link: "Link to",
    event_no_time: "Time not reported",
    classification: "Classification",

    filters_label: "Filter emails",
    summary_total: |n| format!("{}:", plural(n, "email", "emails")),
    filter_kind: "Type of email",
    filter_kind_all: "All types",
    search_label: "Search subject and recipient",
    reset_filters: "Reset filters",
    match_count: |shown, total| format!("{shown} of {} match", plural(total, "email", "emails")),
    no_match: "No emails match these filters.",

    alert_label: "Delivery problem",
    alert_bounced: |recipient| format!("The most recent email to {recipient} bounced. The candidate may not be getting your emails."),
    alert_dropped: |recipient| format!("The most recent email to {recipient} was not sent. The candidate may not be getting your emails."),


    help_title: "Help: email delivery",
    help_faq: "Frequently asked questions",
    help_statuses: "What each status means",
    help_bounces: "What to do about bounces and drops",
    help_tips: "Tips for better delivery",
    faq: &[
        HelpTopic {
            question: "Why Delivered but not Opened?",
            answer: &[
                "Delivered means the candidate's mail server accepted the email. Opens are detected with a tiny image, and many mail apps block images by default, so a candidate can read an email without it ever showing Opened.",
                "Some mail apps also open every email automatically through a privacy proxy. Those opens are marked, because they do not prove that a person read it.",
            ],
        },
        HelpTopic {
            question: "Can I resend a bounced email?",
            answer: &[
                "Yes, once the cause is fixed. For a permanent bounce, first verify the address with the candidate or update it: sending again to the same wrong address bounces again and harms delivery of your other emails.",
                "For a temporary block (the reason often mentions a rate limit or a full mailbox) the address may be fine: try again later.",
            ],
        },
        HelpTopic {
            question: "What is the difference between Bounced and Dropped?",
            answer: &[
                "Bounced: the email was sent, but the candidate's mail server rejected it. Dropped: the delivery service did not send it at all, usually because the address bounced before, unsubscribed or reported an email as spam.",
            ],
        },
        HelpTopic {
            question: "Why is an email still Sending or Delayed?",
            answer: &[
                "Sending usually lasts seconds. Delayed means the receiving server asked the delivery service to try later; it keeps retrying for up to 72 hours before giving up, and the status then changes to Delivered or Bounced.",
            ],
        },
    ],
    bounce_advice: &[
        "Bounced (permanent): check the address for typos, confirm it with the candidate by phone or another channel, and update it before sending again.",
        "Bounced (temporary block): the receiving server refused the email for now. Wait a few hours and send again.",
        "Dropped: the address is on a suppression list because of an earlier bounce, unsubscribe or spam report. Update the address, or reach the candidate another way.",
    ],
    tips_reduce_bounces: "Reduce bounces",
    tips_reduce_bounces_list: &[
        "Confirm the candidate's email address when you first speak with them.",
        "Fix obvious typos (gmial.com, hotmial.com) before sending.",
        "Do not resend to an address that bounced permanently; update it first.",
    ],
    tips_open_rates: "Improve open rates",
    tips_open_rates_list: &[
        "Write a clear, specific subject that names the role and the next step.",
        "Send when candidates read mail: weekday mornings in their time zone work well.",
        "Keep email blasts relevant and infrequent, so candidates keep opening your emails.",
    ],

    gallery_badges: "Badges and their tooltips",
    gallery_states: "States",
    gallery_loading: "Loading",
    gallery_empty: "Empty",
    gallery_error: "Error",
    gallery_entries: "Entries",
};
