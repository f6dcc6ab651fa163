//! Form parts in Designsystemet's field pattern (label, description, input,
//! validation message) and the one error summary per form, whose links move
//! focus to the field. Errors show after the first submit attempt, then
//! update on every change.

use frist_domain::{Issue, Report};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{issue, t, tf};

/// Moves focus to the element with `id`.
pub fn focus_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The issues of `report` as (field id, message), field ids `prefix` + path.
pub fn errors_of(report: &Report, prefix: &str) -> Vec<(String, String)> {
    report
        .issues
        .iter()
        .filter(|i| i.severity == frist_domain::Severity::Error)
        .map(|i| (format!("{prefix}{}", i.path), issue(i)))
        .collect()
}

/// The label of the field `id` as the page shows it, so the error summary
/// can say which field a message is about.
fn label_of(id: &str) -> Option<String> {
    let label = document()
        .query_selector(&format!("label[for='{id}']"))
        .ok()??;
    label.text_content().map(|t| t.trim().to_owned())
}

/// The message for field `id` among `errors`, if any.
pub fn error_for(errors: &[(String, String)], id: &str) -> Option<String> {
    errors.iter().find(|(f, _)| f == id).map(|(_, m)| m.clone())
}

/// A field's `aria-describedby`: its description and its error, when shown.
fn described_by(id: &str, description: bool, error: bool) -> Option<String> {
    let ids: Vec<String> = [(description, "description"), (error, "error")]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, part)| format!("{id}-{part}"))
        .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A text input in the field pattern.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] description: Option<&'static str>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
) -> impl IntoView {
    let described = move || described_by(id, description.is_some(), error.get().is_some());
    view! {
        <div class="ds-field">
            <label class="ds-label" for=id>{label}</label>
            {description.map(|d| view! { <div class="ds-paragraph frist-description" data-size="sm" id=format!("{id}-description")>{d}</div> })}
            <input
                class="ds-input"
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {move || error.get().map(|e| view! {
                <div class="ds-validation-message" data-color="danger" id=format!("{id}-error")>{e}</div>
            })}
        </div>
    }
}

/// A select in the field pattern; `options` are (value, text).
/// A checkbox with its label beside it (Designsystemet's checkbox field).
#[component]
pub fn CheckboxField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <div class="ds-field frist-check">
            <input class="ds-input" type="checkbox" id=id
                prop:checked=move || value.get()
                on:change=move |ev| value.set(event_target_checked(&ev))/>
            <label class="ds-label" for=id data-weight="regular">{label}</label>
        </div>
    }
}

#[component]
pub fn SelectField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] description: Option<&'static str>,
) -> impl IntoView {
    let described = move || described_by(id, description.is_some(), error.get().is_some());
    view! {
        <div class="ds-field">
            <label class="ds-label" for=id>{label}</label>
            {description.map(|d| view! { <div class="ds-paragraph frist-description" data-size="sm" id=format!("{id}-description")>{d}</div> })}
            <select
                class="ds-input"
                id=id
                name=id
                aria-invalid=move || error.get().map(|_| "true")
                aria-describedby=described
                prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))
            >
                <option value="">{t("form.choose")}</option>
                {move || options.get().into_iter().map(|(v, t)| {
                    let selected = v == value.get_untracked();
                    view! { <option value=v selected=selected>{t}</option> }
                }).collect_view()}
            </select>
            {move || error.get().map(|e| view! {
                <div class="ds-validation-message" data-color="danger" id=format!("{id}-error")>{e}</div>
            })}
        </div>
    }
}

