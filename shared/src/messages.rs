//! The text of every [`IssueCode`] in bokmål, nynorsk and English, with its
//! parameters filled in. The UI shows these next to the field; the edge puts
//! the bokmål and English text into problem+json `detail`.
//!
//! A template names its parameters as `{name}`. Dates are written
//! `dd.mm.åååå`, numbers with a space between thousands.

use serde::{Deserialize, Serialize};

use crate::calendar::format_nb;
use crate::validation::{Issue, IssueCode, Param};

/// A language of the user interface.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, strum::EnumIter,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Norsk bokmål, the default.
    #[default]
    Nb,
    /// Norsk nynorsk.
    Nn,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag (`nb`, `nn`, `en`).
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    /// Parses a tag; `no` and `nb-NO` count as bokmål.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "no" => Some(Lang::Nb),
            "nn" => Some(Lang::Nn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The template of `code` in `lang`.
pub const fn template(code: IssueCode, lang: Lang) -> &'static str {
    use IssueCode as C;
    use Lang::*;
    match (code, lang) {
        (C::Required, Nb) => "Feltet må fylles ut.",
        (C::Required, Nn) => "Feltet må fyllast ut.",
        (C::Required, En) => "This field is required.",

        (C::TooLong, Nb) => "Teksten kan være høyst {max} tegn.",
        (C::TooLong, Nn) => "Teksten kan vere høgst {max} teikn.",
        (C::TooLong, En) => "The text can be at most {max} characters.",

        (C::DateInvalid, Nb) => "Dette er ikke en gyldig dato. Skriv datoen som dd.mm.åååå.",
        (C::DateInvalid, Nn) => "Dette er ikkje ein gyldig dato. Skriv datoen som dd.mm.åååå.",
        (C::DateInvalid, En) => "This is not a valid date. Write the date as dd.mm.yyyy.",

        (C::DateOutOfRange, Nb) => "Datoen må være mellom {min} og {max}.",
        (C::DateOutOfRange, Nn) => "Datoen må vere mellom {min} og {max}.",
        (C::DateOutOfRange, En) => "The date must be between {min} and {max}.",

        (C::IdNotDigits, Nb) => {
            "Nummeret kan bare inneholde sifre (mellomrom, punktum og bindestrek er lov)."
        }
        (C::IdNotDigits, Nn) => {
            "Nummeret kan berre innehalde siffer (mellomrom, punktum og bindestrek er lov)."
        }
        (C::IdNotDigits, En) => {
            "The number may contain only digits (spaces, dots and dashes are allowed)."
        }

        (C::IdWrongLength, Nb) => "Nummeret må ha {expected} sifre, men har {found}.",
        (C::IdWrongLength, Nn) => "Nummeret må ha {expected} siffer, men har {found}.",
        (C::IdWrongLength, En) => "The number must have {expected} digits, but has {found}.",

        (C::IdBadCheckDigit, Nb) => {
            "Kontrollsifferet stemmer ikke. Sjekk at nummeret er skrevet riktig."
        }
        (C::IdBadCheckDigit, Nn) => {
            "Kontrollsifferet stemmer ikkje. Sjekk at nummeret er skrive rett."
        }
        (C::IdBadCheckDigit, En) => {
            "The check digit does not match. Check that the number is typed correctly."
        }

        (C::IdNoSuchDate, Nb) => "De seks første sifrene er ikke en gyldig dato (ddmmåå).",
        (C::IdNoSuchDate, Nn) => "Dei seks første sifra er ikkje ein gyldig dato (ddmmåå).",
        (C::IdNoSuchDate, En) => "The first six digits are not a valid date (ddmmyy).",

        (C::IdUnknownCentury, Nb) => "Individnummeret passer ikke med fødselsåret. Sjekk nummeret.",
        (C::IdUnknownCentury, Nn) => {
            "Individnummeret passar ikkje med fødselsåret. Sjekk nummeret."
        }
        (C::IdUnknownCentury, En) => {
            "The individual number does not fit the year of birth. Check the number."
        }

        (C::IdBirthDateInFuture, Nb) => "Fødselsdatoen i nummeret er etter dagens dato.",
        (C::IdBirthDateInFuture, Nn) => "Fødselsdatoen i nummeret er etter dagens dato.",
        (C::IdBirthDateInFuture, En) => "The birth date in the number is after today.",

        (C::IdNewSeriesNotYetIssued, Nb) => {
            "Nummeret følger kontrollsifferregelen som gjelder fra 1. januar 2032, og kan ikke være tildelt ennå."
        }
        (C::IdNewSeriesNotYetIssued, Nn) => {
            "Nummeret følgjer kontrollsifferregelen som gjeld frå 1. januar 2032, og kan ikkje vere tildelt enno."
        }
        (C::IdNewSeriesNotYetIssued, En) => {
            "The number follows the check-digit rule in force from 1 January 2032 and cannot have been issued yet."
        }

        (C::IdSyntheticNotAllowed, Nb) => "Syntetiske testidentiteter kan ikke brukes her.",
        (C::IdSyntheticNotAllowed, Nn) => "Syntetiske testidentitetar kan ikkje brukast her.",
        (C::IdSyntheticNotAllowed, En) => "Synthetic test identities cannot be used here.",

        (C::IdAllZeros, Nb) => "Nummeret kan ikke bare være nuller.",
        (C::IdAllZeros, Nn) => "Nummeret kan ikkje berre vere nullar.",
        (C::IdAllZeros, En) => "The number cannot be all zeros.",

        (C::PhoneInvalid, Nb) => "Skriv et norsk telefonnummer med 8 sifre (gjerne med +47 foran).",
        (C::PhoneInvalid, Nn) => {
            "Skriv eit norsk telefonnummer med 8 siffer (gjerne med +47 framfor)."
        }
        (C::PhoneInvalid, En) => {
            "Enter a Norwegian phone number of 8 digits (optionally with +47)."
        }

        (C::EmailInvalid, Nb) => "Skriv en e-postadresse som navn@eksempel.no.",
        (C::EmailInvalid, Nn) => "Skriv ei e-postadresse som namn@eksempel.no.",
        (C::EmailInvalid, En) => "Enter an e-mail address such as name@example.no.",

        (C::NotOneOf, Nb) => "Velg en av disse verdiene: {allowed}.",
        (C::NotOneOf, Nn) => "Vel ein av desse verdiane: {allowed}.",
        (C::NotOneOf, En) => "Choose one of these values: {allowed}.",

        (C::NotFound, Nb) => "Vi finner ikke dette. Sjekk at du har valgt riktig.",
        (C::NotFound, Nn) => "Vi finn ikkje dette. Sjekk at du har valt rett.",
        (C::NotFound, En) => "We cannot find this. Check that you chose the right one.",

        (C::NumberOutOfRange, Nb) => "Tallet må være fra og med {min} til og med {max}.",
        (C::NumberOutOfRange, Nn) => "Talet må vere frå og med {min} til og med {max}.",
        (C::NumberOutOfRange, En) => "The number must be from {min} to {max} inclusive.",

        (C::InvalidJson, Nb) => {
            "Forespørselen er ikke gyldig JSON for denne tjenesten (linje {line}, kolonne {column})."
        }
        (C::InvalidJson, Nn) => {
            "Førespurnaden er ikkje gyldig JSON for denne tenesta (linje {line}, kolonne {column})."
        }
        (C::InvalidJson, En) => {
            "The request is not valid JSON for this service (line {line}, column {column})."
        }

        (C::CursorInvalid, Nb) => "Sidemarkøren er ugyldig. Start fra første side.",
        (C::CursorInvalid, Nn) => "Sidemarkøren er ugyldig. Start frå første side.",
        (C::CursorInvalid, En) => "The page cursor is not valid. Start from the first page.",

        (C::RoleNotForOrgKind, Nb) => {
            "Rollen «{role}» kan ikke gis i en organisasjon av typen «{kind}»."
        }
        (C::RoleNotForOrgKind, Nn) => {
            "Rolla «{role}» kan ikkje givast i ein organisasjon av typen «{kind}»."
        }
        (C::RoleNotForOrgKind, En) => {
            "The role “{role}” cannot be given in an organisation of kind “{kind}”."
        }

        (C::PasswordTooShort, Nb) => "Passordet må ha minst {min} tegn.",
        (C::PasswordTooShort, Nn) => "Passordet må ha minst {min} teikn.",
        (C::PasswordTooShort, En) => "The password must have at least {min} characters.",

        (C::PasswordIsEmail, Nb) => "Passordet kan ikke være det samme som e-postadressen.",
        (C::PasswordIsEmail, Nn) => "Passordet kan ikkje vere det same som e-postadressa.",
        (C::PasswordIsEmail, En) => "The password cannot be the same as the e-mail address.",

        (C::AlreadyExists, Nb) => "Dette er allerede registrert. Sjekk om det finnes fra før.",
        (C::AlreadyExists, Nn) => "Dette er alt registrert. Sjekk om det finst frå før.",
        (C::AlreadyExists, En) => "This is already registered. Check whether it exists already.",

        (C::CannotDeactivateSelf, Nb) => {
            "Du kan ikke deaktivere din egen bruker. Be en annen administrator om å gjøre det."
        }
        (C::CannotDeactivateSelf, Nn) => {
            "Du kan ikkje deaktivere din eigen brukar. Be ein annan administrator om å gjere det."
        }
        (C::DateInFuture, Nb) => "Datoen kan ikke være etter i dag ({today}).",
        (C::DateInFuture, Nn) => "Datoen kan ikkje vere etter i dag ({today}).",
        (C::DateInFuture, En) => "The date cannot be after today ({today}).",

        (C::DateBeforeReferral, Nb) => {
            "Datoen kan ikke være før henvisningen ble mottatt ({referral})."
        }
        (C::DateBeforeReferral, Nn) => {
            "Datoen kan ikkje vere før tilvisinga vart motteken ({referral})."
        }
        (C::DateBeforeReferral, En) => {
            "The date cannot be before the referral was received ({referral})."
        }

        (C::OccurredNeedsPastFrist, Nb) => {
            "Et inntruffet fristbrudd må ha fristdato før i dag ({today}). Velg «forventet» hvis fristen ikke er passert."
        }
        (C::OccurredNeedsPastFrist, Nn) => {
            "Eit fristbrot som har skjedd, må ha fristdato før i dag ({today}). Vel «forventa» om fristen ikkje er passert."
        }
        (C::OccurredNeedsPastFrist, En) => {
            "An occurred breach needs a deadline before today ({today}). Choose “expected” if the deadline has not passed."
        }

        (C::ExpectedNeedsFutureFrist, Nb) => {
            "Et forventet fristbrudd må ha fristdato i dag ({today}) eller senere. Velg «inntruffet» hvis fristen er passert."
        }
        (C::ExpectedNeedsFutureFrist, Nn) => {
            "Eit forventa fristbrot må ha fristdato i dag ({today}) eller seinare. Vel «har skjedd» om fristen er passert."
        }
        (C::ExpectedNeedsFutureFrist, En) => {
            "An expected breach needs a deadline today ({today}) or later. Choose “occurred” if the deadline has passed."
        }

        (C::UrgentNeedsReason, Nb) => {
            "Skriv den medisinske begrunnelsen for at pasienten bør prioriteres."
        }
        (C::UrgentNeedsReason, Nn) => {
            "Skriv den medisinske grunngivinga for at pasienten bør prioriterast."
        }
        (C::UrgentNeedsReason, En) => {
            "Give the medical reason why the patient should be prioritised."
        }

        (C::OpenCaseExists, Nb) => "Pasienten har allerede en åpen sak hos dere: {case_number}.",
        (C::OpenCaseExists, Nn) => "Pasienten har alt ei open sak hos dykk: {case_number}.",
        (C::OpenCaseExists, En) => "The patient already has an open case with you: {case_number}.",

        (C::TransitionNotAllowed, Nb) => {
            "«{event}» er ikke mulig når saken er «{state}». Mulig nå: {allowed}."
        }
        (C::TransitionNotAllowed, Nn) => {
            "«{event}» er ikkje mogleg når saka er «{state}». Mogleg no: {allowed}."
        }
        (C::TransitionNotAllowed, En) => {
            "“{event}” is not possible while the case is “{state}”. Possible now: {allowed}."
        }

        (C::LetterDateInvalid, Nb) => {
            "Brevdatoen må være fra {min}, da saken ble tatt, til og med i dag, {max}."
        }
        (C::LetterDateInvalid, Nn) => {
            "Brevdatoen må vere frå {min}, då saka vart teken, til og med i dag, {max}."
        }
        (C::LetterDateInvalid, En) => {
            "The letter date must be from {min}, when the case was taken up, up to and including today, {max}."
        }

        (C::NotReachedTooEarly, Nb) => {
            "«{event}» kan registreres når de tre dagene Helfo har til å nå pasienten er gått (saken er «{state}»; mulig nå: {allowed})."
        }
        (C::NotReachedTooEarly, Nn) => {
            "«{event}» kan registrerast når dei tre dagane Helfo har til å nå pasienten er gått (saka er «{state}»; mogleg no: {allowed})."
        }
        (C::NotReachedTooEarly, En) => {
            "“{event}” can be recorded once the three days Helfo has to reach the patient have passed (the case is “{state}”; possible now: {allowed})."
        }

        (C::AppointmentAwaitsHelfo, Nb) => {
            "Behandlingsstedet har meldt at det fant time: registrer først om Helfo avslutter eller fortsetter (saken er «{state}»; mulig nå: {allowed})."
        }
        (C::AppointmentAwaitsHelfo, Nn) => {
            "Behandlingsstaden har meldt at han fann time: registrer først om Helfo avsluttar eller held fram (saka er «{state}»; mogleg no: {allowed})."
        }
        (C::AppointmentAwaitsHelfo, En) => {
            "The site has reported that it found an appointment: first record whether Helfo stops or goes on (the case is “{state}”; possible now: {allowed})."
        }

        (C::AppointmentInPast, Nb) => {
            "Timen kan ikke være før i dag, {min}. Skriv datoen pasienten skal komme."
        }
        (C::AppointmentInPast, Nn) => {
            "Timen kan ikkje vere før i dag, {min}. Skriv datoen pasienten skal kome."
        }
        (C::AppointmentInPast, En) => {
            "The appointment cannot be before today, {min}. Enter the date the patient is to come."
        }

        (C::DocumentsMissing, Nb) => {
            "«{event}» krever dokumentasjon fra behandlingsstedet først (saken er «{state}»; mulig nå: {allowed})."
        }
        (C::DocumentsMissing, Nn) => {
            "«{event}» krev dokumentasjon frå behandlingsstaden først (saka er «{state}»; mogleg no: {allowed})."
        }
        (C::DocumentsMissing, En) => {
            "“{event}” needs the site's documentation first (the case is “{state}”; possible now: {allowed})."
        }

        (C::DocumentAlreadyUploaded, Nb) => {
            "Saken har allerede dokumentasjonen sin – all dokumentasjon skal ligge i én PDF (saken er «{state}»; {event} er ikke mulig; mulig nå: {allowed})."
        }
        (C::DocumentAlreadyUploaded, Nn) => {
            "Saka har alt dokumentasjonen sin – all dokumentasjon skal liggje i éin PDF (saka er «{state}»; {event} er ikkje mogleg; mogleg no: {allowed})."
        }
        (C::DocumentAlreadyUploaded, En) => {
            "The case already has its documentation – all of it must be in one PDF (the case is “{state}”; {event} is not possible; possible now: {allowed})."
        }

        (C::FileTooLarge, Nb) => "Filen er for stor. Største tillatte størrelse er {max_mb} MB.",
        (C::FileTooLarge, Nn) => "Fila er for stor. Største tillatne storleik er {max_mb} MB.",
        (C::FileTooLarge, En) => "The file is too large. The largest allowed size is {max_mb} MB.",

        (C::FileNotPdf, Nb) => {
            "Filen er ikke en PDF. Lagre dokumentasjonen som én PDF-fil og prøv igjen."
        }
        (C::FileNotPdf, Nn) => {
            "Fila er ikkje ein PDF. Lagre dokumentasjonen som éi PDF-fil og prøv igjen."
        }
        (C::FileNotPdf, En) => {
            "The file is not a PDF. Save the documentation as one PDF file and try again."
        }

        (C::SchemaOutdated, Nb) => {
            "Meldingen er laget med en gammel versjon av skjemaet (versjon {got}). Gjeldende versjon er {current}: last siden på nytt og fyll ut skjemaet igjen."
        }
        (C::SchemaOutdated, Nn) => {
            "Meldinga er laga med ein gammal versjon av skjemaet (versjon {got}). Gjeldande versjon er {current}: last sida på nytt og fyll ut skjemaet igjen."
        }
        (C::SchemaOutdated, En) => {
            "The message was made with an old version of the form (version {got}). The current version is {current}: reload the page and fill in the form again."
        }

        (C::NoticePeriodDiffers, Nb) => {
            "Med {months} måneders oppsigelsestid blir siste arbeidsdag {expected}. Sjekk at datoen er riktig."
        }
        (C::NoticePeriodDiffers, Nn) => {
            "Med {months} månaders oppseiingstid blir siste arbeidsdag {expected}. Sjekk at datoen er rett."
        }
        (C::NoticePeriodDiffers, En) => {
            "With {months} months' notice the last working day is {expected}. Check that the date is right."
        }

        (C::DateBeforeStart, Nb) => "Datoen kan ikke være før {start}.",
        (C::DateBeforeStart, Nn) => "Datoen kan ikkje vere før {start}.",
        (C::DateBeforeStart, En) => "The date cannot be before {start}.",

        (C::MovedExceedsListetak, Nb) => {
            "Flere innbyggere enn listetaket ({listetak}) kan ikke flyttes til listen."
        }
        (C::MovedExceedsListetak, Nn) => {
            "Fleire innbyggjarar enn listetaket ({listetak}) kan ikkje flyttast til lista."
        }
        (C::MovedExceedsListetak, En) => {
            "More citizens than the list cap ({listetak}) cannot be moved to the list."
        }

        (C::ListNumbersDoNotAddUp, Nb) => {
            "Tallene går ikke opp: listen har {current} innbyggere og nytt listetak er {new}, så {expected} innbyggere må flyttes."
        }
        (C::ListNumbersDoNotAddUp, Nn) => {
            "Tala går ikkje opp: lista har {current} innbyggjarar og nytt listetak er {new}, så {expected} innbyggjarar må flyttast."
        }
        (C::ListNumbersDoNotAddUp, En) => {
            "The numbers do not add up: the list has {current} citizens and the new cap is {new}, so {expected} citizens must move."
        }

        (C::NoMoveNeeded, Nb) => {
            "Ingen skal flyttes: listen har {current} innbyggere og nytt listetak er {new}."
        }
        (C::NoMoveNeeded, Nn) => {
            "Ingen skal flyttast: lista har {current} innbyggjarar og nytt listetak er {new}."
        }
        (C::NoMoveNeeded, En) => {
            "Nobody is to move: the list has {current} citizens and the new cap is {new}."
        }

        (C::ConfirmMoves, Nb) => {
            "Bekreft at {count} innbyggere skal flyttes til {to}. Registreringen kan ikke angres."
        }
        (C::ConfirmMoves, Nn) => {
            "Stadfest at {count} innbyggjarar skal flyttast til {to}. Registreringa kan ikkje angrast."
        }
        (C::ConfirmMoves, En) => {
            "Confirm that {count} citizens are to move to {to}. The registration cannot be undone."
        }

        (C::DirectSettlementMissing, Nb) => {
            "En selvstendig næringsdrivende lege må ha direkteoppgjørsavtale med Helfo før første pasient – ellers avvises refusjonskravene. Oppgi datoen for avtalen."
        }
        (C::DirectSettlementMissing, Nn) => {
            "Ein sjølvstendig næringsdrivande lege må ha direkteoppgjersavtale med Helfo før første pasient – elles blir refusjonskrava avviste. Oppgi datoen for avtalen."
        }
        (C::DirectSettlementMissing, En) => {
            "A self-employed doctor must have a direct settlement agreement with Helfo before the first patient, or the claims are rejected. Give the agreement's date."
        }

        (C::DirectSettlementAfterStart, Nb) => {
            "Direkteoppgjørsavtalen gjelder først etter oppstart {start}. Krav for pasienter før avtalen avvises – legen arbeider da gratis."
        }
        (C::DirectSettlementAfterStart, Nn) => {
            "Direkteoppgjersavtalen gjeld først etter oppstart {start}. Krav for pasientar før avtalen blir avviste – legen arbeider då gratis."
        }
        (C::DirectSettlementAfterStart, En) => {
            "The direct settlement agreement starts after the start date {start}. Claims for patients before it are rejected: the doctor works for free."
        }

        (C::NotVisibleMonthBefore, Nb) => {
            "For å bli synlig på Helsenorge en måned før oppstart måtte meldingen vært sendt senest {latest}. Send den nå likevel."
        }
        (C::NotVisibleMonthBefore, Nn) => {
            "For å bli synleg på Helsenorge ein månad før oppstart måtte meldinga vore send seinast {latest}. Send ho no likevel."
        }
        (C::NotVisibleMonthBefore, En) => {
            "To be visible on Helsenorge a month before the start, the message had to be sent by {latest}. Send it now all the same."
        }

        (C::SubstituteTooLong, Nb) => {
            "En lege uten fullført LIS1 og uten godkjenning kan være vikar i høyst ett år til sammen: senest til {max_end}."
        }
        (C::SubstituteTooLong, Nn) => {
            "Ein lege utan fullført LIS1 og utan godkjenning kan vere vikar i høgst eitt år til saman: seinast til {max_end}."
        }
        (C::SubstituteTooLong, En) => {
            "A doctor without completed LIS1 and without approval may substitute for at most one year in total: until {max_end} at the latest."
        }

        (C::AlreadyRegistered, Nb) => {
            "Meldingen er allerede registrert, og registreringen kan ikke angres."
        }
        (C::AlreadyRegistered, Nn) => {
            "Meldinga er alt registrert, og registreringa kan ikkje angrast."
        }
        (C::AlreadyRegistered, En) => {
            "The message is already registered, and the registration cannot be undone."
        }

        (C::AmountInvalid, Nb) => {
            "Beløpet må være et positivt kronebeløp med høyst to desimaler, for eksempel 171,00."
        }
        (C::AmountInvalid, Nn) => {
            "Beløpet må vere eit positivt kronebeløp med høgst to desimalar, til dømes 171,00."
        }
        (C::AmountInvalid, En) => {
            "The amount must be a positive amount in kroner with at most two decimals, such as 171.00."
        }

        (C::PayoutBeforeTransport, Nb) => {
            "Utbetalingsdatoen kan ikke være før transportdatoen {transport}."
        }
        (C::PayoutBeforeTransport, Nn) => {
            "Utbetalingsdatoen kan ikkje vere før transportdatoen {transport}."
        }
        (C::PayoutBeforeTransport, En) => {
            "The payout date cannot be before the transport date {transport}."
        }

        (C::TimeBarred, Nb) => {
            "Kravet er foreldet: fristen gikk ut {bar} (tre år etter utbetalingen)."
        }
        (C::TimeBarred, Nn) => {
            "Kravet er forelda: fristen gjekk ut {bar} (tre år etter utbetalinga)."
        }
        (C::TimeBarred, En) => {
            "The claim is time-barred: the limit was {bar} (three years after the payout)."
        }

        (C::AmountAboveReturnTrip, Nb) => {
            "Beløpet er høyere enn egenandelen for en tur-retur-reise det året ({max}). Sjekk beløpet."
        }
        (C::AmountAboveReturnTrip, Nn) => {
            "Beløpet er høgare enn eigendelen for ei tur-retur-reise det året ({max}). Sjekk beløpet."
        }
        (C::AmountAboveReturnTrip, En) => {
            "The amount is above the co-payment for a return trip that year ({max}). Check the amount."
        }

        (C::LateSubmission, Nb) => {
            "Kravet er sendt etter fristen {deadline} (seks måneder etter at helseforetaket ble kjent med det)."
        }
        (C::LateSubmission, Nn) => {
            "Kravet er sendt etter fristen {deadline} (seks månader etter at helseføretaket vart kjent med det)."
        }
        (C::LateSubmission, En) => {
            "The claim is sent after the deadline {deadline} (six months after the health trust learnt of it)."
        }

        (C::RaggedRow, Nb) => "Raden har {found} felt, men overskriftsraden har {expected}.",
        (C::RaggedRow, Nn) => "Rada har {found} felt, men overskriftsrada har {expected}.",
        (C::RaggedRow, En) => "The row has {found} fields, but the header has {expected}.",

        (C::NotUtf8, Nb) => "Raden er ikke gyldig tekst (UTF-8). Lagre filen som CSV UTF-8.",
        (C::NotUtf8, Nn) => "Rada er ikkje gyldig tekst (UTF-8). Lagre fila som CSV UTF-8.",
        (C::NotUtf8, En) => "The row is not valid text (UTF-8). Save the file as CSV UTF-8.",

        (C::DuplicateTrip, Nb) => "Samme reise står allerede på linje {first_line}.",
        (C::DuplicateTrip, Nn) => "Same reise står alt på linje {first_line}.",
        (C::DuplicateTrip, En) => "The same trip is already on line {first_line}.",

        (C::DuplicateEarlierClaim, Nb) => "Samme reise er allerede krevd i krav {claim}.",
        (C::DuplicateEarlierClaim, Nn) => "Same reise er alt kravd i krav {claim}.",
        (C::DuplicateEarlierClaim, En) => "The same trip is already claimed in claim {claim}.",

        (C::ReasonRequired, Nb) => {
            "Oppgi en begrunnelseskode når linjen ikke godkjennes. Mulige koder: {allowed}."
        }
        (C::ReasonRequired, Nn) => {
            "Oppgi ein grunngjevingskode når linja ikkje blir godkjend. Moglege kodar: {allowed}."
        }
        (C::ReasonRequired, En) => {
            "Give a reason code when the line is not approved. Possible codes: {allowed}."
        }

        (C::PaymentNotApproved, Nb) => {
            "Utbetalingen må være summen av godkjente linjer som ikke er betalt, {expected}."
        }
        (C::PaymentNotApproved, Nn) => {
            "Utbetalinga må vere summen av godkjende linjer som ikkje er betalte, {expected}."
        }
        (C::PaymentNotApproved, En) => {
            "The payment must be the sum of the approved lines not yet paid, {expected}."
        }

        (C::NothingToPay, Nb) => "Ingen godkjente linjer venter på utbetaling.",
        (C::NothingToPay, Nn) => "Ingen godkjende linjer ventar på utbetaling.",
        (C::NothingToPay, En) => "No approved line is waiting to be paid.",

        (C::PayoutAccountMissing, Nb) => {
            "Helseforetaket har ingen utbetalingskonto registrert. En administrator må registrere kontoen RHF har fastsatt."
        }
        (C::PayoutAccountMissing, Nn) => {
            "Helseføretaket har ingen utbetalingskonto registrert. Ein administrator må registrere kontoen RHF har fastsett."
        }
        (C::PayoutAccountMissing, En) => {
            "The health trust has no payout account on record. An administrator must record the account the regional health authority has set."
        }

        (C::AccountNotRegistered, Nb) => {
            "Dette er ikke kontoen RHF har fastsatt. Refusjonen skal til {expected}."
        }
        (C::AccountNotRegistered, Nn) => {
            "Dette er ikkje kontoen RHF har fastsett. Refusjonen skal til {expected}."
        }
        (C::AccountNotRegistered, En) => {
            "This is not the account the regional health authority has set. The refund goes to {expected}."
        }

        (C::LineAlreadyPaid, Nb) => "Linjen er utbetalt, og avgjørelsen kan ikke endres.",
        (C::LineAlreadyPaid, Nn) => "Linja er utbetalt, og avgjerda kan ikkje endrast.",
        (C::LineAlreadyPaid, En) => "The line has been paid, and its decision cannot be changed.",

        (C::ApprovedAboveClaimed, Nb) => {
            "Godkjent beløp kan ikke være høyere enn det som er krevd, {max}."
        }
        (C::ApprovedAboveClaimed, Nn) => {
            "Godkjent beløp kan ikkje vere høgare enn det som er kravd, {max}."
        }
        (C::ApprovedAboveClaimed, En) => {
            "The approved amount cannot be more than was claimed, {max}."
        }

        (C::NoteRequired, Nb) => "Skriv hva avviket bygger på – Helfo skal dokumentere grunnlaget.",
        (C::NoteRequired, Nn) => {
            "Skriv kva avviket byggjer på – Helfo skal dokumentere grunnlaget."
        }
        (C::NoteRequired, En) => {
            "Write what the deviation rests on – Helfo must document its basis."
        }

        (C::RepaymentNotOwed, Nb) => {
            "Helseforetaket skal ikke betale tilbake refusjon som skyldes uriktig informasjon fra Helfo."
        }
        (C::RepaymentNotOwed, Nn) => {
            "Helseføretaket skal ikkje betale tilbake refusjon som kjem av uriktig informasjon frå Helfo."
        }
        (C::RepaymentNotOwed, En) => {
            "The health trust does not repay a refund that results from wrong information from Helfo."
        }

        (C::LineInvalid, Nb) => "Linjen har feil og kan ikke godkjennes.",
        (C::LineInvalid, Nn) => "Linja har feil og kan ikkje godkjennast.",
        (C::LineInvalid, En) => "The line has errors and cannot be approved.",

        (C::TimeInvalid, Nb) => {
            "Dette er ikke et klokkeslett. Skriv det som tt:mm, for eksempel 09:30."
        }
        (C::TimeInvalid, Nn) => {
            "Dette er ikkje eit klokkeslett. Skriv det som tt:mm, til dømes 09:30."
        }
        (C::TimeInvalid, En) => "This is not a time of day. Write it as hh:mm, for example 09:30.",

        (C::TakstUnreadable, Nb) => {
            "«{takst}» kan ikke leses som takst. Skriv takstkoder skilt med mellomrom, og antall som 2cd*2."
        }
        (C::TakstUnreadable, Nn) => {
            "«{takst}» kan ikkje lesast som takst. Skriv takstkodar skilde med mellomrom, og tal som 2cd*2."
        }
        (C::TakstUnreadable, En) => {
            "«{takst}» cannot be read as a takst. Write takst codes separated by spaces, and counts as 2cd*2."
        }

        (C::TakstUnknown, Nb) => {
            "Takst {takst} står ikke i fristens takstliste for takståret {year}. Kontroller den mot Normaltariffen."
        }
        (C::TakstUnknown, Nn) => {
            "Takst {takst} står ikkje i takstlista til frist for takståret {year}. Kontroller han mot Normaltariffen."
        }
        (C::TakstUnknown, En) => {
            "Takst {takst} is not in frist's tariff list for the tariff year {year}. Check it against Normaltariffen."
        }

        (C::TariffYearMissing, Nb) => {
            "frist har ikke normaltariffen for takståret som begynner 1. juli {year}. Velg et annet takstår."
        }
        (C::TariffYearMissing, Nn) => {
            "frist har ikkje normaltariffen for takståret som byrjar 1. juli {year}. Vel eit anna takstår."
        }
        (C::TariffYearMissing, En) => {
            "frist does not have the tariff for the year starting 1 July {year}. Choose another tariff year."
        }

        (C::BillDuplicate, Nb) => {
            "Samme regning står allerede på linje {first_line} (samme lege, pasient, dato, tid og takster)."
        }
        (C::BillDuplicate, Nn) => {
            "Same rekning står alt på linje {first_line} (same lege, pasient, dato, tid og takstar)."
        }
        (C::BillDuplicate, En) => {
            "The same bill is already on line {first_line} (same doctor, patient, date, time and takster)."
        }

        (C::BillDiffersOnlyInAmount, Nb) => {
            "Regningen er lik den på linje {first_line}, bortsett fra beløpet. Sjekk om den er sendt to ganger."
        }
        (C::BillDiffersOnlyInAmount, Nn) => {
            "Rekninga er lik den på linje {first_line}, bortsett frå beløpet. Sjekk om ho er send to gonger."
        }
        (C::BillDiffersOnlyInAmount, En) => {
            "The bill equals the one on line {first_line} except for the amount. Check whether it was sent twice."
        }

        (C::TakstMustStandAlone, Nb) => {
            "Takst {takst} kan ikke kombineres med andre takster på samme regning."
        }
        (C::TakstMustStandAlone, Nn) => {
            "Takst {takst} kan ikkje kombinerast med andre takstar på same rekning."
        }
        (C::TakstMustStandAlone, En) => {
            "Takst {takst} cannot be combined with any other takst on the same bill."
        }

        (C::TakstInvalidCombination, Nb) => {
            "Takst {takst} kan ikke stå på samme regning som {other} (ugyldig takstkombinasjon)."
        }
        (C::TakstInvalidCombination, Nn) => {
            "Takst {takst} kan ikkje stå på same rekning som {other} (ugyldig takstkombinasjon)."
        }
        (C::TakstInvalidCombination, En) => {
            "Takst {takst} may not stand on the same bill as {other} (invalid combination)."
        }

        (C::TakstNotInWhitelist, Nb) => {
            "Takst {takst} kan bare kombineres med bestemte takster, og {other} er ikke blant dem."
        }
        (C::TakstNotInWhitelist, Nn) => {
            "Takst {takst} kan berre kombinerast med bestemte takstar, og {other} er ikkje blant dei."
        }
        (C::TakstNotInWhitelist, En) => {
            "Takst {takst} can only be combined with listed takster, and {other} is not one of them."
        }

        (C::TakstNeedsCompanion, Nb) => {
            "Takst {takst} er et tillegg og kan ikke stå alene: den må ha en hovedtakst på samme regning."
        }
        (C::TakstNeedsCompanion, Nn) => {
            "Takst {takst} er eit tillegg og kan ikkje stå åleine: han må ha ein hovudtakst på same rekning."
        }
        (C::TakstNeedsCompanion, En) => {
            "Takst {takst} is a supplement and cannot stand alone: it needs a main takst on the same bill."
        }

        (C::TakstRepeatedTooOften, Nb) => {
            "Takst {takst} står {count} ganger, men kan stå høyst {max} gang(er) på én regning."
        }
        (C::TakstRepeatedTooOften, Nn) => {
            "Takst {takst} står {count} gonger, men kan stå høgst {max} gong(er) på éi rekning."
        }
        (C::TakstRepeatedTooOften, En) => {
            "Takst {takst} appears {count} times but may appear at most {max} time(s) on one bill."
        }

        (C::TakstDayAndEvening, Nb) => {
            "Dag- og kveldstakst kan ikke stå sammen: {takst} og {other}. Velg den som passer klokkeslettet."
        }
        (C::TakstDayAndEvening, Nn) => {
            "Dag- og kveldstakst kan ikkje stå saman: {takst} og {other}. Vel den som passar klokkeslettet."
        }
        (C::TakstDayAndEvening, En) => {
            "A day and an evening takst cannot stand together: {takst} and {other}. Choose the one that fits the time."
        }

        (C::SubstituteOverlap, Nb) => {
            "Vikar og fastlege har regning samme dato og klokkeslett (se linje {other_line}, HPR {other_hpr}). Refusjonsretten ligger hos vikaren i vikarperioden."
        }
        (C::SubstituteOverlap, Nn) => {
            "Vikar og fastlege har rekning same dato og klokkeslett (sjå linje {other_line}, HPR {other_hpr}). Refusjonsretten ligg hos vikaren i vikarperioden."
        }
        (C::SubstituteOverlap, En) => {
            "The substitute and the GP bill the same date and time (see line {other_line}, HPR {other_hpr}). The refund right is the substitute's during the substitution."
        }

        (C::NoSettlementAgreement, Nb) => {
            "Behandlingen er før legens avtale om direkte oppgjør (fra {from}). Den gir ikke refusjon."
        }
        (C::NoSettlementAgreement, Nn) => {
            "Behandlinga er før legen si avtale om direkte oppgjer (frå {from}). Ho gir ikkje refusjon."
        }
        (C::NoSettlementAgreement, En) => {
            "The treatment is before the doctor's direct settlement agreement (from {from}). It gives no refund."
        }

        (C::BillTimeBarred, Nb) => {
            "Regningen er foreldet: den måtte være hos Helfo senest {bar} (seks måneder etter behandlingsmåneden)."
        }
        (C::BillTimeBarred, Nn) => {
            "Rekninga er forelda: ho måtte vere hos Helfo seinast {bar} (seks månader etter behandlingsmånaden)."
        }
        (C::BillTimeBarred, En) => {
            "The bill is time-barred: it had to reach Helfo by {bar} (six months after the month of treatment)."
        }

        (C::DoctorNotListed, Nb) => {
            "Legen står ikke i legelisten. Legg legen til for å få sjekket avtale og vikarforhold."
        }
        (C::DoctorNotListed, Nn) => {
            "Legen står ikkje i legelista. Legg legen til for å få sjekka avtale og vikartilhøve."
        }
        (C::DoctorNotListed, En) => {
            "The doctor is not on the practitioner list. Add them to have agreement and substitution checked."
        }

        (C::DoctorOfAnotherMunicipality, Nb) => {
            "Lege {hpr} er fastlege i en annen kommune i frist. En kommune sender bare tall for sine egne leger."
        }
        (C::DoctorOfAnotherMunicipality, Nn) => {
            "Lege {hpr} er fastlege i ein annan kommune i frist. Ein kommune sender berre tal for sine eigne legar."
        }
        (C::DoctorOfAnotherMunicipality, En) => {
            "Doctor {hpr} is a GP of another municipality in frist. A municipality sends figures for its own doctors only."
        }

        (C::NotANumberOfFrist, Nb) => {
            "Skriv et nummer fra frist: FB-åååå-nnnnnn (fristbrudd), FL-… (fastlege) eller FK-… (frikort)."
        }
        (C::NotANumberOfFrist, Nn) => {
            "Skriv eit nummer frå frist: FB-åååå-nnnnnn (fristbrot), FL-… (fastlege) eller FK-… (frikort)."
        }
        (C::NotANumberOfFrist, En) => {
            "Type a frist number: FB-yyyy-nnnnnn (breach), FL-… (GP message) or FK-… (frikort claim)."
        }

        (C::FileAlreadySent, Nb) => {
            "Denne filen er sendt før, som {claim} (mottatt {date}). Sendes den igjen, avvises hver linje som dobbel (FK-8). Bekreft at du vil sende den på nytt."
        }
        (C::FileAlreadySent, Nn) => {
            "Denne fila er send før, som {claim} (motteken {date}). Blir ho send igjen, blir kvar linje avvist som dobbel (FK-8). Stadfest at du vil sende henne på nytt."
        }
        (C::FileAlreadySent, En) => {
            "This file was sent before, as {claim} (received {date}). Sent again, every line is refused as a duplicate (FK-8). Confirm that you want to send it again."
        }

        (C::FingerprintInvalid, Nb) => {
            "Filens fingeravtrykk må være 32 heksadesimale sifre (0–9, a–f), slik frist lager det."
        }
        (C::FingerprintInvalid, Nn) => {
            "Fingeravtrykket til fila må vere 32 heksadesimale siffer (0–9, a–f), slik frist lagar det."
        }
        (C::FingerprintInvalid, En) => {
            "The file's fingerprint must be 32 hexadecimal digits (0–9, a–f), as frist makes it."
        }

        (C::CannotDeactivateSelf, En) => {
            "You cannot deactivate your own account. Ask another administrator to do it."
        }
    }
}

