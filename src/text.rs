//! Every word a recruiter reads, in one place, so wording is reviewed together and can
//! be translated later. Views and the model take their text from here; nothing else
//! holds user-facing strings.

use crate::model::{Badge, EmailKind, Failure};

pub const WIDGET_TITLE: &str = "Contact history";
/// The accessible name of the list of emails.
pub const LIST_LABEL: &str = "Contact history";
pub const LOADING: &str = "Loading contact history…";
pub const LOADING_OLDER: &str = "Loading older emails…";
pub const EMPTY: &str = "No emails have been sent to this candidate yet";
pub const RETRY: &str = "Retry";
pub const LOAD_OLDER: &str = "Load older emails";
pub const RETRY_OLDER: &str = "Retry loading older emails";
pub const NO_SUBJECT: &str = "(no subject)";
pub const TO: &str = "To";
pub const SENT: &str = "Sent";
pub const REASON: &str = "Reason";
pub const WHAT_TO_DO: &str = "What to do";
pub const STATUS_PREFIX: &str = "Status";
pub const MACHINE_OPEN_NOTE: &str = "Opened automatically by a mail privacy proxy (such as Apple Mail Privacy Protection). This is not proof that a person read it.";
pub const ACTION_UPDATE_EMAIL: &str = "Update email address";
pub const ACTION_RESEND: &str = "Send again";
pub const REFRESH_FAILED: &str = "Couldn't refresh, retrying.";
pub const RETRYING: &str = "Retrying automatically.";
pub const OFFLINE: &str = "You're offline. The history will refresh as soon as you're back online.";
pub const OLDER_FAILED: &str = "Older emails could not be loaded.";
pub const NO_CANDIDATE: &str = "No candidate was given, so there is no contact history to show.";

/// The accessible name of an action button: its visible words first, then which email.
pub fn action_label(action: &str, kind: &str, recipient: &str) -> String {
    format!("{action}: {kind} to {recipient}")
}

/// Read out once by screen readers when a live update changes a badge.
pub fn badge_change(kind: &str, recipient: &str, badge: &str) -> String {
    format!("{kind} to {recipient}: {badge}")
}

pub fn showing_count(count: usize) -> String {
    match count {
        1 => "1 email".to_owned(),
        n => format!("{n} emails"),
    }
}

pub fn skipped_notice(skipped: usize) -> String {
    match skipped {
        1 => "1 email could not be read and is not shown.".to_owned(),
        n => format!("{n} emails could not be read and are not shown."),
    }
}

pub fn badge_label(badge: Badge) -> &'static str {
    match badge {
        Badge::Unknown => "Unknown",
        Badge::Sending => "Sending",
        Badge::Delayed => "Delayed",
        Badge::Delivered => "Delivered",
        Badge::Opened => "Opened",
        Badge::Bounced => "Bounced",
        Badge::Dropped => "Dropped",
    }
}

pub fn badge_description(badge: Badge) -> &'static str {
    match badge {
        Badge::Unknown => "The delivery service reported a status this page does not recognise. Check again later.",
        Badge::Sending => "The email has been handed to the delivery service and is on its way. This usually takes seconds to a few minutes.",
        Badge::Delayed => "The recipient's mail server has not accepted the email yet. The delivery service keeps retrying, for up to 72 hours.",
        Badge::Delivered => "The recipient's mail server accepted the email. Delivered but not Opened does not mean unread: many mail apps block the images used to detect opens, and privacy proxies can open mail automatically.",
        Badge::Opened => "The email was opened or a link in it was clicked. Opens are detected with an image, so they are a good sign but not a guarantee that it was read.",
        Badge::Bounced => "The recipient's mail server rejected the email, so it never reached the inbox.",
        Badge::Dropped => "The delivery service did not send the email, usually because this address bounced before, unsubscribed or marked an email as spam.",
    }
}

/// What the recruiter should do about a failed email.
pub fn guidance(badge: Badge, failure: &Failure) -> &'static str {
    match badge {
        Badge::Bounced if failure.temporary => "This was a temporary block: the address may be fine. Try sending again later; if it keeps happening, contact the candidate another way.",
        Badge::Bounced => "Verify the email address with the candidate or update it, then send again. Until then, contact the candidate another way, such as by phone.",
        Badge::Dropped => "Verify or update the email address. If the candidate unsubscribed or reported spam, contact them another way, such as by phone.",
        _ => "",
    }
}

