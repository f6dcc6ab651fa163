//! A question before a step that cannot be taken back (issue 24): a modal
//! `<dialog>` (Designsystemet's Dialog) that says what will happen and
//! names the step by its own verb. The browser keeps focus inside while it
//! is open, Esc cancels, and focus returns to the button that opened it;
//! the safe answer, *Avbryt*, has the focus first.

use leptos::prelude::*;

use crate::i18n::t;

/// What a confirmation asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub title: String,
    /// What will happen, and what cannot be undone.
    pub body: String,
    /// The step's own verb ("Registrer", "Deaktiver"), never a bare "OK".
    pub yes: String,
}

/// Opens when `ask` holds a question; runs `on_yes` when the user
/// confirms, and nothing otherwise. `id` keeps two dialogs on one page
/// apart.
#[component]
pub fn Confirm(
    id: &'static str,
    ask: RwSignal<Option<Question>>,
    on_yes: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let cancel = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        let open = ask.with(Option::is_some);
        let Some(d) = dialog.get() else {
            return;
        };
        if open && !d.open() {
            let _ = d.show_modal();
            if let Some(c) = cancel.get() {
                let _ = c.focus();
            }
        } else if !open && d.open() {
            d.close();
        }
    });
    let title_id = format!("{id}-title");
    let body_id = format!("{id}-body");
    let (labelled_by, described_by) = (title_id.clone(), body_id.clone());
    let text = move |f: fn(&Question) -> String| move || ask.with(|q| q.as_ref().map(f));
    view! {
        <dialog
            class="ds-dialog frist-dialog"
            id=id
            node_ref=dialog
            data-testid=id
            aria-labelledby=labelled_by
            aria-describedby=described_by
            on:close=move |_| ask.set(None)
        >
            <h2 class="ds-heading" data-size="sm" id=title_id>
                {text(|q| q.title.clone())}
            </h2>
            <p class="ds-paragraph" id=body_id>
                {text(|q| q.body.clone())}
            </p>
            <div class="frist-actions">
                <button
                    class="ds-button"
                    data-variant="primary"
                    type="button"
                    on:click=move |_| {
                        ask.set(None);
                        on_yes.run(());
                    }
                >
                    {text(|q| q.yes.clone())}
                </button>
                <button
                    class="ds-button"
                    data-variant="secondary"
                    type="button"
                    node_ref=cancel
                    on:click=move |_| ask.set(None)
                >
                    {t("confirm.cancel")}
                </button>
            </div>
        </dialog>
    }
}