/// The message for `issue` in `lang`, parameters filled in.
///
/// ```
/// use frist_domain::ids::IdError;
/// use frist_domain::messages::{render, Lang};
/// use frist_domain::validation::Issue;
/// let issue = Issue::from_id_error("fnr", IdError::WrongLength { expected: 11, found: 10 });
/// assert_eq!(render(&issue, Lang::Nb), "Nummeret må ha 11 sifre, men har 10.");
/// assert_eq!(render(&issue, Lang::En), "The number must have 11 digits, but has 10.");
/// ```
pub fn render(issue: &Issue, lang: Lang) -> String {
    let tpl = template(issue.code, lang);
    let mut out = String::with_capacity(tpl.len() + 16);
    let mut rest = tpl;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let name = &after[..close];
        match issue.params.get(name) {
            Some(p) => out.push_str(&format_param(p)),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The parameter names a template uses, in order.
pub fn placeholders(tpl: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = tpl;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

fn format_param(p: &Param) -> String {
    match p {
        Param::Int(n) => format_int(*n),
        Param::Date(d) => format_nb(*d),
        Param::Text(t) => t.clone(),
    }
}

/// An integer with a no-break space between thousands: `1 234 567`.
pub fn format_int(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('−');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    out
}

/// An amount in øre as Norwegian kroner: `1 234,50 kr`.
pub fn format_kroner(ore: i64) -> String {
    let sign = if ore < 0 { "−" } else { "" };
    let abs = ore.unsigned_abs();
    let kr = format_int(i64::try_from(abs / 100).unwrap_or(i64::MAX));
    format!("{sign}{kr},{:02}\u{a0}kr", abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kroner_are_written_the_norwegian_way() {
        assert_eq!(format_kroner(123_450), "1\u{a0}234,50\u{a0}kr");
        assert_eq!(format_kroner(5), "0,05\u{a0}kr");
        assert_eq!(format_kroner(-17_100), "−171,00\u{a0}kr");
        assert_eq!(format_int(1_000_000), "1\u{a0}000\u{a0}000");
        assert_eq!(format_int(999), "999");
    }

    #[test]
    fn missing_params_stay_visible_rather_than_vanish() {
        let issue = Issue::error("x", IssueCode::TooLong);
        assert_eq!(
            render(&issue, Lang::En),
            "The text can be at most {max} characters."
        );
    }

    #[test]
    fn lang_tags() {
        assert_eq!(Lang::from_tag("nb-NO"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("no"), Some(Lang::Nb));
        assert_eq!(Lang::from_tag("nn"), Some(Lang::Nn));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("sv"), None);
    }
}