/// The word for how lasting a bounce was.
pub fn bounce_kind(failure: &Failure) -> &'static str {
    if failure.temporary {
        "Temporary block"
    } else {
        "Permanent bounce"
    }
}

pub fn kind_label(kind: &EmailKind) -> &'static str {
    match kind {
        EmailKind::InterviewInvitation => "Interview invitation",
        EmailKind::EmailBlast => "Email blast",
        EmailKind::InterviewReminder => "Interview reminder",
        EmailKind::ResumeReminder => "Resume upload request",
        EmailKind::DeadlineReminder => "Deadline reminder",
        EmailKind::Other(_) => "Email",
    }
}

// Errors: what happened and what to do, in the recruiter's words.
pub const ERROR_UNAUTHORIZED: &str =
    "You are not signed in, or you do not have access to this candidate. Sign in again or ask an administrator for access.";
pub const ERROR_NOT_FOUND: &str =
    "Candidate not found. They may have been removed or merged with another profile.";
pub const ERROR_SERVER: &str =
    "The server had a problem loading the contact history. Try again in a moment.";
pub const ERROR_NETWORK: &str = "Couldn't reach the server. Check your connection and try again.";
pub const ERROR_TIMEOUT: &str = "The server took too long to answer. Try again in a moment.";
pub const ERROR_UNREADABLE: &str = "The server sent a response the widget could not read. Try again; if it keeps happening, contact support.";
pub const ERROR_REFUSED: &str =
    "The server refused the request. Try again; if it keeps happening, contact support.";

pub fn error_rate_limited(retry_after_seconds: Option<u64>) -> String {
    match retry_after_seconds {
        Some(1) => "Too many requests right now. Try again in 1 second.".to_owned(),
        Some(s) => format!("Too many requests right now. Try again in {s} seconds."),
        None => "Too many requests right now. Try again in a moment.".to_owned(),
    }
}

/// A help topic: a question and its answer paragraphs.
pub struct HelpTopic {
    pub question: &'static str,
    pub answer: &'static [&'static str],
}

pub const HELP_TITLE: &str = "Help: email delivery";
pub const HELP_FAQ: &str = "Frequently asked questions";
pub const HELP_STATUSES: &str = "What each status means";
pub const HELP_TIPS: &str = "Tips for better delivery";
pub const HELP_BOUNCES: &str = "What to do about bounces and drops";

pub const FAQ: &[HelpTopic] = &[
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
];

pub const BOUNCE_ADVICE: &[&str] = &[
    "Bounced (permanent): check the address for typos, confirm it with the candidate by phone or another channel, and update it before sending again.",
    "Bounced (temporary block): the receiving server refused the email for now. Wait a few hours and send again.",
    "Dropped: the address is on a suppression list because of an earlier bounce, unsubscribe or spam report. Update the address, or reach the candidate another way.",
];

pub const TIPS_REDUCE_BOUNCES: &str = "Reduce bounces";
pub const TIPS_REDUCE_BOUNCES_LIST: &[&str] = &[
    "Confirm the candidate's email address when you first speak with them.",
    "Fix obvious typos (gmial.com, hotmial.com) before sending.",
    "Do not resend to an address that bounced permanently; update it first.",
];
pub const TIPS_OPEN_RATES: &str = "Improve open rates";
pub const TIPS_OPEN_RATES_LIST: &[&str] = &[
    "Write a clear, specific subject that names the role and the next step.",
    "Send when candidates read mail: weekday mornings in their time zone work well.",
    "Keep email blasts relevant and infrequent, so candidates keep opening your emails.",
];

// The designer gallery.
pub const GALLERY_BADGES: &str = "Badges and their tooltips";
pub const GALLERY_STATES: &str = "States";
pub const GALLERY_LOADING: &str = "Loading";
pub const GALLERY_EMPTY: &str = "Empty";
pub const GALLERY_ERROR: &str = "Error";
pub const GALLERY_ENTRIES: &str = "Entries";
pub const GALLERY_TIMELINE: &str =
    "A timeline with every badge, older emails to load, and one email that could not be read";
