//! The states of a case and the variants a case can take (FB-4 … FB-8).

use chrono::NaiveDate;

crate::named_enum! {
    /// The states of a case (FB-4 … FB-8). Final states are *stopped* or ended.
    pub enum State {
        /// Notified by the site; not yet taken up by Helfo.
        Notified,
        /// Helfo is phoning the patient (FB-4).
        Contacting,
        /// FB-6 (b): the patient was not reached; Helfo starts anyway and sends a letter.
        NotReached,
        /// FB-4/FB-5: letter sent with a reply deadline.
        LetterSent,
        /// FB-6 (a): the patient wants an offer; Helfo needs the documentation.
        FindingOffer,
        /// FB-8: forwarded to another provider.
        Forwarded,
        /// FB-8: the patient accepted the offer and is treated via Helfo.
        Accepted,
        /// FB-8: the patient declined the offer (stopped).
        DeclinedOffer,
        /// FB-8: no offer was found (stopped).
        NoOfferFound,
        /// FB-6 (c): the patient does not want Helfo's help (stopped).
        Declined,
        /// FB-5: no reply to the letter in time; back to the original site.
        Returned,
        /// FB-8: the original site found an appointment itself (see [`Variant`]).
        SiteFoundAppointment,
    }
}

impl State {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Whether the case is still being worked.
    pub const fn is_open(self) -> bool {
        matches!(
            self,
            State::Notified
                | State::Contacting
                | State::NotReached
                | State::LetterSent
                | State::FindingOffer
                | State::Forwarded
        )
    }

    /// The name shown to people, in bokmål.
    pub const fn name_nb(self) -> &'static str {
        match self {
            State::Notified => "Varslet",
            State::Contacting => "Helfo kontakter pasienten",
            State::NotReached => "Pasienten ikke nådd",
            State::LetterSent => "Brev sendt til pasienten",
            State::FindingOffer => "Helfo skaffer tilbud",
            State::Forwarded => "Formidlet til annen behandler",
            State::Accepted => "Pasienten har takket ja",
            State::DeclinedOffer => "Pasienten takket nei til tilbudet",
            State::NoOfferFound => "Helfo fant ikke tilbud",
            State::Declined => "Pasienten ønsker ikke tilbud",
            State::Returned => "Tilbakeført til behandlingsstedet",
            State::SiteFoundAppointment => "Behandlingsstedet fant time",
        }
    }
}

crate::named_enum! {
    /// FB-8: the cases of "the original site found an appointment" (seed
    /// 000, step 5). The site reports; Helfo contacts the patient and then
    /// records the result ([`EventKind::StopForSiteAppointment`] or
    /// [`EventKind::ContinueDespiteAppointment`]).
    pub enum Variant {
        /// (1) Within the fristdato: no breach after all, so no legal basis
        /// for Helfo's offer; Helfo can only stop.
        WithinFrist,
        /// (2) Before Helfo found one: «Dersom Helfo vurderer at man ikke vil
        /// klare å fremskaffe et tidligere tilbud, kan Helfo avslutte
        /// arbeidet» — Helfo stops or goes on.
        BeforeHelfo,
        /// **Choice** (the seed names three cases): found after Helfo
        /// forwarded the patient but before the patient accepted; Helfo
        /// assesses as in (2).
        AfterForwarded,
        /// (3) After the patient accepted Helfo's offer: «Her må det vurderes
        /// om annet behandlingstilbud kan avbestilles uten kostnader» —
        /// cancelled at no cost (stopped) or not (Helfo's offer stands).
        AfterAccepted,
    }
}

impl Variant {
    /// Which variant applies to an appointment on `appointment` for a case
    /// with `fristdato`, reported while the case is in `state`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use frist_domain::fristbrudd::{State, Variant};
    /// let frist = NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 4, d).unwrap();
    /// assert_eq!(Variant::of(State::Contacting, frist, day(1)), Variant::WithinFrist);
    /// assert_eq!(Variant::of(State::FindingOffer, frist, day(2)), Variant::BeforeHelfo);
    /// assert_eq!(Variant::of(State::Forwarded, frist, day(2)), Variant::AfterForwarded);
    /// assert_eq!(Variant::of(State::Accepted, frist, day(1)), Variant::AfterAccepted);
    /// ```
    pub fn of(state: State, fristdato: NaiveDate, appointment: NaiveDate) -> Variant {
        if state == State::Accepted {
            Variant::AfterAccepted
        } else if appointment <= fristdato {
            Variant::WithinFrist
        } else if state == State::Forwarded {
            Variant::AfterForwarded
        } else {
            Variant::BeforeHelfo
        }
    }

    /// Whether Helfo may go on with the case (not in (1): without a
    /// breach there is no legal basis for Helfo's offer).
    pub const fn may_continue(self) -> bool {
        !matches!(self, Variant::WithinFrist)
    }

    /// The explanation shown to people, in bokmål.
    pub const fn name_nb(self) -> &'static str {
        match self {
            Variant::WithinFrist => {
                "Timen er innen fristdatoen – det er ikke fristbrudd, og Helfo avslutter saken."
            }
            Variant::BeforeHelfo => {
                "Timen er funnet før Helfo fant et tilbud – Helfo vurderer om et tidligere tilbud kan skaffes, ellers avsluttes saken."
            }
            Variant::AfterForwarded => {
                "Timen er funnet etter at Helfo formidlet pasienten, men før pasienten takket ja – Helfo vurderer om saken skal avsluttes."
            }
            Variant::AfterAccepted => {
                "Timen er funnet etter at pasienten takket ja til Helfos tilbud – Helfo vurderer om det tilbudet kan avbestilles kostnadsfritt."
            }
        }
    }
}
