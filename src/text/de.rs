//! Deutsch. Longer than English on purpose: it proves the layout takes a longer language.

use super::{Catalog, HelpTopic};

fn emails(n: usize) -> String {
    if n == 1 {
        "1 E-Mail".to_owned()
    } else {
        format!("{n} E-Mails")
    }
}

pub const CATALOG: Catalog = Catalog {
    widget_title: "Kontaktverlauf",
    list_label: "Kontaktverlauf",
    loading: "Kontaktverlauf wird geladen…",
    loading_older: "Ältere E-Mails werden geladen…",
    empty: "An diese Kandidatin bzw. diesen Kandidaten wurden noch keine E-Mails gesendet",
    retry: "Erneut versuchen",
    load_older: "Ältere E-Mails laden",
    show_more: |n| format!("Mehr anzeigen (noch {n} nicht angezeigt)"),
    retry_older: "Ältere E-Mails erneut laden",
    older_failed: "Ältere E-Mails konnten nicht geladen werden.",
    no_candidate: "Es wurde keine Kandidatin bzw. kein Kandidat angegeben, daher gibt es keinen Kontaktverlauf.",
    showing_count: emails,
    skipped_notice: |n| match n {
        1 => "1 E-Mail konnte nicht gelesen werden und wird nicht angezeigt.".to_owned(),
        n => format!("{n} E-Mails konnten nicht gelesen werden und werden nicht angezeigt."),
    },

    no_subject: "(kein Betreff)",
    to: "An",
    sent: "Gesendet",
    reason: "Grund",
    what_to_do: "Was tun",
    status_prefix: "Status",
    machine_open_note: "Automatisch von einem Datenschutz-Proxy geöffnet (etwa dem E-Mail-Datenschutz von Apple Mail). Das beweist nicht, dass ein Mensch sie gelesen hat.",
    action_update_email: "E-Mail-Adresse aktualisieren",
    action_resend: "Erneut senden",
    action_label: |action, kind, recipient| format!("{action}: {kind} an {recipient}"),

    badge_labels: ["Unbekannt", "Wird gesendet", "Verzögert", "Zugestellt", "Geöffnet", "Unzustellbar", "Verworfen"],
    badge_count_words: ["unbekannt", "werden gesendet", "verzögert", "zugestellt", "geöffnet", "unzustellbar", "verworfen"],
    badge_descriptions: [
        "Der Versanddienst hat einen Status gemeldet, den diese Seite nicht kennt. Sehen Sie später noch einmal nach.",
        "Die E-Mail wurde dem Versanddienst übergeben und ist unterwegs. Das dauert meist Sekunden bis wenige Minuten.",
        "Der Mailserver der Empfängerin bzw. des Empfängers hat die E-Mail noch nicht angenommen. Der Versanddienst versucht es bis zu 72 Stunden lang weiter.",
        "Der Mailserver der Empfängerin bzw. des Empfängers hat die E-Mail angenommen. Zugestellt, aber nicht geöffnet heißt nicht ungelesen: Viele E-Mail-Programme blockieren die Bilder, mit denen Öffnungen erkannt werden, und Datenschutz-Proxys können E-Mails automatisch öffnen.",
        "Die E-Mail wurde geöffnet oder ein Link darin angeklickt. Öffnungen werden über ein Bild erkannt: ein gutes Zeichen, aber keine Garantie, dass sie gelesen wurde.",
        "Der Mailserver der Empfängerin bzw. des Empfängers hat die E-Mail abgelehnt; sie hat das Postfach nie erreicht.",
        "Der Versanddienst hat die E-Mail nicht gesendet, meist weil diese Adresse schon einmal unzustellbar war, sich abgemeldet oder eine E-Mail als Spam gemeldet hat.",
    ],
    bounce_permanent: "Dauerhaft unzustellbar",
    bounce_temporary: "Vorübergehend blockiert",
    guidance_permanent: "Prüfen Sie die E-Mail-Adresse mit der Kandidatin bzw. dem Kandidaten oder aktualisieren Sie sie und senden Sie dann erneut. Nehmen Sie bis dahin auf anderem Weg Kontakt auf, etwa telefonisch.",
    guidance_temporary: "Das war eine vorübergehende Sperre: Die Adresse ist vielleicht in Ordnung. Senden Sie später erneut; wenn es wieder passiert, nehmen Sie auf anderem Weg Kontakt auf.",
    guidance_dropped: "Prüfen oder aktualisieren Sie die E-Mail-Adresse. Hat sich die Person abgemeldet oder Spam gemeldet, nehmen Sie auf anderem Weg Kontakt auf, etwa telefonisch.",

    kind_labels: [
        "Einladung zum Vorstellungsgespräch",
        "Rundschreiben",
        "Erinnerung an das Vorstellungsgespräch",
        "Bitte um Lebenslauf",
        "Erinnerung an die Frist",
        "E-Mail",
    ],

    refresh_failed: "Aktualisierung fehlgeschlagen, neuer Versuch läuft.",
    retrying: "Wird automatisch erneut versucht.",
    offline: "Sie sind offline. Der Verlauf wird aktualisiert, sobald Sie wieder online sind.",
    badge_change: |kind, recipient, badge| format!("{kind} an {recipient}: {badge}"),
    error_unauthorized: "Sie sind nicht angemeldet oder haben keinen Zugriff auf diese Kandidatin bzw. diesen Kandidaten. Melden Sie sich erneut an oder bitten Sie eine Administratorin bzw. einen Administrator um Zugriff.",
    error_not_found: "Kandidatin bzw. Kandidat nicht gefunden. Das Profil wurde vielleicht gelöscht oder mit einem anderen zusammengeführt.",
    error_server: "Beim Laden des Kontaktverlaufs ist auf dem Server ein Problem aufgetreten. Versuchen Sie es gleich noch einmal.",
    error_network: "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
    error_timeout: "Der Server hat zu lange nicht geantwortet. Versuchen Sie es gleich noch einmal.",
    error_unreadable: "Der Server hat eine Antwort gesendet, die nicht gelesen werden konnte. Versuchen Sie es erneut; wenn es wieder passiert, wenden Sie sich an den Support.",
    error_refused: "Der Server hat die Anfrage abgelehnt. Versuchen Sie es erneut; wenn es wieder passiert, wenden Sie sich an den Support.",
    error_rate_limited: |seconds| match seconds {
        Some(1) => "Gerade zu viele Anfragen. Versuchen Sie es in 1 Sekunde erneut.".to_owned(),
        Some(s) => format!("Gerade zu viele Anfragen. Versuchen Sie es in {s} Sekunden erneut."),
        None => "Gerade zu viele Anfragen. Versuchen Sie es gleich noch einmal.".to_owned(),
    },

    trail_show: |n| {
        if n == 1 {
            "Zustelldetails anzeigen (1 Ereignis)".to_owned()
        } else {
            format!("Zustelldetails anzeigen ({n} Ereignisse)")
        }
    },
    trail_hide: "Zustelldetails ausblenden",
    trail_label: "Zustellereignisse, älteste zuerst",
    event_processed: "Vom Versanddienst angenommen",
    event_deferred: "Verzögert: Der empfangende Server bat, es später erneut zu versuchen",
    event_delivered: "An den Mailserver der Empfängerin bzw. des Empfängers zugestellt",
    event_open: "Geöffnet",
    event_machine_open: "Automatisch geöffnet (Datenschutz-Proxy), nicht unbedingt von einem Menschen",
    event_click: "Link angeklickt",
    event_bounce_permanent: "Unzustellbar: Die Adresse wurde abgelehnt",
    event_bounce_temporary: "Vorübergehend blockiert: Der empfangende Server hat sie vorerst abgelehnt",
    event_dropped: "Verworfen: Der Versanddienst hat sie nicht gesendet",
    event_spamreport: "Von der Empfängerin bzw. dem Empfänger als Spam gemeldet",
    event_unsubscribe: "Die Empfängerin bzw. der Empfänger hat sich abgemeldet",
    event_group_unsubscribe: "Von dieser Art E-Mail abgemeldet",
    event_group_resubscribe: "Für diese Art E-Mail wieder angemeldet",
    event_other: |raw| format!("Anderes Ereignis: {raw}"),
    event_link: "Link zu",
    event_no_time: "Zeitpunkt nicht gemeldet",
    classification: "Einstufung",

    filters_label: "E-Mails filtern",
    summary_total: |n| format!("{}:", emails(n)),
    filter_kind: "Art der E-Mail",
    filter_kind_all: "Alle Arten",
    search_label: "Betreff und Empfänger durchsuchen",
    reset_filters: "Filter zurücksetzen",
    match_count: |shown, total| format!("{shown} von {} passen", emails(total)),
    no_match: "Keine E-Mails passen zu diesen Filtern.",

    alert_label: "Zustellproblem",
    alert_bounced: |recipient| format!("Die letzte E-Mail an {recipient} war unzustellbar. Die Kandidatin bzw. der Kandidat erhält Ihre E-Mails möglicherweise nicht."),
    alert_dropped: |recipient| format!("Die letzte E-Mail an {recipient} wurde nicht gesendet. Die Kandidatin bzw. der Kandidat erhält Ihre E-Mails möglicherweise nicht."),


    help_title: "Hilfe: E-Mail-Zustellung",
    help_faq: "Häufige Fragen",
    help_statuses: "Was die einzelnen Status bedeuten",
    help_bounces: "Was bei unzustellbaren und verworfenen E-Mails zu tun ist",
    help_tips: "Tipps für eine bessere Zustellung",
    faq: &[
        HelpTopic {
            question: "Warum zugestellt, aber nicht geöffnet?",
            answer: &[
                "Zugestellt heißt, dass der Mailserver der Kandidatin bzw. des Kandidaten die E-Mail angenommen hat. Öffnungen werden über ein winziges Bild erkannt, und viele E-Mail-Programme blockieren Bilder standardmäßig: Eine E-Mail kann also gelesen worden sein, ohne je als geöffnet zu erscheinen.",
                "Manche E-Mail-Programme öffnen außerdem jede E-Mail automatisch über einen Datenschutz-Proxy. Solche Öffnungen werden gekennzeichnet, weil sie nicht beweisen, dass ein Mensch sie gelesen hat.",
            ],
        },
        HelpTopic {
            question: "Kann ich eine unzustellbare E-Mail erneut senden?",
            answer: &[
                "Ja, sobald die Ursache behoben ist. Bei dauerhaft unzustellbaren E-Mails prüfen oder aktualisieren Sie zuerst die Adresse: Ein erneuter Versand an dieselbe falsche Adresse scheitert wieder und schadet der Zustellung Ihrer anderen E-Mails.",
                "Bei einer vorübergehenden Sperre (der Grund nennt oft ein Limit oder ein volles Postfach) ist die Adresse vielleicht in Ordnung: Versuchen Sie es später erneut.",
            ],
        },
        HelpTopic {
            question: "Was ist der Unterschied zwischen unzustellbar und verworfen?",
            answer: &[
                "Unzustellbar: Die E-Mail wurde gesendet, aber der Mailserver der Kandidatin bzw. des Kandidaten hat sie abgelehnt. Verworfen: Der Versanddienst hat sie gar nicht gesendet, meist weil die Adresse schon einmal unzustellbar war, sich abgemeldet oder Spam gemeldet hat.",
            ],
        },
        HelpTopic {
            question: "Warum wird eine E-Mail noch gesendet oder ist verzögert?",
            answer: &[
                "Das Senden dauert meist Sekunden. Verzögert heißt, dass der empfangende Server um einen späteren Versuch gebeten hat; der Versanddienst versucht es bis zu 72 Stunden lang, danach wechselt der Status zu zugestellt oder unzustellbar.",
            ],
        },
    ],
    bounce_advice: &[
        "Unzustellbar (dauerhaft): Prüfen Sie die Adresse auf Tippfehler, bestätigen Sie sie telefonisch oder auf anderem Weg und aktualisieren Sie sie vor dem erneuten Senden.",
        "Unzustellbar (vorübergehende Sperre): Der empfangende Server hat die E-Mail vorerst abgelehnt. Warten Sie einige Stunden und senden Sie erneut.",
        "Verworfen: Die Adresse steht wegen einer früheren Unzustellbarkeit, Abmeldung oder Spam-Meldung auf einer Sperrliste. Aktualisieren Sie die Adresse oder nehmen Sie auf anderem Weg Kontakt auf.",
    ],
    tips_reduce_bounces: "Weniger unzustellbare E-Mails",
    tips_reduce_bounces_list: &[
        "Bestätigen Sie die E-Mail-Adresse gleich beim ersten Gespräch.",
        "Korrigieren Sie offensichtliche Tippfehler (gmial.com, hotmial.com) vor dem Senden.",
        "Senden Sie nicht erneut an eine dauerhaft unzustellbare Adresse; aktualisieren Sie sie zuerst.",
    ],
    tips_open_rates: "Mehr geöffnete E-Mails",
    tips_open_rates_list: &[
        "Schreiben Sie einen klaren, konkreten Betreff, der die Stelle und den nächsten Schritt nennt.",
        "Senden Sie, wenn Kandidatinnen und Kandidaten E-Mails lesen: Werktagmorgens in ihrer Zeitzone funktioniert gut.",
        "Halten Sie Rundschreiben relevant und selten, damit Ihre E-Mails weiter geöffnet werden.",
    ],

    gallery_badges: "Status und ihre Hinweise",
    gallery_states: "Zustände",
    gallery_loading: "Laden",
    gallery_empty: "Leer",
    gallery_error: "Fehler",
    gallery_entries: "Einträge",
};
