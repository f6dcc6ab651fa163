//! FL-2 … FL-6, FL-8, FL-9, FL-11: the checks of a new list (new GP or
//! vacant) and of a list-size change.

use super::check::CheckContext;
use super::check::Replaced;
use super::check::check_direct_settlement;
use super::check::check_visibility;
use super::message::Message;
use super::message::MessageForm;
use super::message::MessageKind;
use super::message::TEXT_MAX;
use super::timing::Timing;
use super::timing::timing;
use crate::calendar;
use crate::fields;
use crate::validation::Issue;
use crate::validation::IssueCode;
use crate::validation::Report;

impl MessageForm {
    /// FL-2 … FL-6, FL-8, FL-11: a new GP agreement or vacant list.
    pub(super) fn new_list(
        &self,
        r: &mut Report,
        ctx: &CheckContext,
        kind: MessageKind,
        replaced: Option<Replaced>,
    ) -> Option<Message> {
        let (name, hpr, birth) = if kind == MessageKind::NewGp {
            self.gp(r)
        } else {
            (None, None, None)
        };
        let practice = fields::text(r, "practice", &self.practice, TEXT_MAX);
        let start = fields::date(r, "start_date", &self.start_date);
        let bounds = (ctx.bounds.min, ctx.bounds.max);
        let listetak = fields::number(r, "listetak", &self.listetak, bounds, None);
        let moved = fields::number(
            r,
            "citizens_moved",
            &self.citizens_moved,
            (0, ctx.bounds.max),
            Some(0),
        );
        // FL-9: more citizens than the list can take is a wrong number.
        if let (Some(m), Some(l)) = (moved, listetak)
            && m > l
        {
            r.push(
                Issue::error("citizens_moved", IssueCode::MovedExceedsListetak)
                    .with("listetak", i64::from(l)),
            );
        }
        // FL-9: citizens moved onto the new list are confirmed in words, as
        // on a list-size change: the registration cannot be undone.
        if let Some(m) = moved.filter(|m| *m > 0)
            && !self.confirmed
        {
            let to = name
                .clone()
                .or_else(|| practice.clone())
                .unwrap_or_default();
            r.push(
                Issue::error("confirmed", IssueCode::ConfirmMoves)
                    .with("count", i64::from(m))
                    .with("to", &*to),
            );
        }
        if !self.replaces.trim().is_empty() && replaced.is_none() {
            r.push(Issue::error("replaces", IssueCode::NotFound));
        }
        if kind == MessageKind::NewGp {
            check_direct_settlement(r, self, start);
        }
        check_visibility(r, ctx.today, start);
        let t = replaced.map(|x| x.termination);
        let timing = timing(ctx.today, t, start).ok()?;
        let what = match &name {
            Some(n) => format!("{} {n} ved {}", kind.name_nb(), practice.clone()?),
            None => format!("{} ved {}", kind.name_nb(), practice.clone()?),
        };
        Some(Message {
            kind,
            effective: start?,
            summary_nb: format!(
                "{what} fra {}, listetak {}",
                calendar::format_nb(start?),
                listetak?
            ),
            timing,
            gp_hpr: hpr,
            gp_name: name,
            gp_birth_date: birth,
            citizens_moved: moved?,
            substitute: None,
        })
    }
}

impl MessageForm {
    /// FL-9: the numbers of a list-size change must add up, and the clerk
    /// must confirm in words who moves where.
    pub(super) fn list_size(&self, r: &mut Report, ctx: &CheckContext) -> Option<Message> {
        let (name, hpr, birth) = self.gp(r);
        let effective = fields::date(r, "effective_date", &self.effective_date);
        let bounds = (ctx.bounds.min, ctx.bounds.max);
        let current = fields::number(
            r,
            "current_list_size",
            &self.current_list_size,
            (0, ctx.bounds.max),
            None,
        );
        let new = fields::number(r, "new_listetak", &self.new_listetak, bounds, None);
        let moved = fields::number(
            r,
            "citizens_moved",
            &self.citizens_moved,
            (0, ctx.bounds.max),
            Some(0),
        );
        if let (Some(c), Some(n), Some(m)) = (current, new, moved) {
            let expected = c.saturating_sub(n);
            if m != expected {
                let code = if expected == 0 {
                    IssueCode::NoMoveNeeded
                } else {
                    IssueCode::ListNumbersDoNotAddUp
                };
                r.push(
                    Issue::error("citizens_moved", code)
                        .with("current", i64::from(c))
                        .with("new", i64::from(n))
                        .with("expected", i64::from(expected)),
                );
            } else if m > 0 {
                let to = fields::text(r, "move_to", &self.move_to, TEXT_MAX);
                if let Some(to) = to
                    && !self.confirmed
                {
                    r.push(
                        Issue::error("confirmed", IssueCode::ConfirmMoves)
                            .with("count", i64::from(m))
                            .with("to", &*to),
                    );
                }
            }
        }
        let timing = timing(ctx.today, None, effective).ok()?;
        Some(Message {
            kind: MessageKind::ListSize,
            effective: effective?,
            summary_nb: format!(
                "Listetak for {} endres fra {} til {} fra {}; {} innbyggere flyttes",
                name.clone()?,
                current?,
                new?,
                calendar::format_nb(effective?),
                moved?
            ),
            timing: Timing {
                visible_month_before: None,
                visible_from: None,
                ..timing
            },
            gp_hpr: hpr,
            gp_name: name,
            gp_birth_date: birth,
            citizens_moved: moved?,
            substitute: None,
        })
    }
}

/// FL-9: the consequence the clerk confirms, in words.
pub fn moves_in_words(count: u32, to: &str) -> String {
    let to = to.trim();
    match count {
        1 => format!("1 innbygger flyttes til {to}."),
        n => format!("{n} innbyggere flyttes til {to}."),
    }
}
