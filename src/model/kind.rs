//! What sort of email it was.

/// The kind of an email, as the API names it. Unknown kinds are kept verbatim so the
/// `data-kind` hook still shows what the server said, and read as a generic "Email".
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum EmailKind {
    InterviewInvitation,
    EmailBlast,
    InterviewReminder,
    ResumeReminder,
    DeadlineReminder,
    Other(String),
}

impl EmailKind {
    /// Every kind the contract names.
    pub const KNOWN: [EmailKind; 5] = [
        EmailKind::InterviewInvitation,
        EmailKind::EmailBlast,
        EmailKind::InterviewReminder,
        EmailKind::ResumeReminder,
        EmailKind::DeadlineReminder,
    ];

    pub fn parse(raw: &str) -> EmailKind {
        match raw {
            "interview_invitation" => EmailKind::InterviewInvitation,
            "email_blast" => EmailKind::EmailBlast,
            "interview_reminder" => EmailKind::InterviewReminder,
            "resume_reminder" => EmailKind::ResumeReminder,
            "deadline_reminder" => EmailKind::DeadlineReminder,
            other => EmailKind::Other(other.to_owned()),
        }
    }

    /// The API's own string for this kind (the `data-kind` hook).
    pub fn as_str(&self) -> &str {
        match self {
            EmailKind::InterviewInvitation => "interview_invitation",
            EmailKind::EmailBlast => "email_blast",
            EmailKind::InterviewReminder => "interview_reminder",
            EmailKind::ResumeReminder => "resume_reminder",
            EmailKind::DeadlineReminder => "deadline_reminder",
            EmailKind::Other(raw) => raw,
        }
    }
}