/// `errors` in the order their fields stand on the page (the domain checks
/// in its own order; the summary reads like the form). Errors of fields not
/// on the page keep their order, after the rest.
fn in_page_order(errors: Vec<(String, String)>) -> Vec<(String, String)> {
    use std::cmp::Ordering;
    let doc = document();
    let at: Vec<Option<web_sys::Element>> = errors
        .iter()
        .map(|(id, _)| doc.get_element_by_id(id))
        .collect();
    let mut order: Vec<usize> = (0..errors.len()).collect();
    order.sort_by(|&a, &b| match (&at[a], &at[b]) {
        (Some(x), Some(y)) if x != y => {
            let y_follows =
                x.compare_document_position(y) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING;
            if y_follows != 0 {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        _ => Ordering::Equal,
    });
    order.into_iter().map(|i| errors[i].clone()).collect()
}

/// The form's error summary; focus it after a failed submit.
#[component]
pub fn ErrorSummary(
    #[prop(into)] errors: Signal<Vec<(String, String)>>,
    node_ref: NodeRef<html::Div>,
) -> impl IntoView {
    view! {
        <div
            node_ref=node_ref
            tabindex="-1"
            class="ds-error-summary"
            data-testid="error-summary"
            aria-live="assertive"
            hidden=move || errors.get().is_empty()
        >
            <h2 class="ds-heading" data-size="xs">{t("form.summary_heading")}</h2>
            <ul class="ds-list">
                {move || in_page_order(errors.get()).into_iter().map(|(id, msg)| {
                    let target = id.clone();
                    let msg = match label_of(&id) {
                        Some(label) => format!("{label}: {msg}"),
                        None => msg,
                    };
                    view! {
                        <li>
                            <a class="ds-link" href=format!("#{id}") on:click=move |ev| {
                                ev.prevent_default();
                                focus_id(&target);
                            }>{msg}</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The parts of a form checked by the domain on every change: its errors
/// (shown once `tried` — after the first attempt to send — then following
/// every change: the Aksel timing), each field's message (field ids are
/// `prefix` + the issue's path), and the summary to focus.
#[allow(clippy::type_complexity)]
pub fn checked_fields(
    check: Memo<Option<frist_domain::Report>>,
    prefix: &'static str,
) -> (
    Signal<Vec<(String, String)>>,
    impl Fn(&'static str) -> Signal<Option<String>> + Copy,
    NodeRef<html::Div>,
    RwSignal<bool>,
) {
    let tried = RwSignal::new(false);
    let errors = Signal::derive(move || match (tried.get(), check.get()) {
        (true, Some(r)) => errors_of(&r, prefix),
        _ => Vec::new(),
    });
    let field = move |id: &'static str| Signal::derive(move || error_for(&errors.get(), id));
    (errors, field, NodeRef::new(), tried)
}

/// On submit of a form from [`checked_fields`]: from now on its errors show,
/// and when the check finds any the summary takes focus. `true` when the
/// form may be sent.
pub fn ready_to_send(
    check: Memo<Option<frist_domain::Report>>,
    tried: RwSignal<bool>,
    summary: NodeRef<html::Div>,
) -> bool {
    tried.set(true);
    let ready = check.get_untracked().is_none();
    if !ready {
        focus_summary(summary);
    }
    ready
}

/// Focuses the summary (after the DOM has shown it).
pub fn focus_summary(node: NodeRef<html::Div>) {
    request_animation_frame(move || {
        // The form may be gone by the next frame (the user moved on).
        if let Some(el) = node.try_get_untracked().flatten() {
            let _ = el.focus();
        }
    });
}

/// After a refusal: the edge's field issues (if any) or its text.
pub fn refusal(
    e: &crate::api::ApiError,
    field_errors: RwSignal<Vec<Issue>>,
    alert: RwSignal<Option<String>>,
) {
    let issues = e.issues();
    if issues.is_empty() {
        alert.set(Some(e.text()));
    } else {
        field_errors.set(issues);
    }
}

/// Drafts, written on every change so a reload, a crash or an ended session
/// never loses what was typed — and readable by nobody but their user.
///
/// Each draft is kept in `localStorage` encrypted with AES-GCM (WebCrypto)
/// under a key the edge gives only to the logged-in user
/// (`SessionView::draft_key`, derived from a server secret and the user);
/// the key lives in memory as a non-extractable `CryptoKey`, never in any
/// browser store. Entries are named `frist.vault.<owner>.<draft>`, `owner`
/// a keyed hash of the user, so two users of one PC never meet each
/// other's drafts, and a draft waiting to be sent is sent only by its own
/// user. The rest of the app reads and writes drafts synchronously: after
/// login [`unlock`] decrypts the user's drafts into memory, every write
/// updates memory at once and the store a moment later. An ended session
/// [`lock`]s (the encrypted drafts stay for that user's next login); an
/// explicit logout [`forget_all`]s them, after the user is warned.
pub mod draft {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use frist_domain::api::SessionView;
    use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    const VAULT: &str = "frist.vault";
    /// Drafts of frist before they were encrypted: read by nobody, removed.
    const CLEAR_TEXT: &[&str] = &["frist.draft.", "frist.upload.", "frist.kontroll."];

    struct Vault {
        owner: String,
        key: JsValue,
        plain: HashMap<String, String>,
    }

    thread_local! {
        static OPEN: RefCell<Option<Vault>> = const { RefCell::new(None) };
        /// Writes begun and finished: on the page as `data-drafts-begun` and
        /// `data-drafts-done`, so one can see when everything typed is
        /// stored (a browser test waits for it rather than for a time).
        static WRITES: std::cell::Cell<(u64, u64)> = const { std::cell::Cell::new((0, 0)) };
    }

    fn count_write(begun: u64, done: u64) {
        let (b, d) = WRITES.with(|w| {
            let (b, d) = w.get();
            w.set((b + begun, d + done));
            (b + begun, d + done)
        });
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("data-drafts-begun", &b.to_string());
            let _ = root.set_attribute("data-drafts-done", &d.to_string());
        }
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    fn stored_name(owner: &str, key: &str) -> String {
        format!("{VAULT}.{owner}.{key}")
    }

    fn keys_of(storage: &web_sys::Storage) -> Vec<String> {
        let n = storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect()
    }

    /// Calls `crypto.subtle.<method>(args…)` and waits for its promise.
    async fn subtle(method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let crypto: JsValue = window.crypto()?.into();
        let subtle = Reflect::get(&crypto, &"subtle".into())?;
        let f: Function = Reflect::get(&subtle, &method.into())?.dyn_into()?;
        let args: Array = args.iter().collect();
        let promise: Promise = f.apply(&subtle, &args)?.dyn_into()?;
        JsFuture::from(promise).await
    }

    fn aes(iv: Option<&[u8]>) -> Result<Object, JsValue> {
        let alg = Object::new();
        Reflect::set(&alg, &"name".into(), &"AES-GCM".into())?;
        if let Some(iv) = iv {
            Reflect::set(&alg, &"iv".into(), &Uint8Array::from(iv))?;
        }
        Ok(alg)
    }

    fn from_hex(hex: &str) -> Option<Vec<u8>> {
        (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
            .collect()
    }

    fn to_hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    async fn decrypt(key: &JsValue, stored: &str) -> Option<String> {
        let bytes = from_hex(stored)?;
        let (iv, sealed) = bytes.split_at_checked(12)?;
        let alg = aes(Some(iv)).ok()?;
        let plain = subtle(
            "decrypt",
            &[alg.into(), key.clone(), Uint8Array::from(sealed).into()],
        )
        .await
        .ok()?;
        String::from_utf8(Uint8Array::new(&plain).to_vec()).ok()
    }

    async fn encrypt(key: &JsValue, text: &str) -> Option<String> {
        let mut iv = [0u8; 12];
        web_sys::window()?
            .crypto()
            .ok()?
            .get_random_values_with_u8_array(&mut iv)
            .ok()?;
        let alg = aes(Some(&iv)).ok()?;
        let sealed = subtle(
            "encrypt",
            &[
                alg.into(),
                key.clone(),
                Uint8Array::from(text.as_bytes()).into(),
            ],
        )
        .await
        .ok()?;
        let mut out = iv.to_vec();
        out.extend(Uint8Array::new(&sealed).to_vec());
        Some(to_hex(&out))
    }

    /// After login: imports the user's key and decrypts their drafts into
    /// memory. Drafts of other users stay where they are, unreadable.
    pub async fn unlock(view: &SessionView) {
        let (Some(key_hex), Some(owner)) = (&view.draft_key, &view.draft_owner) else {
            lock();
            return;
        };
        // The same user again ("stay logged in"): what is in memory is newest.
        if OPEN.with(|v| v.borrow().as_ref().is_some_and(|v| &v.owner == owner)) {
            return;
        }
        let Some(storage) = storage() else { return };
        for k in keys_of(&storage) {
            if CLEAR_TEXT.iter().any(|p| k.starts_with(p)) {
                let _ = storage.remove_item(&k);
            }
        }
        let Some(raw) = from_hex(key_hex) else { return };
        let usages: Array = ["encrypt", "decrypt"]
            .iter()
            .map(|u| JsValue::from_str(u))
            .collect();
        let Ok(alg) = aes(None) else { return };
        let Ok(key) = subtle(
            "importKey",
            &[
                "raw".into(),
                Uint8Array::from(raw.as_slice()).into(),
                alg.into(),
                JsValue::FALSE,
                usages.into(),
            ],
        )
        .await
        else {
            return;
        };
        let prefix = format!("{VAULT}.{owner}.");
        let mut plain = HashMap::new();
        for name in keys_of(&storage) {
            let Some(draft) = name.strip_prefix(&prefix) else {
                continue;
            };
            let Some(stored) = storage.get_item(&name).ok().flatten() else {
                continue;
            };
            if let Some(text) = decrypt(&key, &stored).await {
                plain.insert(draft.to_owned(), text);
            }
        }
        OPEN.with(|v| {
            *v.borrow_mut() = Some(Vault {
                owner: owner.clone(),
                key,
                plain,
            })
        });
    }

    /// The session ended: the key and the plain drafts leave memory; the
    /// encrypted drafts stay for this user's next login.
    pub fn lock() {
        OPEN.with(|v| *v.borrow_mut() = None);
    }

    /// Explicit logout: the user's drafts are deleted from this browser.
    pub fn forget_all() {
        let owner = OPEN.with(|v| v.borrow().as_ref().map(|v| v.owner.clone()));
        if let (Some(owner), Some(storage)) = (owner, storage()) {
            let prefix = format!("{VAULT}.{owner}.");
            for k in keys_of(&storage) {
                if k.starts_with(&prefix) {
                    let _ = storage.remove_item(&k);
                }
            }
        }
        lock();
    }

    /// Whether the user has typed into a form that is not sent (a draft
    /// with some text in it; not a saved file or a submission key): what
    /// the logout warning asks about. An untouched form is no draft.
    pub fn has_unsent() -> bool {
        fn typed(v: &serde_json::Value) -> bool {
            match v {
                serde_json::Value::String(s) => !s.trim().is_empty(),
                serde_json::Value::Array(a) => a.iter().any(typed),
                serde_json::Value::Object(o) => {
                    o.iter().any(|(k, v)| k != "schema_version" && typed(v))
                }
                _ => false,
            }
        }
        OPEN.with(|v| {
            v.borrow().as_ref().is_some_and(|v| {
                v.plain.iter().any(|(k, text)| {
                    k.starts_with("frist.draft.")
                        && !k.ends_with(".key")
                        && !k.ends_with(".pending")
                        && serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| typed(&v))
                })
            })
        })
    }

    fn read(key: &str) -> Option<String> {
        OPEN.with(|v| v.borrow().as_ref()?.plain.get(key).cloned())
    }

    fn write(key: &str, text: Option<String>) {
        let target = OPEN.with(|v| {
            let mut v = v.borrow_mut();
            let vault = v.as_mut()?;
            match &text {
                Some(t) => vault.plain.insert(key.to_owned(), t.clone()),
                None => vault.plain.remove(key),
            };
            Some((stored_name(&vault.owner, key), vault.key.clone()))
        });
        let (Some((name, crypto_key)), Some(storage)) = (target, storage()) else {
            return;
        };
        match text {
            None => {
                let _ = storage.remove_item(&name);
            }
            Some(text) => {
                count_write(1, 0);
                leptos::task::spawn_local(async move {
                    if let Some(sealed) = encrypt(&crypto_key, &text).await {
                        // Written only if the draft is still this one (a
                        // later change or a clear wins).
                        let current = read_named(&name);
                        if current.as_deref() == Some(text.as_str()) {
                            let _ = storage.set_item(&name, &sealed);
                        }
                    }
                    count_write(0, 1);
                });
            }
        }
    }

    /// The plain text now held for the stored entry `name`, if its vault is open.
    fn read_named(name: &str) -> Option<String> {
        OPEN.with(|v| {
            let v = v.borrow();
            let vault = v.as_ref()?;
            let key = name.strip_prefix(&format!("{VAULT}.{}.", vault.owner))?;
            vault.plain.get(key).cloned()
        })
    }

    pub fn load<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
        serde_json::from_str(&read(key)?).ok()
    }

    pub fn save<T: serde::Serialize>(key: &str, value: &T) {
        if let Ok(text) = serde_json::to_string(value) {
            write(key, Some(text));
        }
    }

    /// Forgets the draft under `key`, with its submission key and its place
    /// in the outbox.
    pub fn clear(key: &str) {
        for k in [
            key.to_owned(),
            format!("{key}.key"),
            format!("{key}.pending"),
        ] {
            write(&k, None);
        }
    }

    /// The `Idempotency-Key` of the submission `body` of the draft under
    /// `key`, kept beside the draft: a resend after a reload, a crash or a
    /// lost answer is the same submission, so the edge answers it once. A
    /// changed form is a new submission with a new key.
    pub fn submission_key<T: serde::Serialize>(key: &str, body: &T) -> String {
        let at = format!("{key}.key");
        let text = serde_json::to_string(body).unwrap_or_default();
        match load::<(String, String)>(&at) {
            Some((k, sent)) if sent == text => k,
            _ => {
                let k = crate::api::new_idempotency_key();
                save(&at, &(k.clone(), text));
                k
            }
        }
    }

    /// Marks the draft under `key` as waiting in the outbox (or not).
    pub fn set_pending(key: &str, pending: bool) {
        let at = format!("{key}.pending");
        if pending {
            save(&at, &true);
        } else {
            write(&at, None);
        }
    }

    /// Whether the draft under `key` was in the outbox when the page closed.
    pub fn pending(key: &str) -> bool {
        load::<bool>(&format!("{key}.pending")).unwrap_or(false)
    }

    /// "Lag kopi": `value` (an earlier submission's form) becomes the draft
    /// under `key`. A draft the user has started is never overwritten
    /// silently: they are asked first, and keep it if they say no.
    pub fn copy_into<T: serde::Serialize + serde::de::DeserializeOwned + Default + PartialEq>(
        key: &str,
        value: &T,
    ) -> bool {
        let started = load::<T>(key).is_some_and(|d| d != T::default() && d != *value);
        if started {
            let ok = web_sys::window()
                .and_then(|w| {
                    w.confirm_with_message(crate::i18n::t("form.copy_replaces_draft"))
                        .ok()
                })
                .unwrap_or(false);
            if !ok {
                return false;
            }
        }
        save(key, value);
        true
    }
}

/// Today in Europe/Oslo, from the browser's clock (CAL-5).
pub fn today() -> chrono::NaiveDate {
    frist_domain::calendar::oslo_date_from_millis(js_sys::Date::now() as i64)
        .unwrap_or(frist_domain::calendar::MIN_DATE)
}

/// A date as people read it, `dd.mm.åååå`.
pub fn nb(date: chrono::NaiveDate) -> String {
    frist_domain::calendar::format_nb(date)
}

/// The tag beside a deadline (issue 24): overdue in red with how long,
/// today and tomorrow in amber, the rest of the week neutral; nothing for
/// a deadline further away. `data-due` carries the kind for tests.
pub fn due_tag(deadline: chrono::NaiveDate) -> Option<impl IntoView> {
    use frist_domain::calendar::{Due, due};
    let (color, kind, text) = match due(deadline, today()) {
        Due::Overdue(1) => ("danger", "overdue", t("due.overdue_one").to_owned()),
        Due::Overdue(n) => (
            "danger",
            "overdue",
            tf("due.overdue", &[("n", &n.to_string())]),
        ),
        Due::Today => ("warning", "today", t("due.today").to_owned()),
        Due::Tomorrow => ("warning", "tomorrow", t("due.tomorrow").to_owned()),
        Due::ThisWeek(n) => ("info", "week", tf("due.in_days", &[("n", &n.to_string())])),
        Due::Later => return None,
    };
    Some(
        view! { " " <span class="ds-tag" data-color=color data-due=kind data-testid="due-tag">{text}</span> },
    )
}

/// A list's `?vis=` filter, from the front page's counts (issue 24).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// `forfalt`: the deadline has passed.
    Overdue,
    /// `uke`: the deadline is today or within seven days.
    ThisWeek,
    /// `gjor-na`: the hospital must act now.
    ActNow,
}

impl Show {
    /// Whether an item with this deadline stays in the list.
    pub fn keeps(self, deadline: Option<chrono::NaiveDate>, today: chrono::NaiveDate) -> bool {
        match self {
            Show::Overdue => deadline.is_some_and(|d| d < today),
            Show::ThisWeek => deadline.is_some_and(|d| d >= today && (d - today).num_days() <= 7),
            Show::ActNow => true,
        }
    }
}

/// The page's `?vis=` filter.
pub fn show_filter() -> Memo<Option<Show>> {
    let query = leptos_router::hooks::use_query_map();
    Memo::new(move |_| match query.get().get("vis").as_deref() {
        Some("forfalt") => Some(Show::Overdue),
        Some("uke") => Some(Show::ThisWeek),
        Some("gjor-na") => Some(Show::ActNow),
        _ => None,
    })
}

/// Above a filtered list: what it shows, and a link to all of it.
pub fn show_note(show: Memo<Option<Show>>, all: &'static str) -> impl IntoView {
    move || {
        show.get().map(|s| {
            let what = match s {
                Show::Overdue => t("list.showing_overdue"),
                Show::ThisWeek => t("list.showing_this_week"),
                Show::ActNow => t("list.showing_act_now"),
            };
            view! {
                <p class="ds-paragraph" data-testid="list-filter">
                    {what}" "<leptos_router::components::A href=all>{t("list.show_all")}</leptos_router::components::A>
                </p>
            }
        })
    }
}

/// A month `åååå-mm` as people read it: "september 2026" (`short`:
/// "sep. 2026"), in the chosen language.
pub fn month_name(ym: &str, short: bool) -> String {
    const NB: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let Some((year, month)) = ym.split_once('-') else {
        return ym.to_owned();
    };
    let Some(i) = month.parse::<usize>().ok().filter(|m| (1..=12).contains(m)) else {
        return ym.to_owned();
    };
    let english = crate::i18n::lang() == crate::i18n::Lang::En;
    let name = if english { EN[i - 1] } else { NB[i - 1] };
    if short && name.chars().count() > 4 {
        let cut: String = name.chars().take(3).collect();
        let dot = if english { "" } else { "." };
        format!("{cut}{dot} {year}")
    } else {
        format!("{name} {year}")
    }
}

/// What a form holds, as the user sees it: each labelled field that has a
/// value, in page order, as (label, value) — a select by its chosen option's
/// text, a ticked checkbox as "Ja". For the "Se over og send inn" step
/// (issue 24): the review lists exactly what was typed, in the form's words.
pub fn review_rows(form: &web_sys::Element) -> Vec<(String, String)> {
    use js_sys::Reflect;
    use wasm_bindgen::JsValue;
    let get = |v: &JsValue, key: &str| {
        Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    };
    let Ok(labels) = form.query_selector_all("label[for]") else {
        return Vec::new();
    };
    let mut rows = Vec::new();
    for i in 0..labels.length() {
        let Some(label) = labels
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let Some(field) = label
            .get_attribute("for")
            .and_then(|id| document().get_element_by_id(&id))
        else {
            continue;
        };
        let field: JsValue = field.into();
        let value = match get(&field, "type").as_string().as_deref() {
            Some("checkbox") => get(&field, "checked")
                .as_bool()
                .unwrap_or(false)
                .then(|| t("form.yes").to_owned()),
            Some("select-one") => {
                let chosen = get(&field, "value").as_string().unwrap_or_default();
                let index = get(&field, "selectedIndex").as_f64().unwrap_or(-1.0);
                let option = get(&get(&field, "options"), &format!("{index}"));
                (!chosen.is_empty()).then(|| get(&option, "text").as_string().unwrap_or(chosen))
            }
            _ => get(&field, "value").as_string(),
        };
        let value = value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
        if let (Some(text), Some(value)) = (label.text_content(), value) {
            rows.push((text.trim().to_owned(), value));
        }
    }
    rows
}

/// Where a submission stands; the form always says which (issue 10).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Not sent: what is typed is kept in this browser.
    Draft,
    /// On its way to Helfo.
    Sending,
    /// The network failed: it waits in this browser's outbox and is sent
    /// again, with the same key, in `seconds`.
    Waiting { attempt: u32, seconds: u32 },
}

/// What sending a form touches: its busy flag, the edge's field issues, the
/// alert, the error summary, the receipt, the draft to clear, and where the
/// submission stands.
pub struct Sending<T: Send + Sync + 'static> {
    pub busy: RwSignal<bool>,
    pub edge_issues: RwSignal<Vec<Issue>>,
    pub failure: RwSignal<Option<String>>,
    pub summary: NodeRef<html::Div>,
    pub receipt: RwSignal<Option<T>>,
    pub draft_key: &'static str,
    pub delivery: RwSignal<Delivery>,
}

impl<T: Send + Sync + 'static> Clone for Sending<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Sending<T> {}

/// Sends a form through the browser's outbox: on success the receipt
/// replaces it and the draft goes; when the network fails it stays in the
/// outbox (also across a reload: see [`draft::pending`]) and is sent again
/// with the same `Idempotency-Key` — after 4, 8, 16, then every 30 seconds —
/// until it lands or the user cancels; a refusal shows the edge's field
/// issues (or its text) in the summary.
pub fn send_form<T, F, Fut>(s: Sending<T>, request: F)
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + 'static,
    Fut: std::future::Future<Output = Result<T, crate::api::ApiError>> + 'static,
{
    s.busy.set(true);
    s.delivery.set(Delivery::Sending);
    draft::set_pending(s.draft_key, true);
    leptos::task::spawn_local(async move {
        let mut attempt = 0;
        loop {
            match request().await {
                Ok(answer) => {
                    draft::clear(s.draft_key);
                    s.delivery.set(Delivery::Draft);
                    s.receipt.set(Some(answer));
                    focus_id("receipt");
                    break;
                }
                Err(crate::api::ApiError::Network) => {
                    attempt += 1;
                    let wait = (2u32 << attempt.min(4)).min(30);
                    for seconds in (1..=wait).rev() {
                        // Cancelled while waiting: it stays a draft. The
                        // form gone (the user moved on): the draft stays in
                        // the outbox, and the form resumes it when opened.
                        match s.delivery.try_get_untracked() {
                            None => return,
                            Some(Delivery::Draft) => break,
                            Some(_) => {}
                        }
                        s.delivery.set(Delivery::Waiting { attempt, seconds });
                        gloo_sleep(1000).await;
                    }
                    match s.delivery.try_get_untracked() {
                        None => return,
                        Some(Delivery::Draft) => {
                            draft::set_pending(s.draft_key, false);
                            break;
                        }
                        Some(_) => {}
                    }
                    s.delivery.set(Delivery::Sending);
                }
                Err(e) => {
                    draft::set_pending(s.draft_key, false);
                    s.delivery.set(Delivery::Draft);
                    refusal(&e, s.edge_issues, s.failure);
                    focus_summary(s.summary);
                    break;
                }
            }
        }
        s.busy.set(false);
    });
}

/// Where the form's submission stands, announced politely: kept in this
/// browser, sending, or waiting in the outbox for the network (with a way
/// to stop trying). The receipt replaces the form once it has arrived.
#[component]
pub fn DeliveryStatus(delivery: RwSignal<Delivery>) -> impl IntoView {
    view! {
        <div class="frist-delivery" data-testid="delivery" role="status" aria-live="polite">
            {move || match delivery.get() {
                Delivery::Draft => view! {
                    <p class="ds-paragraph" data-size="sm" data-state="draft">{t("form.delivery_draft")}</p>
                }.into_any(),
                Delivery::Sending => view! {
                    <p class="ds-paragraph" data-size="sm" data-state="sending">{t("form.delivery_sending")}</p>
                }.into_any(),
                Delivery::Waiting { attempt, seconds } => view! {
                    <p class="ds-paragraph" data-size="sm" data-state="waiting">
                        {tf("form.delivery_waiting", &[("seconds", &seconds.to_string()), ("attempt", &attempt.to_string())])}
                    </p>
                    <button class="ds-button" data-variant="tertiary" data-size="sm" type="button" data-testid="cancel-sending"
                        on:click=move |_| delivery.set(Delivery::Draft)>{t("form.delivery_cancel")}</button>
                }.into_any(),
            }}
        </div>
    }
}

/// While a page's object loads: the `loading` text, or why it could not be
/// loaded — an unknown number says so, never "loading" for ever.
pub fn loading_or_failure(
    failure: RwSignal<Option<String>>,
    loading: &'static str,
) -> impl IntoView {
    move || match failure.get() {
        Some(text) => alert("danger", text).into_any(),
        None => view! { <p class="ds-paragraph">{t(loading)}</p> }.into_any(),
    }
}

/// A Designsystemet alert: `danger` is announced at once (`role=alert`),
/// the others politely (`role=status`).
pub fn alert(kind: &'static str, text: String) -> impl IntoView {
    let role = if kind == "danger" { "alert" } else { "status" };
    view! { <div class="ds-alert" data-color=kind role=role><p class="ds-paragraph">{text}</p></div> }
}

/// Offers the CSV `text` as a file download named `name`.
pub fn save_text(name: &str, text: &str) {
    save_file(name, "text/csv;charset=utf-8", text);
}

/// Offers `text` as a file download named `name` of type `mime`. Made in
/// the browser, so nothing personal travels in a URL.
pub fn save_file(name: &str, mime: &str, text: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Lets the browser paint and handle input before the next slice.
pub async fn yield_now() {
    gloo_sleep(0).await;
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn gloo_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
